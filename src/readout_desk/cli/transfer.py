"""Command-line sub-commands for moving readouts in and out and keeping them safe.

``import FILE...``, ``export``, ``backup``, ``restore BACKUP``, ``check`` and
``trash list|restore ID|empty``; one of :data:`readout_desk.cli.COMMAND_GROUPS`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from readout_desk.cli.context import EXIT_FAILURE, EXIT_OK, Context, UserError, parse_id

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands

FORMATS = ("json", "csv", "md", "html", "pdf", "ics")


def _parse_mapping(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    from readout_desk.archive import CSV_FIELD_NAMES

    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field = field.strip()
        if not sep or not field or not column:
            raise UserError(f"--map {pair!r} should look like field=Column, e.g. "
                            "meeting_date=Date.")
        if field not in CSV_FIELD_NAMES:
            raise UserError(f"--map: {field!r} is not a field; the fields are "
                            + ", ".join(CSV_FIELD_NAMES) + ".")
        mapping[field] = column
    return mapping


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk import paths
    from readout_desk.archive import DraftQueue, expand_paths, import_files, queue_folder

    for name in args.files:
        if not Path(name).exists():
            raise UserError(f"There is no file or folder {name}.")
    files = expand_paths(args.files)
    if not files:
        raise UserError("There is no .json, .csv, .txt or .html file to import there.")
    mapping = _parse_mapping(args.map)

    def progress(done: int, total: int, label: str) -> None:
        if label and args.verbose:
            ctx.warn(f"[{done + 1}/{total}] {label}")

    archive = ctx.archive()
    queue = DraftQueue(queue_folder(archive.path, paths.data_dir()))
    summary = import_files(archive, files, csv_mapping=mapping, draft_queue=queue,
                           skip_duplicates=not args.keep_duplicates, progress=progress)
    for line in summary.lines():
        ctx.print(line)
    if args.verbose:
        for f in summary.files:
            for d in f.duplicates:
                ctx.print(f"  skipped {d}")
    if summary.drafts:
        ctx.print(f"The drafts are kept in {queue.folder} until they are reviewed.")
    if summary.stopped:
        return EXIT_FAILURE
    # A file that could not be imported is a failure, even when others went in.
    return EXIT_FAILURE if summary.failed else EXIT_OK


def _export_ids(args: argparse.Namespace, ctx: Context) -> list[int]:
    archive = ctx.archive()
    if args.ids:
        ids = []
        for part in args.ids.split(","):
            try:
                ids.append(int(part))
            except ValueError:
                raise UserError(f"--ids {args.ids!r} should be readout ids such as 3,8,12.")\
                    from None
        found = {r.id for r in archive.get_many(ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise UserError(f"There is no readout {missing[0]} in this archive.")
        return ids
    if args.query:
        return list(archive.search_ids(args.query, sort="date", descending=False))
    return list(archive.all_ids())


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import export_readouts

    out = Path(args.out)
    if out.is_dir():
        raise UserError(f"--out {out} is a folder; give a file name such as "
                        f"{out / ('readouts.' + args.format)}.")
    ids = _export_ids(args, ctx)
    if not ids:
        raise UserError("Nothing to export: the archive or the search has no readouts.")
    title = f"Readouts: {args.query}" if args.query else "Readouts"
    if args.format == "pdf":
        count = _export_pdf(ctx, ids, out, title)
        ctx.print(f"Exported {count} readout{'s' if count != 1 else ''} to {out}.")
        return EXIT_OK
    result = export_readouts(ctx.archive(), ids, args.format, out, home_zone=ctx.home_zone,
                             title=title, csv_formulas=args.csv_formulas)
    where = " and ".join(str(p) for p in result.paths)
    ctx.print(f"Exported {result.readouts} readout{'s' if result.readouts != 1 else ''} "
              f"to {where}.")
    for note in result.notes:
        ctx.print(note)
    return EXIT_OK


def _export_pdf(ctx: Context, ids: list[int], out: Path, title: str) -> int:
    """The HTML export laid out as PDF; the only command that loads Qt."""
    from readout_desk import printing
    from readout_desk.archive import html_document, iter_readouts

    readouts = list(iter_readouts(ctx.archive(), ids, lambda *_: None, lambda: False))
    printing.write_pdf_offscreen(html_document(readouts, ctx.home_zone, title), out, title=title)
    return len(readouts)


def _archive_path(ctx: Context) -> Path:
    path = ctx.archive().path
    if path is None:
        raise UserError("An archive kept only in memory has no backups.")
    return Path(path)


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import (
        BACKUP_MANUAL,
        BACKUP_SCHEDULED,
        create_backup,
        default_backup_dir,
        describe_backups,
        list_backups,
    )

    folder = Path(args.folder) if args.folder else None
    if args.list:
        folder = folder or default_backup_dir(_archive_path(ctx))
        found = list_backups(folder)
        if not found:
            ctx.print(f"No backups in {folder}.")
        for line in describe_backups(found):
            ctx.print(line)
        return EXIT_OK
    if args.keep is not None and args.keep < 1:
        raise UserError("--keep must be at least 1.")
    kind = BACKUP_SCHEDULED if args.keep is not None else BACKUP_MANUAL
    info = create_backup(ctx.archive(), folder=folder, kind=kind, keep=args.keep)
    ctx.print(f"Backed up to {info.path}: {info.label}.")
    return EXIT_OK


def _confirm(ctx: Context, question: str, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UserError(f"{question} Add --yes to confirm (there is no terminal to ask).")
    ctx.out.write(f"{question} [y/N] ")
    ctx.out.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import preview_backup, restore_backup

    source = Path(args.backup)
    if not source.exists():
        raise UserError(f"There is no backup {source}.")
    preview = preview_backup(source)
    for line in preview.lines():
        ctx.print(line)
    if not preview.sound:
        raise UserError("That backup is damaged; choose another one.", EXIT_FAILURE)
    archive = ctx.archive()
    ctx.print(f"The archive now holds {archive.count():,} readouts.")
    if not _confirm(ctx, f"Replace the archive {ctx.location} with this backup?", args.yes):
        ctx.print("Nothing was changed.")
        return EXIT_OK
    safety = restore_backup(archive, preview.info)
    ctx.print(f"Restored. The archive now holds {archive.count():,} readouts; its previous "
              f"state was kept in {safety.path}.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import (
        default_backup_dir,
        examine_file,
        is_sqlite_url,
        latest_good_backup,
        location_file,
    )

    path = location_file(ctx.location) if is_sqlite_url(ctx.location) else None
    if path is None:
        raise UserError("Only an archive file can be checked.")
    if not path.exists():
        raise UserError(f"There is no archive at {path}.")
    # Nothing here writes: the archive is examined, not opened for use.
    verdict, problems, count = examine_file(path)
    if verdict == "foreign":
        raise UserError(f"{path} is not a Readout Desk archive ({problems[0]}); "
                        "nothing was checked or changed.")
    if verdict == "locked":
        raise UserError(f"{path} is locked by another program, so it cannot be checked "
                        "now; close that program or try again in a moment.")
    if verdict == "sound":
        ctx.print(f"{path}: the archive passes the integrity check "
                  f"({count:,} readout{'s' if count != 1 else ''}).")
        return EXIT_OK
    ctx.print(f"{path} is damaged:")
    for p in problems[:20]:
        ctx.print(f"  {p}")
    good = latest_good_backup(default_backup_dir(path))
    if good:
        ctx.print(f"The latest good backup is {good.path} ({good.label}). Restore it with: "
                  f"readout-desk-cli --db {path} restore {good.path}")
    else:
        ctx.print("No sound backup was found beside the archive.")
    return EXIT_FAILURE


def cmd_trash(args: argparse.Namespace, ctx: Context) -> int:
    archive = ctx.archive()
    if args.action == "list":
        hits = archive.trash()
        if not hits:
            ctx.print("The trash is empty.")
        for h in hits:
            day = h.meeting_date.isoformat() if h.meeting_date else "----------"
            ctx.print(f"{h.id:>7}  {day}  {h.title or h.section or '(untitled)'}")
        return EXIT_OK
    if args.action == "restore":
        if not args.ids:
            raise UserError("Say which readout to restore: trash restore ID.")
        ids = [parse_id(i) for i in args.ids]
        for readout_id in ids:
            if not archive.is_deleted(readout_id):
                archive.get(readout_id)  # a missing id raises NotFoundError
                raise UserError(f"Readout {readout_id} is not in the trash.")
        for readout_id in ids:
            archive.restore(readout_id)
        ctx.print(f"Restored {', '.join(str(i) for i in ids)} from the trash.")
        return EXIT_OK
    count = len(archive.trash())
    if not count:
        ctx.print("The trash is already empty.")
        return EXIT_OK
    if not _confirm(ctx, f"Delete the {count} readout{'s' if count != 1 else ''} in the trash "
                         "for good?", args.yes):
        ctx.print("Nothing was deleted.")
        return EXIT_OK
    gone = archive.empty_trash()
    ctx.print(f"Deleted {gone} readout{'s' if gone != 1 else ''} for good.")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the import, export, backup, restore, check and trash sub-commands."""
    p = commands.add_parser("import", help="import readouts from JSON or CSV files or folders "
                                      "(all or nothing per file; duplicates skipped)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                   help="CSV column mapping, repeatable (default: guessed from the header)")
    p.add_argument("--keep-duplicates", action="store_true",
                   help="import readouts even when the archive already has them")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="name each file as it is imported and each skipped duplicate")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser("export", help="export the archive, a search or some readouts")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--query", metavar="Q", help="export the hits of this search")
    p.add_argument("--ids", metavar="ID,ID", help="export these readouts")
    p.add_argument("--out", required=True, metavar="PATH", help="the file to write")
    p.add_argument("--csv-formulas", action="store_true",
                   help="write CSV cells starting with = + - @ as they are (by default they "
                        "get a leading apostrophe, so a spreadsheet shows them as text)")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("backup", help="back up the archive and its photo files now")
    p.add_argument("--folder", metavar="DIR",
                   help="where backups go (default: ARCHIVE-backups beside the archive)")
    p.add_argument("--keep", type=int, metavar="N",
                   help="make a scheduled backup and keep only the newest N scheduled ones")
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("restore", help="replace the archive with a backup, after a preview")
    p.add_argument("backup", metavar="BACKUP", help="a backup folder (see backup --list)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_restore)

    p = commands.add_parser("check", help="check the archive file for damage")
    p.set_defaults(handler=cmd_check)

    p = commands.add_parser("trash", help="list, restore from or empty the trash")
    p.add_argument("action", choices=["list", "restore", "empty"])
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--yes", action="store_true", help="empty without asking")
    p.set_defaults(handler=cmd_trash)

