"""``readout-desk-cli``: the archive from the command line.

Every command goes through the same :class:`~readout_desk.archive.Archive` façade as
the GUI, imported from the package root ``readout_desk.archive`` only. User errors print
one sentence to stderr and exit non-zero (2 for a usage or input problem, 1 for an
archive problem); there is never a traceback for them.

This module holds the entry point and the global options. The sub-commands live in one
module per group, listed in :data:`COMMAND_GROUPS`: each has ``register(commands)``
adding its sub-commands, each sub-command setting ``handler(args, ctx) -> int`` (see
:mod:`readout_desk.cli.context`). Nothing here imports Qt: only ``export --format pdf``
loads it, through :mod:`readout_desk.printing`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TextIO

from readout_desk import __version__, paths
from readout_desk.cli import desktop, extract, readouts, team, transfer
from readout_desk.cli.context import EXIT_FAILURE, EXIT_USAGE, Context, Handler, UserError

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands


class CommandGroup(Protocol):
    """A module of sub-commands."""

    def register(self, commands: Commands) -> None: ...


#: The groups of sub-commands, in the order ``--help`` lists them.
COMMAND_GROUPS: tuple[CommandGroup, ...] = (readouts, desktop, transfer, extract, team)


def build_parser() -> argparse.ArgumentParser:
    """The parser of the global options and every group's sub-commands."""
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    words, excluded = readouts.minus_words(list(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:
        return int(exc.code or 0)
    if excluded:
        args.query = [*args.query, *excluded]
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

    if isinstance(exc, (NotFoundError, InvalidReadoutError, FormatError, TimingError)):
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
