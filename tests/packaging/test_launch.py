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
