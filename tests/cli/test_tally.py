"""The command line's writes keep the tally beside the archive (``NAME.tally``) true, as the
window's do: after an import, an add or emptying the trash from the command line, the
window starts on the archive without claiming saved changes went missing, and counts
what the file holds."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

from readout_desk import cli
from readout_desk.archive import Archive, open_with_recovery, read_first_page
from readout_desk.archive import tally as tallies
from readout_desk.domain import jsonformat
from tests.archive.helpers import lima_readout


def run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def _recorded_is_held(path: Path) -> int:
    """The tally beside the archive agrees with the file; the number of readouts."""
    recorded = tallies.read(path)
    with Archive.open(path, read_only=True) as archive:
        held = archive.tally()
    assert recorded is not None and held is not None
    assert (recorded.changes, recorded.readouts, recorded.checksum) == (
        held.changes, held.readouts, held.checksum)
    return held.readouts


def _window_starts_on(path: Path, readouts: int) -> None:
    """What the window's start reads: the first page (trusted only while the tally agrees)
    and the opening's check for lost changes."""
    page = read_first_page(str(path), sort="date", descending=True, limit=50)
    assert page is not None and page.total == readouts

    def asked(damage: object) -> None:
        raise AssertionError(f"the opening asked about {damage}")

    opened = open_with_recovery(path, choose=asked)
    try:
        assert opened.archive.count() == readouts
    finally:
        opened.archive.close()


def test_imports_adds_and_purges_from_the_command_line_keep_the_tally(
        tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    readouts = [dataclasses.replace(lima_readout(), title=f"Talk {i}") for i in range(6)]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(jsonformat.document(readouts[:5])), encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps(jsonformat.document(readouts[5:])), encoding="utf-8")

    run("--db", str(path), "import", str(export))
    assert _recorded_is_held(path) == 5
    run("--db", str(path), "add", str(one))
    assert _recorded_is_held(path) == 6
    with Archive.open(path) as archive:  # the window moves two to the trash
        for readout_id in archive.search_ids("")[:2]:
            archive.delete(readout_id)
    run("--db", str(path), "trash", "empty", "--yes")
    assert _recorded_is_held(path) == 4
    _window_starts_on(path, 4)
