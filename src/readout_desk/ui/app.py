"""``readout-desk``: start the desktop application.

The archive is the one named by ``--db`` (a file path or a sqlite:// URL), else by the
``READOUT_DESK_DB`` environment variable, else the default file in the data folder.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from readout_desk import __version__, paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from readout_desk.archive import Archive
    from readout_desk.ui import single_instance
    from readout_desk.ui.crash import CrashHandler
    from readout_desk.ui.main_window import MainWindow
    from readout_desk.ui.settings import Settings

#: When the window's features are installed at the latest, if its first page is slow.
FEATURES_AT_THE_LATEST_MS = 2_000
#: When the archive opens at the latest after a first page that nothing paints (a window
#: shown minimised, say).
PAINT_AT_THE_LATEST_MS = 500
#: What opening an archive imports (SQLAlchemy, the ORM, the models, recovery, backups).
ARCHIVE_LAYER = "readout_desk.archive.recovery"
#: Modules without Qt that the first page needs: its read, the lock's name, the dates.
#: PySide6 reads the source of every module named in an import after it loads (for its
#: ``__feature__`` switches): importing these first, and what they import, is cheaper.
BEFORE_QT = ("readout_desk.archive.sqlite_first_page", "readout_desk.ui.instance_name",
             "readout_desk.domain.timing")
#: Whether the system hands documents to the running application as events rather than
#: on the command line (macOS's Finder). An application-wide event filter sees every
#: event of every widget, so it is installed only where such events come.
SYSTEM_SENDS_FILES = sys.platform == "darwin"


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
                        help="a JSON export to offer for import, or a readout's text "
                             "(.txt, .html) to read into a draft for review (the window of an "
                             "archive that is already open comes forward instead of a "
                             "second one)")
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
    """Install the window's features right after its own first search has shown its
    page (or after two seconds, if that search is slow or fails)."""
    from PySide6.QtCore import QTimer

    install = window.install_features
    window.searchFinished.connect(lambda _total: QTimer.singleShot(0, install))
    QTimer.singleShot(FEATURES_AT_THE_LATEST_MS, install)


class _Opening:
    """The archive opened around the window: its first page shown first, when it can be
    read without the archive layer, else the archive opened before the window shows."""

    def __init__(self, window: MainWindow, location: str, args: argparse.Namespace,
                 handler: CrashHandler) -> None:
        self.window = window
        self.location = location
        self.args = args
        self.handler = handler
        self.archive: Archive | None = None
        self.message = ""  # what the banner says after opening (a recovery, read-only)

    def keep_home_zone(self) -> None:
        """Keep ``--home-zone`` before the archive opens (the first start's question,
        once it has, asks only without one). The window's first page shows no zone:
        time zones load after it."""
        _home_zone(self.args.home_zone, self.window.settings)

    def first_page(self) -> bool:
        """Show the first page read with the ``sqlite3`` driver alone, if it can be (an
        archive file that is sound, at the current schema and holds readouts)."""
        from readout_desk.archive import read_first_page
        from readout_desk.ui.results_model import PAGE_SIZE

        model = self.window.model
        page = read_first_page(self.location, sort=model.sort_key,
                               descending=model.descending, limit=PAGE_SIZE)
        if page is None or not page.hits:
            return False
        self.window.show_first_page(page)
        return True

    def open(self) -> bool:
        """Open the archive (checked; a damaged one reported with the latest good backup
        offered; a team archive's server that cannot be reached: retry, or the local
        archive) and give it to the window. ``False`` when it cannot be: said already."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from readout_desk.archive import ArchiveError
        from readout_desk.ui.team.startup import open_at_start
        from readout_desk.ui.transfer import open_archive_with_recovery, startup_message

        parent = self.window if self.window.isVisible() else None
        try:
            opened = open_at_start(self.location, open_archive_with_recovery)
        except ArchiveError as exc:
            QMessageBox.critical(parent, QCoreApplication.translate("App", "Readout Desk"),
                                 str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - reported, then the program ends
            self.handler.report_fatal(exc, QCoreApplication.translate(
                "App", "The archive {location} could not be opened").format(
                    location=self.location))
            return False
        self.archive = opened.archive
        try:
            # The features (editor, import and export, capture, ...) load once the
            # first page is painted: the window shows its readouts sooner.
            self.window.attach(opened.archive)
            features_after_first_page(self.window)
        except Exception as exc:  # noqa: BLE001 - reported, then the program ends
            self.handler.report_fatal(exc, QCoreApplication.translate(
                "App", "The main window could not be built"))
            return False
        self.message = startup_message(opened)
        return True

    def opened(self) -> None:
        """What follows the opening once the window shows: the first start's question,
        the banner, the files given."""
        from readout_desk.ui import file_open

        window = self.window
        if not window.settings.has_home_zone():
            from readout_desk.ui.first_run import ask_home_zone

            ask_home_zone(window)
        if self.message:
            window.show_problem(self.message)
        if self.args.files:
            file_open.open_files(window, self.args.files)

    def after_first_paint(self) -> None:
        """Once the first page is on the screen (the event loop has painted the table),
        load the archive layer in a worker, the window answering meanwhile; then open
        the archive on the UI thread (its questions are dialogs), and end the program if
        it cannot be opened."""
        from PySide6.QtCore import QCoreApplication

        def go_on(_loaded: object = None) -> None:
            if self.window.has_archive() or not self.window.isVisible():
                return  # closed before the archive opened: the program is ending
            self.keep_home_zone()
            if self.open():
                self.opened()
            else:
                self.window.close()
                QCoreApplication.exit(1)

        def load() -> None:
            # Importing is safe in any thread; a failure shows on opening, as before.
            self.window.runner.run(lambda: importlib.import_module(ARCHIVE_LAYER),
                                   go_on, go_on)

        when_painted(self.window, load)

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def when_painted(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once, from the event loop, after ``widget`` is first painted (or a
    moment after, if nothing paints it).

    Given the window, ``then`` comes after the whole of its first paint, the results
    table's included (the window's widgets are painted in one pass, which the event loop
    finishes before the next turn). The window is watched, not the table's viewport:
    the first time Python is handed that viewport, PySide takes 10-20 ms to learn its
    type, which the first page would wait for."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    called = False

    def once() -> None:
        nonlocal called
        if not called:
            called = True
            widget.removeEventFilter(watcher)
            then()

    class Watcher(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
            """QObject.eventFilter: the first paint lets the next turn of the loop go on."""
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, once)
            return False

    watcher = Watcher(widget)
    widget.installEventFilter(watcher)
    QTimer.singleShot(PAINT_AT_THE_LATEST_MS, once)


def _open_files(window: MainWindow, files: list[str]) -> None:
    """Files handed over by a second launch: offered for import, as on the command line
    (once the archive is open, if they come while it opens)."""
    from PySide6.QtCore import Qt

    from readout_desk.ui import file_open

    if window.has_archive():
        file_open.open_files(window, files)
    else:
        window.searchFinished.connect(lambda _total: file_open.open_files(window, files),
                                      Qt.ConnectionType.SingleShotConnection)


def _home_zone(choice: str | None, settings: Settings) -> None:
    """Keep ``--home-zone`` in the preferences (a name that is no zone is said, not kept)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from readout_desk.domain import timing

    if not choice:
        return
    if not timing.is_valid_zone(choice):
        QMessageBox.warning(None, QCoreApplication.translate("App", "Readout Desk"),
                            QCoreApplication.translate(
                                "App", "{zone} is not a time zone such as Asia/Tokyo; "
                                "the zone from the preferences is used.").format(zone=choice))
    else:
        settings.set_home_zone(choice)


def _after_first_paint(app: QApplication, guard: single_instance.InstanceGuard) -> None:
    """What start-up leaves until the window has painted: listening for later launches
    on this archive, the application's icon."""
    from readout_desk.ui import about

    guard.listen_if_owner()
    app.setWindowIcon(about.app_icon())


def main(argv: Sequence[str] | None = None) -> int:
    """Show the main window on the archive; returns the exit code.

    The window paints the archive's first page, read with the ``sqlite3`` driver alone,
    before the archive layer (SQLAlchemy, the ORM, the checks on opening) loads; the
    archive then opens and the window goes on as usual. A team archive, a first run, an
    archive that needs an update of its format, or one damaged or held by another
    program is opened first, the usual way, and the window shows after.
    """
    ours, qt_args = split_qt_arguments(sys.argv[1:] if argv is None else argv)
    args, unknown = build_parser().parse_known_args(ours)
    qt_args += unknown
    logging.basicConfig(level=logging.WARNING)
    for name in BEFORE_QT:
        importlib.import_module(name)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

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
    # Before anything heavy: a launch on an archive that another instance holds hands
    # over its files and ends here.
    guard = single_instance.claim(location, args.files)
    if guard is None:
        return 0
    handler = crash.CrashHandler(lambda: {"Archive": location}, app)
    handler.install()
    signals = lifecycle.quit_on_signals(app)

    from readout_desk.ui.main_window import MainWindow
    from readout_desk.ui.settings import Settings

    settings = Settings()
    opening: _Opening | None = None
    try:
        try:
            window = MainWindow(None, settings, features=False, location=location)
        except Exception as exc:  # noqa: BLE001 - reported, then the program ends
            handler.report_fatal(exc, QCoreApplication.translate(
                "App", "The main window could not be built"))
            return 1
        guard.activationRequested.connect(lambda: single_instance.bring_to_front(window))
        guard.filesReceived.connect(lambda files: _open_files(window, files))
        if SYSTEM_SENDS_FILES:
            system_opens = single_instance.SystemFileOpens(app)
            system_opens.filesReceived.connect(lambda files: _open_files(window, files))
            app.installEventFilter(system_opens)
        opening = _Opening(window, location, args, handler)
        if opening.first_page():
            window.show()
            opening.after_first_paint()
        else:
            opening.keep_home_zone()
            if not opening.open():
                return 1
            window.show()
            opening.opened()
        # Later launches on this archive are listened for once the window has painted
        # (they wait for it meanwhile): QtNetwork loads after the first page, and so
        # does the application's icon (its module, the desktop files' paths).
        when_painted(window, lambda: _after_first_paint(app, guard))
        return int(app.exec())
    finally:
        guard.close()
        if signals is not None:
            signals.restore()
        handler.uninstall()
        if opening is not None:
            opening.close()


if __name__ == "__main__":
    raise SystemExit(main())
