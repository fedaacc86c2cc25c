"""Adding many readouts in one transaction, batch by batch, duplicates left out.

Whether a readout is already in the archive is decided on the whole record, by its
fingerprint (:mod:`.fingerprints`): one index probe per readout.

:func:`add_batches` writes batches as they come, all inside the caller's transaction:
readouts added by an earlier batch are in the table the next batch is checked against,
so nothing of the import is kept in memory but the batch at hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session as DbSession

from readout_desk.archive.backend import Backend
from readout_desk.archive.fingerprints import fingerprint
from readout_desk.archive.mapping import row_to_record
from readout_desk.archive.models import ReadoutRow
from readout_desk.archive.writes import Prepared, prepare, table, write_prepared
from readout_desk.domain.records import Readout


@dataclass(frozen=True)
class Present:
    """A readout of a batch that the archive already holds."""

    index: int  # its place in the batch
    readout_id: int
    in_trash: bool


#: Told after each batch: the batch, the ids given to the readouts it added (in order),
#: and the readouts it left out as already present.
BatchReport = Callable[[Sequence[Readout | Prepared], list[int], list[Present]], None]

_LOOKUP = 500  # fingerprints asked for in one statement


def _present(db: DbSession, prints: Sequence[int]) -> dict[int, tuple[int, bool]]:
    """Readouts of the archive with these fingerprints: fingerprint → (id, in the trash)."""
    found: dict[int, tuple[int, bool]] = {}
    wanted = list(dict.fromkeys(prints))
    for start in range(0, len(wanted), _LOOKUP):
        stmt = (select(ReadoutRow.fingerprint, ReadoutRow.id, ReadoutRow.deleted_at)
                .where(ReadoutRow.fingerprint.in_(wanted[start:start + _LOOKUP]))
                .order_by(ReadoutRow.id))
        for key, readout_id, deleted in db.execute(stmt):
            found.setdefault(int(key or 0), (int(readout_id), deleted is not None))
    return found


def fill_fingerprints(db: DbSession, batch: int = 500) -> int:
    """Give a fingerprint to every readout that has none (written before they were kept,
    or by another program); returns how many were given one."""
    done = 0
    while True:
        ids = list(db.scalars(select(ReadoutRow.id).where(ReadoutRow.fingerprint.is_(None))
                              .order_by(ReadoutRow.id).limit(batch)))
        if not ids:
            return done
        rows = db.scalars(select(ReadoutRow).where(ReadoutRow.id.in_(ids))).all()
        values = [{"key": row.id, "fp": fingerprint(row_to_record(row))} for row in rows]
        db.expunge_all()
        readouts = table(ReadoutRow)
        db.connection().execute(update(readouts).where(readouts.c.id == bindparam("key"))
                                .values(fingerprint=bindparam("fp")), values)
        done += len(values)


def add_batches(db: DbSession, backend: Backend,
                batches: Iterable[Sequence[Readout | Prepared]], now: dt.datetime, *,
                skip_present: bool, report: BatchReport) -> None:
    """Write each batch of new readouts as it comes, inside ``db``'s transaction.

    A batch holds readouts, or readouts already turned into their rows
    (:func:`.writes.prepare`, as an import's reading processes do). With
    ``skip_present``, a readout whose whole record is already in the archive (in an
    earlier batch too, or earlier in the same batch) is left out and reported instead.
    """
    if skip_present:
        fill_fingerprints(db)
    conn = db.connection()
    for batch in batches:
        rows = [r if isinstance(r, Prepared) else prepare(r) for r in batch]
        fresh: list[Prepared] = []
        present: list[Present] = []
        if skip_present:
            known = _present(db, [p.fingerprint for p in rows])
            new_here: dict[int, int] = {}  # fingerprint → index of its first readout here
            for i, p in enumerate(rows):
                key = p.fingerprint
                if key in known:
                    present.append(Present(i, *known[key]))
                elif key in new_here:
                    present.append(Present(i, -1 - new_here[key], False))
                else:
                    new_here[key] = i
                    fresh.append(p)
        else:
            fresh = rows
        ids = write_prepared(conn, backend, fresh, now) if fresh else []
        if any(p.readout_id < 0 for p in present):
            # A readout repeated within the batch points at the id its first copy got.
            left_out = {p.index for p in present}
            added = [i for i in range(len(rows)) if i not in left_out]
            id_of = dict(zip(added, ids, strict=True))
            present = [p if p.readout_id >= 0 else
                       Present(p.index, id_of[-1 - p.readout_id], False) for p in present]
        report(batch, ids, present)
        del batch, rows, fresh  # gone before the next is read (its collection is cheap)
