"""An import pauses Python's cycle collector while a file goes in, collects the young
generation every few batches, and leaves the collector as it found it."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, import_files
from readout_desk.archive.transfer import common, importing
from readout_desk.archive.transfer.attached import bring_photos
from tests.transfer.test_import_content import _document


class _Cycle:
    """Garbage only the cycle collector frees: an object that refers to itself."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "readouts.json"
    path.write_text(json.dumps(_document(90), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(tmp_path: Path, source: Path, collector: None,
                                         enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        assert not import_files(archive, [source]).failed
        assert gc.isenabled() is enabled
        broken = tmp_path / "broken.json"
        broken.write_text(source.read_text("utf-8")[:-200], encoding="utf-8")
        assert import_files(archive, [broken]).failed
        assert gc.isenabled() is enabled
        summary = import_files(archive, [source, source], cancelled=lambda: True)
        assert summary.cancelled and gc.isenabled() is enabled


def test_cyclic_garbage_lives_a_few_batches(tmp_path: Path, source: Path, collector: None,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    gc.enable()
    monkeypatch.setattr(importing, "BATCH", 10)
    monkeypatch.setattr(common, "COLLECT_EVERY", 3)
    left: list[weakref.ref[_Cycle]] = []
    paused: list[bool] = []
    alive: list[int] = []

    def bring_leaving_a_cycle(archive: Archive, path: Path, batch: Any, conn: Any) -> Any:
        paused.append(not gc.isenabled())
        alive.append(sum(ref() is not None for ref in left))  # the batches' before this one
        left.append(weakref.ref(_Cycle()))
        return bring_photos(archive, path, batch, conn)

    monkeypatch.setattr(importing, "bring_photos", bring_leaving_a_cycle)
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        summary = import_files(archive, [source])
    assert not summary.failed and len(left) == 10  # 92 readouts
    # Collected after the third, the sixth and the ninth batch: each cycle lived three
    # batches at most.
    assert paused == [True] * 10 and alive == [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]


@pytest.mark.parametrize("enabled", [True, False])
def test_a_reader_pauses_the_collector_while_it_makes_batches(
        source: Path, collector: None, enabled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader process makes its batches with the collector paused, the young
    generation collected after every few batches sent, and leaves it as it found it."""
    from readout_desk.archive.transfer import readers

    (gc.enable if enabled else gc.disable)()
    seen: list[bool] = []
    cycles: list[weakref.ref[_Cycle]] = []
    alive: list[int] = []

    def put(message: tuple[Any, ...]) -> None:
        seen.append(gc.isenabled())
        alive.append(sum(ref() is not None for ref in cycles))
        cycles.append(weakref.ref(_Cycle()))  # cyclic garbage left as a batch is sent

    class _Never:
        def is_set(self) -> bool:
            return False

    monkeypatch.setattr(common, "COLLECT_EVERY", 2)
    end = readers._read_share(str(source), 0, 1, 10, "sqlite", put, _Never())  # noqa: SLF001
    assert end[0] == "end" and end[1] is None
    # 92 readouts: nine batches of 10 made paused, collected after the second, the
    # fourth…; the last two readouts sent once it is done.
    assert len(seen) == 10 and not any(seen[:9])
    assert alive == [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
    assert gc.isenabled() is enabled
