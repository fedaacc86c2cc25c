"""A results row as the :class:`~readout_desk.domain.records.SearchHit` a table shows.

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
from readout_desk.domain.records import Mode, SearchHit

country_name = functools.lru_cache(maxsize=1024)(geography.country_name)


def as_date(value: Any) -> dt.date | None:
    """A date column read without its type (ISO text) made a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def hit(row: Sequence[Any]) -> SearchHit:
    """A results row (columns in :data:`.backend.HIT_COLUMNS` order) as a search hit."""
    city, country = row[4] or "", row[5]
    place = ", ".join(p for p in (city, country_name(country) if country else "") if p)
    return SearchHit(
        id=int(row[0]),
        meeting_date=as_date(row[1]),
        title=row[2] or "",
        section=row[3] or "",
        place=place,
        mode=Mode(row[6]),
        session_count=int(row[7] or 0),
        total_minutes=row[8],
        publisher=row[9] or "",
        is_sample=bool(row[10]),
        filed_under=row[11] or "",
        snippet=" · ".join(part for part in (row[12] or "").split("\n") if part.strip()),
    )
