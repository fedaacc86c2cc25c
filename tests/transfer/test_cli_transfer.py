"""The import, export, backup, restore, check and trash commands; an import killed mid-way."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import icalendar
import pytest

from readout_desk import cli
from readout_desk.archive import Archive
from readout_desk.domain import jsonformat
from tests.archive.helpers import lima_readout


def run(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(db), "--home-zone", "Asia/Tokyo", *args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "archive.sqlite3"
    assert run(db, "demo")[0] == 0
    return db


def test_export_import_round_trip_on_the_command_line(tmp_path: Path, demo_db: Path) -> None:
    out = tmp_path / "all.json"
    code, text, _ = run(demo_db, "export", "--format", "json", "--out", str(out))
    assert code == 0 and "Exported" in text
    other = tmp_path / "other.sqlite3"
    code, text, _ = run(other, "import", str(out))
    assert code == 0 and "Imported" in text
    code, text, _ = run(other, "import", str(out))
    assert code == 0 and "Skipped" in text and "Imported 0 readouts" in text


@pytest.mark.parametrize("fmt", ["csv", "md", "html", "ics", "pdf"])
def test_every_export_format(tmp_path: Path, demo_db: Path, fmt: str,
                             request: pytest.FixtureRequest) -> None:
    if fmt == "pdf":
        # The application of the test process is pytest-qt's QApplication, which the GUI
        # tests need; on its own the command line starts a QGuiApplication (test_cli.py).
        request.getfixturevalue("qapp")
    out = tmp_path / f"peru.{fmt}"
    code, text, err = run(demo_db, "export", "--format", fmt, "--query", "peru",
                          "--out", str(out))
    assert code == 0, err
    assert out.stat().st_size > 0
    if fmt == "ics":
        events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
        lima = [e.decoded("DTSTART") for e in events if "Peru" in str(e["SUMMARY"])]
        assert [d.strftime("%H:%M %Z") for d in lima] == ["09:10 -05", "09:40 -05"]
    if fmt == "pdf":
        assert out.read_bytes()[:5] == b"%PDF-"


def test_export_problems_are_one_sentence(tmp_path: Path, demo_db: Path) -> None:
    code, _, err = run(demo_db, "export", "--format", "json", "--query", "nosuchword",
                       "--out", str(tmp_path / "x.json"))
    assert code == 2 and "Nothing to export" in err and "Traceback" not in err
    code, _, err = run(demo_db, "export", "--format", "json", "--ids", "999",
                       "--out", str(tmp_path / "x.json"))
    assert code == 2 and "no readout 999" in err


def test_import_with_a_csv_mapping(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Headline,Day,Zone,Start\nTalks,2024-02-01,Asia/Tokyo,10:30\n", "utf-8")
    db = tmp_path / "a.sqlite3"
    code, text, err = run(db, "import", str(sheet), "--map", "title=Headline",
                          "--map", "meeting_date=Day", "--map", "session_zone=Zone",
                          "--map", "session_start=Start")
    assert code == 0, err
    with Archive.open(db) as archive:
        (r,) = archive.get_many(archive.all_ids())
        start = r.sessions[0].start
        assert start is not None
        assert (r.title, r.sessions[0].zone, start.hour) == ("Talks", "Asia/Tokyo", 10)
    code, _, err = run(db, "import", str(sheet), "--map", "colour=Headline")
    assert code == 2 and "not a field" in err


def test_backup_list_check_restore(tmp_path: Path, demo_db: Path) -> None:
    code, text, _ = run(demo_db, "backup")
    assert code == 0 and "Backed up to" in text
    code, text, _ = run(demo_db, "backup", "--list")
    backup_name = text.split()[0]
    backup_path = demo_db.with_name("archive-backups") / backup_name
    assert backup_path.is_dir()
    code, text, _ = run(demo_db, "check")
    assert code == 0 and "passes the integrity check" in text
    with Archive.open(demo_db) as archive:
        archive.delete_many(archive.all_ids())
    code, _, err = run(demo_db, "restore", str(backup_path))
    assert code == 2 and "--yes" in err
    code, text, _ = run(demo_db, "restore", str(backup_path), "--yes")
    assert code == 0 and "Restored" in text and "readouts" in text
    with Archive.open(demo_db) as archive:
        assert archive.trash() == [] and archive.count() > 0


def test_check_reports_damage_and_the_backup_to_restore(tmp_path: Path, demo_db: Path) -> None:
    with Archive.open(demo_db) as archive:
        archive.add_many([dataclasses.replace(lima_readout(), title=f"T{i}",
                                              lead="x" * 3000) for i in range(30)])
    run(demo_db, "backup")
    data = bytearray(demo_db.read_bytes())
    data[len(data) // 2:len(data) // 2 + 5000] = b"\x00\x01" * 2500
    demo_db.write_bytes(bytes(data))
    code, text, _ = run(demo_db, "check")
    assert code == 1 and "damaged" in text and "restore" in text


def test_trash_commands(tmp_path: Path, demo_db: Path) -> None:
    with Archive.open(demo_db) as archive:
        first = archive.all_ids()[0]
        archive.delete(first)
    code, text, _ = run(demo_db, "trash", "list")
    assert code == 0 and str(first) in text
    code, text, _ = run(demo_db, "trash", "restore", str(first))
    assert code == 0 and "Restored" in text
    code, _, err = run(demo_db, "trash", "restore", str(first))
    assert code == 2 and "not in the trash" in err
    with Archive.open(demo_db) as archive:
        archive.delete(first)
    code, text, _ = run(demo_db, "trash", "empty", "--yes")
    assert code == 0 and "Deleted 1 readout for good" in text
    code, text, _ = run(demo_db, "trash", "list")
    assert "empty" in text


# ----- an import killed at random moments ------------------------------------------------

FILES, PER_FILE, POINTS = 24, 25, 6


def _kill_corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    files = []
    for f in range(FILES):
        base = lima_readout()
        batch = [dataclasses.replace(
            base, title=f"F{f:02d} readout {i:02d}", lead="Lead words. " * 150,
            points=tuple(dataclasses.replace(base.points[0], text=f"Point {p}. " * 30)
                         for p in range(POINTS)))
            for i in range(PER_FILE)]
        path = folder / f"f{f:02d}.json"
        path.write_text(json.dumps(jsonformat.document(batch)), "utf-8")
        files.append(path)
    return files


def _check_whole(db: Path) -> int:
    """The archive is sound and every file is in it completely or not at all."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        per_file = dict(conn.execute(
            "SELECT substr(title, 1, 3), count(*) FROM readouts GROUP BY 1").fetchall())
        assert set(per_file.values()) <= {PER_FILE}, per_file
        partial = conn.execute(
            "SELECT r.id FROM readouts r WHERE "
            f"(SELECT count(*) FROM summary_points p WHERE p.readout_id = r.id) != {POINTS} OR "
            "(SELECT count(*) FROM meeting_sessions s WHERE s.readout_id = r.id) != 2 OR "
            "(SELECT count(*) FROM participants p WHERE p.readout_id = r.id) != 2").fetchall()
        assert partial == []
        # One row of sizes per readout the index holds (the table itself reads the readouts).
        indexed = conn.execute("SELECT count(*) FROM readout_fts_docsize").fetchone()[0]
        total = conn.execute("SELECT count(*) FROM readouts").fetchone()[0]
        assert indexed == total
        return int(total)


#: How long a launched import may stay silent before it counts as hung (not a measure).
HANG_S = 120.0


def _kill_chain(db: Path, files: list[Path], kills: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    cli_path = Path(sys.executable).with_name("readout-desk-cli")
    command = [str(cli_path)] if cli_path.exists() else [sys.executable, "-m",
                                                         "readout_desk.cli"]
    counts = []
    for _ in range(kills):
        # Hand each run the files not imported yet, so every kill lands among writes.
        with sqlite3.connect(db) as conn:
            done = {str(r[0]) for r in conn.execute("SELECT DISTINCT substr(title, 2, 2) "
                                                    "FROM readouts")}
        remaining = [f for f in files if f.stem[1:] not in done]
        if not remaining:
            for leftover in db.parent.glob(db.name + "*"):
                leftover.unlink()
            Archive.open(db).close()
            remaining = files
        proc = subprocess.Popen([*command, "--db", str(db), "import", "-v",
                                 *map(str, remaining)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert proc.stderr is not None
        # Wait for the import to begin (its first "[1/N]" line), then kill at a random moment.
        # The watchdog only ends a run that hangs before printing anything.
        watchdog = threading.Timer(HANG_S, proc.kill)
        watchdog.start()
        started = proc.stderr.readline()
        watchdog.cancel()
        assert started, "the import printed nothing"
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stderr.close()
        counts.append(_check_whole(db))
    return counts


@pytest.mark.slow
def test_an_import_killed_at_random_moments_leaves_no_partial_readout(tmp_path: Path) -> None:
    files = _kill_corpus(tmp_path / "in")
    dbs = [tmp_path / f"chain{i}.sqlite3" for i in range(2)]
    for db in dbs:
        Archive.open(db).close()
    with ThreadPoolExecutor(max_workers=2) as pool:
        chains = list(pool.map(lambda i: _kill_chain(dbs[i], files, 11, seed=i), range(2)))
    counts = [c for chain in chains for c in chain]
    print(f"readouts after each kill: {chains}")  # shown with pytest -s
    assert len(counts) == 22
    # The kills landed at different stages: the archives grew between kills.
    assert any(a < b for chain in chains for a, b in zip(chain, chain[1:], strict=False))
    # A last, uninterrupted run completes what the killed ones left.
    for db in dbs:
        code, _text, err = run(db, "import", *map(str, files))
        assert code == 0, err
        assert _check_whole(db) == FILES * PER_FILE


def test_text_files_on_the_command_line_wait_as_drafts(tmp_path: Path,
                                                       examples_dir: Path) -> None:
    from readout_desk.archive.transfer.drafts import DraftQueue

    db = tmp_path / "a.sqlite3"
    code, text, err = run(db, "import", str(examples_dir / "variant-dst-start-berlin.txt"))
    assert code == 0, err
    assert "1 draft" in text and "a-drafts" in text
    (draft,) = DraftQueue(tmp_path / "a-drafts").items()
    assert draft.readout.meeting_date is not None and draft.source_text
    with Archive.open(db) as archive:
        assert archive.count() == 0
