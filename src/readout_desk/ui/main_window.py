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
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolBar,
    QWidget,
)

from readout_desk.archive import ArchiveError
from readout_desk.domain.results import SearchPage
from readout_desk.ui import parts
from readout_desk.ui.banner import Banner
from readout_desk.ui.empty_state import EmptyState
from readout_desk.ui.facets import FacetsView
from readout_desk.ui.language import QT_TRANSLATE_NOOP, without_mnemonic
from readout_desk.ui.messages import error_text, message_text
from readout_desk.ui.results_model import COLUMNS, ResultsModel, hits_text
from readout_desk.ui.results_view import ResultsView
from readout_desk.ui.search_controller import SearchController
from readout_desk.ui.search_field import SearchBar
from readout_desk.ui.settings import Settings
from readout_desk.ui.tasks import TaskRunner
from readout_desk.ui.window_layout import READING_SIZES, WindowLayout

if TYPE_CHECKING:
    from readout_desk.archive import Archive, Facets
    from readout_desk.domain.records import Readout
    from readout_desk.ui.detail_view import DetailView, ReadoutPage

log = logging.getLogger(__name__)

#: Modules that add features to the window; each has ``install(window) -> None``.
FEATURE_MODULES: tuple[str, ...] = ("readout_desk.ui.editor", "readout_desk.ui.about",
                                     "readout_desk.ui.transfer", "readout_desk.ui.paste",
                                     "readout_desk.ui.timing_check", "readout_desk.ui.help",
                                     "readout_desk.ui.source_view", "readout_desk.ui.capture",
                                     "readout_desk.ui.team")

#: The menus in the order they appear in the menu bar (the names feature modules ask for).
MENU_ORDER = ("File", "Edit", "View", "Readout", "Tools", "Help")
#: Each menu's title, with its mnemonic; translated where the menu is made.
MENU_TITLES = {"File": QT_TRANSLATE_NOOP("MainWindow", "&File"),
               "Edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
               "View": QT_TRANSLATE_NOOP("MainWindow", "&View"),
               "Readout": QT_TRANSLATE_NOOP("MainWindow", "&Readout"),
               "Tools": QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
               "Help": QT_TRANSLATE_NOOP("MainWindow", "&Help")}

#: How long the current row rests before the reading pane reads its readout.
DETAIL_DELAY_MS = 40
#: How long typing must have paused before the reading pane follows the results of what
#: was typed (a row a person moves to is followed after :data:`DETAIL_DELAY_MS`).
TYPING_PAUSE_MS = 400
#: How long a search runs before the status bar says it is searching: a quicker answer
#: replaces the count without the notice flashing in between.
SEARCHING_NOTICE_MS = 250

#: Pages of the central stack.
PAGE_EMPTY, PAGE_BROWSE = 0, 1


class MainWindow(QMainWindow):
    """Browse, search and read one archive.

    Made with ``None`` for the archive, the window is the frame of the window on the
    archive at ``location``: it shows a page it is given (:meth:`show_first_page`, read
    at start-up before the archive layer loads) and searches nothing until
    :meth:`attach` gives it the archive, once opened.
    """

    search_controller: SearchController
    detail: DetailView

    readoutActivated = Signal(int)  # noqa: N815
    searchFinished = Signal(int)  # noqa: N815 - total hits of the search just shown
    facetsFinished = Signal()  # noqa: N815
    savedSearchesLoaded = Signal()  # noqa: N815

    def __init__(self, archive: Archive | None, settings: Settings | None = None,
                 parent: QWidget | None = None, *, features: bool = True,
                 location: str = "") -> None:
        super().__init__(parent)
        self._archive: Archive | None = None
        self._features_wanted = features
        self._features_installed = False
        self.settings = settings or Settings()
        self.runner = TaskRunner(self, max_threads=2)
        self.runner.failed.connect(self.show_problem)
        self._menus: dict[str, QMenu] = {}
        self._pending_select: int | None = None
        self._closed = False
        self.last_page: SearchPage | None = None
        self._facets_query: str | None = None  # the query the sidebar's counts are of
        self._detail_wanted: int | None = None
        self._showing_results = False  # the selection moves because new results came
        self._pane_follows_typing = False  # the readout wanted is a typed search's first
        self._typed = QElapsedTimer()  # since a key last changed the typed text
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._read_detail)

        self.setObjectName("mainWindow")
        self._set_title(archive.location if archive is not None else location)
        self.setAccessibleName(self.tr("Readout Desk"))
        self.resize(1280, 800)

        self.search_bar = SearchBar(self)
        self.search_field = self.search_bar.field
        self.model = ResultsModel(archive, self)
        self.results = ResultsView(self.model, self)
        # The reading pane reads from the archive: until it has opened, an empty pane.
        self._pane_placeholder: QTextBrowser | None = QTextBrowser(self)
        self.facets = FacetsView(self)
        self.empty_state = EmptyState(self)
        self.banner = Banner(self)

        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolTip(self.tr("Search and common actions"))
        self.toolbar.addWidget(self.search_bar)
        self.addToolBar(self.toolbar)

        self.reading_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.reading_splitter.setObjectName("readingSplitter")
        self.reading_splitter.addWidget(self.results)
        self.reading_splitter.addWidget(self._pane_placeholder)
        self.reading_splitter.setStretchFactor(0, 3)
        self.reading_splitter.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(self.reading_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 1060])
        self.reading_splitter.setSizes(list(READING_SIZES))

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("centralStack")
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.splitter)
        self.stack.setCurrentIndex(PAGE_BROWSE)

        self.setCentralWidget(parts.column(self, self.banner, self.stack, stretch=(0, 1),
                                           margins=(4, 0, 4, 0)))

        self.status_hits = QLabel(self)
        self.status_hits.setObjectName("statusHits")
        self.status_hits.setAccessibleName(self.tr("Number of hits"))
        self.status_hits.setToolTip(
            self.tr("How many readouts were found and how long the search took"))
        self.statusBar().addPermanentWidget(self.status_hits)
        # While a slow search runs, the results shown are the last query's: said so.
        self._searching = QTimer(self)
        self._searching.setSingleShot(True)
        self._searching.setInterval(SEARCHING_NOTICE_MS)
        self._searching.timeout.connect(
            lambda: self.status_hits.setText(self.tr("Searching…")))

        self.search_field.forward_to(self.results)
        self.search_field.textEdited.connect(lambda _text: self._typed.start())
        self.model.sortRequested.connect(self._sort_changed)
        self.results.currentIdChanged.connect(self._show_detail)
        self.results.activatedId.connect(self.readoutActivated)
        self.window_layout = WindowLayout(self)
        self.results.horizontalHeader().customContextMenuRequested.connect(
            self.window_layout.show_header_menu)
        self.facets.filterChosen.connect(self._add_filter)
        self.facets.savedChosen.connect(self.search_bar.set_query)
        self.empty_state.demoRequested.connect(self.load_demo)
        self.empty_state.addRequested.connect(self._add_first_readout)

        for name in MENU_ORDER:
            self.menu(name)
        self._build_actions()
        self.window_layout.restore()
        self.apply_preferences(announce=False)
        if archive is not None:
            self.attach(archive)

    def attach(self, archive: Archive) -> None:
        """Give the window its archive (once): the reading pane, the searches and the
        features (unless made without) start, and the current query is searched."""
        if self._archive is not None:
            raise RuntimeError("the window already has its archive")
        self._archive = archive
        self._set_title(archive.location)
        self.model.set_archive(archive)
        from readout_desk.ui.detail_view import DetailView  # laid out only with an archive

        self.detail = DetailView(archive, self)
        if self._pane_placeholder is not None:
            self.reading_splitter.replaceWidget(1, self.detail)
            self._pane_placeholder.deleteLater()
            self._pane_placeholder = None
        self.search_controller = SearchController(archive, self.model, self.current_query,
                                                  self.runner, self)
        searches = self.search_controller
        searches.searchStarted.connect(lambda _query: self._searching.start())
        searches.pageReady.connect(self._search_done)
        searches.searchFailed.connect(self._search_failed)
        searches.facetsReady.connect(self._facets_done)
        searches.readoutReady.connect(self._readout_ready)
        searches.failed.connect(self.show_problem)
        searches.savedSearchesReady.connect(self._saved_searches_loaded)
        searches.searchSaved.connect(lambda name: self.statusBar().showMessage(
            self.tr("Saved the search “{name}”.").format(name=name), 4000))
        self.search_bar.queryChanged.connect(searches.schedule)
        self.facets.deleteSavedRequested.connect(searches.delete_saved_search)
        for action in self._archive_actions:
            action.setEnabled(True)
        self.apply_preferences(announce=False)
        if self._features_wanted:
            self.install_features()
        if archive.read_only:
            self.show_problem(self.tr("This archive is open read-only: you can search and "
                                      "read, but changes cannot be saved."))
        self.search_controller.load_saved_searches()
        self.search_controller.search_now()

    @property
    def archive(self) -> Archive:
        """The archive shown (given by :meth:`attach` once it has opened)."""
        if self._archive is None:
            raise RuntimeError("the window's archive has not opened yet")
        return self._archive

    def has_archive(self) -> bool:
        """Whether the archive has opened and the window searches it."""
        return self._archive is not None

    def show_first_page(self, page: SearchPage) -> None:
        """Show ``page`` as the results of the query with no words before the archive
        has opened (the search :meth:`attach` starts shows it again, with the same row
        selected)."""
        self._show_results("", page)

    def _set_title(self, location: str) -> None:
        self.setWindowTitle(self.tr("Readout Desk — {location}").format(location=location))

    # ----- the contract for feature modules --------------------------------------------

    def install_features(self) -> None:
        """Add the features of :data:`FEATURE_MODULES` (once). The program's start-up
        calls it after the first page is painted, so their modules load after it."""
        if self._features_installed or self._archive is None:
            return
        self._features_installed = True
        for module_name in FEATURE_MODULES:
            try:
                importlib.import_module(module_name).install(self)
            except Exception as exc:  # noqa: BLE001 - one broken feature must not stop the app
                log.exception("could not install %s", module_name)
                self.show_problem(
                    self.tr("A feature ({module}) could not be loaded: {exc}").format(
                        module=module_name, exc=exc))
        for menu in self._menus.values():
            menu.menuAction().setVisible(not menu.isEmpty())
        self._update_add_first()

    def home_zone(self) -> str:
        """The reader's home time zone (IANA name)."""
        return self.settings.home_zone()

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` ("File", "Edit", "View", "Readout", "Tools", "Help")."""
        menu = self._menus.get(name)
        if menu is None:
            title = self.tr(MENU_TITLES[name]) if name in MENU_TITLES else f"&{name}"
            menu = self.menuBar().addMenu(title)
            menu.setObjectName(f"menu{name.replace(' ', '')}")
            menu.setToolTipsVisible(True)
            menu.setAccessibleName(without_mnemonic(menu.title()))
            self._menus[name] = menu
        menu.menuAction().setVisible(True)
        return menu

    def add_toolbar_action(self, action: QAction) -> None:
        """Put ``action`` on the main toolbar (after the search field)."""
        self.toolbar.addAction(action)
        if action.shortcut() == QKeySequence(QKeySequence.StandardKey.New):
            self._update_add_first()

    def current_readout_id(self) -> int | None:
        """The id of the current result row, if any."""
        return self.results.current_id()

    def selected_readout_ids(self) -> list[int]:
        """The ids of the selected results, in table order."""
        return self.results.selected_ids()

    def current_query(self) -> str:
        """The query as searched: typed text plus filter chips."""
        return self.search_bar.query()

    def refresh(self, select_id: int | None = None) -> None:
        """Search again (after a change), keeping or moving the selection to ``select_id``."""
        if self._archive is None:
            return  # the search that follows the opening comes anyway
        self._pending_select = select_id if select_id is not None else self.current_readout_id()
        self.search_controller.load_saved_searches()
        self.search_controller.search_now()

    def show_readout(self, readout_id: int) -> None:
        """Select ``readout_id`` in the results (when it is among them) and show it."""
        self.stack.setCurrentIndex(PAGE_BROWSE)
        row = self.model.row_of(readout_id)
        if row is not None:
            self.results.select_row(row)
        else:
            self.results.clear_selection()
            self._show_detail(readout_id)

    # ----- actions -------------------------------------------------------------------

    def _action(self, text: str, name: str, tip: str, slot: object,
                shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcuts:  # standard keys may be empty or repeat on some platforms
            unique = {k.toString(): k for k in shortcuts if not k.isEmpty()}
            action.setShortcuts(list(unique.values()))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        file_menu, edit, view = self.menu("File"), self.menu("Edit"), self.menu("View")
        self.load_demo_action = self._action(
            self.tr("Load De&mo Readouts"), "actionLoadDemo",
            self.tr("Add the Lima readout and the sample readouts to this archive"),
            self.load_demo)
        file_menu.addAction(self.load_demo_action)
        file_menu.addSeparator()
        quit_action = self._action(self.tr("&Quit"), "actionQuit", self.tr("Close Readout Desk"),
                                   self.close, [QKeySequence(std.Quit), QKeySequence("Ctrl+Q")])
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        self.find_action = self._action(
            self.tr("&Find"), "actionFind",
            self.tr("Put the cursor in the search field (Ctrl+F, Ctrl+K)"),
            self.focus_search, [QKeySequence(std.Find), QKeySequence("Ctrl+K")])
        edit.addAction(self.find_action)
        self.clear_action = self._action(
            self.tr("&Clear Search"), "actionClearSearch",
            self.tr("Clear the search and its filters (Esc)"),
            self.clear_search)
        edit.addAction(self.clear_action)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.results)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.clear_search)
        self.save_search_action = self._action(
            self.tr("&Save Search…"), "actionSaveSearch",
            self.tr("Name the current search to find it again in the sidebar"), self.save_search,
            [QKeySequence("Ctrl+Shift+S")])
        edit.addAction(self.save_search_action)
        edit.addSeparator()
        prefs = self._action(self.tr("&Preferences…"), "actionPreferences",
                             self.tr("Home time zone, date format, font size and language"),
                             self.open_preferences,
                             [QKeySequence(std.Preferences), QKeySequence("Ctrl+,")])
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit.addAction(prefs)

        self.columns_menu = view.addMenu(self.tr("&Columns"))
        self.columns_menu.setObjectName("menuColumns")
        self.columns_menu.setToolTipsVisible(True)
        self.columns_menu.aboutToShow.connect(
            lambda: self.window_layout.fill_columns_menu(self.columns_menu))
        self.relevance_action = self._action(
            self.tr("Sort &by Relevance"), "actionSortRelevance",
            self.tr("Best matches first (newest first when nothing is typed)"),
            self.sort_by_relevance)
        view.addAction(self.relevance_action)
        self.sidebar_action = self._action(
            self.tr("Show &Sidebar"), "actionShowSidebar",
            self.tr("Show or hide the filters sidebar"),
            lambda checked: self.facets.setVisible(bool(checked)))
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        view.addAction(self.sidebar_action)
        view.addSeparator()
        self.relations_action = self._action(
            self.tr("&Relations…"), "actionRelations",
            self.tr("A country pair's readouts in date order, or a person's readouts and offices"),
            self.open_relations, [QKeySequence("Ctrl+R")])
        view.addAction(self.relations_action)
        self.reset_layout_action = self._action(
            self.tr("Reset &Layout"), "actionResetLayout",
            self.tr("Show every column and put the panes back where they started"),
            lambda: self.window_layout.reset())
        view.addAction(self.reset_layout_action)
        # What needs the archive waits for it (start-up paints a first page before).
        self._archive_actions = (self.load_demo_action, self.save_search_action,
                                 self.relations_action)
        for action in self._archive_actions:
            action.setEnabled(self._archive is not None)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def clear_search(self) -> None:
        self.search_bar.set_query("")
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def sort_by_relevance(self) -> None:
        self.results.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.sort(-1)

    def _add_filter(self, token: str, label: str) -> None:
        self.search_bar.add_filter(token, label)

    # ----- searching -----------------------------------------------------------------

    def _sort_changed(self, _key: str, _descending: bool) -> None:
        if self._archive is None:
            return  # the first search, once the archive has opened, takes the new order
        self._pending_select = self.current_readout_id()
        self.search_controller.search_now()

    def _search_done(self, query: str, page: SearchPage) -> None:
        self._searching.stop()
        self._show_results(query, page)
        self.searchFinished.emit(page.total)

    def _search_failed(self) -> None:
        """The results shown stay, and so does what the status bar said of them."""
        self._searching.stop()
        self.status_hits.setText(hits_text(self.last_page) if self.last_page else "")

    def _show_results(self, query: str, page: SearchPage) -> None:
        self._showing_results = True
        try:
            self._show_page_of(query, page)
        finally:
            self._showing_results = False

    def _show_page_of(self, query: str, page: SearchPage) -> None:
        # A new question starts at its best hit; the same one again keeps the readout shown.
        same = query == self.model.query
        keep = self._pending_select if self._pending_select is not None \
            else self.current_readout_id() if same else None
        old_row = max(0, self.results.currentIndex().row())
        self._pending_select = None
        self.last_page = page
        self.model.reset_to(query, page)
        if query != self._facets_query:  # the sidebar's counts are of other results now
            self.facets.set_counting()
        self.search_bar.set_hint(page.message)
        self.status_hits.setText(hits_text(page))
        if page.total == 0 and not query.strip():
            self.stack.setCurrentIndex(PAGE_EMPTY)
        else:
            self.stack.setCurrentIndex(PAGE_BROWSE)
        if self.model.rowCount() == 0 and self._archive is not None:
            self.detail.show_nothing(self.tr("No readout matches this search.") if query.strip()
                                     else self.tr("The archive is empty."))
        else:
            row = self.model.row_of(keep) if keep is not None else None
            if row is None:  # gone (to the trash, say): its neighbour takes its place
                row = min(old_row, self.model.rowCount() - 1) if keep is not None else 0
            self.results.select_row(row)

    def _facets_done(self, facets: Facets) -> None:
        self._facets_query = self.model.query  # the counts are of the results shown
        self.facets.set_facets(facets)
        self.facets.expandAll()
        self.facetsFinished.emit()

    # ----- detail --------------------------------------------------------------------

    def _show_detail(self, readout_id: int | None) -> None:
        # ``None`` keeps what is shown until the next readout arrives. The readout is read
        # once the current row has rested a moment: a new page is painted before the
        # reading pane is read and laid out, and arrowing through the results reads only
        # the row where it stops. The results of a query still being typed are followed
        # once typing pauses: laying out a readout per key would hold the keys up.
        self._detail_wanted = readout_id
        self._pane_follows_typing = self._showing_results
        self._detail_timer.start(max(DETAIL_DELAY_MS, self._typing_rest_ms()))

    def _typing_rest_ms(self) -> int:
        """How long until typing has paused, when the pane waits for that (else 0)."""
        if not self._pane_follows_typing or not self._typed.isValid():
            return 0
        return max(0, TYPING_PAUSE_MS - self._typed.elapsed())

    def _read_detail(self) -> None:
        if self._archive is None:
            return  # asked again by the first search once the archive has opened
        rest = self._typing_rest_ms()
        if rest > 0:  # typing went on meanwhile
            self._detail_timer.start(rest)
            return
        # Read and laid out in the worker: the UI thread only lays out the document.
        self.search_controller.request_readout(self._detail_wanted,
                                               self.search_bar.highlight_words(),
                                               self.detail.page_maker(self.home_zone()))

    def _readout_ready(self, _readout: Readout, _words: tuple[str, ...],
                       page: ReadoutPage) -> None:
        rest = self._typing_rest_ms()
        if rest > 0:  # keys came after it was asked for: read again, with their words, later
            self._detail_timer.start(rest)
            return
        self.detail.show_page(page)

    # ----- saved searches ------------------------------------------------------------

    def _saved_searches_loaded(self, saved: list[tuple[str, str]]) -> None:
        self.facets.set_saved(saved)
        self.savedSearchesLoaded.emit()

    def save_search(self, name: str | None = None) -> None:
        """Save the current query under a name (asked for when not given)."""
        query = self.current_query()
        if not query:
            self.statusBar().showMessage(self.tr("Type a search first, then save it."), 4000)
            return
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("Save search"),
                                            self.tr("Name of this search:"), text=query[:40])
            if not ok or not name.strip():
                return
        self.search_controller.save_search(name.strip(), query)

    # ----- demo and first readout ----------------------------------------------------

    def load_demo(self) -> None:
        """Add the demo readouts off the UI thread, then show them."""
        from readout_desk.archive import load_demo

        self.empty_state.set_busy(self.tr("Loading the demo readouts…"))
        self.load_demo_action.setEnabled(False)

        def done(added: int) -> None:
            self.empty_state.set_busy("")
            self.load_demo_action.setEnabled(True)
            self.statusBar().showMessage(
                self.tr("Added %n demo readout.", "", added) if added == 1
                else self.tr("Added %n demo readouts.", "", added), 5000)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.empty_state.set_busy("")
            self.load_demo_action.setEnabled(True)
            self.show_problem(exc)

        self.runner.run(lambda: load_demo(self.archive), done, failed)

    def _new_readout_action(self) -> QAction | None:
        new = QKeySequence(QKeySequence.StandardKey.New)
        for action in self.findChildren(QAction):
            if any(s == new or s.toString() == "Ctrl+N" for s in action.shortcuts()):
                return action
        return None

    def _update_add_first(self) -> None:
        can = self._new_readout_action() is not None and not self.archive.read_only
        self.empty_state.set_can_add(
            can, "" if can else self.tr("Entering readouts is not available in this window."))

    def _add_first_readout(self) -> None:
        action = self._new_readout_action()
        if action is not None:
            action.trigger()

    # ----- preferences, relations ----------------------------------------------------

    def open_preferences(self) -> None:
        from readout_desk.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            dialog.apply()
            self.apply_preferences()

    def apply_preferences(self, announce: bool = True) -> None:
        """Use the current date format, font size and home zone everywhere."""
        fmt = self.settings.date_format()
        self.model.date_format = fmt
        size = self.settings.font_size()
        pane: QWidget = self._pane_placeholder or self.detail
        if self._pane_placeholder is None:
            self.detail.date_format = fmt
        for widget in (self.results, pane, self.facets):
            font = QFont(widget.font())
            font.setPointSize(size)
            widget.setFont(font)
        self.results.verticalHeader().setDefaultSectionSize(
            self.results.fontMetrics().height() + 8)
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(
                self.model.rowCount() - 1, len(COLUMNS) - 1))
        self._show_detail(self.current_readout_id())
        if announce:
            self.statusBar().showMessage(
                self.tr("Times are also shown in {zone}.").format(zone=self.home_zone()), 4000)

    def open_relations(self) -> None:
        """View > Relations, on the countries of the readout shown."""
        from readout_desk.ui.relations import show_relations

        show_relations(self)

    # ----- layout -------------------------------------------------------------------

    def set_column_visible(self, column: int, visible: bool) -> None:
        """Show or hide a results column (the last one shown always stays)."""
        self.window_layout.set_column_visible(column, visible)

    def save_layout(self) -> None:
        """Remember geometry, splitters and columns (order, widths, hidden, sort)."""
        self.window_layout.save()

    # ----- problems ------------------------------------------------------------------

    def show_problem(self, problem: object) -> None:
        """Say what went wrong in the banner (never a traceback)."""
        if isinstance(problem, ArchiveError):
            text = error_text(problem)
        elif isinstance(problem, BaseException):
            log.error("unexpected problem", exc_info=problem)
            text = self.tr("Something went wrong: {problem}").format(problem=problem)
        else:
            text = message_text(problem) if isinstance(problem, str) else str(problem)
        self.banner.show_message(text)

    # ----- closing -------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """QWidget.closeEvent: remember the layout and stop background work."""
        if not self._closed:
            self.save_layout()
            self._closed = True
            self.runner.shutdown()  # no search is still reading when its connection closes
            if self._archive is not None:
                self.search_controller.close()
        super().closeEvent(event)

