"""``readout-desk-cli``: the archive from the command line.

Every command goes through the same :class:`~readout_desk.archive.Archive` façade as
the GUI. User errors print one sentence to stderr and exit non-zero (2 for a usage
or input problem, 1 for an archive problem); there is never a traceback for them.

Commands of other areas register themselves through :data:`COMMAND_MODULES`: each
module there has ``register(subparsers)`` adding its sub-commands, each sub-command
setting ``handler(args, ctx) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from readout_desk import __version__, paths

#: Modules that add sub-commands (``register(subparsers)``), imported in this order.
COMMAND_MODULES: tuple[str, ...] = (
    "readout_desk.cli.desktop",
    "readout_desk.cli.transfer",
    "readout_desk.cli.extract",
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class UserError(Exception):
    """A problem to report as one sentence, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class Context:
    """What every command needs: the archive (opened on first use) and the home zone."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self._archive: Any = None

    @property
    def location(self) -> str:
        return paths.archive_location(self.args.db)

    @property
    def home_zone(self) -> str:
        from readout_desk.domain import timing

        zone = self.args.home_zone or timing.system_zone()
        if not timing.is_valid_zone(zone):
            raise UserError(f"--home-zone {zone!r} is not an IANA time zone such as Asia/Tokyo.")
        return str(zone)

    def archive(self) -> Any:
        """The archive, opened on first use."""
        if self._archive is None:
            from readout_desk.archive import Archive

            self._archive = Archive.open(self.location)
        return self._archive

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(text, file=self.err)


Handler = Callable[[argparse.Namespace, Context], int]


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
    from readout_desk.archive.demo import load_demo

    added = load_demo(ctx.archive())
    total = ctx.archive().count()
    ctx.print(f"Added {added} demo readouts to {ctx.location} ({total} readouts in all).")
    return EXIT_OK


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import sqlite as sqlite_sql

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
                "snippet": h.snippet.replace(sqlite_sql.HIGHLIGHT_START, "")
                .replace(sqlite_sql.HIGHLIGHT_END, ""),
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
            snippet = h.snippet.replace(sqlite_sql.HIGHLIGHT_START, "[").replace(
                sqlite_sql.HIGHLIGHT_END, "]")
            ctx.print(f"{'':>9}{snippet}")
    return EXIT_OK


def _parse_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise UserError(f"{value!r} is not a readout id (a whole number).") from None
    if number < 1:
        raise UserError(f"{value!r} is not a readout id (a whole number).")
    return number


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.domain import jsonformat, render

    readout = ctx.archive().get(_parse_id(args.id))
    if args.json:
        ctx.print(json.dumps(jsonformat.document([readout]), ensure_ascii=False, indent=2))
    else:
        if ctx.archive().is_deleted(readout.id):
            ctx.print("(in the trash)")
        ctx.out.write(render.readout_text(readout, ctx.home_zone))
    return EXIT_OK


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.domain import jsonformat

    total = 0
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
        except Exception as exc:
            from readout_desk.domain.validation import InvalidReadoutError

            if isinstance(exc, InvalidReadoutError):
                raise UserError(f"{name}: nothing was added. {exc.problems[0]}") from None
            raise
        total += len(ids)
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout-desk-cli",
        description="Search, show and add readouts in a Readout Desk archive.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help=f"archive file or sqlite:// URL (default: ${paths.DB_ENV}, "
                             "else the archive in the user data folder)")
    parser.add_argument("--home-zone", metavar="ZONE",
                        help="IANA zone for the reader's home time (default: the system zone)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("demo", help="load the demo archive (the Lima readout and samples)")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("search", help="search the archive (see the README for the syntax)")
    p.add_argument("query", nargs="*", help="the query; nothing lists everything")
    p.add_argument("--limit", type=int, default=20, help="how many hits to print (default 20)")
    p.add_argument("--sort", default="relevance",
                   choices=["relevance", "date", "title", "place", "mode", "sessions",
                            "publisher"])
    p.add_argument("--json", action="store_true", help="print the hits as JSON")
    p.add_argument("--snippets", action="store_true", help="print a snippet under each hit")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("show", help="show one readout with its timing lines")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print the readout in the JSON format")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("add", help="add readouts from JSON files (the format of show --json)")
    p.add_argument("files", nargs="+", metavar="FILE.json")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("check-timings",
                       help="list sessions whose printed time disagrees with the zone rules")
    p.set_defaults(handler=cmd_check_timings)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    ctx = Context(args, out, err)
    try:
        handler: Handler = args.handler
        return handler(args, ctx)
    except UserError as exc:
        print(f"readout-desk-cli: {exc}", file=err)
        return exc.code
    except KeyboardInterrupt:
        print("readout-desk-cli: interrupted.", file=err)
        return 130
    except Exception as exc:  # noqa: BLE001 - turned into one sentence below
        return _report(exc, err)
    finally:
        ctx.close()


def _report(exc: Exception, err: TextIO) -> int:
    from readout_desk.archive import ArchiveError, NotFoundError
    from readout_desk.domain.jsonformat import FormatError
    from readout_desk.domain.timing import TimingError
    from readout_desk.domain.validation import InvalidReadoutError

    if isinstance(exc, NotFoundError):
        print(f"readout-desk-cli: {exc}", file=err)
        return EXIT_USAGE
    if isinstance(exc, (InvalidReadoutError, FormatError, TimingError)):
        print(f"readout-desk-cli: {exc}", file=err)
        return EXIT_USAGE
    if isinstance(exc, ArchiveError):
        print(f"readout-desk-cli: {exc}", file=err)
        return EXIT_FAILURE
    if isinstance(exc, OSError):
        print(f"readout-desk-cli: {exc.strerror or exc}"
              + (f": {exc.filename}" if exc.filename else "") + ".", file=err)
        return EXIT_FAILURE
    import os

    if os.environ.get("READOUT_DESK_DEBUG"):
        raise exc
    print(f"readout-desk-cli: unexpected error ({type(exc).__name__}: {exc}); "
          "set READOUT_DESK_DEBUG=1 to see the details, and please report it.", file=err)
    return EXIT_FAILURE
