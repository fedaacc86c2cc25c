"""A results row as the :class:`~readout_desk.domain.results.SearchHit` a table shows.

Kept apart from :mod:`.mapping` (which maps the ORM's rows) so that reading a page of
results needs no SQLAlchemy: the window's first page is read with the ``sqlite3`` driver
alone (:mod:`.sqlite_first_page`) and becomes the same hits the search makes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from readout_desk.domain import geography
from readout_desk.domain.modes import Mode
from readout_desk.domain.results import SearchHit

country_name = functools.lru_cache(maxsize=1024)(geography.country_name)


def as_date(value: Any) -> dt.date | None:
    """A date column read without its type (ISO text) made a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


#: Each mode by its stored value (a dictionary is quicker than ``Mode(value)``).
_MODES = {mode.value: mode for mode in Mode}


def tidy(snippet: str) -> str:
    """A snippet's lines joined with " · ", the blank ones left out ("" if all are)."""
    return " · ".join(part for part in snippet.split("\n") if part.strip())


def hit(row: Sequence[Any]) -> SearchHit:
    """A results row (columns in :data:`.backend.HIT_COLUMNS` order) as a search hit.

    Made for every row of every page, so the common cases skip the general ones: a
    snippet of one line is kept as it is, a known mode is looked up. A snippet still to be
    cut (a function, :func:`.sqlite_search.finish_rows`) is cut when first asked for."""
    city, country = row[4] or "", row[5]
    name = country_name(country) if country else ""
    snippet = row[12] or ""
    if isinstance(snippet, str) and ("\n" in snippet or not snippet.strip()):
        snippet = tidy(snippet)
    return SearchHit(
        id=int(row[0]),
        meeting_date=as_date(row[1]),
        title=row[2] or "",
        section=row[3] or "",
        place=f"{city}, {name}" if city and name else city or name,
        mode=_MODES.get(row[6]) or Mode(row[6]),
        session_count=int(row[7] or 0),
        total_minutes=row[8],
        publisher=row[9] or "",
        is_sample=bool(row[10]),
        filed_under=row[11] or "",
        snippet=snippet,
    )
