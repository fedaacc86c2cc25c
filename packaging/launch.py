"""Entry point of the bundle: ``readout-desk`` (the window) and ``readout-desk-cli``.

Both names start this one program (on Linux and macOS ``readout-desk-cli`` is a symbolic
link to ``readout-desk``), so the bundle carries its Python modules once; the name it was
started as chooses the command line or the window.

``READOUT_DESK_SMOKE_REPORT=FILE`` is for the build's smoke test: the window closes itself
once it shows the first page of the archive, after writing what that page holds to FILE.
"""

import os
import sys
from pathlib import Path


def started_as_cli(argv0: str) -> bool:
    """True when the program was started by a name ending in ``-cli``."""
    name = Path(argv0).name.lower()
    if name.endswith(".exe"):
        name = name[:-4]
    return name.endswith("-cli")


def close_after_first_page(report: Path) -> None:
    """Make the application now (main() takes it over) and watch for the first page."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    timer = QTimer(app)

    def check() -> None:
        for widget in app.topLevelWidgets():
            page = getattr(widget, "last_page", None)
            if widget.objectName() != "mainWindow" or not widget.isVisible() or page is None:
                continue
            timer.stop()
            report.write_text(f"first page: {len(page.hits)} of {page.total} readouts\n"
                              f"window: {widget.windowTitle()}\n", encoding="utf-8")
            widget.close()
            return

    timer.timeout.connect(check)
    timer.start(50)


def main() -> int:
    # A large import's readers are this program started again by ``multiprocessing``
    # (``archive/transfer/readers.py``): in the bundle, that start runs the reader here.
    import multiprocessing

    multiprocessing.freeze_support()
    if started_as_cli(sys.argv[0]):
        from readout_desk.cli import main as cli_main

        return cli_main()
    report = os.environ.get("READOUT_DESK_SMOKE_REPORT")
    if report:
        close_after_first_page(Path(report))
    from readout_desk.ui.app import main as window_main

    return window_main()


if __name__ == "__main__":
    sys.exit(main())
