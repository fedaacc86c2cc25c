"""``readout-desk``: start the desktop application.

The archive is the one named by ``--db`` (a file path or a sqlite:// URL), else by the
``READOUT_DESK_DB`` environment variable, else the default file in the data folder.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from readout_desk import __version__, paths

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

#: When the window's features are installed at the latest, if its first page is slow.
FEATURES_AT_THE_LATEST_MS = 2_000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout-desk",
        description="Readout Desk: a desktop archive of diplomatic meeting readouts.")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help=f"archive to open (default: ${paths.DB_ENV}, else the file in "
                             "the data folder)")
    parser.add_argument("--home-zone", metavar="ZONE",
                        help="home time zone to show times in as well, e.g. Asia/Tokyo "
                             "(kept in the preferences)")
    parser.add_argument("--lang", choices=("system", "en", "ja"),
                        help="language of the interface for this run (default: "
                             "$READOUT_DESK_LANG, else the preferences, else the system's)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="a JSON export to offer for import (the window of an archive "
                             "that is already open comes forward instead of a second one)")
    return parser


#: Qt's own command-line options that take a value ("-platform xcb"); see QApplication.
QT_VALUE_OPTIONS = frozenset({
    "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry",
    "-qwindowicon", "-qwindowtitle", "-display", "-geometry", "-style", "-stylesheet",
    "-session", "-name", "-title", "-widgetcount", "-qmljsdebugger",
})


def split_qt_arguments(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(ours, qt)``: Qt's options (with their values) apart from the program's own."""
    ours: list[str] = []
    qt: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        arg = items[i]
        name = arg.split("=", 1)[0].lstrip("-")
        if arg.startswith("-") and not arg.startswith("--") and f"-{name}" in QT_VALUE_OPTIONS:
            qt.append(arg)
            if "=" not in arg and i + 1 < len(items):
                qt.append(items[i + 1])
                i += 1
        else:
            ours.append(arg)
        i += 1
    return ours, qt


def _install_language(choice: str | None) -> None:
    """Install the interface's translators: ``--lang``, else the environment, else the
    preference, else the system's locale."""
    from readout_desk.ui import language
    from readout_desk.ui.settings import Settings

    language.install(language.resolve(choice or "", preference=Settings().language()))


def features_after_first_page(window: MainWindow) -> None:
    """Install the window's features right after its first page is painted (or after
    two seconds, if the first search is slow or fails)."""
    from PySide6.QtCore import QTimer

    install = window.install_features
    window.searchFinished.connect(lambda _total: QTimer.singleShot(0, install))
    QTimer.singleShot(FEATURES_AT_THE_LATEST_MS, install)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the archive and show the main window; returns the exit code."""
    ours, qt_args = split_qt_arguments(sys.argv[1:] if argv is None else argv)
    args, unknown = build_parser().parse_known_args(ours)
    qt_args += unknown
    logging.basicConfig(level=logging.WARNING)

    from readout_desk.ui import instance_name

    if not instance_name.probably_running(paths.archive_location(args.db)):
        # PySide6 reads the source of every module imported after it (for its
        # __feature__ switches): importing the archive layer (SQLAlchemy and the ORM,
        # which opening the archive needs) first starts faster. A launch that will only
        # hand its files to a running instance skips it.
        from readout_desk.archive import Archive  # noqa: F401

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from readout_desk.ui import crash, lifecycle, single_instance

    crash.setup_logging()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0],
                                                                             *qt_args])
    app.setApplicationName("Readout Desk")
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.readoutdesk.ReadoutDesk")
    _install_language(args.lang)  # before any window is built, so all of it is translated

    location = paths.archive_location(args.db)
    # Before anything heavy: a launch on an archive that is already open hands over
    # its files and ends here.
    guard = single_instance.claim(location, args.files)
    if guard is None:
        return 0
    handler = crash.CrashHandler(lambda: {"Archive": location}, app)
    handler.install()
    signals = lifecycle.quit_on_signals(app)

    from readout_desk.archive import ArchiveError
    from readout_desk.domain import timing
    from readout_desk.ui import about, file_open
    from readout_desk.ui.main_window import MainWindow
    from readout_desk.ui.settings import Settings
    from readout_desk.ui.team.startup import open_at_start
    from readout_desk.ui.transfer import open_archive_with_recovery, startup_message

    app.setWindowIcon(about.app_icon())
    try:
        # Checks the file; a damaged one is reported and the latest good backup offered.
        # A team archive's server that cannot be reached: retry, or the local archive.
        opened = open_at_start(location, open_archive_with_recovery)
        archive = opened.archive
    except ArchiveError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Readout Desk"), str(exc))
        return 1
    except Exception as exc:  # noqa: BLE001 - reported, then the program ends
        handler.report_fatal(exc, QCoreApplication.translate(
            "App", "The archive {location} could not be opened").format(location=location))
        return 1
    settings = Settings()
    if args.home_zone:
        if not timing.is_valid_zone(args.home_zone):
            QMessageBox.warning(None, QCoreApplication.translate("App", "Readout Desk"),
                                QCoreApplication.translate(
                                    "App", "{zone} is not a time zone such as Asia/Tokyo; "
                                    "the zone from the preferences is used.").format(
                                        zone=args.home_zone))
        else:
            settings.set_home_zone(args.home_zone)
    try:
        try:
            # The features (editor, import and export, capture, ...) load once the
            # first page is painted: the window shows its readouts sooner.
            window = MainWindow(archive, settings, features=False)
            features_after_first_page(window)
        except Exception as exc:  # noqa: BLE001 - reported, then the program ends
            handler.report_fatal(exc, QCoreApplication.translate(
                "App", "The main window could not be built"))
            return 1
        guard.activationRequested.connect(lambda: single_instance.bring_to_front(window))
        guard.filesReceived.connect(lambda files: file_open.open_files(window, files))
        window.show()
        if not settings.has_home_zone():
            from readout_desk.ui.first_run import ask_home_zone

            ask_home_zone(window)
        if startup_message(opened):
            window.show_problem(startup_message(opened))
        if args.files:
            file_open.open_files(window, args.files)
        return int(app.exec())
    finally:
        guard.close()
        if signals is not None:
            signals.restore()
        handler.uninstall()
        archive.close()


if __name__ == "__main__":
    raise SystemExit(main())
