"""From a published readout's text to a draft record.

Pure Python: no Qt, no database. :func:`extract` takes text, HTML or the bytes of a
file and returns a :class:`Draft`: the :class:`~readout_desk.domain.records.Readout`, the
character span each field came from in the cleaned text, and the cross-check of every
printed second time against the IANA rules.
"""

from readout_desk.domain.extract.extractor import Draft, SessionCheck, extract
from readout_desk.domain.extract.kinds import KindListError, load_kinds
from readout_desk.domain.extract.text import (
    MAX_INPUT_BYTES,
    ExtractionError,
    binary_problem,
    prepare,
)
from readout_desk.domain.extract.topics import TopicListError, load_topics

__all__ = [
    "MAX_INPUT_BYTES",
    "Draft",
    "ExtractionError",
    "KindListError",
    "SessionCheck",
    "TopicListError",
    "binary_problem",
    "extract",
    "load_kinds",
    "load_topics",
    "prepare",
]
