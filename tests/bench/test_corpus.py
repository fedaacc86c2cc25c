"""The benchmark corpus is deterministic and importable, and run.py runs end to end."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from readout_desk.archive import Archive
from readout_desk.domain import jsonformat, validation

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
import run  # noqa: E402


def test_the_same_seed_gives_the_same_corpus() -> None:
    first = list(corpus.iter_readouts(30))
    again = list(corpus.iter_readouts(30))
    assert first == again
    # Readout i does not depend on where the stream starts: sizes are prefixes of each other.
    assert list(corpus.iter_readouts(30, start=20)) == first[20:]
    assert list(corpus.iter_readouts(30, seed=corpus.SEED + 1)) != first


def test_readouts_are_varied_and_valid() -> None:
    readouts = [jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(300)]
    for r in readouts:
        assert validation.problems(r) == []
        assert 1 <= len(r.sessions) <= 4
        assert len(r.participants) >= 2
    assert len({r.relation for r in readouts}) > 100
    zones = {s.zone for r in readouts for s in r.sessions}
    assert len(zones) > 50
    assert {len(r.sessions) for r in readouts} == {1, 2, 3, 4}
    lengths = sorted(len(r.lead) + sum(len(p.text) for p in r.points) for r in readouts)
    assert lengths[0] > 300 and lengths[-1] > 2 * lengths[0]
    # The same person holds different offices over the years.
    offices: dict[tuple[str, str], set[str]] = {}
    for r in readouts:
        for p in r.participants:
            offices.setdefault((p.person.family_name, p.person.given_name), set()).add(p.office)
    assert any(len(v) > 1 for v in offices.values())


def test_the_absent_word_never_appears() -> None:
    text = json.dumps(list(corpus.iter_readouts(500))).lower()
    assert corpus.ABSENT_WORD not in text
    assert "minister" in text


def test_a_streamed_document_imports_into_an_archive(archive: Archive) -> None:
    out = io.StringIO()
    corpus.write_document(out, 40)
    readouts = jsonformat.readouts_from_json(json.loads(out.getvalue()))
    assert len(readouts) == 40
    ids = archive.add_many(readouts)
    assert len(ids) == 40
    first = archive.get(ids[0])
    assert first.title == readouts[0].title
    assert first.sessions == readouts[0].sessions
    page = archive.search(f"country:{readouts[0].relation[0]}")
    assert ids[0] in page.ids


def test_the_plain_importer_writes_the_same_rows(tmp_path: Path) -> None:
    items = list(corpus.iter_readouts(60))
    facade_db, plain_db = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    with Archive.open(facade_db) as archive:
        archive.add_many([jsonformat.readout_from_dict(d) for d in items])
    Archive.open(plain_db).close()
    plain = run.PlainImporter(plain_db)
    plain.add(items)
    plain.close()
    assert run.table_counts(facade_db) == run.table_counts(plain_db)
    # The baseline's index answers the same query with the same readouts.
    with Archive.open(plain_db) as archive:
        plain_hits = archive.search("minister", limit=1000).ids
    with Archive.open(facade_db) as archive:
        assert archive.search("minister", limit=1000).ids == plain_hits


@pytest.mark.slow
def test_run_py_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run.main(["--size", "200", "--rounds", "2", "--rg-rounds", "1", "--ui-runs", "1",
                     "--out", str(tmp_path)])
    assert code == 0
    printed = capsys.readouterr().out
    for heading in ("Search", "Import", "Start-up", "Size on disk", "mix p95"):
        assert heading in printed
    result = json.loads((tmp_path / "results-200.json").read_text())
    assert result["size"] == 200
    assert result["import"]["same_rows"] is True
    for label, q in result["search"]["queries"].items():
        assert q["same_page"], label
        assert q["capped_page_same"], label
    assert result["search"]["queries"]["no hits"]["hits"] == 0
    assert result["search"]["queries"]["common word"]["hits"] > 150
    assert result["disk"]["archive_per_readout"] > 0
    assert "startup_s" in result["ui"]["bare"]


def test_run_py_with_a_japanese_share_prints_the_japanese_mix_beside_raw(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run.main(["--size", "300", "--japanese-share", "0.33", "--rounds", "2",
                     "--skip", "ui", "--skip", "rg", "--out", str(tmp_path)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Japanese mix (33% of the readouts Japanese" in printed
    assert "table of pieces:" in printed
    result = json.loads((tmp_path / "results-300-ja33.json").read_text())
    assert result["import"]["same_rows"] is True
    japanese = result["japanese"]
    assert len(japanese["queries"]) == 29
    for text, q in japanese["queries"].items():
        assert q["same_hits"], text
        assert q["raw_same_count"], text
    assert japanese["queries"]["会談"]["hits"] > 20
    assert 1.0 < japanese["disk"]["growth"] < 1.6
    for label, q in result["search"]["queries"].items():
        assert q["same_page"], label


def test_run_py_in_date_order_numbers_the_readouts_by_their_meeting_dates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run.main(["--size", "300", "--japanese-share", "0.2", "--in-date-order",
                     "--rounds", "2", "--skip", "ui", "--skip", "rg", "--out", str(tmp_path)])
    assert code == 0
    result = json.loads((tmp_path / "results-300-ja20-dated.json").read_text())
    assert result["in_date_order"] is True
    assert result["import"]["same_rows"] is True
    for label, q in result["search"]["queries"].items():
        assert q["same_page"], label
    with Archive.open(tmp_path / "data-300-ja20-dated" / "archive.sqlite3") as archive:
        dates = [r.meeting_date for r in archive.get_many(range(1, 301))]
        titles = {r.title for r in archive.get_many(range(1, 301))}
    known = [d for d in dates if d is not None]
    assert len(dates) == 300 and known == sorted(known) and dates[:len(known)] == known
    import corpus_ja

    assert titles == {str(corpus_ja.mixed(i, 0.2)["title"]) for i in range(300)}
    capsys.readouterr()
