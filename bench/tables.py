"""Markdown tables from ``bench/out/results-*.json``, one column per corpus size.

``python bench/tables.py`` prints the tables ``docs/BENCHMARKS.md`` is made from, so the
document can be refreshed after a new run without copying figures by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def load(folder: Path) -> list[dict[str, Any]]:
    """Every results file in ``folder``, smallest corpus first."""
    found = [json.loads(p.read_text()) for p in folder.glob("results-*.json")]
    return sorted(found, key=lambda r: r["size"])


def _size(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k" if n >= 1000 else str(n)


def _ms(v: float | None) -> str:
    if v is None:
        return "n/a"
    return f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms"


def _x(a: float | None, b: float | None, digits: int = 2) -> str:
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:,.{digits}f}x"


def table(results: list[dict[str, Any]],
          rows: list[tuple[str, Callable[..., str]]]) -> str:
    head = "| | " + " | ".join(_size(r["size"]) for r in results) + " |"
    rule = "|---|" + "---:|" * len(results)
    body = []
    for label, cell in rows:
        cells = []
        for r in results:
            try:
                cells.append(cell(r))
            except (KeyError, TypeError):
                cells.append("n/a")
        body.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *body])


def _s(r: dict[str, Any], name: str, p: str) -> float:
    return float(r["search"]["summary"][name][f"{p}_ms"])


def _q(r: dict[str, Any], label: str, key: str) -> float:
    return float(r["search"]["queries"][label][key])


def _ui(r: dict[str, Any], kind: str, key: str) -> float:
    return float(r["ui"][kind][key])


def render(results: list[dict[str, Any]]) -> str:
    out = []
    mix: list[tuple[str, Callable[..., str]]] = []
    for p in ("p50", "p95"):
        mix += [
            (f"search {p}: façade", lambda r, p=p: _ms(_s(r, "facade", p))),
            (f"search {p}: façade, count capped at 10,000",
             lambda r, p=p: _ms(_s(r, "capped", p))),
            (f"search {p}: raw FTS5 (same page)", lambda r, p=p: _ms(_s(r, "raw", p))),
            (f"search {p}: ripgrep", lambda r, p=p: _ms(_s(r, "rg", p))),
            (f"**{p} façade / raw**",
             lambda r, p=p: "**" + _x(_s(r, "facade", p), _s(r, "raw", p)) + "**"),
            (f"{p} ripgrep / raw (the lead to keep)",
             lambda r, p=p: _x(_s(r, "rg", p), _s(r, "raw", p), 0)),
            (f"{p} ripgrep / façade", lambda r, p=p: _x(_s(r, "rg", p), _s(r, "facade", p), 0)),
        ]
    mix += [("search p95: unranked first 100 + count (floor, not the same page)",
             lambda r: _ms(_s(r, "unranked", "p95"))),
            ("next page after the first (p50 / p95)",
             lambda r: f"{_ms(_s(r, 'next', 'p50'))} / {_ms(_s(r, 'next', 'p95'))}")]
    out += ["### Search over the query mix", "", table(results, mix), ""]

    labels = list(results[-1]["search"]["queries"]) if results and "search" in results[-1] else []
    per: list[tuple[str, Callable[..., str]]] = []
    for label in labels:
        per.append((f"{label}: façade / raw / ripgrep",
                    lambda r, label=label: f"{_ms(_q(r, label, 'facade_ms'))} / "
                    f"{_ms(_q(r, label, 'raw_ms'))} / {_ms(_q(r, label, 'rg_ms'))}"))
        per.append((f"{label}: hits (page identical to the plain join)",
                    lambda r, label=label: f"{int(_q(r, label, 'hits')):,} "
                    f"({'yes' if r['search']['queries'][label]['same_page'] else 'NO'})"))
    out += ["### Search, query by query (medians)", "", table(results, per), ""]

    other: list[tuple[str, Callable[..., str]]] = [
        ("import: façade `add_many` (readouts/s)",
         lambda r: f"{r['import']['facade_per_s']:,.0f}"),
        ("import: plain sqlite3 (readouts/s)", lambda r: f"{r['import']['plain_per_s']:,.0f}"),
        ("**import façade / plain**",
         lambda r: "**" + _x(r["import"]["facade_per_s"], r["import"]["plain_per_s"]) + "**"),
        ("start-up: bare QMainWindow", lambda r: f"{_ui(r, 'bare', 'startup_s'):.2f} s"),
        ("start-up: the program to its first page",
         lambda r: f"{_ui(r, 'window', 'startup_s'):.2f} s"),
        ("**start-up ratio**", lambda r: "**" + _x(_ui(r, "window", "startup_s"),
                                                     _ui(r, "bare", "startup_s")) + "**"),
        ("peak RSS: bare / main window",
         lambda r: f"{_ui(r, 'bare', 'peak_rss_mb'):.0f} / "
         f"{_ui(r, 'window', 'peak_rss_mb'):.0f} MB"),
        ("**peak RSS difference**",
         lambda r: f"**{_ui(r, 'window', 'peak_rss_mb') - _ui(r, 'bare', 'peak_rss_mb'):.0f}"
         " MB**"),
        ("**longest UI stall while typing**",
         lambda r: f"**{_ui(r, 'typing', 'max_stall_ms'):.0f} ms**"),
        ("archive on disk per readout", lambda r: f"{r['disk']['archive_per_readout']:,.0f} B"),
        ("plain sqlite3 file per readout", lambda r: f"{r['disk']['plain_per_readout']:,.0f} B"),
        ("text of a readout (ripgrep's input)",
         lambda r: f"{r['disk']['text_per_readout']:,.0f} B"),
        ("archive file", lambda r: f"{r['disk']['archive_bytes'] / 1e9:,.2f} GB"),
    ]
    out += ["### Import, start-up, memory, typing, size", "", table(results, other), ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="folder", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    results = load(args.folder)
    if not results:
        print(f"no results-*.json in {args.folder}", file=sys.stderr)
        return 1
    print(render(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
