"""Start-up ratios in ``bench/responsive.py``: each program run is divided by its own
round's bare window, so a run that failed drops its round instead of shifting every later
pair onto the wrong baseline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import responsive  # noqa: E402


def test_a_failed_run_drops_its_round_and_keeps_the_others_paired(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Round 1: the program fails. Rounds 2 and 3: bare 1.0 s and 2.0 s, program 2.0 s and
    # 4.0 s, so both true ratios are 2.0. Paired by position, the program's 2.0 s would sit
    # over round 1's 0.5 s bare window (4.0x) and its 4.0 s over 1.0 s (4.0x).
    bare = iter([0.5, 1.0, 2.0])
    app: list[dict[str, Any]] = [{"error": "crashed"}, {"startup_s": 2.0}, {"startup_s": 4.0}]

    def probe(mode: str, db: Path | None, text: str = "",
              src: Path | None = None) -> dict[str, Any]:
        if mode == "bare":
            return {"startup_s": next(bare)}
        return app.pop(0)

    monkeypatch.setattr(responsive, "probe", probe)
    out = responsive.startup(tmp_path / "archive.sqlite3", runs=3, before=None)
    assert out["app_ratio_p50"] == pytest.approx(2.0)
    assert out["failed_runs"] == 1
    assert out["app_s"] == [2.0, 4.0]


def test_the_program_before_starts_on_its_own_archive(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # An older program asked to open an archive of a later schema waits on its message
    # about it: the program before gets the archive at its own schema.
    opened: list[tuple[Path | None, Path | None]] = []

    def probe(mode: str, db: Path | None, text: str = "",
              src: Path | None = None) -> dict[str, Any]:
        if mode != "bare":
            opened.append((src, db))
        return {"startup_s": 1.0}

    monkeypatch.setattr(responsive, "probe", probe)
    new, old = tmp_path / "new.sqlite3", tmp_path / "old.sqlite3"
    out = responsive.startup(new, runs=2, before=tmp_path / "src", before_db=old)
    assert sorted(opened, key=str) == sorted([(None, new), (tmp_path / "src", old)] * 2,
                                             key=str)
    assert out["before_ratio_p50"] == pytest.approx(1.0)


def test_typing_starts_each_program_once_untimed_and_says_the_load(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A program's first start compiles its modules: that round is run and not counted.
    started: list[tuple[str, Path | None]] = []
    stalls = iter([900.0, 20.0, 30.0, 40.0])  # the first start of each program is slow
    before_stalls = iter([800.0, 50.0, 60.0, 70.0])

    def probe(mode: str, db: Path | None, text: str = "",
              src: Path | None = None) -> dict[str, Any]:
        started.append((mode, src))
        if mode == "typing-bare":
            return {"max_stall_ms": 10.0}
        got = next(before_stalls if src == tmp_path / "old" else stalls)
        return {"max_stall_ms": got, "top_stalls_ms": [got]}

    monkeypatch.setattr(responsive, "probe", probe)
    monkeypatch.setattr("os.getloadavg", lambda: (3.5, 3.0, 2.5))
    out = responsive.typing(tmp_path / "a.sqlite3", runs=3, before=tmp_path / "old")
    assert started[:3] == [("typing-bare", None), ("typing", tmp_path / "old"),
                           ("typing", None)]
    # Each round the bare window first, then the two programs, taking turns at going first.
    old = ("typing", tmp_path / "old")
    assert started[3:9] == [("typing-bare", None), ("typing", None), old,
                            ("typing-bare", None), old, ("typing", None)]
    assert out["max_stall_ms"] == [20.0, 30.0, 40.0]
    assert out["before_max_stall_ms"] == [50.0, 60.0, 70.0]
    assert out["load_average"] == [3.5] * 4  # before the runs and after each
    assert "(load average 3.5 to 3.5)" in responsive.report({"typing": out})


def test_a_busy_load_spins_while_it_lasts_and_is_gone_after() -> None:
    with responsive.BusyLoad(2) as load:
        procs = list(load._procs)  # noqa: SLF001
        assert len(procs) == 2 and all(p.poll() is None for p in procs)
    assert all(p.poll() is not None for p in procs)
    with responsive.BusyLoad(0) as none:
        assert none._procs == []  # noqa: SLF001


def test_run_times_the_programs_own_start_up_beside_a_bare_window(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``run.py`` prints the start-up ratio the target is put in: the program through its
    own ``main()`` (not a window made on an archive opened first), paired run by run."""
    import run

    asked: list[str] = []

    def probe(mode: str, db: Path | None, text: str = "",
              src: Path | None = None) -> dict[str, Any]:
        asked.append(mode)
        return {"startup_s": 1.0 if mode == "bare" else 1.8, "peak_rss_mb": 50.0,
                "max_stall_ms": 3.0, "query": text}

    monkeypatch.setattr(responsive, "probe", probe)
    result = run.ui(tmp_path, 2)
    assert asked == ["bare", "app", "bare", "app", "typing"]
    assert result["window"]["startup_s"] == 1.8
    assert "1.80x" in run.report({"size": 10, "machine": {"cores": 2, "cpu": "x"},
                                  "ui": result})
