"""Command-line sub-commands for team archives on a PostgreSQL server.

``team-role reader|contributor ROLE`` prints the SQL an administrator runs to give an
existing login role fewer rights than the owner's; ``copy --from SRC --to DST`` moves a
whole archive between SQLite and PostgreSQL; ``store-photos`` takes the images of an older
team archive from its shared folder into the database; ``reclaim-photos`` deletes the
images nothing names any more. One of
:data:`readout_desk.cli.COMMAND_GROUPS`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from readout_desk import paths
from readout_desk.cli.context import EXIT_OK, Context, UserError

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands


def cmd_team_role(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import team_role_sql

    for statement in team_role_sql(args.kind, args.role):
        ctx.print(statement)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the team-role, copy, store-photos and reclaim-photos sub-commands."""
    p = commands.add_parser(
        "team-role", help="print the SQL that makes a database user of a team archive a "
                          "reader (read-only) or a contributor (adds and changes, never "
                          "deletes); run it as the database's owner")
    p.add_argument("kind", choices=("reader", "contributor"))
    p.add_argument("role", help="an existing login role of the server")
    p.set_defaults(handler=cmd_team_role)

    p = commands.add_parser(
        "copy", help="copy every readout, with its history, trash state, source and photos, "
                     "from one archive to another (SQLite or PostgreSQL, either way); "
                     "run again after an interruption, it goes on where it stopped")
    p.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    p.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")
    p.set_defaults(handler=cmd_copy)

    p = commands.add_parser(
        "store-photos", help="store in a team archive's database the images its readouts "
                             "name that are still only files in the shared folder "
                             f"(${paths.ATTACHMENTS_ENV}, or --from); run again after an "
                             "interruption, it goes on where it stopped")
    p.add_argument("--from", dest="folder", metavar="FOLDER",
                   help=f"the folder of the images (default: ${paths.ATTACHMENTS_ENV})")
    p.set_defaults(handler=cmd_store_photos)

    p = commands.add_parser(
        "reclaim-photos", help="delete the images no readout (the trash's included) and no "
                               "earlier version names any more, left by purges of older "
                               "versions of the program; prints the space reclaimed")
    p.set_defaults(handler=cmd_reclaim_photos)


def cmd_copy(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import Archive, copy_archive

    def progress(done: int, total: int) -> None:
        ctx.warn(f"copied {done} of {total} readouts")

    with Archive.open(args.source) as source, Archive.open(args.target) as target:
        result = copy_archive(source, target, progress)
    ctx.print(f"Copied {result.copied} readouts ({result.versions} earlier versions) from "
              f"{args.source} to {args.target}; {result.skipped} were there already.")
    if result.photos or result.photos_missing:
        ctx.print(f"Photos: {result.photos} copied"
                  + (f", {len(result.photos_missing)} not copied (no such file in the "
                     "source, or an archive kept in memory)" if result.photos_missing
                     else "") + ".")
    return EXIT_OK


def cmd_store_photos(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import store_folder_photos

    folder = Path(args.folder).expanduser() if args.folder else paths.team_attachments_dir()
    if folder is None:
        raise UserError(f"Name the folder of the images with --from (or set "
                        f"{paths.ATTACHMENTS_ENV}).")

    def progress(done: int, total: int) -> None:
        ctx.warn(f"stored {done} of {total} photos")

    archive = ctx.archive()
    stored, missing = store_folder_photos(archive, folder, progress)
    ctx.print(f"Stored {stored} photos from {folder} in {archive.location}.")
    if missing:
        ctx.print(f"{len(missing)} named by readouts are not in {folder}: "
                  + ", ".join(missing[:10]) + (", …" if len(missing) > 10 else "") + ".")
    return EXIT_OK


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KB"


def cmd_reclaim_photos(args: argparse.Namespace, ctx: Context) -> int:
    archive = ctx.archive()
    reclaimed = archive.reclaim_photos()
    ctx.print(f"Deleted {reclaimed.images} image{'s' if reclaimed.images != 1 else ''} "
              f"nothing names any more from {archive.location}: {_size(reclaimed.size)} "
              f"({reclaimed.size} bytes) reclaimed.")
    return EXIT_OK
