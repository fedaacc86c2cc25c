"""Facets of a query with very many hits are counted among its newest hits only.

The time the counts take then does not grow with the archive; the answer says so
(``Facets.sampled``), and a query with fewer hits is counted exactly as before.
"""

from __future__ import annotations

from readout_desk.archive import Archive


def _by_value(counts: tuple) -> dict[str, int]:  # type: ignore[type-arg]
    return {c.value: c.count for c in counts}


def test_fewer_hits_than_the_sample_are_counted_exactly(demo_archive: Archive) -> None:
    exact = demo_archive.facets("Peru")
    assert demo_archive.facets("Peru", sample=10_000) == exact
    assert exact.sampled == 0


def test_more_hits_than_the_sample_are_counted_among_the_newest(demo_archive: Archive) -> None:
    everything = demo_archive.facets("")
    sample = 5
    counted = demo_archive.facets("", sample=sample)
    assert counted.sampled == sample
    assert sum(m.count for m in counted.modes) <= sample < sum(m.count for m in everything.modes)
    exact = _by_value(everything.countries)
    assert all(c.count <= exact[c.value] for c in counted.countries)
    newest = sorted(demo_archive.all_ids(), reverse=True)[:sample]
    years = {r.meeting_date.year for r in demo_archive.get_many(newest) if r.meeting_date}
    assert {int(y.value) for y in counted.years} == years


def test_words_are_sampled_from_the_index_newest_first(demo_archive: Archive) -> None:
    hits = demo_archive.search_ids("minister")
    assert len(hits) > 3
    counted = demo_archive.facets("minister", sample=3)
    assert counted.sampled == 3
    newest = sorted(hits, reverse=True)[:3]
    years = {r.meeting_date.year for r in demo_archive.get_many(newest) if r.meeting_date}
    assert {int(y.value) for y in counted.years} == years
