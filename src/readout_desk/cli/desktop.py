"""``install-desktop-entry`` and ``uninstall-desktop-entry``: the applications-menu entry."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from readout_desk.cli.context import EXIT_FAILURE, EXIT_OK, Context, UserError

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands


def _home(args: argparse.Namespace) -> Path | None:
    if args.data_home is None:
        return None
    home = Path(args.data_home).expanduser()
    if not home.is_absolute():
        home = home.absolute()
    return home


def cmd_install(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk import desktop

    launcher = Path(args.launcher).expanduser().absolute() if args.launcher else None
    try:
        written = desktop.install(launcher, _home(args))
    except desktop.DesktopIntegrationError as exc:
        raise UserError(str(exc), EXIT_FAILURE) from None
    entry = written[0]
    ctx.print(f"Installed the Readout Desk desktop entry ({len(written)} files):")
    for path in written:
        ctx.print(f"  {path}")
    exec_line = next((line for line in entry.read_text(encoding="utf-8").splitlines()
                      if line.startswith("Exec=")), "")
    ctx.print(f"It starts: {exec_line.removeprefix('Exec=')}")
    return EXIT_OK


def cmd_uninstall(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk import desktop

    try:
        removed = desktop.uninstall(_home(args))
    except desktop.DesktopIntegrationError as exc:
        raise UserError(str(exc), EXIT_FAILURE) from None
    if not removed:
        ctx.print("The Readout Desk desktop entry was not installed; nothing to remove.")
        return EXIT_OK
    ctx.print(f"Removed the Readout Desk desktop entry ({len(removed)} files).")
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the desktop-entry commands to ``readout-desk-cli``."""
    home_help = "XDG data folder to use (default: $XDG_DATA_HOME, else ~/.local/share)"
    p = commands.add_parser(
        "install-desktop-entry",
        help="add Readout Desk to the applications menu (Linux and other freedesktop systems)",
    )
    p.add_argument("--launcher", metavar="PROGRAM",
                   help="the readout-desk program the entry starts (default: the one "
                        "installed beside this command, else the one on PATH)")
    p.add_argument("--data-home", metavar="DIR", help=home_help)
    p.set_defaults(handler=cmd_install)

    p = commands.add_parser("uninstall-desktop-entry",
                              help="remove Readout Desk from the applications menu")
    p.add_argument("--data-home", metavar="DIR", help=home_help)
    p.set_defaults(handler=cmd_uninstall)
