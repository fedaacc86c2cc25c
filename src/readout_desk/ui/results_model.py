"""The results table: a model over the hits of one search, loaded a page at a time.

Only the pages a person scrolls to are fetched (``canFetchMore``/``fetchMore``), so a
query with a million hits costs one page until the table is scrolled. Sorting is done
by the archive in SQL: :meth:`ResultsModel.sort` only asks for the search to run again.

Painting the table asks the model for every visible cell; each cell is then one call
(:meth:`ResultsModel.multiData`) and a tuple lookup: the texts of a row are made with its
page, in the worker that read it (:func:`search_page` with a date format), or once when a
row is first shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from readout_desk.domain import timing
from readout_desk.domain.results import SearchHit, SearchPage
from readout_desk.ui.language import QT_TRANSLATE_NOOP, mode_label, translate
from readout_desk.ui.settings import format_date

if TYPE_CHECKING:
    from readout_desk.archive import Archive

ModelIndex = QModelIndex | QPersistentModelIndex

#: Rows of a page: the first page is what the table shows at once (a tall window shows
#: about 50), and more come as the table is scrolled (:meth:`ResultsModel.fetchMore`).
#: A page's rows and snippets cost in proportion to its size: at a million readouts a
#: page of 200 took 27 ms for a word in most readouts where 100 took 19.
PAGE_SIZE = 100
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2

#: Sort key meaning "most relevant first" (the index's ranking), or newest first without words.
RELEVANCE = "relevance"


@dataclass(frozen=True)
class Column:
    """One column of the results table."""

    key: str  # stable name, used in settings
    title: str  # in English; shown through label()
    sort_key: str  # key of archive.sqlite.SORT_COLUMNS
    tooltip: str

    def label(self) -> str:
        """The column's title in the interface's language."""
        return translate("ResultsModel", self.title)

    def tip(self) -> str:
        """What the column holds, in the interface's language."""
        return translate("ResultsModel", self.tooltip)


COLUMNS: tuple[Column, ...] = (
    Column("date", QT_TRANSLATE_NOOP("ResultsModel", "Date"), "date",
           QT_TRANSLATE_NOOP("ResultsModel", "Date of the meeting")),
    Column("title", QT_TRANSLATE_NOOP("ResultsModel", "Title"), "title",
           QT_TRANSLATE_NOOP("ResultsModel", "Title of the readout")),
    Column("snippet", QT_TRANSLATE_NOOP("ResultsModel", "Match"), RELEVANCE,
           QT_TRANSLATE_NOOP("ResultsModel", "Where the search words were found")),
    Column("relation", QT_TRANSLATE_NOOP("ResultsModel", "Relation"), "section",
           QT_TRANSLATE_NOOP("ResultsModel",
                             "Countries involved (the section it is filed under)")),
    Column("place", QT_TRANSLATE_NOOP("ResultsModel", "Place"), "place",
           QT_TRANSLATE_NOOP("ResultsModel", "Where the meeting took place")),
    Column("mode", QT_TRANSLATE_NOOP("ResultsModel", "Mode"), "mode",
           QT_TRANSLATE_NOOP("ResultsModel", "In person, by telephone or by video")),
    Column("sessions", QT_TRANSLATE_NOOP("ResultsModel", "Sessions"), "sessions",
           QT_TRANSLATE_NOOP("ResultsModel", "Number of sessions and their total duration")),
    Column("publisher", QT_TRANSLATE_NOOP("ResultsModel", "Publisher"), "publisher",
           QT_TRANSLATE_NOOP("ResultsModel", "Who published the readout")),
)
(COL_DATE, COL_TITLE, COL_SNIPPET, COL_RELATION, COL_PLACE, COL_MODE, COL_SESSIONS,
 COL_PUBLISHER) = range(8)


def sessions_text(hit: SearchHit) -> str:
    """"2 · 1 hour and 5 minutes"; just the count when no duration was stated."""
    if hit.session_count == 0:
        return ""
    if hit.total_minutes is None:
        return str(hit.session_count)
    return f"{hit.session_count} · {timing.format_duration(hit.total_minutes)}"


def hits_text(page: SearchPage) -> str:
    """"1,234 readouts · 12 ms": how many matched and how long the search took."""
    n = page.total
    text = (translate("ResultsModel", "{count} readout · {ms} ms", "", n) if n == 1
            else translate("ResultsModel", "{count} readouts · {ms} ms", "", n))
    return text.format(count=f"{n:,}", ms=f"{page.elapsed_ms:.0f}")


def snippet_text(hit: SearchHit) -> str:
    """What the words-in-context column shows: the snippet on one line, unmarked."""
    return " ".join(_plain_snippet(hit.snippet).split())


def row_texts(hit: SearchHit, date_format: str, *, snippet: bool = True) -> tuple[str, ...]:
    """What each column of ``hit``'s row shows, in the order of :data:`COLUMNS`
    (without ``snippet``, the snippet's column is left empty and the snippet uncut)."""
    title = (translate("ResultsModel", "{title} (sample)").format(title=hit.title)
             if hit.is_sample else hit.title)
    return (format_date(hit.meeting_date, date_format), title,
            snippet_text(hit) if snippet else "", hit.filed_under, hit.place,
            mode_label(hit.mode.value), sessions_text(hit), hit.publisher)


@dataclass(frozen=True)
class ShownPage(SearchPage):
    """A page of hits with the texts of its rows, made where the page was read, all but
    the snippet's column (left empty): a snippet is cut when its row is first painted."""

    texts: tuple[tuple[str, ...], ...] = ()
    date_format: str = ""


def search_page(archive: Archive, query: str, *, offset: int = 0, limit: int = PAGE_SIZE,
                sort: str = RELEVANCE, descending: bool = True,
                date_format: str | None = None) -> SearchPage:
    """One page of hits as the results table shows them (runs off the UI thread).

    Each hit carries what its row shows, the section it is filed under included (a
    readout entered without one is filed under its relation, "Japan-Peru Relations"),
    so a page is one read of the archive's results rows. With ``date_format`` the rows'
    texts are made here too (a :class:`ShownPage`), not while the table paints; the
    snippets are not (the table shows a few rows of a page, and cuts only theirs).
    """
    page = archive.search(query, offset=offset, limit=limit, sort=sort, descending=descending)
    if date_format is None:
        return page
    return ShownPage(**{f.name: getattr(page, f.name) for f in fields(SearchPage)},
                     texts=tuple(row_texts(hit, date_format, snippet=False)
                                 for hit in page.hits),
                     date_format=date_format)


class ResultsModel(QAbstractTableModel):
    """Rows are the hits of :attr:`query` in the archive's order.

    With :attr:`more_wanted` set (the window's
    :class:`~readout_desk.ui.search_controller.SearchController` sets it) further pages
    are asked for and arrive through :meth:`add_page`, read off the UI thread; without
    it (tests, tools) they load at once. ``sortRequested(key, descending)`` asks the
    owner to search again. A model made before its archive opened (``None``, at
    start-up) shows the pages it is given and asks for no more until it has one
    (:meth:`set_archive`, or :attr:`more_wanted`).
    """

    sortRequested = Signal(str, bool)  # noqa: N815
    pageLoaded = Signal(int)  # noqa: N815 - number of rows now loaded

    def __init__(self, archive: Archive | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._archive = archive
        #: Asks for the page starting at the given offset, delivered to :meth:`add_page`.
        self.more_wanted: Callable[[int], None] | None = None
        self._hits: list[SearchHit] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's, made when first needed
        #: Each row's texts as its page came, all but the snippet's (:class:`ShownPage`).
        self._made: list[tuple[str, ...] | None] = []
        self._total = 0
        self._query = ""
        self._sort = RELEVANCE
        self._descending = True
        self._fetching = False
        self._changing = False
        self._date_format = "long"

    def set_archive(self, archive: Archive) -> None:
        """The archive the model reads further pages from, once it has opened."""
        self._archive = archive

    # ----- what the model shows --------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def date_format(self) -> str:
        """How the date column writes dates (a key of ``settings.DATE_FORMATS``)."""
        return self._date_format

    @date_format.setter
    def date_format(self, key: str) -> None:
        if key != self._date_format:
            self._date_format = key
            self._texts = [None] * len(self._hits)  # made again in the new format
            self._made = [None] * len(self._hits)

    @property
    def total(self) -> int:
        """Number of all hits of the query (not just those loaded)."""
        return self._total

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def set_sort(self, key: str, descending: bool) -> None:
        """Remember the order the next search should use (without searching)."""
        self._sort = key
        self._descending = descending

    def reset_to(self, query: str, page: SearchPage) -> None:
        """Show the first page of a fresh search."""
        self._changing = True  # views and testers may ask for more inside the signals
        self.beginResetModel()
        self._fetching = False
        self._query = query
        self._hits = list(page.hits)
        self._texts = [None] * len(page.hits)
        self._made = self._texts_of(page)
        self._total = max(page.total, len(page.hits))
        self.endResetModel()
        self._changing = False
        self.pageLoaded.emit(len(self._hits))

    def load(self, query: str) -> SearchPage:
        """Run the search here and now (for tests and tools); returns the first page."""
        page = search_page(self._needed_archive(), query, limit=PAGE_SIZE, sort=self._sort,
                           descending=self._descending)
        self.reset_to(query, page)
        return page

    def clear(self) -> None:
        self.reset_to("", SearchPage((), 0, 0, 0.0))

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def id_at(self, row: int) -> int | None:
        hit = self.hit(row)
        return hit.id if hit else None

    def row_of(self, readout_id: int) -> int | None:
        """The row showing ``readout_id`` among those loaded, if any."""
        for row, h in enumerate(self._hits):
            if h.id == readout_id:
                return row
        return None

    def loaded_ids(self) -> list[int]:
        return [h.id for h in self._hits]

    # ----- QAbstractTableModel ---------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(COLUMNS)

    def _texts_of(self, page: SearchPage) -> list[tuple[str, ...] | None]:
        if isinstance(page, ShownPage) and page.date_format == self._date_format:
            return list(page.texts)
        return [None] * len(page.hits)

    def _row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._texts[row]
        if texts is None:
            made = self._made[row]
            texts = self._texts[row] = (
                row_texts(self._hits[row], self._date_format) if made is None
                else (*made[:COL_SNIPPET], snippet_text(self._hits[row]), *made[COL_SNIPPET + 1:]))
        return texts

    def multiData(self, index: ModelIndex,  # noqa: N802
                  roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N803
        """QAbstractItemModel.multiData: every role a delegate asks of a cell, in one call
        (painting the table asks seven per visible cell)."""
        row, col = index.row(), index.column()
        span: Iterable[QModelRoleData] = (  # a span is a sequence at run time
            [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData)
            else roleDataSpan)  # type: ignore[assignment]
        if not index.isValid() or not 0 <= row < len(self._hits) or not 0 <= col < len(COLUMNS):
            for wanted in span:
                wanted.clearData()
            return
        # The view hands the same span from cell to cell: every role not answered here is
        # cleared, or the last cell's value (a right alignment, a font) would carry over.
        for wanted in span:
            role = wanted.role()
            if role == _DISPLAY:
                wanted.setData(self._row_texts(row)[col])
            elif (role, col) in _LOOKED_UP:
                wanted.setData(self.data(index, role))
            else:
                wanted.clearData()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """QAbstractItemModel.data."""
        if not index.isValid() or index.parent().isValid():
            return None
        hit = self.hit(index.row())
        if hit is None or not 0 <= index.column() < len(COLUMNS):
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(index.row())[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TITLE:
                snippet = _plain_snippet(hit.snippet)
                return f"{hit.title}\n{snippet}" if snippet else hit.title
            return self._row_texts(index.row())[col] or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._row_texts(index.row())[col]
        if role == ID_ROLE:
            return hit.id
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SESSIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and hit.is_sample and col == COL_TITLE:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """QAbstractItemModel.headerData."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].label()
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("ResultsModel", "{tip} (click to sort)").format(
                    tip=COLUMNS[section].tip())
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """QAbstractItemModel.flags (asked twice per cell painted: made once)."""
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """QAbstractItemModel.sort: ask for the search again in the archive's SQL order."""
        if 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key != RELEVANCE:
            key = COLUMNS[column].sort_key
            descending = order == Qt.SortOrder.DescendingOrder
        else:  # the words-in-context column sorts by relevance, best first
            key, descending = RELEVANCE, True
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self.sortRequested.emit(key, descending)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """QAbstractItemModel.canFetchMore."""
        if parent.isValid():
            return False
        # Loading at once from inside a change signal would nest changes; loading in the
        # background only queues the work, so views may ask during a change then.
        busy = self._fetching or (self._changing and self.more_wanted is None)
        unread = self.more_wanted is None and self._archive is None  # still opening
        return not busy and not unread and len(self._hits) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        """QAbstractItemModel.fetchMore: load the next page of hits."""
        if not self.canFetchMore(parent):
            return
        offset = len(self._hits)
        if self.more_wanted is None:
            self.add_page(offset, search_page(self._needed_archive(), self._query, offset=offset,
                                              limit=PAGE_SIZE, sort=self._sort,
                                              descending=self._descending))
            return
        self._fetching = True
        self.more_wanted(offset)

    def _needed_archive(self) -> Archive:
        if self._archive is None:
            raise RuntimeError("the results have no archive to read from yet")
        return self._archive

    def fetch_failed(self) -> None:
        """The page asked for could not be read: scrolling may ask again."""
        self._fetching = False

    def add_page(self, offset: int, page: SearchPage) -> None:
        """Append a further page of the hits shown (one that starts where the rows end)."""
        if offset != len(self._hits):
            return  # a newer search replaced the rows meanwhile
        self._fetching = False
        self._total = max(page.total, offset + len(page.hits))
        if not page.hits:
            self._total = len(self._hits)
            return
        first = len(self._hits)
        self._changing = True
        self.beginInsertRows(QModelIndex(), first, first + len(page.hits) - 1)
        self._hits.extend(page.hits)
        self._texts.extend([None] * len(page.hits))
        self._made.extend(self._texts_of(page))
        self.endInsertRows()
        self._changing = False
        self.pageLoaded.emit(len(self._hits))


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
# Combining flags is a call into Python's enum machinery each time: these are made once.
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
#: The (role, column) pairs besides the texts that a cell may have a value for (the
#: sessions' alignment, a sample's italic title): answered by :meth:`ResultsModel.data`.
_LOOKED_UP = frozenset({(int(Qt.ItemDataRole.TextAlignmentRole), COL_SESSIONS),
                        (int(Qt.ItemDataRole.FontRole), COL_TITLE)})


def _plain_snippet(snippet: str) -> str:
    """A snippet without the highlight marks (for tooltips)."""
    from readout_desk.archive import HIGHLIGHT_END, HIGHLIGHT_START

    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")

