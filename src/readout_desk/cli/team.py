"""Command-line sub-commands for team archives on a PostgreSQL server.

``team-role reader|contributor ROLE`` prints the SQL an administrator runs to give an
existing login role fewer rights than the owner's; one of
:data:`readout_desk.cli.COMMAND_GROUPS`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from readout_desk.cli.context import EXIT_OK, Context

if TYPE_CHECKING:
    from readout_desk.cli.context import Commands


def cmd_team_role(args: argparse.Namespace, ctx: Context) -> int:
    from readout_desk.archive import team_role_sql

    for statement in team_role_sql(args.kind, args.role):
        ctx.print(statement)
    return EXIT_OK


def register(commands: Commands) -> None:
    """Add the team-role sub-command."""
    p = commands.add_parser(
        "team-role", help="print the SQL that makes a database user of a team archive a "
                          "reader (read-only) or a contributor (adds and changes, never "
                          "deletes); run it as the database's owner")
    p.add_argument("kind", choices=("reader", "contributor"))
    p.add_argument("role", help="an existing login role of the server")
    p.set_defaults(handler=cmd_team_role)
