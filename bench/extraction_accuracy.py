"""Per-field precision and recall of the readout extractor over the project's corpus.

    python bench/extraction_accuracy.py [--corpus DIR] [--examples DIR] [--misses]

The corpus is ``tests/extract/corpus/``: readout texts written for the project in
several ministries' published styles, each with a sidecar ``NAME.json`` of the facts a
careful reader takes from it (the layout of the shared examples' ``expected.json``).
``--examples`` adds a folder laid out like ``../shared/examples`` (texts plus one
``expected.json``). ``--misses`` lists every field that came out wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from readout_desk.domain.extract import extract
from readout_desk.domain.extract.scoring import Score

ROOT = Path(__file__).resolve().parents[1]


def cases(corpus: Path, examples: Path | None) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for text in sorted([*corpus.glob("*.txt"), *corpus.glob("*.html")]):
        sidecar = text.with_suffix(".json")
        if sidecar.exists():
            found.append((text, json.loads(sidecar.read_text("utf-8"))))
    if examples is not None and (examples / "expected.json").exists():
        expected = json.loads((examples / "expected.json").read_text("utf-8"))
        for name, facts in expected.items():
            if not name.startswith("_") and (examples / name).exists():
                found.append((examples / name, facts))
    return found


def run(corpus: Path, examples: Path | None) -> tuple[Score, int]:
    from readout_desk.domain.extract.scoring import score

    total = Score()
    items = cases(corpus, examples)
    for path, facts in items:
        draft = extract(path.read_bytes())
        checks = {c.index: c.ok for c in draft.checks}
        total.add(score(draft.readout, facts, checks, where=f"{path.name}: "))
    return total, len(items)


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 100:5.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "extract" / "corpus")
    parser.add_argument("--examples", type=Path, default=None,
                        help="also score a folder laid out like ../shared/examples")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    result, count = run(args.corpus, args.examples)
    print(f"Extraction accuracy over {count} readouts")
    print(f"{'field':<26} {'precision':>9} {'recall':>8} {'tp':>5} {'fp':>4} {'fn':>4}")
    worst = 1.0
    for name in sorted(result.fields):
        t = result.fields[name]
        print(f"{name:<26} {_pct(t.precision):>9} {_pct(t.recall):>8} {t.tp:>5} {t.fp:>4} "
              f"{t.fn:>4}")
        for value in (t.precision, t.recall):
            if value is not None:
                worst = min(worst, value)
    print(f"lowest precision or recall: {worst * 100:.1f}%")
    if args.misses and result.misses:
        print("\nMisses:")
        for line in result.misses:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
