"""``demo``, ``search``, ``show``, ``add`` and ``check-timings``: the readouts themselves."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readout_desk.cli.context import EXIT_OK, Context, UserError, parse_id

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands

SORT_KEYS = ("relevance", "date", "title", "place", "mode", "sessions", "publisher")


def _read_json_file(path: str) -> Any:
    file = Path(path)
    if not file.exists():
        raise UserError(f"There is no file {path}.")
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise UserError(f"{path} cannot be read: {exc.strerror}.") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text, so it cannot be JSON.") from None
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import load_demo

    added = load_demo(ctx.archive())
    total = ctx.archive().count()
    ctx.print(f"Added {added} demo readouts to {ctx.location} ({total} readouts in all).")
    return EXIT_OK


def minus_words(argv: list[str]) -> tuple[list[str], list[str]]:
    """``argv`` without the excluded words of a search (``-ukraine``), and those words.

    The query syntax excludes a word with a leading minus, which the argument parser
    would otherwise take for an unknown option.
    """
    if "search" not in argv:
        return argv, []
    start = argv.index("search") + 1
    kept, excluded = argv[:start], []
    takes_value = False
    for word in argv[start:]:
        if not takes_value and len(word) > 1 and word[0] == "-" and word[1] != "-" \
                and word != "-h":
            excluded.append(word)
        else:
            kept.append(word)
        takes_value = word in ("--limit", "--sort")
    return kept, excluded


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import HIGHLIGHT_END, HIGHLIGHT_START

    query = " ".join(args.query)
    if args.limit < 1:
        raise UserError("--limit must be at least 1.")
    page = ctx.archive().search(query, limit=args.limit, sort=args.sort)
    if page.message:
        ctx.warn(f"Note: {page.message}")
    if args.json:
        ctx.print(json.dumps({
            "query": query,
            "total": page.total,
            "elapsed_ms": round(page.elapsed_ms, 2),
            "note": page.message,
            "hits": [{
                "id": h.id,
                "meeting_date": h.meeting_date.isoformat() if h.meeting_date else None,
                "title": h.title, "section": h.section, "place": h.place,
                "mode": h.mode.value, "sessions": h.session_count,
                "total_minutes": h.total_minutes, "publisher": h.publisher,
                "snippet": h.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""),
                "is_sample": h.is_sample,
            } for h in page.hits],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    shown = len(page.hits)
    ctx.print(f"{page.total} hit{'s' if page.total != 1 else ''} "
              f"({page.elapsed_ms:.1f} ms){f', showing {shown}' if shown < page.total else ''}")
    for h in page.hits:
        day = h.meeting_date.isoformat() if h.meeting_date else "----------"
        title = h.title or h.section or "(untitled)"
        where = f" — {h.place}" if h.place else ""
        ctx.print(f"{h.id:>7}  {day}  {title}{where}")
        if h.snippet and args.snippets:
            snippet = h.snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
            ctx.print(f"{'':>9}{snippet}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.domain import jsonformat, render

    readout = ctx.archive().get(parse_id(args.id))
    if args.json:
        ctx.print(json.dumps(jsonformat.document([readout]), ensure_ascii=False, indent=2))
    else:
        if readout.id is not None and ctx.archive().is_deleted(readout.id):
            ctx.print("(in the trash)")
        ctx.out.write(render.readout_text(readout, ctx.home_zone))
    return EXIT_OK


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.domain import jsonformat
    from readout_desk.domain.validation import InvalidReadoutError

    for name in args.files:
        data = _read_json_file(name)
        try:
            readouts = jsonformat.readouts_from_json(data)
        except jsonformat.FormatError as exc:
            raise UserError(f"{name}: {exc}.") from None
        if not readouts:
            raise UserError(f"{name} holds no readouts.")
        fresh = [r.with_id(None) for r in readouts]
        try:
            ids = ctx.archive().add_many(fresh)
        except InvalidReadoutError as exc:
            raise UserError(f"{name}: nothing was added. {exc.problems[0]}") from None
        ctx.print(f"Added {len(ids)} readout{'s' if len(ids) != 1 else ''} from {name}: "
                  + ", ".join(str(i) for i in ids))
    return EXIT_OK


def cmd_check_timings(args: argparse.Namespace, ctx: Context) -> int:
    flags = ctx.archive().timing_flags()
    if not flags:
        ctx.print("No printed time disagrees with the time-zone rules.")
        return EXIT_OK
    ctx.print(f"{len(flags)} session{'s' if len(flags) != 1 else ''} with a printed time "
              "that disagrees with the time-zone rules:")
    for f in flags:
        day = f.meeting_date.isoformat() if f.meeting_date else "----------"
        ctx.print(f"{f.readout_id:>7}  {day}  {f.title} — session {f.session_index + 1} "
                  f"({f.kind}): {f.message}")
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace, ctx: Context) -> int:
    archive = ctx.archive()  # opening applies every revision the archive lacks
    if archive.migration_backup is not None:
        ctx.print(f"Copy taken before the update: {archive.migration_backup}")
    ctx.print(f"The archive {ctx.location} has the newest schema "
              f"({archive.count()} readouts).")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the demo, migrate, search, show, add and check-timings sub-commands."""
    p = commands.add_parser("demo", help="load the demo archive (the Lima readout and samples)")
    p.set_defaults(handler=cmd_demo)

    p = commands.add_parser("migrate", help="bring the archive's schema to the newest "
                            "revision (a team archive: --db postgresql://...)")
    p.set_defaults(handler=cmd_migrate)

    p = commands.add_parser("search", help="search the archive (see the README for the syntax)")
    p.add_argument("query", nargs="*", help="the query; nothing lists everything")
    p.add_argument("--limit", type=int, default=20, help="how many hits to print (default 20)")
    p.add_argument("--sort", default="relevance", choices=SORT_KEYS)
    p.add_argument("--json", action="store_true", help="print the hits as JSON")
    p.add_argument("--snippets", action="store_true", help="print a snippet under each hit")
    p.set_defaults(handler=cmd_search)

    p = commands.add_parser("show", help="show one readout with its timing lines")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print the readout in the JSON format")
    p.set_defaults(handler=cmd_show)

    p = commands.add_parser("add", help="add readouts from JSON files (the format of show --json)")
    p.add_argument("files", nargs="+", metavar="FILE.json")
    p.set_defaults(handler=cmd_add)

    p = commands.add_parser("check-timings",
                            help="list sessions whose printed time disagrees with the zone rules")
    p.set_defaults(handler=cmd_check_timings)
