"""Japanese search: any run of kanji and kana finds exactly the readouts that contain it.

The reference is a plain ``instr()`` scan over the text the full-text index holds (every
column, widths normalised); the archive's hit set must equal it for one- to six-character words, in
katakana, hiragana and kanji, typed in either width, alone or mixed with English words
and the rest of the query syntax.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_desk.archive import Archive
from readout_desk.archive.snippets import HIGHLIGHT_START, cjk_snippet
from readout_desk.archive.sqlite_index import register_functions
from readout_desk.archive.sqlite_search import COLUMN_WEIGHTS, FTS_NAMES, FTS_TABLE
from readout_desk.domain import jsonformat, scripts
from readout_desk.domain.records import Readout, SummaryPoint

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus_ja  # noqa: E402

SIZE = 240
LIMA_JA = Readout(
    title="日・ペルー外相会談", section="ペルー", language="ja",
    published_date=jsonformat.readout_from_dict(corpus_ja.japanese_readout(2)).published_date,
    lead="現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間、林芳正外務大臣は、"
         "ペルー共和国外務大臣と少人数会合を行いました。",
    points=(SummaryPoint("両者は、ＣＰＴＰＰの着実な実施について意見交換を行いました。", label="1"),
            SummaryPoint("ﾊﾔｼ大臣から、ｶﾀｶﾅで書かれた資料を手交しました。", label="2")),
)


@pytest.fixture(scope="module")
def japanese_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, Path]]:
    """Half Japanese and half English generated readouts, and the issue's example."""
    path = tmp_path_factory.mktemp("ja") / "archive.sqlite3"
    archive = Archive.open(path)
    records = [jsonformat.readout_from_dict(corpus_ja.mixed(i, 0.5)) for i in range(SIZE)]
    archive.add_many([*records, LIMA_JA])
    yield archive, path
    archive.close()


def instr_ids(path: Path, *needles: str) -> set[int]:
    """Readouts whose index text (all columns) contains every needle: the reference."""
    text = " || char(10) || ".join(FTS_NAMES)
    where = " AND ".join(f"instr({text}, ?) > 0" for _n in needles)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        register_functions(conn)  # the index reads its text through it
        return {int(r[0]) for r in conn.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {where}", needles)}


def found(archive: Archive, query: str) -> set[int]:
    return set(archive.search_ids(query))


def stored_runs(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        register_functions(conn)  # the index reads its text through it
        texts = [" ".join(str(v) for v in row) for row in conn.execute(
            f"SELECT {', '.join(FTS_NAMES)} FROM {FTS_TABLE}")]
    return sorted({run for text in texts for run in scripts.runs(text)})


def to_halfwidth(text: str) -> str:
    table = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0xFF66, 0xFF9E)}
    table.update({"\u3099": "\uff9e", "\u309a": "\uff9f"})
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFD", text))


def to_fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.mark.parametrize("query", [
    "外相会談", "ペルー", "外務大臣", "林芳正", "5月3日",  # the issue's examples
    "林", "銅", "会", "談", "ー",  # one character (kanji, katakana, the long-vowel mark)
    "外相", "相会", "会談", "ます", "の", "ペル",  # two (across word edges too), hiragana
    "外務省", "首脳会", "淡水化",  # three
    "経済安全保障", "意見交換を行", "緊密に連携し",  # six
    "ミラベルト", "ヴェスナ", "ザントス",  # katakana names
    "令和5年5月", "午前9時10分", corpus_ja.RARE, corpus_ja.ABSENT,
])
def test_a_run_finds_exactly_the_readouts_that_contain_it(
        japanese_archive: tuple[Archive, Path], query: str) -> None:
    archive, path = japanese_archive
    assert found(archive, query) == instr_ids(path, query)


def test_the_issue_examples_are_found(japanese_archive: tuple[Archive, Path]) -> None:
    archive, _path = japanese_archive
    for query in ("外相会談", "ペルー", "外務大臣", "林芳正", "5月3日"):
        hits = archive.search(query).hits
        assert any(h.title == "日・ペルー外相会談" for h in hits), query


@pytest.mark.parametrize(("typed", "normalised"), [
    ("ＣＰＴＰＰ", "CPTPP"), ("ｶﾀｶﾅ", "カタカナ"), ("ﾐﾗﾍﾞﾙﾄ", "ミラベルト"), ("５月３日", "5月3日"),
    ("ﾊﾔｼ", "ハヤシ"), ("ＡＰＥＣ", "APEC"),
])
def test_either_width_finds_the_same(japanese_archive: tuple[Archive, Path], typed: str,
                                     normalised: str) -> None:
    archive, path = japanese_archive
    assert found(archive, typed) == found(archive, normalised)
    if scripts.has_cjk(normalised):
        assert found(archive, typed) == instr_ids(path, normalised)
    assert found(archive, typed)


def test_mixed_queries_use_the_query_syntax(japanese_archive: tuple[Archive, Path]) -> None:
    archive, path = japanese_archive
    english = found(archive, "CPTPP")
    assert found(archive, "林 CPTPP") == instr_ids(path, "林") & english
    assert found(archive, "会談 -外相") == instr_ids(path, "会談") - instr_ids(path, "外相")
    assert found(archive, "外相 OR 首脳") == instr_ids(path, "外相") | instr_ids(path, "首脳")
    assert found(archive, "外相 OR minister") == instr_ids(path, "外相") | found(
        archive, "minister")
    assert found(archive, "-外相 minister") == found(archive, "minister") - instr_ids(path, "外相")
    # A field filter narrows a run to one column.
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        register_functions(conn)  # the index reads its text through it
        titled = {int(r[0]) for r in conn.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE instr(title, '外相') > 0")}
    assert found(archive, "title:外相") == titled
    assert found(archive, '"外相会談" title:ペルー') == (instr_ids(path, "外相会談")
                                                       & _titled(path, "ペルー"))


def _titled(path: Path, run: str) -> set[int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        register_functions(conn)  # the index reads its text through it
        return {int(r[0]) for r in conn.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE instr(title, ?) > 0", (run,))}


def test_hits_are_ranked_with_highlighted_snippets(japanese_archive: tuple[Archive, Path]
                                                   ) -> None:
    archive, _path = japanese_archive
    page = archive.search("外相会談")
    assert page.total > 10
    # The title weighs most: a readout with the words in its title comes first.
    assert "外相会談" in page.hits[0].title
    assert any("外相会談" not in h.title for h in archive.search("外相会談", limit=500).hits)
    for h in page.hits:
        assert f"{HIGHLIGHT_START}外相会談" in h.snippet, h.snippet
        assert scripts.EDGE not in h.snippet
    mixed = archive.search("林 CPTPP").hits
    assert mixed and all(f"{HIGHLIGHT_START}林" in h.snippet for h in mixed)


def test_english_search_is_unchanged(japanese_archive: tuple[Archive, Path]) -> None:
    archive, _path = japanese_archive
    page = archive.search("minister")
    assert page.total and all("minister" in h.snippet.lower() for h in page.hits)
    assert found(archive, "energ*") and found(archive, '"rule of law"')


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_of_a_stored_run_finds_exactly_its_readouts(
        japanese_archive: tuple[Archive, Path], data: st.DataObject) -> None:
    archive, path = japanese_archive
    runs = stored_runs(path)
    run = data.draw(st.sampled_from(runs))
    size = data.draw(st.integers(1, min(6, len(run))))
    start = data.draw(st.integers(0, len(run) - size))
    piece = run[start:start + size]
    if not scripts.has_cjk(piece):  # digits alone are a number, searched as a word
        return
    typed = data.draw(st.sampled_from([piece, to_halfwidth(piece), to_fullwidth(piece)]))
    assert found(archive, typed) == instr_ids(path, piece)


def test_removed_and_changed_readouts_leave_the_index(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.sqlite3")
    first = archive.add(LIMA_JA)
    assert first.id is not None
    other = archive.add(jsonformat.readout_from_dict(corpus_ja.japanese_readout(5)))
    assert found(archive, "林芳正") == {first.id}
    archive.update(dataclasses.replace(first, lead="岸田外務大臣は会談した。"))
    assert found(archive, "林芳正") == set()
    assert found(archive, "岸田") == {first.id}
    archive.purge([first.id])
    assert found(archive, "岸田") == set()
    assert found(archive, "外務省") == {other.id}
    archive.rebuild_index()
    assert found(archive, "外務省") == {other.id}
    assert archive.integrity_problems() == []
    archive.close()


def test_runs_of_the_index_text_are_cut_as_the_query_is() -> None:
    assert scripts.runs(scripts.index_text("CPTPP協定とＧ７首脳会議、令和５年")) == [
        "協定と", "首脳会議", "令和5年"]
    assert scripts.pieces("林CPTPP") == (("林",), "CPTPP")
    assert re.fullmatch(r"[^\u200b]+", scripts.normalise_width("ＡＢＣ")) is not None


def test_a_snippet_starts_close_enough_to_its_run_to_show_it() -> None:
    def shown(text: str, run: str) -> str:
        return cjk_snippet((None, text), (run,), COLUMN_WEIGHTS,
                           lambda t: t.replace(run, f"[{run}]"))

    clause = "両外相は、気候変動と海洋の問題に加え、銅をめぐる欧州の動きについて意見交換を行った。"
    # The clause the run is in begins the snippet.
    assert shown(clause, "銅").startswith("…[銅]をめぐる欧州")
    long_clause = ("日本国と中南米諸国の外務大臣は経済安全保障と重要鉱物の"
                   "供給網の強靱化に向けた協力を確認した")
    # Without a clause's start near, eight columns: four kanji or kana.
    assert shown(long_clause, "協力").startswith("…に向けた[協力]")
    latin = "The two ministers exchanged views on the supply of copper and 銅の供給について"
    assert shown(latin, "銅").startswith("…per and [銅]")
