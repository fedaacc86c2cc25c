"""Japanese search: index designs compared on one corpus, with plain ``sqlite3``.

The archive's full-text table (``unicode61``) makes a whole unspaced run of kanji and kana
one token, so a word inside such a run is never found. This study builds the same corpus
(English readouts from ``bench/corpus.py`` and Japanese readouts generated here from word
lists and sentence frames) under each design and measures, query by query:

- correctness: the hit set against a plain ``instr()`` scan of the same (NFKC-normalised) text;
- the first page (up to 200 ids in rank order) with the exact count: the design's whole
  path (query rewriting, fallbacks) against the raw FTS5 statement on the same index;
- index build time and size on disk, against the ``unicode61``-only table of today;
- the English query mix on each design's table against today's table.

Designs (every one but ``base`` normalises index text and query with NFKC):

- ``base``: today's table on the raw text (the reference for English and for size);
- ``trigram`` (A): today's columns plus a ``trigram`` table over the readouts that contain
  CJK; one- and two-character words, which trigrams cannot index, scan that table's text;
  ``trigram-ext`` (A'): the same with the trigram table reading the main table's text;
- ``bigram`` (B): two shadow columns in today's table, CJK runs rewritten as overlapping
  bigrams and as single characters; a word becomes a phrase of its bigrams;
- ``bigram-table`` (B'): a contentless side table of each run's bigrams and last
  character, column by column; one character is a prefix query;
- ``unigram`` (B''): one shadow column of single characters; a word is a phrase of them;
- ``morph`` (C): one shadow column of MeCab morphemes (``fugashi`` with ``ipadic``, both
  wheels); a word becomes a phrase of its morphemes. Skipped when they are not installed.

Run ``nice -n 10 python bench/cjk_search_study.py --size 30000``; results go to
``bench/out/cjk-N/`` (the databases, ``results.json`` and ``summary.md``) and the summary
is printed. The findings and the choice are in ``docs/BENCHMARKS.md``.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sqlite3
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from readout_desk.domain import geography  # noqa: E402
from readout_desk.domain.records import Readout  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
PAGE = 200
#: The archive file per readout at 100k (docs/BENCHMARKS.md): records, full-text table and
#: its indexes. A design's growth of the archive is estimated as the bytes it adds to it.
ARCHIVE_BYTES_PER_READOUT = 9_727
#: The archive's full-text columns and BM25 weights (``archive/sqlite.py``), in order.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("title", 10.0), ("section", 4.0), ("people", 6.0), ("place", 4.0), ("occasion", 3.0),
    ("topics", 6.0), ("kinds", 2.0), ("countries", 3.0), ("body", 1.0), ("publisher", 1.0))
NAMES = tuple(c for c, _w in COLUMNS)
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"

# ----- text: what counts as CJK, widths, rewriting --------------------------------------------

#: Kanji (with the iteration marks 々 〆), hiragana, katakana and the prolonged sound mark;
#: not the middle dot ・, which separates words as punctuation does.
CJK = ("\u3005\u3006\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
       "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff")
#: A run: CJK characters with the digits written among them (``令和5年5月3日``).
RUN = re.compile(f"[0-9{CJK}]*[{CJK}][0-9{CJK}]*")
_LATIN_WORD = re.compile("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")
_IS_CJK = re.compile(f"[{CJK}]")
#: Starts every shadow token, so that no English word or number ever matches one; alone,
#: it separates two runs, so that a phrase never continues from one run into the next.
MARK = "\ue000"


def normalise_width(text: str) -> str:
    """NFKC: full-width letters and digits and half-width katakana become the usual ones."""
    return unicodedata.normalize("NFKC", text)


def index_text(text: str) -> str:
    """Normalised text for the index: a zero-width space where a CJK run meets a Latin word, so
    ``CPTPP協定`` holds the word ``cptpp`` (invisible in snippets). Digits alone stay with
    their run (``5月3日``); digits of a Latin word (``G7``) go with the word."""
    normalised = normalise_width(text)

    def edged(m: re.Match[str]) -> str:
        before = m.start() > 0 and _IS_CJK.match(normalised, m.start() - 1) is not None
        after = _IS_CJK.match(normalised, m.end()) is not None
        return ("\u200b" if before else "") + m.group() + ("\u200b" if after else "")

    return _LATIN_WORD.sub(edged, normalised)


def has_cjk(text: str) -> bool:
    return RUN.search(text) is not None


def bigrams(piece: str) -> list[str]:
    return [piece[i:i + 2] for i in range(len(piece) - 1)]


def bigram_shadow(text: str) -> tuple[str, str]:
    """The two shadow columns of design B: bigrams run by run, and single CJK characters."""
    runs = RUN.findall(text)
    pairs = f" {MARK} ".join(" ".join(MARK + b for b in bigrams(run)) for run in runs)
    singles = " ".join(MARK + c for run in runs for c in run if not c.isdigit())
    return pairs, singles


@dataclass(frozen=True)
class Query:
    """A typed query cut into CJK pieces (substrings to find) and Latin words."""

    cjk: tuple[str, ...]
    latin: tuple[str, ...]


def parse(text: str) -> Query:
    """Split ``text`` (after NFKC) into CJK pieces and the words between them."""
    normalised = normalise_width(text)
    cjk = tuple(RUN.findall(normalised))
    latin = tuple(w.lower() for w in re.findall(r"[^\W_]+", RUN.sub(" ", normalised)))
    return Query(cjk, latin)


def _phrase(tokens: Sequence[str]) -> str:
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'


def latin_match(query: Query) -> list[str]:
    return [_phrase([w]) for w in query.latin]


# ----- the Japanese corpus -------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_JA_FAMILY = _words(
    "森川 北原 高槻 水野 浅倉 白石 桐生 宮部 朝霧 葉山 柏木 藤波 真壁 早瀬 久我 成瀬 鳴海 "
    "三雲 海堂 氷室 志摩 雪村 穂積 若狭 榊原 東雲 日向 千早 御堂 相良")
_JA_GIVEN = _words(
    "陽斗 千尋 直哉 美緒 圭介 沙織 拓真 紗季 慎吾 遥 蒼 凛 和臣 友梨 健吾 真琴 颯太 彩乃 航 "
    "詩織")
_KATA_FAMILY = _words(
    "ミラベルト ザントス オルヴァン カルデリ ヴェスナ トラミーヌ ルカーシュ ノヴァリク "
    "バルトメウ エスコリエ ダンヴィル フォルテア グラナディ ペトロヴァ シルヴェン モラッツィ "
    "タルヴィク ウィンスロー")
_KATA_GIVEN = _words("アナ ルイス マテオ エレナ イヴァン ソフィア ラウル ニーナ オスカル ユリア")
_JA_COUNTRIES = _words(
    "ペルー チリ メキシコ ブラジル アルゼンチン カナダ 米国 英国 フランス ドイツ イタリア "
    "スペイン ポルトガル ポーランド ウクライナ トルコ エジプト ケニア 南アフリカ ナイジェリア "
    "インド インドネシア ベトナム タイ フィリピン マレーシア シンガポール 豪州 "
    "ニュージーランド 韓国 モンゴル カザフスタン ウズベキスタン サウジアラビア カタール "
    "ヨルダン フィンランド スウェーデン ノルウェー コロンビア")
_JA_CITIES = _words(
    "東京 大阪 京都 広島 札幌 福岡 那覇 仙台 リマ サンティアゴ ナイロビ ハノイ ジャカルタ "
    "マニラ ワルシャワ リスボン オスロ ボゴタ")
_JA_OFFICES = _words(
    "外務大臣 首相 大統領 副大統領 外務副大臣 外務大臣政務官 大使 経済産業大臣 防衛大臣 "
    "官房長官 事務総長 特使 財務大臣 環境大臣")
_JA_KINDS = _words(
    "外相会談 首脳会談 電話会談 テレビ会談 夕食会 昼食会 表敬訪問 共同記者発表 戦略対話 "
    "政策協議 外相会合 少人数会合")
_JA_TOPICS = _words(
    "経済安全保障 気候変動 重要鉱物 半導体 サプライチェーン 海洋安全保障 食料安全保障 "
    "エネルギー安全保障 人的交流 観光 防災 保健 インフラ デジタル経済 宇宙協力 核軍縮 "
    "法の支配 人権 ＣＰＴＰＰ ＡＰＥＣ Ｇ７ ＷＴＯ 投資協定 租税条約 査証免除 水素 脱炭素 "
    "ＬＮＧ 銅 リチウム 漁業 農業 文化交流 青少年交流 科学技術 ＡＩ 難民 人道支援")
_JA_REGIONS = _words("東アジア インド太平洋 中南米 中東 欧州 アフリカ 東南アジア 太平洋島嶼国")
_JA_DISASTERS = _words("地震 豪雨 台風 山火事 干ばつ 洪水 噴火")
_JA_ADJ = _words("緊密な 戦略的な 包括的な 長年の 重要な 揺るぎない")
_JA_SENTENCES = (
    "{a}から、{c2}との{adj}関係を一層発展させていきたい旨述べました。",
    "これに対し、{b}から、{topic}の分野で協力を深めていきたい旨応じました。",
    "両者は、{topic}及び{topic2}について意見交換を行いました。",
    "{a}から、{region}の情勢について説明し、両者は引き続き緊密に連携していくことで一致しました。",
    "{b}から、{city}での{kind}の開催に対する謝意が表明されました。",
    "双方は、{topic}における具体的な協力を推進することを確認しました。",
    "{a}から、先般の{disaster}による被害に対しお見舞いを述べたところ、{b}から謝意が示されました。",
    "{b}は、{rare}計画の進捗を説明し、{topic}に関する対話を継続したいと述べました。",
    "会談の冒頭、{a}から、{c2}{office}としての初めての訪問を歓迎する旨述べました。",
    "両者は、{topic}をめぐる{region}の課題について率直な意見交換を行い、{adj}協力を確認しました。",
)
#: Planted at a known rate (about one Japanese readout in JA_RARE_EVERY); JA_ABSENT never.
JA_RARE = "海水淡水化"
JA_RARE_EVERY = 500
JA_ABSENT = "虹彩星雲"
_RARE_SYLLABLES = _words("カ リ ト モ サ レン ドル ヴィ ナ ベル トゥ ス ミ ラン コ ズ ペ ロ")


@functools.cache
def _halfwidth() -> dict[str, str]:
    """Full-width katakana to half-width (with separate voicing marks)."""
    table = {normalise_width(chr(cp)): chr(cp) for cp in range(0xFF66, 0xFF9E)}
    table.update({"\u3099": "\uff9e", "\u309a": "\uff9f"})
    return table


def to_halfwidth(text: str) -> str:
    """``ミラベルト`` as a careless form would print it: ``ﾐﾗﾍﾞﾙﾄ``."""
    table = _halfwidth()
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFD", text))


def _ja_date(rng: random.Random) -> str:
    year = rng.choice(("令和", "平成")) + str(rng.randint(1, 7)) + "年"
    return f"{year}{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def _ja_time(rng: random.Random) -> str:
    minute = rng.choice((0, 10, 15, 30, 45))
    return f"{rng.choice(('午前', '午後'))}{rng.randint(1, 11)}時{minute}分"


def japanese_fields(index: int, seed: int = corpus.SEED) -> dict[str, str]:
    """Readout ``index`` as the full-text columns of a Japanese readout (all made up)."""
    rng = random.Random(seed * 7_000_003 + index)
    country = _JA_COUNTRIES[min(rng.randrange(len(_JA_COUNTRIES)),
                                rng.randrange(len(_JA_COUNTRIES)))]
    kind = rng.choice(_JA_KINDS)
    ours = rng.choice(_JA_FAMILY) + rng.choice(_JA_GIVEN)
    theirs = rng.choice(_KATA_GIVEN) + "・" + rng.choice(_KATA_FAMILY)
    if rng.random() < 0.05:
        theirs = to_halfwidth(theirs)
    our_office, their_office = rng.choice(_JA_OFFICES), rng.choice(_JA_OFFICES)
    city = rng.choice(_JA_CITIES)
    slots = {"a": f"{ours}{our_office}", "b": f"{theirs}{their_office}", "c2": country,
             "city": city, "kind": kind, "office": their_office}
    lead = (f"{_ja_date(rng)}{_ja_time(rng)}から約{rng.choice((15, 20, 30, 45, 60))}分間、"
            f"{ours}{our_office}は、{theirs}{country}{their_office}と{kind}を行いました。"
            "概要は以下のとおりです。")
    points = []
    for _ in range(rng.randint(3, 8)):
        frames = [rng.choice(_JA_SENTENCES) for _ in range(rng.randint(1, 3))]
        points.append("".join(f.format(
            topic=rng.choice(_JA_TOPICS), topic2=rng.choice(_JA_TOPICS), adj=rng.choice(_JA_ADJ),
            region=rng.choice(_JA_REGIONS), disaster=rng.choice(_JA_DISASTERS),
            rare="".join(rng.choice(_RARE_SYLLABLES) for _ in range(rng.randint(2, 4))),
            **slots) for f in frames))
    if rng.randrange(JA_RARE_EVERY) == 0:
        points.append(f"両者は、{city}における{JA_RARE}施設の建設で協力することで一致しました。")
    kinds = [kind] + ([rng.choice(_JA_KINDS)] if rng.random() < 0.3 else [])
    return {
        "title": f"日・{country}{kind}" if rng.random() < 0.9 else "",
        "section": country,
        "people": "\n".join((ours, our_office, theirs, their_office)),
        "place": city if "電話" not in kind else "",
        "occasion": rng.choice(("", "", "", "Ｇ２０外相会合の機会に", "ＡＰＥＣ閣僚会議の際")),
        "topics": "\n".join(dict.fromkeys(rng.choice(_JA_TOPICS)
                                          for _ in range(rng.randint(1, 4)))),
        "kinds": "\n".join(kinds),
        "countries": f"日本\n{country}",
        "body": "\n".join([lead, *points]),
        "publisher": "外務省",
    }


def english_fields(r: Readout) -> dict[str, str]:
    """The full-text columns of an English readout, as the archive fills them."""
    people = [x for p in r.participants for x in (p.display_name, p.office, p.organisation) if x]
    codes = dict.fromkeys([*r.relation, *(p.country for p in r.participants if p.country)])
    place = [r.place.city, r.place.venue] if r.place else []
    body = [r.lead, *(p.text for p in r.points), *(ph.caption for ph in r.photos)]
    return {
        "title": r.title, "section": r.section, "people": "\n".join(people),
        "place": "\n".join(x for x in place if x), "occasion": r.occasion,
        "topics": "\n".join(r.topics), "kinds": "\n".join(s.kind for s in r.sessions),
        "countries": "\n".join(geography.country_name(c) for c in codes if c),
        "body": "\n".join(x for x in body if x), "publisher": r.publisher,
    }


def is_japanese(index: int) -> bool:
    """A third of the readouts are Japanese."""
    return index % 3 == 2


def fields_of(index: int, seed: int = corpus.SEED) -> dict[str, str]:
    if is_japanese(index):
        return japanese_fields(index, seed)
    return english_fields(corpus.readout(index, seed))


def build_corpus(path: Path, size: int, seed: int = corpus.SEED) -> None:
    """``docs``: readout id, the raw columns, and the normalised text the reference scans."""
    conn = sqlite3.connect(path)
    conn.execute(f"CREATE TABLE docs(id INTEGER PRIMARY KEY, {', '.join(NAMES)}, text)")
    rows = []
    for index in range(size):
        f = fields_of(index, seed)
        text = normalise_width("\n".join(f[n] for n in NAMES))
        rows.append((index + 1, *(f[n] for n in NAMES), text))
        if len(rows) == 2_000 or index == size - 1:
            conn.executemany(f"INSERT INTO docs VALUES ({', '.join('?' * (len(NAMES) + 2))})",
                             rows)
            rows = []
    conn.commit()
    conn.close()


# ----- the designs -----------------------------------------------------------------------------


def _rank_and_count(conn: sqlite3.Connection, table: str, weights: Sequence[float], where: str,
                    params: Sequence[str], limit: int) -> tuple[list[int], int]:
    """The first page (ids by BM25, then id) and the exact count, from the index alone.

    ``limit`` -1 ranks every hit (for the correctness check)."""
    score = f"bm25({table}, {', '.join(str(w) for w in weights)})"
    ids = [int(r[0]) for r in conn.execute(
        f"SELECT rowid FROM {table} WHERE {where} ORDER BY {score}, rowid LIMIT {limit}",
        params)]
    if limit < 0 or len(ids) < limit:
        return ids, len(ids)
    count = conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
    return ids, int(count)


class Design:
    """An index layout: how rows are written and how a query is answered."""

    name = "base"
    extra: tuple[tuple[str, float], ...] = ()  # shadow columns after the archive's ten

    def columns(self) -> tuple[tuple[str, float], ...]:
        return COLUMNS + self.extra

    def weights(self) -> list[float]:
        return [w for _c, w in self.columns()]

    def create(self, conn: sqlite3.Connection) -> None:
        cols = ", ".join(c for c, _w in self.columns())
        conn.execute(f"CREATE VIRTUAL TABLE fts USING fts5({cols}, {TOKENIZE})")

    def row(self, raw: Sequence[str]) -> tuple[str, ...]:
        return tuple(index_text(v) for v in raw)

    def fill(self, conn: sqlite3.Connection, docs: Iterator[tuple[Any, ...]]) -> None:
        batch: list[tuple[Any, ...]] = []
        for doc in docs:
            batch.append((doc[0], *self.row(doc[1:])))
            if len(batch) == 1_000:
                self.write(conn, batch)
                batch = []
        self.write(conn, batch)

    def write(self, conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        cols = ", ".join(["rowid", *(c for c, _w in self.columns())])
        marks = ", ".join("?" * (len(self.columns()) + 1))
        conn.executemany(f"INSERT INTO fts({cols}) VALUES ({marks})", rows)

    def piece(self, piece: str) -> str | None:
        """The MATCH phrase for one CJK piece, or None when this index cannot say."""
        return _phrase([piece])

    def match(self, query: Query) -> str | None:
        parts = [self.piece(p) for p in query.cjk]
        if any(p is None for p in parts):
            return None
        return " AND ".join([p for p in parts if p] + latin_match(query)) or None

    def search(self, conn: sqlite3.Connection, text: str, limit: int = PAGE
               ) -> tuple[list[int], int]:
        """The product's path: parse and rewrite the query, then the first page and count."""
        expression = self.raw_expression(parse(text))
        return self.raw(conn, expression, limit) if expression else ([], 0)

    def raw_expression(self, query: Query) -> str | None:
        """What a hand-written statement would match for ``query`` (None: no such thing)."""
        return self.match(query)

    def raw(self, conn: sqlite3.Connection, expression: str, limit: int = PAGE
            ) -> tuple[list[int], int]:
        """The hand-written FTS5 statement for an already rewritten MATCH expression."""
        return _rank_and_count(conn, "fts", self.weights(), "fts MATCH ?", [expression], limit)


class Base(Design):
    """Today's table on the raw text."""

    def row(self, raw: Sequence[str]) -> tuple[str, ...]:
        return tuple(raw)


class SideTable(Design):
    """Today's table (normalised) plus a second FTS5 table ``side`` for the CJK readouts."""

    side = "side"

    def indexable(self, piece: str) -> bool:
        """Whether the side table alone finds ``piece``."""
        return True

    def side_values(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return row

    def write(self, conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        super().write(conn, rows)
        conn.executemany(f"INSERT INTO {self.side}(rowid, {', '.join(NAMES)}) "
                         f"VALUES ({', '.join('?' * (len(NAMES) + 1))})",
                         [self.side_values(r) for r in rows if any(has_cjk(v) for v in r[1:])])

    def raw_expression(self, query: Query) -> str | None:
        """``side:`` and the side table's MATCH for CJK alone; ``both:``, the main table's
        MATCH, a separator and the side table's when Latin words come with it."""
        if not query.cjk:
            return super().raw_expression(query)
        if not all(self.indexable(p) for p in query.cjk):
            return None
        side = " AND ".join(str(self.piece(p)) for p in query.cjk)
        if not query.latin:
            return f"side:{side}"
        return f"both:{' AND '.join(latin_match(query))}\x1f{side}"

    def raw(self, conn: sqlite3.Connection, expression: str, limit: int = PAGE
            ) -> tuple[list[int], int]:
        kind, _colon, match = expression.partition(":")
        if kind == "side":
            return _rank_and_count(conn, self.side, [w for _c, w in COLUMNS],
                                   f"{self.side} MATCH ?", [match], limit)
        if kind == "both":
            main, _sep, side = match.partition("\x1f")
            return _rank_and_count(
                conn, "fts", self.weights(),
                f"fts MATCH ? AND +rowid IN (SELECT rowid FROM {self.side} "
                f"WHERE {self.side} MATCH ?)", [main, side], limit)
        return super().raw(conn, expression, limit)


class Trigram(SideTable):
    """A: today's columns (normalised) plus a trigram table over the readouts with CJK.

    ``external``: the trigram table reads its text from the main table (FTS5 external
    content) instead of keeping its own copy; smaller, but the scan for short words then
    reads every readout's text, not only the Japanese ones'.
    """

    name = "trigram"
    side = "tri"

    def __init__(self, external: bool = False) -> None:
        self.external = external
        if external:
            self.name = "trigram-ext"

    def create(self, conn: sqlite3.Connection) -> None:
        super().create(conn)
        content = ", content = 'fts'" if self.external else ""
        conn.execute(f"CREATE VIRTUAL TABLE tri USING fts5({', '.join(NAMES)}, "
                     f"tokenize = 'trigram'{content})")

    def indexable(self, piece: str) -> bool:
        return len(piece) >= 3

    def search(self, conn: sqlite3.Connection, text: str, limit: int = PAGE
               ) -> tuple[list[int], int]:
        query = parse(text)
        expression = self.raw_expression(query)
        if expression or not query.cjk:
            return self.raw(conn, expression, limit) if expression else ([], 0)
        long = " AND ".join(_phrase([p]) for p in query.cjk if len(p) >= 3)
        short = [p for p in query.cjk if len(p) < 3]
        scan = " AND ".join(f"({' OR '.join(f'instr({n}, ?)' for n in NAMES)})" for _ in short)
        scan_params = [p for p in short for _n in NAMES]
        if query.latin:
            where, params = "fts MATCH ?", [" AND ".join(latin_match(query))]
            if long:
                where += " AND +rowid IN (SELECT rowid FROM tri WHERE tri MATCH ?)"
                params.append(long)
            where += f" AND +rowid IN (SELECT rowid FROM tri WHERE {scan})"
            return _rank_and_count(conn, "fts", self.weights(), where, params + scan_params,
                                   limit)
        if long:
            return _rank_and_count(conn, "tri", [w for _c, w in COLUMNS],
                                   f"tri MATCH ? AND {scan}", [long, *scan_params], limit)
        return self.scan(conn, short, limit)

    def scan(self, conn: sqlite3.Connection, short: Sequence[str], limit: int
             ) -> tuple[list[int], int]:
        """Words too short for trigrams: read the text of the readouts with CJK, rank by
        weighted occurrences of the first word (then id), count what was read."""
        occurrences = " + ".join(
            f"{w} * (length({n}) - length(replace({n}, :q, ''))) / length(:q)"
            for n, w in COLUMNS)
        where = " AND ".join(f"({' OR '.join(f'instr({n}, :p{i})' for n in NAMES)})"
                             for i in range(len(short)))
        params = {"q": short[0], **{f"p{i}": p for i, p in enumerate(short)}}
        rows = conn.execute(f"SELECT rowid, {occurrences} FROM tri WHERE {where}",
                            params).fetchall()
        rows.sort(key=lambda r: (-r[1], r[0]))
        return [int(r[0]) for r in (rows if limit < 0 else rows[:limit])], len(rows)


class Bigram(Design):
    """B: CJK runs as overlapping bigrams and single characters in two shadow columns."""

    name = "bigram"
    extra = (("cjk2", 1.0), ("cjk1", 1.0))

    def row(self, raw: Sequence[str]) -> tuple[str, ...]:
        pairs, singles = bigram_shadow(index_text("\n".join(raw)))
        return (*super().row(raw), pairs, singles)

    def piece(self, piece: str) -> str | None:
        return _phrase([MARK + b for b in bigrams(piece)] if len(piece) > 1
                       else [MARK + piece])


def side_shadow(text: str) -> str:
    """One column of the side table: each run's bigrams, then its last character alone.

    The last character makes a one-character word a prefix query (``"銅" *``, read from a
    one-character prefix index), and, being shorter than a bigram, it ends every phrase of
    bigrams, so that no phrase runs on into the next run."""
    return " ".join(" ".join([*bigrams(run), run[-1]]) for run in RUN.findall(text))


class BigramTable(SideTable):
    """B': today's table (normalised) plus a contentless side table of bigrams, column by
    column (so BM25 keeps the archive's weights); it stores no text, only the index."""

    name = "bigram-table"
    side = "big"

    def create(self, conn: sqlite3.Connection) -> None:
        super().create(conn)
        conn.execute(f"CREATE VIRTUAL TABLE big USING fts5({', '.join(NAMES)}, content = '', "
                     "tokenize = 'unicode61 remove_diacritics 2', prefix = '1')")

    def side_values(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return (row[0], *(side_shadow(v) for v in row[1:]))

    def remove(self, conn: sqlite3.Connection, rowid: int) -> None:
        """Drop a readout from both tables. A contentless table (SQLite before 3.43) forgets
        a row only when told the values it indexed: they are rebuilt from the main table."""
        row = conn.execute(f"SELECT rowid, {', '.join(NAMES)} FROM fts WHERE rowid = ?",
                           (rowid,)).fetchone()
        if row is None:
            return
        if any(has_cjk(v) for v in row[1:]):
            conn.execute(f"INSERT INTO big(big, rowid, {', '.join(NAMES)}) "
                         f"VALUES ('delete', {', '.join('?' * (len(NAMES) + 1))})",
                         self.side_values(tuple(row)))
        conn.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))

    def piece(self, piece: str) -> str | None:
        return _phrase([piece]) + " *" if len(piece) == 1 else _phrase(bigrams(piece))


class Unigram(Design):
    """B'': CJK runs as single characters (digits too) in one shadow column; a word becomes
    a phrase of its characters."""

    name = "unigram"
    extra = (("cjk1", 1.0),)

    def row(self, raw: Sequence[str]) -> tuple[str, ...]:
        runs = RUN.findall(index_text("\n".join(raw)))
        return (*super().row(raw), f" {MARK} ".join(" ".join(MARK + c for c in run)
                                                   for run in runs))

    def piece(self, piece: str) -> str | None:
        return _phrase([MARK + c for c in piece])


@functools.cache
def _tagger() -> Callable[[str], str]:
    import fugashi  # type: ignore[import-not-found]  # optional: design C only
    import ipadic  # type: ignore[import-not-found]  # its dictionary, optional with it

    tagger = fugashi.GenericTagger(ipadic.MECAB_ARGS + " -Owakati")
    return lambda text: str(tagger.parse(text))


def morphemes(text: str) -> list[str]:
    """MeCab's morphemes of each CJK run, marked, runs separated by the mark."""
    tokens: list[str] = []
    for run in RUN.findall(text):
        tokens += [MARK + m for m in _tagger()(run).split()] + [MARK]
    return tokens


class Morph(Design):
    """C: CJK runs cut into MeCab morphemes in one shadow column."""

    name = "morph"
    extra = (("cjkm", 1.0),)

    def row(self, raw: Sequence[str]) -> tuple[str, ...]:
        return (*super().row(raw), " ".join(morphemes(index_text("\n".join(raw)))))

    def piece(self, piece: str) -> str | None:
        tokens = morphemes(piece)[:-1]
        return _phrase(tokens) if tokens else None


def morph_available() -> bool:
    try:
        _tagger()
    except ImportError:
        return False
    return True


DESIGNS: dict[str, Callable[[], Design]] = {
    "base": Base, "trigram": Trigram, "trigram-ext": functools.partial(Trigram, external=True),
    "bigram": Bigram, "bigram-table": BigramTable, "unigram": Unigram, "morph": Morph}


# ----- snippets -----------------------------------------------------------------------------

HIGHLIGHT = ("\x02", "\x03")  # the archive's marks around highlighted words


def snippet(columns: Sequence[str], query: Query, around: int = 30) -> str:
    """A window of the column where the query's CJK pieces occur most (by weight), every
    occurrence marked; Latin words are FTS5's to highlight and not marked here."""
    def weight(i: int) -> float:
        return COLUMNS[i][1] * sum(columns[i].count(p) for p in query.cjk)

    best = max(range(len(columns)), key=weight)
    text = columns[best]
    found = [text.find(p) for p in query.cjk if p in text]
    if not found:
        return text[:2 * around]
    start = max(0, min(found) - around)
    window = text[start:min(found) + 2 * around]
    for piece in sorted(set(query.cjk), key=len, reverse=True):
        window = window.replace(piece, HIGHLIGHT[0] + piece + HIGHLIGHT[1])
    return ("…" if start else "") + window.replace("\u200b", "") + "…"


def page_snippets(conn: sqlite3.Connection, ids: Sequence[int], query: Query) -> list[str]:
    """Snippets of the readouts ``ids`` from the main table's own text, in ``ids`` order."""
    listed = ", ".join(str(int(i)) for i in ids)
    rows = {int(r[0]): r[1:] for r in conn.execute(
        f"SELECT rowid, {', '.join(NAMES)} FROM fts WHERE rowid IN ({listed})")}
    return [snippet(rows[i], query) for i in ids]


# ----- the reference and the query mixes -------------------------------------------------------

_LATIN_EDGE = "0-9a-z\u00c0-\u024f"


def _word_in(text: str, word: str) -> bool:
    pattern = f"(?<![{_LATIN_EDGE}]){re.escape(word)}(?![{_LATIN_EDGE}])"
    return re.search(pattern, text.lower()) is not None


def reference(corpus_conn: sqlite3.Connection, text: str) -> set[int]:
    """Every readout whose normalised text contains each CJK piece (``instr``) and each Latin
    word (as a word: CJK next to it counts as a boundary)."""
    query = parse(text)
    corpus_conn.create_function("word_in", 2, _word_in, deterministic=True)
    where = ["instr(text, ?) > 0" for _p in query.cjk]
    where += ["word_in(text, ?)" for _w in query.latin]
    if not where:
        return set()
    sql = f"SELECT id FROM docs WHERE {' AND '.join(where)}"
    return {int(r[0]) for r in corpus_conn.execute(sql, [*query.cjk, *query.latin])}


#: (class, query): what a person reading Japanese readouts would type.
JA_MIX: tuple[tuple[str, str], ...] = (
    ("1 char", "銅"), ("1 char", "森"), ("1 char", "雨"), ("1 char", "瀬"),
    ("2 chars", "会談"), ("2 chars", "外相"), ("2 chars", "相会"), ("2 chars", "水野"),
    ("3 chars", "外務省"), ("3 chars", "首脳会"), ("3 chars", "淡水化"), ("3 chars", "要鉱物"),
    ("6 chars", "経済安全保障"), ("6 chars", "意見交換を行"), ("6 chars", "緊密に連携し"),
    ("katakana name", "ミラベルト"), ("katakana name", "ヴェスナ"), ("katakana name", "ザントス"),
    ("mixed", "森川 CPTPP"), ("mixed", "会談 APEC"), ("mixed", "経済安全保障 G7"),
    ("NFKC", "ＣＰＴＰＰ"), ("NFKC", "ﾐﾗﾍﾞﾙﾄ"), ("NFKC", "５月３日"),
    ("date and time", "5月3日"), ("date and time", "令和5年5月"), ("date and time", "午前9時10分"),
    ("rare", JA_RARE), ("absent", JA_ABSENT),
)
#: (label, MATCH expression): the English mix of ``bench/run.py``, as raw FTS5.
EN_MIX: tuple[tuple[str, str], ...] = (
    ("common word", "minister"), ("rare word", corpus.RARE_WORD),
    ("phrase", '"rule of law"'), ("prefix", "energ*"),
    ("field filter + word", "countries : peru AND trade"), ("no hits", corpus.ABSENT_WORD),
)


# ----- measuring --------------------------------------------------------------------------


def _docs(corpus_path: Path) -> Iterator[tuple[Any, ...]]:
    conn = sqlite3.connect(corpus_path)
    try:
        yield from conn.execute(f"SELECT id, {', '.join(NAMES)} FROM docs ORDER BY id")
    finally:
        conn.close()


def build(design: Design, corpus_path: Path, path: Path) -> dict[str, float]:
    """Write ``design``'s index of the corpus to ``path``; time and size."""
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    design.create(conn)
    with conn:
        design.fill(conn, _docs(corpus_path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - started
    tables = {str(name): int(size) for name, size in conn.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name")}
    conn.close()
    return {"build_s": seconds, "bytes": path.stat().st_size,
            "trigram_bytes": sum(v for k, v in tables.items() if k.startswith("tri"))}


def check(design: Design, conn: sqlite3.Connection, corpus_conn: sqlite3.Connection,
          base_conn: sqlite3.Connection) -> dict[str, Any]:
    """Hit sets of every query: Japanese against ``instr()``, English against ``base``."""
    mismatches: dict[str, dict[str, int]] = {}
    hits: dict[str, int] = {}
    for _label, text in JA_MIX:
        found = set(design.search(conn, text, -1)[0])
        wanted = reference(corpus_conn, text)
        hits[text] = len(wanted)
        if found != wanted:
            mismatches[text] = {"missed": len(wanted - found), "extra": len(found - wanted)}
    for _label, expression in EN_MIX:
        found = set(design.raw(conn, expression, -1)[0])
        wanted = set(Base().raw(base_conn, expression, -1)[0])
        if found != wanted:
            mismatches[expression] = {"missed": len(wanted - found), "extra": len(found - wanted)}
    return {"mismatches": mismatches, "hits": hits}


def _timed(steps: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Milliseconds of each step, the steps taking turns (each first as often as last)."""
    for fn in steps.values():
        fn()  # warm the cache: the figures are for a warm cache, as in run.py
    times: dict[str, list[float]] = {name: [] for name in steps}
    order = list(steps)
    for i in range(rounds):
        for name in order[i % len(order):] + order[:i % len(order)]:
            started = time.perf_counter()
            steps[name]()
            times[name].append((time.perf_counter() - started) * 1000)
    return times


def time_queries(design: Design, conn: sqlite3.Connection, base_conn: sqlite3.Connection,
                 rounds: int) -> dict[str, Any]:
    """Japanese: the whole path against the raw statement on the same index; English: the
    raw statement on this index against today's."""
    found: dict[str, Any] = {}
    for label, text in JA_MIX:
        steps: dict[str, Callable[[], object]] = {
            "path": functools.partial(design.search, conn, text)}
        raw = design.raw_expression(parse(text))
        if raw is not None:
            steps["raw"] = functools.partial(design.raw, conn, raw)
        found[text] = {"class": label, **_timed(steps, rounds)}
    base = Base()
    for label, expression in EN_MIX:
        found[expression] = {"class": "English: " + label, **_timed({
            "raw": functools.partial(design.raw, conn, expression),
            "base": functools.partial(base.raw, base_conn, expression)}, rounds)}
    return found


def run(size: int, names: Sequence[str], rounds: int, out: Path, reuse: bool = False
        ) -> dict[str, Any]:
    """Build the corpus and every design under ``out``, check and time them.

    ``reuse`` keeps the databases (and their build figures) of an earlier run."""
    out.mkdir(parents=True, exist_ok=True)
    corpus_path, results_path = out / "corpus.db", out / "results.json"
    results: dict[str, Any] = {"size": size, "sqlite": sqlite3.sqlite_version, "designs": {}}
    if reuse and results_path.exists():
        results = json.loads(results_path.read_text())
    if not corpus_path.exists():
        started = time.perf_counter()
        build_corpus(corpus_path, size)
        results["corpus_s"] = time.perf_counter() - started
    corpus_conn = sqlite3.connect(corpus_path)
    base_conn: sqlite3.Connection | None = None
    for name in names:
        design, path = DESIGNS[name](), out / f"{name}.db"
        earlier = results["designs"].get(name)
        if reuse and earlier and path.exists():
            entry = {k: earlier[k] for k in ("build_s", "bytes", "trigram_bytes")}
        else:
            print(f"{name}: building", file=sys.stderr, flush=True)
            entry = build(design, corpus_path, path)
        conn = sqlite3.connect(path)
        base_conn = base_conn or conn
        print(f"{name}: checking and timing", file=sys.stderr, flush=True)
        entry.update(check(design, conn, corpus_conn, base_conn))
        entry["times"] = time_queries(design, conn, base_conn, rounds)
        results["designs"][name] = entry
        results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return results


# ----- the summary ------------------------------------------------------------------------


def _pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def summary(results: dict[str, Any]) -> str:
    """The tables of docs/BENCHMARKS.md, in Markdown."""
    designs: dict[str, Any] = results["designs"]
    size = int(results["size"])
    base_bytes = designs["base"]["bytes"] if "base" in designs else None
    lines = [f"Readouts: {size:,} (a third Japanese); SQLite {results['sqlite']}.", "",
             "| design | build | index per readout | vs today's | archive (est.) "
             "| Japanese queries wrong | English queries changed |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, d in designs.items():
        ja = sum(1 for _l, t in JA_MIX if t in d["mismatches"])
        en = sum(1 for _l, e in EN_MIX if e in d["mismatches"])
        ratio = growth = "-"
        if base_bytes:
            ratio = f"{d['bytes'] / base_bytes:.2f}x"
            growth = f"{1 + (d['bytes'] - base_bytes) / size / ARCHIVE_BYTES_PER_READOUT:.2f}x"
        lines.append(f"| {name} | {d['build_s']:.1f} s | {d['bytes'] / size:,.0f} B | {ratio} "
                     f"| {growth} | {ja} of {len(JA_MIX)} | {en} of {len(EN_MIX)} |")
    lines += ["", "First page (up to 200 ids ranked) with the exact count, ms, p50 / p95 over "
              "the class's queries and rounds; *path* is the whole search, *raw* the FTS5 "
              "statement alone on the same index (where one exists).", "",
              "| class | " + " | ".join(f"{n}: path | {n}: raw" for n in designs) + " |",
              "|---|" + "---:|---:|" * len(designs)]
    classes = list(dict.fromkeys(label for label, _t in JA_MIX))
    for label in classes:
        cells = []
        for d in designs.values():
            times = [v for v in d["times"].values() if v["class"] == label]
            for step in ("path", "raw"):
                pooled = [t for v in times for t in v.get(step, [])]
                cells.append(f"{_ms(_pct(pooled, 0.5))} / {_ms(_pct(pooled, 0.95))}"
                             if pooled and len(pooled) == sum(len(v["path"]) for v in times)
                             else "-")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "Hits by query (the `instr()` reference) and each design's misses / extras "
              "where its hit set differs.", "",
              "| query | class | hits | " + " | ".join(designs) + " |",
              "|---|---|---:|" + "---|" * len(designs)]
    any_design = next(iter(designs.values()))
    for label, text in JA_MIX:
        cells = []
        for d in designs.values():
            wrong = d["mismatches"].get(text)
            cells.append(f"-{wrong['missed']} / +{wrong['extra']}" if wrong else "exact")
        lines.append(f"| `{text}` | {label} | {any_design['hits'][text]:,} | "
                     + " | ".join(cells) + " |")
    lines += ["", "English mix: p50 on each design's table against today's table "
              "(interleaved), ratio.", "", "| query | " + " | ".join(designs) + " |",
              "|---|" + "---:|" * len(designs)]
    for label, expression in EN_MIX:
        cells = []
        for d in designs.values():
            v = d["times"][expression]
            ours, today = statistics.median(v["raw"]), statistics.median(v["base"])
            cells.append(f"{ours / max(today, 1e-3):.2f}x ({_ms(ours)} ms)")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def time_snippets(out: Path, names: Sequence[str], rounds: int) -> str:
    """Snippets of the first 100 hits of each Japanese query, per class (p50 / p95 ms)."""
    lines = ["| class | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    pooled: dict[str, dict[str, list[float]]] = {}
    for name in names:
        design, conn = DESIGNS[name](), sqlite3.connect(out / f"{name}.db")
        for label, text in JA_MIX:
            ids = design.search(conn, text)[0][:100]
            if ids:
                step = functools.partial(page_snippets, conn, ids, parse(text))
                times = _timed({"snippets": step}, rounds)["snippets"]
                pooled.setdefault(label, {}).setdefault(name, []).extend(times)
        conn.close()
    for label, by_design in pooled.items():
        cells = [f"{_ms(_pct(by_design[n], 0.5))} / {_ms(_pct(by_design[n], 0.95))}"
                 if n in by_design else "-" for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def query_table(results: dict[str, Any], name: str) -> str:
    """Query by query on one design: the whole path against the raw statement (ms)."""
    times = results["designs"][name]["times"]
    lines = [f"| query ({name}) | class | path p50 / p95 | raw p50 / p95 | path / raw p50 "
             "| path / raw p95 |", "|---|---|---:|---:|---:|---:|"]
    for label, text in JA_MIX:
        v = times[text]
        cells = [f"{_ms(_pct(v['path'], 0.5))} / {_ms(_pct(v['path'], 0.95))}"]
        if "raw" in v:
            cells.append(f"{_ms(_pct(v['raw'], 0.5))} / {_ms(_pct(v['raw'], 0.95))}")
            cells += [f"{_pct(v['path'], q) / max(_pct(v['raw'], q), 1e-3):.2f}x"
                      for q in (0.5, 0.95)]
        else:
            cells += ["-", "-", "-"]
        lines.append(f"| `{text}` | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=corpus.parse_size, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--designs", default=",".join(DESIGNS),
                        help="comma-separated; base is always built first")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the databases built by an earlier run; check and time again")
    parser.add_argument("--snippets", action="store_true",
                        help="only time snippets of the first 100 hits on built databases")
    args = parser.parse_args(argv)
    names = ["base"] + [n for n in args.designs.split(",") if n != "base"]
    if "morph" in names and not morph_available():
        print("morph: fugashi and ipadic are not installed; skipped", file=sys.stderr)
        names.remove("morph")
    out = args.out or OUT / f"cjk-{args.size}"
    if args.snippets:
        print(time_snippets(out, [n for n in names if n != "base"], args.rounds))
        return 0
    results = run(args.size, names, args.rounds, out, args.reuse)
    text = summary(results)
    if "bigram-table" in results["designs"]:
        text += "\n\n" + query_table(results, "bigram-table")
    (out / "summary.md").write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
