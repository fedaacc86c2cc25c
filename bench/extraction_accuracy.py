"""How many fields the readout extractor gets right, on the texts it was developed against
and on a set written first and kept aside.

    python bench/extraction_accuracy.py [--corpus DIR ...] [--examples DIR]
                                        [--written-first DIR | --skip-written-first]
                                        [--misses]

Two sets are scored, each reported as a whole, for Japan's readouts and other
governments', per government style and per field:

- **developed against**: ``tests/extract/corpus/`` (readout texts written for the project
  in several ministries' published styles, each with a sidecar ``NAME.json`` of the facts a
  careful reader takes from it), the Japanese-language ``tests/extract/corpus_ja/``, and
  ``tests/extract/heldout/``, the first written-first set, which has had its one
  measurement and now serves development; plus the shared examples
  (``../shared/examples``: texts and one ``expected.json``) when that folder exists.
  ``--corpus`` (repeatable) scores other folders instead;
- **written first**: ``tests/extract/heldout2/``, English and Japanese texts written
  before the extractor was tuned and never used to tune it. Its misses are never listed,
  so that it stays unseen; ``--skip-written-first`` leaves it out while working.

A field is right when the draft's value equals the expected one, or both are empty. The
style of a text is the prefix of its file name (see :data:`STYLES`); the shared examples
count as Japan's, except the one named ``variant-us-style-…``; a text whose sidecar says
``"language": "ja"`` is Japan's, in Japanese.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout_desk.domain.extract import extract
from readout_desk.domain.extract.scoring import Score, score

ROOT = Path(__file__).resolve().parents[1]
EXTRACT_TESTS = ROOT / "tests" / "extract"
#: The folders developed against: the corpus, the Japanese corpus, and the first
#: written-first set, which had its one measurement and may now be used for development.
DEVELOPED = (EXTRACT_TESTS / "corpus", EXTRACT_TESTS / "corpus_ja", EXTRACT_TESTS / "heldout")
WRITTEN_FIRST = EXTRACT_TESTS / "heldout2"
EXAMPLES = ROOT.parent / "shared" / "examples"

#: File-name prefix -> the government whose published style the text follows.
STYLES: dict[str, str] = {
    "mofa": "Japan (MOFA)",
    "japan": "Japan (MOFA)",
    "variant": "Japan (MOFA)",
    "us": "United States (State Department)",
    "uk": "United Kingdom (FCDO)",
    "mea": "India (MEA)",
    "dfat": "Australia (DFAT)",
    "de": "Germany (Federal Foreign Office)",
    "fr": "France (Europe and Foreign Affairs)",
    "kr": "Korea (MOFA)",
    "cn": "China (MFA)",
    "ca": "Canada (Global Affairs)",
    "eeas": "European Union (EEAS)",
    "sg": "Singapore (MFA)",
    "vn": "Viet Nam (MOFA)",
    "ph": "Philippines (DFA)",
    "my": "Malaysia (Wisma Putra)",
    "id": "Indonesia (Kemlu)",
    "nz": "New Zealand (MFAT)",
    "tr": "Türkiye (MFA)",
}
JAPAN = "Japan (MOFA)"
JAPAN_IN_JAPANESE = "Japan (MOFA, in Japanese)"
#: The styles counted as Japan's readouts.
JAPAN_STYLES = frozenset({JAPAN, JAPAN_IN_JAPANESE})


def style_of(name: str, language: str | None = None) -> str:
    """The government style of a text, from its language and its file name's prefix."""
    if language == "ja":
        return JAPAN_IN_JAPANESE
    if name.startswith("variant-us-"):
        return STYLES["us"]
    prefix = name.split("-", 1)[0].lower()
    return STYLES.get(prefix, f"other ({prefix})")


def cases(corpus: Path, examples: Path | None) -> list[tuple[Path, dict[str, Any]]]:
    """Each text of ``corpus`` (and ``examples``) with the facts expected from it."""
    found = []
    for text in sorted([*corpus.glob("*.txt"), *corpus.glob("*.html")]):
        sidecar = text.with_suffix(".json")
        if sidecar.exists():
            found.append((text, json.loads(sidecar.read_text("utf-8"))))
    return found + example_cases(examples)


def example_cases(examples: Path | None) -> list[tuple[Path, dict[str, Any]]]:
    """Each text of a folder laid out like the shared examples, with its expected facts."""
    if examples is None or not (examples / "expected.json").exists():
        return []
    expected = json.loads((examples / "expected.json").read_text("utf-8"))
    return [(examples / name, facts) for name, facts in expected.items()
            if not name.startswith("_") and (examples / name).exists()]


@dataclass
class SetScore:
    """The score of one set of texts: in all, by style, and Japan's against the rest."""

    count: int = 0
    total: Score = field(default_factory=Score)
    by_style: dict[str, Score] = field(default_factory=dict)
    texts_by_style: dict[str, int] = field(default_factory=dict)
    japan: Score = field(default_factory=Score)
    others: Score = field(default_factory=Score)


def run(corpora: Sequence[Path], examples: Path | None) -> SetScore:
    """Extract every text of the folders ``corpora`` (and ``examples``) and score it
    against its expected facts."""
    result = SetScore()
    found = [one for corpus in corpora for one in cases(corpus, None)]
    for path, facts in found + example_cases(examples):
        draft = extract(path.read_bytes())
        checks = {c.index: c.ok for c in draft.checks}
        one = score(draft.readout, facts, checks, where=f"{path.name}: ",
                    proposed=draft.proposed)
        style = style_of(path.name, facts.get("language"))
        result.count += 1
        result.total.add(one)
        result.by_style.setdefault(style, Score()).add(one)
        result.texts_by_style[style] = result.texts_by_style.get(style, 0) + 1
        (result.japan if style in JAPAN_STYLES else result.others).add(one)
    return result


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 100:5.1f}%"


def report(title: str, result: SetScore, misses: bool) -> list[str]:
    """The lines that report one set."""
    total = result.total
    out = [f"== {title}: {result.count} readouts ==",
           f"fields right: {_pct(total.accuracy())} in all; Japan {_pct(result.japan.accuracy())}"
           f", other governments {_pct(result.others.accuracy())}"]
    flagged = total.fields.get("session.flagged")
    if flagged is not None:
        out.append(f"printed-time cross-check: caught {flagged.tp} of {flagged.tp + flagged.fn}"
                   f" wrong printed times; {flagged.fp} false alarms")
    out.append("")
    out.append(f"{'style':<38} {'texts':>5} {'right':>7}")
    for style in sorted(result.by_style):
        out.append(f"{style:<38} {result.texts_by_style[style]:>5} "
                   f"{_pct(result.by_style[style].accuracy()):>7}")
    out.append("")
    out.append(f"{'field':<26} {'right':>7} {'precision':>9} {'recall':>8} {'tp':>5} {'fp':>4}"
               f" {'fn':>4} {'Japan':>7} {'others':>7}")
    worst = 1.0
    for name in sorted(total.fields):
        t = total.fields[name]
        jp = result.japan.fields.get(name)
        ot = result.others.fields.get(name)
        out.append(f"{name:<26} {_pct(t.accuracy):>7} {_pct(t.precision):>9} "
                   f"{_pct(t.recall):>8} {t.tp:>5} {t.fp:>4} {t.fn:>4} "
                   f"{_pct(jp.accuracy if jp else None):>7} "
                   f"{_pct(ot.accuracy if ot else None):>7}")
        for value in (t.precision, t.recall):
            if value is not None:
                worst = min(worst, value)
    out.append(f"lowest precision or recall: {worst * 100:.1f}%")
    if misses and total.misses:
        out.append("")
        out.append("Misses:")
        out.extend(f"  {line}" for line in total.misses)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a folder of developed-against texts with their sidecars"
                             " (repeatable; default: corpus, corpus_ja and heldout)")
    parser.add_argument("--examples", type=Path, default=EXAMPLES,
                        help="also score a folder laid out like ../shared/examples")
    parser.add_argument("--written-first", type=Path, default=WRITTEN_FIRST,
                        help="the texts written first and kept aside")
    parser.add_argument("--skip-written-first", action="store_true",
                        help="score only the developed-against set")
    parser.add_argument("--misses", action="store_true",
                        help="list every wrong field of the developed-against set")
    args = parser.parse_args(argv)
    examples = args.examples if args.examples.is_dir() else None
    corpora = args.corpus or list(DEVELOPED)
    lines = report("developed against (corpus + examples)", run(corpora, examples),
                   args.misses)
    if not args.skip_written_first:
        lines += ["", *report("written first (kept aside)", run([args.written_first], None),
                              False)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
