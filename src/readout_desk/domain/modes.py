"""How a meeting was held (:class:`Mode`): a value of the record
(:mod:`readout_desk.domain.records`), of a results row and of the query syntax's ``mode:``."""

from __future__ import annotations

from enum import Enum


class Mode(str, Enum):
    """How the meeting was held."""

    IN_PERSON = "in person"
    TELEPHONE = "telephone"
    VIDEO = "video"
    OTHER = "other"

    @classmethod
    def parse(cls, text: str) -> Mode:
        """Read a mode from its value or a common synonym ("phone", "in-person")."""
        key = text.strip().lower().replace("-", " ").replace("_", " ")
        synonyms = {
            "in person": cls.IN_PERSON,
            "person": cls.IN_PERSON,
            "meeting": cls.IN_PERSON,
            "telephone": cls.TELEPHONE,
            "phone": cls.TELEPHONE,
            "call": cls.TELEPHONE,
            "telephone talk": cls.TELEPHONE,
            "video": cls.VIDEO,
            "video conference": cls.VIDEO,
            "videoconference": cls.VIDEO,
            "online": cls.VIDEO,
            "virtual": cls.VIDEO,
            "other": cls.OTHER,
        }
        if key in synonyms:
            return synonyms[key]
        raise ValueError(f"unknown meeting mode {text!r}; use in person, telephone, video or other")
