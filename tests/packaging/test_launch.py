"""One program, two names: the bundle's launcher picks the command line by its name."""

from __future__ import annotations

import pytest

from tests.packaging.conftest import load

launch = load("launch")


@pytest.mark.parametrize(("argv0", "cli"), [
    ("/opt/ReadoutDesk/readout-desk-cli", True),
    ("readout-desk-cli", True),
    (r"C:\Programs\ReadoutDesk\readout-desk-cli.exe", True),
    ("/usr/local/bin/READOUT-DESK-CLI", True),
    ("/opt/ReadoutDesk/readout-desk", False),
    ("readout-desk.exe", False),
    ("/opt/readout-desk-cli/readout-desk", False),
])
def test_the_name_started_by_chooses_the_command_line(argv0: str, cli: bool) -> None:
    assert launch.started_as_cli(argv0) is cli


def test_a_reader_started_again_by_multiprocessing_is_run_before_anything_else(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    calls: list[str] = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("freeze"))
    def by_name(_argv0: str) -> bool:
        calls.append("name")
        return True

    monkeypatch.setattr(launch, "started_as_cli", by_name)
    monkeypatch.setattr("readout_desk.cli.main", lambda: 0)
    assert launch.main() == 0
    assert calls == ["freeze", "name"]
