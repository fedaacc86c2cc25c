"""The main window: search field, results table, detail pane and facets sidebar.

It is also the frame other features plug into. Each module named in
:data:`FEATURE_MODULES` has ``install(window)`` adding its menus, actions and
shortcuts through :meth:`MainWindow.menu` and :meth:`MainWindow.add_toolbar_action`,
and reads the selection through :meth:`MainWindow.current_readout_id`,
:meth:`MainWindow.selected_readout_ids` and :meth:`MainWindow.current_query`.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from readout_desk.archive import Archive, ArchiveError
from readout_desk.domain.records import Readout, SearchPage
from readout_desk.ui.results_model import RELEVANCE, ResultsModel
from readout_desk.ui.settings import Settings
from readout_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Modules that add features to the window; each has ``install(window) -> None``.
FEATURE_MODULES: tuple[str, ...] = ()

#: The menus in the order they appear in the menu bar.
MENU_ORDER = ("File", "Edit", "View", "Readout", "Tools", "Help")

#: How long typing must pause before a search runs.
SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    """Browse, search and read one archive."""

    readoutActivated = Signal(int)  # noqa: N815
    searchFinished = Signal(int)  # noqa: N815 - total hits of the search that was just shown

    def __init__(self, archive: Archive, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.settings = settings or Settings()
        self.runner = TaskRunner(self, max_threads=2)
        self.runner.failed.connect(self.show_problem)
        self._menus: dict[str, QMenu] = {}
        self._search_generation = 0
        self._detail_generation = 0
        self._pending_select: int | None = None

        self.setObjectName("mainWindow")
        self.setWindowTitle(f"Readout Desk — {archive.location}")
        self.setAccessibleName("Readout Desk main window")

        from readout_desk.ui.detail_view import DetailView
        from readout_desk.ui.results_view import ResultsView
        from readout_desk.ui.search_field import SearchBar

        self.search_bar = SearchBar(self)
        self.search_field = self.search_bar.field
        self.model = ResultsModel(archive, self.runner, self)
        self.results = ResultsView(self.model, self)
        self.detail = DetailView(archive, self)

        self.toolbar = QToolBar("Main toolbar", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.search_bar)
        self.addToolBar(self.toolbar)

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Archive message")
        self.banner.setStyleSheet("background: #fff4d6; border: 1px solid #e0c070; padding: 6px;")
        self.banner.hide()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_hits = QLabel(self)
        self.status_hits.setObjectName("statusHits")
        self.status_hits.setAccessibleName("Number of hits")
        self.status_hits.setToolTip("How many readouts match and how long the search took")
        self.statusBar().addPermanentWidget(self.status_hits)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._start_search)
        self.search_bar.queryChanged.connect(self._search_timer.start)
        self.model.sortRequested.connect(lambda _k, _d: self._start_search())
        self.results.currentIdChanged.connect(self._show_detail)
        self.results.activatedId.connect(self.readoutActivated)

        for name in MENU_ORDER:
            self.menu(name)
        self._build_actions()
        for module_name in FEATURE_MODULES:
            importlib.import_module(module_name).install(self)
        for menu in self._menus.values():
            menu.menuAction().setVisible(not menu.isEmpty())
        if archive.read_only:
            self.show_problem("This archive is open read-only: you can search and read, "
                              "but changes cannot be saved.")
        self._start_search()

    # ----- the contract for feature modules --------------------------------------------

    def home_zone(self) -> str:
        """The reader's home time zone (IANA name)."""
        return self.settings.home_zone()

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` ("File", "Edit", "View", "Readout", "Tools", "Help")."""
        menu = self._menus.get(name)
        if menu is None:
            menu = self.menuBar().addMenu(f"&{name}")
            menu.setObjectName(f"menu{name.replace(' ', '')}")
            menu.setAccessibleName(f"{name} menu")
            menu.setToolTipsVisible(True)
            self._menus[name] = menu
        menu.menuAction().setVisible(True)
        return menu

    def add_toolbar_action(self, action: QAction) -> None:
        """Put ``action`` on the main toolbar (after the search field)."""
        self.toolbar.addAction(action)

    def current_readout_id(self) -> int | None:
        """The id of the readout shown in the detail pane, if any."""
        return self.results.current_id()

    def selected_readout_ids(self) -> list[int]:
        """The ids of the selected results, in table order."""
        return self.results.selected_ids()

    def current_query(self) -> str:
        """The query as searched: typed text plus filter chips."""
        return self.search_bar.query()

    def refresh(self, select_id: int | None = None) -> None:
        """Search again (after a change), keeping or moving the selection to ``select_id``."""
        self._pending_select = select_id if select_id is not None else self.current_readout_id()
        self._start_search()

    def show_readout(self, readout_id: int) -> None:
        """Select ``readout_id`` in the results (when it is among them) and show it."""
        row = self.model.row_of(readout_id)
        if row is not None:
            self.results.select_row(row)
        else:
            self.results.clear_selection()
            self._show_detail(readout_id)

    # ----- actions -------------------------------------------------------------------

    def _build_actions(self) -> None:
        find = QAction("&Find", self)
        find.setObjectName("actionFind")
        find.setShortcuts([QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+K")])
        find.setToolTip("Put the cursor in the search field (Ctrl+F, Ctrl+K)")
        find.triggered.connect(self.focus_search)
        self.menu("Edit").addAction(find)

        quit_action = QAction("&Quit", self)
        quit_action.setObjectName("actionQuit")
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setToolTip("Close Readout Desk")
        quit_action.triggered.connect(self.close)
        self.menu("File").addAction(quit_action)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # ----- searching -----------------------------------------------------------------

    def _start_search(self) -> None:
        self._search_timer.stop()
        self._search_generation += 1
        generation = self._search_generation
        query = self.current_query()
        sort, descending = self.model.sort_key, self.model.descending
        if sort == RELEVANCE and not query.strip():
            sort = "date"

        def work() -> SearchPage | None:
            if generation != self._search_generation:
                return None  # a newer search was asked for before this one started
            from readout_desk.ui.results_model import PAGE_SIZE

            return self.archive.search(query, limit=PAGE_SIZE, sort=sort,
                                       descending=descending)

        self.runner.run(work, lambda page: self._search_done(generation, query, page),
                        lambda exc: self._search_failed(generation, exc))

    def _search_done(self, generation: int, query: str, page: SearchPage | None) -> None:
        if page is None or generation != self._search_generation:
            return  # stale: a newer search is on its way
        keep = self._pending_select if self._pending_select is not None \
            else self.current_readout_id()
        self._pending_select = None
        self.model.reset_to(query, page)
        self.search_bar.set_hint(page.message)
        self.status_hits.setText(_hits_text(page))
        if self.model.rowCount() == 0:
            self.detail.show_nothing("No readout matches this search." if query.strip()
                                     else "The archive is empty.")
        else:
            row = self.model.row_of(keep) if keep is not None else None
            self.results.select_row(row if row is not None else 0)
        self.searchFinished.emit(page.total)

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._search_generation:
            self.show_problem(exc)

    # ----- detail --------------------------------------------------------------------

    def _show_detail(self, readout_id: int | None) -> None:
        self._detail_generation += 1
        generation = self._detail_generation
        if readout_id is None:
            self.detail.show_nothing("")
            return
        words = self.search_bar.highlight_words()

        def work() -> Readout | None:
            if generation != self._detail_generation:
                return None
            return self.archive.get(readout_id)

        def done(readout: Readout | None) -> None:
            if readout is not None and generation == self._detail_generation:
                self.detail.show_readout(readout, self.home_zone(), words)

        self.runner.run(work, done, self.show_problem)

    # ----- problems ------------------------------------------------------------------

    def show_problem(self, problem: object) -> None:
        """Say what went wrong in the banner (never a traceback)."""
        if isinstance(problem, ArchiveError):
            text = str(problem)
        elif isinstance(problem, BaseException):
            log.error("unexpected problem", exc_info=problem)
            text = f"Something went wrong: {problem}"
        else:
            text = str(problem)
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # ----- closing -------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """QWidget.closeEvent: remember the layout and stop background work."""
        self.runner.shutdown()
        super().closeEvent(event)


def _hits_text(page: SearchPage) -> str:
    noun = "readout" if page.total == 1 else "readouts"
    return f"{page.total:,} {noun} · {page.elapsed_ms:.0f} ms"



