"""What every command of ``readout-desk-cli`` shares: exit codes, user errors, the context.

A command is a function ``handler(args, ctx) -> int`` set as the ``handler`` default of
its sub-parser; ``ctx`` is a :class:`Context`, which opens the archive on first use so
that commands without one (``parse``, ``--help``) never load the storage code.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from readout_desk import paths

if TYPE_CHECKING:
    from typing import TypeAlias

    from readout_desk.archive import Archive

    #: What a command group's ``register`` adds its sub-commands to.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

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
        self._archive: Archive | None = None

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

    def archive(self) -> Archive:
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


def parse_id(value: str) -> int:
    """A readout id typed by the user, or a :class:`UserError` saying what one is."""
    try:
        number = int(value)
    except ValueError:
        raise UserError(f"{value!r} is not a readout id (a whole number).") from None
    if number < 1:
        raise UserError(f"{value!r} is not a readout id (a whole number).")
    return number
