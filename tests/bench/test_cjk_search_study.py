"""The Japanese search study finds what it claims: every design's hits against ``instr()``.

The study's figures mean something only if each design's hit sets are the reference's;
this builds a small corpus and checks that, query by query (timings are not tested).
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import cjk_search_study as study  # noqa: E402

EXACT = ("trigram", "trigram-ext", "bigram", "bigram-table", "unigram")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, sqlite3.Connection]]:
    folder = tmp_path_factory.mktemp("cjk")
    corpus_path = folder / "corpus.db"
    study.build_corpus(corpus_path, 300)
    conns = {"corpus": sqlite3.connect(corpus_path)}
    for name in ("base", *EXACT):
        study.build(study.DESIGNS[name](), corpus_path, folder / f"{name}.db")
        conns[name] = sqlite3.connect(folder / f"{name}.db")
    yield conns
    for conn in conns.values():
        conn.close()


def test_the_corpus_gives_the_queries_something_to_find(
        built: dict[str, sqlite3.Connection]) -> None:
    hits = {text: study.reference(built["corpus"], text) for _label, text in study.JA_MIX}
    found = {label for label, text in study.JA_MIX if hits[text]}
    assert {"1 char", "2 chars", "3 chars", "6 chars", "katakana name", "mixed",
            "NFKC"} <= found
    assert not hits[study.JA_ABSENT]
    # A third of the readouts are Japanese, and every one names Japan (日本).
    assert study.reference(built["corpus"], "日本") == {
        i + 1 for i in range(300) if study.is_japanese(i)}
    assert len(study.reference(built["corpus"], "日本")) == 100


@pytest.mark.parametrize("name", EXACT)
def test_each_design_finds_exactly_what_instr_finds(
        built: dict[str, sqlite3.Connection], name: str) -> None:
    design = study.DESIGNS[name]()
    wrong = {}
    for _label, text in study.JA_MIX:
        ids, count = design.search(built[name], text, -1)
        wanted = study.reference(built["corpus"], text)
        if set(ids) != wanted or count != len(wanted):
            wrong[text] = (len(wanted), count)
    assert wrong == {}


@pytest.mark.parametrize("name", EXACT)
def test_english_hits_are_todays(built: dict[str, sqlite3.Connection], name: str) -> None:
    design, today = study.DESIGNS[name](), study.Base()
    for _label, expression in study.EN_MIX:
        assert (set(design.raw(built[name], expression, -1)[0])
                == set(today.raw(built["base"], expression, -1)[0])), expression


def test_the_first_page_is_the_best_ranked_part_of_every_hit(
        built: dict[str, sqlite3.Connection]) -> None:
    for name in EXACT:
        design = study.DESIGNS[name]()
        every, total = design.search(built[name], "会談", -1)
        page, count = design.search(built[name], "会談", 20)
        assert (page, count) == (every[:20], total)
        assert total > 20


def test_todays_table_misses_words_inside_a_run(built: dict[str, sqlite3.Connection]) -> None:
    ids, _count = study.Base().search(built["base"], "会談", -1)
    assert len(study.reference(built["corpus"], "会談")) > len(ids)


@pytest.mark.parametrize("name", ("bigram", "bigram-table", "unigram", "trigram"))
def test_a_phrase_does_not_run_from_one_run_into_the_next(tmp_path: Path, name: str) -> None:
    design = study.DESIGNS[name]()
    conn = sqlite3.connect(tmp_path / "x.db")
    design.create(conn)
    empty = [""] * (len(study.NAMES) - 1)
    design.fill(conn, iter([(1, "外相、相会談", *empty), (2, "外相会談", *empty),
                            (3, "5月3日", *empty), (4, "15月3日に", *empty),
                            (5, "外相・会談", *empty)]))
    assert design.search(conn, "外相会", -1) == ([2], 1)
    assert design.search(conn, "相会", -1)[1] == 2
    assert sorted(design.search(conn, "5月3日", -1)[0]) == [3, 4]


def test_query_normalises_widths() -> None:
    assert study.parse("ＣＰＴＰＰ") == study.Query((), ("cptpp",))
    assert study.parse("ﾐﾗﾍﾞﾙﾄ") == study.Query(("ミラベルト",), ())
    assert study.parse("林 CPTPP協定 ５月３日") == study.Query(("林", "協定", "5月3日"), ("cptpp",))
    for name in ("ミラベルト", "ヴェスナ", "ルカーシュ", "ァ・ガ"):
        assert study.normalise_width(study.to_halfwidth(name)) == name
        assert study.to_halfwidth(name) != name


def test_latin_words_next_to_kanji_are_words_in_the_index() -> None:
    assert study.index_text("ＣＰＴＰＰ協定とＧ７") == "CPTPP\u200b協定と\u200bG7"
    assert study.index_text("令和５年５月３日") == "令和5年5月3日"


@pytest.mark.parametrize("text", ("会談", "ﾐﾗﾍﾞﾙﾄ", "5月3日", "銅", "森川 CPTPP"))
def test_snippets_mark_the_words_found(built: dict[str, sqlite3.Connection], text: str) -> None:
    design, query = study.DESIGNS["bigram-table"](), study.parse(text)
    ids = design.search(built["bigram-table"], text)[0][:20]
    snippets = study.page_snippets(built["bigram-table"], ids, query)
    assert len(snippets) == len(ids)
    for shown in snippets:
        assert "\x02" + query.cjk[0] + "\x03" in shown
        assert "\u200b" not in shown


def test_a_readout_leaves_the_contentless_side_table_when_removed(tmp_path: Path) -> None:
    design = study.BigramTable()
    conn = sqlite3.connect(tmp_path / "x.db")
    design.create(conn)
    docs = [(i + 1, *(study.fields_of(i)[n] for n in study.NAMES)) for i in range(30)]
    design.fill(conn, iter(docs))
    before, count = design.search(conn, "日本", -1)
    assert count == 10
    design.remove(conn, before[0])
    design.remove(conn, 1)  # English: only the main table holds it
    after, count = design.search(conn, "日本", -1)
    assert sorted(after) == sorted(before[1:])
    assert design.search(conn, "日", -1)[1] == 9
    conn.execute("INSERT INTO big(big, rank) VALUES ('integrity-check', 0)")  # raises if not
