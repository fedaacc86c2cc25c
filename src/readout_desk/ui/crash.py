"""When something goes wrong: log it, tell the user, keep running.

:func:`setup_logging` sends the program's log (and Qt's own warnings) to a rotating
file in the log folder. :class:`CrashHandler` becomes ``sys.excepthook`` and
``threading.excepthook``: an exception nobody caught (typically in a slot or an
event handler) is written to the log with its traceback and shown in a
:class:`CrashDialog` with a short explanation and a report the user can copy into a
bug report. Qt keeps running after a slot fails, so the window stays usable.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk import __version__, paths
from readout_desk.ui import parts

LOG_FILE_NAME = "readout-desk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5
LOGGER_NAME = "readout_desk"
#: After this many reports in one dialog, further ones are only counted (and logged).
MAX_REPORTS_SHOWN = 10

log = logging.getLogger(LOGGER_NAME + ".crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_file_handler: logging.Handler | None = None
_previous_qt_handler: Any = None
_qt_handler_installed = False


def log_file() -> Path:
    """The current log file (older ones sit beside it as ``.1`` … ``.5``)."""
    return paths.log_dir() / LOG_FILE_NAME


class _LogFile(logging.Handler):
    """The rotating log file, made at its first record: a start logs nothing as a rule,
    so the file is opened only when there is something to write. Records are appended
    by logging's own file handler while the file has room for them; the rotating
    handler (``logging.handlers``, and what it imports) takes over at the first record
    that would fill it, where it rolls the file over. A warning written before the
    window's first page (Qt's offscreen platform writes one) does not load it."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.max_bytes = LOG_MAX_BYTES
        self._file: logging.FileHandler | None = None
        self._rotates = False

    def emit(self, record: logging.LogRecord) -> None:
        """logging.Handler.emit: to the file, opened at the first record."""
        if self._file is None:
            self._file = logging.FileHandler(self.path, encoding="utf-8", delay=True)
            self._file.setFormatter(self.formatter)
        if not self._rotates and self._fills(record):
            from logging.handlers import RotatingFileHandler

            self._file.close()
            self._file = RotatingFileHandler(self.path, maxBytes=self.max_bytes,
                                             backupCount=LOG_BACKUPS, encoding="utf-8",
                                             delay=True)
            self._file.setFormatter(self.formatter)
            self._rotates = True
        self._file.emit(record)

    def _fills(self, record: logging.LogRecord) -> bool:
        """Whether ``record`` would bring the file to its size: where the rotating
        handler rolls it over (its own test, on the same figures)."""
        stream = self._file.stream if self._file is not None else None
        try:
            size = stream.tell() if stream is not None else self.path.stat().st_size
        except OSError:  # no file yet
            size = 0
        return size + len(self.format(record)) + 1 >= self.max_bytes

    def close(self) -> None:
        """logging.Handler.close: the file too, if it was opened."""
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(level: int = logging.INFO, *, qt_messages: bool = True) -> Path:
    """Log ``readout_desk.*`` to a rotating file in the log folder; returns its path.

    Calling it again (for example after the log folder moved in a test) replaces
    the handler instead of adding a second one.
    """
    global _file_handler
    logger = logging.getLogger(LOGGER_NAME)
    path = log_file()
    if _file_handler is not None:
        logger.removeHandler(_file_handler)
        _file_handler.close()
    handler = _LogFile(path)
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    _file_handler = handler
    if qt_messages:
        install_qt_message_handler()
    return path


def shutdown_logging() -> None:
    """Close the log file and give Qt its previous message handler back."""
    global _file_handler
    if _file_handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None
    uninstall_qt_message_handler()


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(mode, logging.WARNING)
    logging.getLogger(LOGGER_NAME + ".qt").log(level, "%s", message)
    if level >= logging.WARNING:
        print(message, file=sys.stderr)


def install_qt_message_handler() -> None:
    """Route Qt's warnings into the log (they still reach stderr)."""
    global _previous_qt_handler, _qt_handler_installed
    if not _qt_handler_installed:
        _previous_qt_handler = qInstallMessageHandler(_qt_message)
        _qt_handler_installed = True


def uninstall_qt_message_handler() -> None:
    global _previous_qt_handler, _qt_handler_installed
    if _qt_handler_installed:
        qInstallMessageHandler(_previous_qt_handler)
        _previous_qt_handler = None
        _qt_handler_installed = False


def environment_lines() -> list[str]:
    """Versions and platform, for the top of a report."""
    import platform  # here, not at start-up: only a report needs it

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return [
        f"Readout Desk {__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"Platform {platform.platform()}"
        + (f", Qt platform {QGuiApplication.platformName()}"
           if QGuiApplication.instance() is not None else ""),
        "Bundled" if getattr(sys, "frozen", False) else "Installed from Python packages",
    ]


def build_report(exc_info: ExcInfo, context: Mapping[str, str] | None = None,
                 thread_name: str | None = None) -> str:
    """The text of a report: when, versions, context, and the traceback."""
    exc_type, exc, tb = exc_info
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    lines = [f"Unexpected error at {now.isoformat()}"]
    lines += environment_lines()
    for key, value in (context or {}).items():
        lines.append(f"{key}: {value}")
    lines.append(f"Thread: {thread_name or threading.current_thread().name}")
    lines.append("")
    lines.extend(line.rstrip("\n") for line in traceback.format_exception(exc_type, exc, tb))
    return "\n".join(lines) + "\n"


def summary_of(exc: BaseException) -> str:
    """One line naming the error, e.g. ``ValueError: bad id``."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


class CrashDialog(QDialog):
    """Tells the user what happened and offers the report to copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        parts.frame_dialog(self, "crashDialog", self.tr("Readout Desk — something went wrong"),
                           self.tr("Error report"))
        self._count = 0
        self._omitted = 0

        self.summary = QLabel(self)
        self.summary.setObjectName("crashSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("crashReport")
        self.report.setAccessibleName(self.tr("Error report text"))
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setMinimumSize(560, 220)
        self.where = QLabel(self)
        self.where.setObjectName("crashLogLocation")
        self.where.setWordWrap(True)

        self.copy_button = parts.named(QPushButton(self.tr("&Copy report"), self), "crashCopy")
        self.copy_button.clicked.connect(self.copy_report)
        self.log_button = parts.named(QPushButton(
            self.tr("Open &log folder"), self), "crashOpenLog")
        self.log_button.clicked.connect(self._open_log_folder)
        buttons = parts.close_buttons(self, "crash", self.copy_button, self.log_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)

    @property
    def count(self) -> int:
        """How many errors this dialog has reported since it was opened."""
        return self._count

    def add_report(self, summary: str, report: str) -> None:
        """Show one more error (errors that follow one another land in one dialog)."""
        self._count += 1
        if self._count <= MAX_REPORTS_SHOWN:
            if self._count > 1:
                self.report.appendPlainText("\n" + "-" * 60 + "\n")
            self.report.appendPlainText(report.rstrip("\n"))
        else:
            self._omitted += 1
        self.summary.setText(self._summary_text(summary))
        self.where.setText(self.tr("The full report is also in the log file {path}.").format(
            path=log_file()))
        self.report.moveCursor(self.report.textCursor().MoveOperation.Start)

    def _summary_text(self, summary: str) -> str:
        head = self.tr("Readout Desk ran into an unexpected problem and stopped what it was "
                       "doing ({summary}). The program is still running. Changes already saved "
                       "to the archive are kept; the last action may not have finished, so "
                       "check it.").format(summary=summary)
        if self._count > 1 and self._omitted:
            head += " " + self.tr("%n errors so far ({omitted} only in the log).", "",
                                  self._count).format(omitted=self._omitted)
        elif self._count > 1:
            head += " " + self.tr("%n errors so far.", "", self._count)
        return head + "\n\n" + self.tr("If it happens again, please send the report below "
                                       "with a note of what you were doing.")

    def clear(self) -> None:
        self._count = 0
        self._omitted = 0
        self.report.clear()

    @Slot()
    def copy_report(self) -> None:
        """Put the report text on the clipboard."""
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("Copied"))

    @Slot()
    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))


class CrashHandler(QObject):
    """Catches exceptions nobody handled, logs them and shows them.

    ``context`` returns extra lines for a report (such as the archive path); it is
    called when an error happens, so it always reports the current state.
    """

    #: Emitted on the UI thread with the report, after it was logged and shown.
    reported = Signal(str)
    _from_thread = Signal(str, str)

    def __init__(self, context: Callable[[], Mapping[str, str]] | None = None,
                 parent: QObject | None = None, *, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._context = context
        self._show = show_dialog
        self._dialog: CrashDialog | None = None
        self._handling = False
        self._previous_hook: Callable[..., Any] | None = None
        self._previous_thread_hook: Callable[..., Any] | None = None
        self._from_thread.connect(self._show_report)

    @property
    def dialog(self) -> CrashDialog | None:
        """The report dialog, once an error was shown."""
        return self._dialog

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook``."""
        if self._previous_hook is None:
            self._previous_hook = sys.excepthook
            self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        """Give the hooks back."""
        if self._previous_hook is not None:
            if sys.excepthook == self.handle:
                sys.excepthook = self._previous_hook
            if threading.excepthook == self._handle_thread:
                threading.excepthook = self._previous_thread_hook or threading.__excepthook__
            self._previous_hook = None
            self._previous_thread_hook = None

    def _context_lines(self) -> Mapping[str, str]:
        if self._context is None:
            return {}
        try:
            return dict(self._context())
        except Exception as exc:  # noqa: BLE001 - a report must never fail for its context
            return {"Context": f"unavailable ({summary_of(exc)})"}

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """``sys.excepthook``: log, then show on the UI thread."""
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            elif self._previous_hook is not None:
                self._previous_hook(exc_type, exc, tb)
            return
        self._report((exc_type, exc, tb), threading.current_thread().name)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else None
        self._report((args.exc_type, args.exc_value, args.exc_traceback), name)

    def _report(self, exc_info: ExcInfo, thread_name: str | None) -> None:
        if self._handling:
            # An error while reporting an error: log it plainly and stop there.
            log.error("Error while reporting an error", exc_info=exc_info)
            traceback.print_exception(*exc_info, file=sys.stderr)
            return
        self._handling = True
        try:
            report = build_report(exc_info, self._context_lines(), thread_name)
            summary = summary_of(exc_info[1])
            log.error("Unexpected error (%s)\n%s", summary, report)
            print(report, file=sys.stderr)
            app = QApplication.instance()
            if app is None or not self._show:
                return
            if QThread.currentThread() is app.thread():
                self._show_report(summary, report)
            else:
                self._from_thread.emit(summary, report)
        finally:
            self._handling = False

    @Slot(str, str)
    def _show_report(self, summary: str, report: str) -> None:
        if self._show:
            dialog = self._dialog
            if dialog is None or not dialog.isVisible():
                if dialog is not None:
                    dialog.deleteLater()
                dialog = CrashDialog(QApplication.activeWindow())
                self._dialog = dialog
            dialog.add_report(summary, report)
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
        self.reported.emit(report)

    def report_fatal(self, exc: BaseException, what: str) -> None:
        """Log and show an error the program cannot go on after (start-up failed).

        The dialog is modal: the process ends once the user closes it.
        """
        exc_info: ExcInfo = (type(exc), exc, exc.__traceback__)
        report = build_report(exc_info, self._context_lines())
        log.critical("%s (%s)\n%s", what, summary_of(exc), report)
        print(report, file=sys.stderr)
        if QApplication.instance() is None or not self._show:
            return
        dialog = CrashDialog(None)
        dialog.add_report(f"{what}: {summary_of(exc)}", report)
        dialog.summary.setText(self.tr(
            "{what}: {summary}.\n\nReadout Desk has to close. The report below is also in the "
            "log file; please send it with a note of what you were doing.").format(
                what=what, summary=summary_of(exc)))
        self._dialog = dialog
        dialog.exec()
