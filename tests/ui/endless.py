"""A read that never ends by itself, for tests of what stops it.

Its statement counts rows through a registered function, one call per row; past
:data:`STEP_BOUND` the function fails the statement (and the test with it), so an
interruption must come within a bounded number of steps, not of seconds.
"""

from __future__ import annotations

import threading
from typing import Any

from readout_desk.archive import Archive

#: Rows the endless statement may read before the test gives up on the interruption.
STEP_BOUND = 50_000_000
ENDLESS = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
           "SELECT count(*) FROM n WHERE step(x) < 0")


class Steps:
    """Counts the rows the endless statement read; fails it past the bound."""

    def __init__(self) -> None:
        self.count = 0
        self.started = threading.Event()

    def __call__(self, _x: int) -> int:
        self.count += 1
        self.started.set()
        if self.count > STEP_BOUND:
            raise OverflowError("not interrupted within the bound")
        return 0


def endless_read(archive: Archive, steps: Steps) -> Any:
    """Run the endless statement as one unit of work of ``archive``, as its reads run."""

    def work(db: Any) -> Any:
        conn = db.connection()
        conn.connection.driver_connection.create_function("step", 1, steps)
        return conn.exec_driver_sql(ENDLESS).scalar()

    return archive._read(work)
