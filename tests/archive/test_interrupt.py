"""``Archive.interrupt`` stops a read in the middle of its statement, on either backend.

The statement counts the rows of a recursive query that has no end (SQLite's
``sqlite3_interrupt``; on PostgreSQL a cancel request, what ``pg_cancel_backend`` does);
the read raises ``ArchiveInterruptedError`` and the archive answers the next question.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from readout_desk.archive import Archive, ArchiveInterruptedError

BOTH_BACKENDS = True
ENDLESS = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
           "SELECT count(*) FROM n")
#: Only so that a failing test ends: the statement itself never does.
GIVE_UP_S = 60


def interrupt_until_stopped(archive: Archive, reader: threading.Thread) -> None:
    """Interrupt ``archive`` until the ``reader`` thread ends (an interrupt before its
    statement runs finds nothing to stop)."""
    give_up = time.monotonic() + GIVE_UP_S
    while reader.is_alive() and time.monotonic() < give_up:
        archive.interrupt()
        reader.join(0.05)
    assert not reader.is_alive()


def test_interrupt_stops_a_running_read_and_the_archive_reads_on(archive: Archive) -> None:
    started = threading.Event()
    failures: list[BaseException] = []

    def work(db: Any) -> Any:
        conn = db.connection()
        started.set()
        return conn.exec_driver_sql(ENDLESS).scalar()

    def read() -> None:
        try:
            archive._read(work)  # one unit of work, as every read of the archive is
        except BaseException as exc:  # noqa: BLE001 - looked at below
            failures.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    assert started.wait(GIVE_UP_S)
    interrupt_until_stopped(archive, reader)
    assert len(failures) == 1 and isinstance(failures[0], ArchiveInterruptedError)
    assert archive.count() >= 0  # the connection is usable again
