"""Searching for one window, without widgets: when to search, and which answers still count.

The window tells the controller the query changed (:meth:`SearchController.schedule`,
debounced) or asks for a search at once (:meth:`SearchController.search_now`); the
results model asks it for further pages (:meth:`SearchController.fetch_more`); the
reading pane asks it for a readout (:meth:`SearchController.request_readout`). The
answers come back as signals, on the UI thread:

- ``pageReady(query, page)``: the first page of a fresh search;
- ``moreReady(offset, page)``: a further page of the results shown;
- ``facetsReady(facets)``: the counts of the results shown, once they have stayed a moment;
- ``readoutReady(readout, words, prepared)``: the readout asked for, with the words to
  highlight and what the asker's ``prepare`` made of it in the worker;
- ``savedSearchesReady(saved)`` and ``searchSaved(name)``: the saved searches;
- ``failed(exception)``: a problem with the current search or its follow-ups.

Staleness is decided in one place, with one counter: every request takes the next
number from it, and each kind of request remembers the number of its latest. A search
answer counts if no newer search was asked for; a page or the counts count while the
results they belong to are still the ones shown; a readout counts if no other readout
was asked for since. Older answers are dropped without a signal.

Long reads use connections of their own (:meth:`SearchController.background_archive`):
with WAL, SQLite lets several connections read at once, so a long search never holds up
the counts, and neither holds up what other features do with the main connection.

Superseded work is stopped, not left to run: a new search cancels the search it replaces
and the counts of the results it will replace, and results replaced by new ones cancel
the further pages still being read for them. Each of those reads runs on a connection of
its own that the cancel interrupts (``sqlite3_interrupt``; a cancel request on a team
archive), so the next search never queues behind a stale one; the stopped read's answer
is dropped without a word.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from readout_desk.archive import ArchiveError
from readout_desk.domain.results import SearchPage
from readout_desk.ui.results_model import PAGE_SIZE, RELEVANCE, ResultsModel, search_page
from readout_desk.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from readout_desk.archive import Archive, Facets
    from readout_desk.domain.records import Readout

log = logging.getLogger(__name__)

#: How long typing must pause before a search runs.
SEARCH_DELAY_MS = 150

#: How long results must stay before their facet counts are computed (typing on skips them).
FACETS_DELAY_MS = 250

#: A query with more hits than this has its facets counted among its newest this many (the
#: sidebar then says "1,234+"), so the counts take the same time at any archive size.
FACET_SAMPLE = 5_000

# The kinds of request whose latest ticket is remembered.
_SEARCH, _SHOWN, _READOUT = "search", "shown", "readout"


class SearchController(QObject):
    """Runs the searches of one window and its follow-ups, dropping stale answers."""

    searchStarted = Signal(str)  # noqa: N815 - the query searched for
    pageReady = Signal(str, object)  # noqa: N815 - query, SearchPage
    searchFailed = Signal()  # noqa: N815 - the latest search failed (said through failed)
    moreReady = Signal(int, object)  # noqa: N815 - offset, SearchPage
    facetsReady = Signal(object)  # noqa: N815 - Facets
    readoutReady = Signal(object, object, object)  # noqa: N815 - Readout, words, prepared
    savedSearchesReady = Signal(object)  # noqa: N815 - list of (name, query)
    searchSaved = Signal(str)  # noqa: N815 - the name it was saved under
    failed = Signal(object)

    def __init__(self, archive: Archive, model: ResultsModel, current_query: Callable[[], str],
                 runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchController")
        self.archive = archive
        self.model = model
        self._current_query = current_query
        self.runner = runner
        # Counting facets of a huge result can take seconds: a thread of its own keeps
        # searches, pages and the readout pane from ever queueing behind it.
        self.facet_runner = TaskRunner(self, max_threads=1)
        self.facet_runner.failed.connect(self.failed)
        self._counter = 0
        self._latest: dict[str, int] = {}
        self._closed = False
        self._side_archives: dict[str, Archive] = {}
        self._side_lock = threading.Lock()
        # The reads that a newer request makes pointless, cancelled when it comes.
        self._search_task: TaskHandle | None = None
        self._facets_task: TaskHandle | None = None
        self._more_tasks: list[TaskHandle] = []

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DELAY_MS)
        self.debounce.timeout.connect(self.search_now)
        self._facets_timer = QTimer(self)
        self._facets_timer.setSingleShot(True)
        self._facets_timer.setInterval(FACETS_DELAY_MS)
        self._facets_timer.timeout.connect(self._start_facets)
        model.more_wanted = self.fetch_more
        self.moreReady.connect(model.add_page)

    # ----- staleness -----------------------------------------------------------------

    def _ticket(self, kind: str) -> int:
        """A new number for a request of ``kind``; older requests of that kind go stale."""
        self._counter += 1
        self._latest[kind] = self._counter
        return self._counter

    def _is_current(self, kind: str, ticket: int) -> bool:
        return not self._closed and self._latest.get(kind) == ticket

    def idle(self) -> bool:
        """Whether no search is waiting to start and no answer is on its way."""
        return not (self.debounce.isActive() or self._facets_timer.isActive()
                    or self.runner.busy() or self.facet_runner.busy())

    # ----- searching -----------------------------------------------------------------

    def schedule(self) -> None:
        """The query changed: search once typing pauses. The counts of the results shown
        wait for the results that search brings: counting them, or filling the sidebar
        with them, while keys arrive would only hold up the typing."""
        if not self._closed:
            self.debounce.start()
            self._facets_timer.stop()

    def search_now(self) -> None:
        """Search for the current query in the model's order (newest first without words)."""
        self.debounce.stop()
        if self._closed:
            return
        ticket = self._ticket(_SEARCH)
        # What the search it replaces, and the counts of the results it will replace,
        # are still reading is of no use any more.
        for task in (self._search_task, self._facets_task):
            if task is not None:
                task.cancel()
        query = self._current_query()
        sort, descending = self.model.sort_key, self.model.descending
        date_format = self.model.date_format  # the rows' texts are made in the worker
        if sort == RELEVANCE and not query.strip():
            sort, descending = "date", True

        def work() -> SearchPage | None:
            if not self._is_current(_SEARCH, ticket):
                return None  # a newer search was asked for before this one started
            return search_page(self.background_archive("search"), query, limit=PAGE_SIZE,
                               sort=sort, descending=descending, date_format=date_format)

        def done(page: SearchPage | None) -> None:
            if page is not None and self._is_current(_SEARCH, ticket):
                self._ticket(_SHOWN)  # pages and counts of older results no longer count
                for task in self._more_tasks:
                    task.cancel()
                self._more_tasks.clear()
                self.pageReady.emit(query, page)
                self._facets_timer.start()

        self._search_task = self.runner.run(
            work, done, lambda exc: self._fail_if_current(_SEARCH, ticket, exc),
            interrupt=lambda: self._interrupt("search"))
        self.searchStarted.emit(query)

    def _fail_if_current(self, kind: str, ticket: int, exc: BaseException) -> None:
        if self._is_current(kind, ticket):
            self.failed.emit(exc)
            if kind == _SEARCH:  # the results shown stay: their counts, put off, come now
                self._facets_timer.start()
                self.searchFailed.emit()

    def fetch_more(self, offset: int) -> None:
        """Read the page of the results shown that starts at ``offset`` (for the model)."""
        ticket = self._latest.get(_SHOWN, 0)
        query, sort, descending = self.model.query, self.model.sort_key, self.model.descending
        date_format = self.model.date_format

        def work() -> SearchPage:
            return search_page(self.background_archive("search"), query, offset=offset,
                               limit=PAGE_SIZE, sort=sort, descending=descending,
                               date_format=date_format)

        def done(page: SearchPage) -> None:
            if self._is_current(_SHOWN, ticket):
                self.moreReady.emit(offset, page)

        def failed(_exc: BaseException) -> None:
            if self._is_current(_SHOWN, ticket):
                self.model.fetch_failed()

        self._more_tasks = [t for t in self._more_tasks if not t.cancelled()]
        self._more_tasks.append(self.runner.run(work, done, failed,
                                                interrupt=lambda: self._interrupt("search")))

    def _start_facets(self) -> None:
        if self._closed:
            return
        ticket = self._latest.get(_SHOWN, 0)
        query = self.model.query

        def work() -> Facets | None:
            if not self._is_current(_SHOWN, ticket):
                return None
            return self.background_archive("counts").facets(query, sample=FACET_SAMPLE)

        def done(facets: Facets | None) -> None:
            # Typing again means newer results, and their counts, are on their way.
            if facets is not None and self._is_current(_SHOWN, ticket) \
                    and not self.debounce.isActive():
                self.facetsReady.emit(facets)

        self._facets_task = self.facet_runner.run(
            work, done, lambda exc: self._fail_if_current(_SHOWN, ticket, exc),
            interrupt=lambda: self._interrupt("counts"))

    # ----- the reading pane ----------------------------------------------------------

    def request_readout(self, readout_id: int | None, words: tuple[str, ...] = (),
                        prepare: Callable[[Readout, tuple[str, ...]], object] | None = None
                        ) -> None:
        """Read ``readout_id`` for the reading pane; ``None`` only cancels earlier asks.
        ``prepare(readout, words)`` runs in the same worker (laying the readout out)."""
        ticket = self._ticket(_READOUT)
        if readout_id is None:
            return

        def work() -> tuple[Readout, object] | None:
            if not self._is_current(_READOUT, ticket):
                return None
            readout = self.archive.get(readout_id)
            return readout, prepare(readout, words) if prepare is not None else None

        def done(answer: tuple[Readout, object] | None) -> None:
            if answer is not None and self._is_current(_READOUT, ticket):
                self.readoutReady.emit(answer[0], words, answer[1])

        self.runner.run(work, done, self.failed.emit)

    # ----- saved searches -----------------------------------------------------------

    def load_saved_searches(self) -> None:
        """Read the saved searches; ``savedSearchesReady`` carries them."""
        self.runner.run(self.archive.saved_searches, self.savedSearchesReady.emit,
                        self.failed.emit)

    def save_search(self, name: str, query: str) -> None:
        """Save ``query`` as ``name``; ``searchSaved``, then the saved searches, follow."""

        def done(_result: None) -> None:
            self.searchSaved.emit(name)
            self.load_saved_searches()

        self.runner.run(lambda: self.archive.save_search(name, query), done, self.failed.emit)

    def delete_saved_search(self, name: str) -> None:
        """Forget the saved search ``name``; the saved searches are read again."""
        self.runner.run(lambda: self.archive.delete_saved_search(name),
                        lambda _result: self.load_saved_searches(), self.failed.emit)

    # ----- connections ---------------------------------------------------------------

    def background_archive(self, purpose: str = "counts") -> Archive:
        """A read-only connection of its own for long reads ("search", "counts").

        An in-memory archive has only its one connection, and so has a closed window.
        """
        with self._side_lock:
            side = self._side_archives.get(purpose)
            if side is None:
                if self.archive.path is None or self._closed:
                    return self.archive
                try:
                    # Its searches keep their rankings when the window's archive may
                    # be written: the next search of a common word reads its list.
                    side = type(self.archive).open(
                        self.archive.location, read_only=True,
                        write_caches=not self.archive.read_only)
                except ArchiveError as exc:
                    log.info("reading %s on the main connection: %s", purpose, exc)
                    side = self.archive
                self._side_archives[purpose] = side
            return side

    def _interrupt(self, purpose: str) -> None:
        """Stop what the connection of its own for ``purpose`` is reading (from any thread).

        The main connection is never interrupted: it also saves, and an in-memory archive
        has no other (its reads run to the end and are dropped when stale).
        """
        side = self._side_archives.get(purpose)
        if side is not None and side is not self.archive:
            side.interrupt()

    def close(self) -> None:
        """Stop searching, wait for the counts, and close the connections of its own.

        The window shuts its :attr:`runner` down first, so no search is still reading.
        """
        self._closed = True
        self.debounce.stop()
        self._facets_timer.stop()
        self.facet_runner.shutdown()
        with self._side_lock:
            for side in self._side_archives.values():
                if side is not self.archive:
                    side.close()
            self._side_archives.clear()
