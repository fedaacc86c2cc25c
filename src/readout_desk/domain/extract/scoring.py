"""Compare a draft with the facts a careful reader takes from the same text.

Expected facts use the layout of the shared examples' ``expected.json``: countries by
name, times as ISO wall times with an IANA zone, durations in minutes, hedges as printed,
``null`` where the text says nothing. Each field is scored as true positives (found and
right), false positives (found but wrong, or found where the text says nothing) and false
negatives (missed or wrong), from which precision and recall follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from readout_desk.domain import geography, timing
from readout_desk.domain.extract import countries
from readout_desk.domain.records import MeetingSession, Readout


@dataclass
class Tally:
    """Counts for one field: ``right`` and ``wrong`` count the checks (a field the text
    leaves empty and the draft leaves empty is right), ``tp``/``fp``/``fn`` the values."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    wrong: int = 0

    @property
    def accuracy(self) -> float | None:
        """The share of checks of this field that came out right."""
        checked = self.right + self.wrong
        return self.right / checked if checked else None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Score:
    """Tallies per field, and a line per mismatch for reading."""

    fields: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, tally in other.fields.items():
            mine = self.fields.setdefault(name, Tally())
            mine.tp += tally.tp
            mine.fp += tally.fp
            mine.fn += tally.fn
            mine.right += tally.right
            mine.wrong += tally.wrong
        self.misses.extend(other.misses)

    def accuracy(self) -> float | None:
        """The share of all checks, over every field, that came out right."""
        right = sum(t.right for t in self.fields.values())
        checked = right + sum(t.wrong for t in self.fields.values())
        return right / checked if checked else None

    def record(self, name: str, expected: Any, got: Any, where: str = "") -> None:
        tally = self.fields.setdefault(name, Tally())
        if expected is None or expected == "" or expected == []:
            if got not in (None, "", [], ()):
                tally.fp += 1
                tally.wrong += 1
                self.misses.append(f"{where}{name}: expected nothing, got {got!r}")
            else:
                tally.right += 1
            return
        if got == expected:
            tally.tp += 1
            tally.right += 1
            return
        tally.fn += 1
        tally.wrong += 1
        if got not in (None, "", [], ()):
            tally.fp += 1
        self.misses.append(f"{where}{name}: expected {expected!r}, got {got!r}")


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return geography.match_key(" ".join(value.split()))
    return value


def _code(name: str | None) -> str | None:
    if not name:
        return None
    return countries.country_code(name) or (name.upper() if len(name) == 2 else None)


def _wall(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def score(readout: Readout, expected: Mapping[str, Any], checks_ok: Mapping[int, bool],
          where: str = "", proposed: tuple[str, ...] = ()) -> Score:
    """Score one draft against one file's expected facts. A field in ``proposed`` is one
    the text does not print and the draft marks as proposed: where the expected facts
    leave it empty, the proposal is not counted against the draft."""
    s = Score()
    for key in ("title", "section", "occasion"):
        if key in expected:
            got = _norm(getattr(readout, key)) or None
            if key in proposed and not expected[key]:
                got = None
            s.record(key, _norm(expected[key]), got, where)
    for key in ("published_date", "meeting_date"):
        if key in expected:
            got = getattr(readout, key)
            s.record(key, expected[key], got.isoformat() if got else None, where)
    if "language" in expected:
        s.record("language", expected["language"], readout.language, where)
    if "mode" in expected:
        s.record("mode", expected["mode"], readout.mode.value, where)
    if "place" in expected:
        _score_place(s, readout, expected["place"] or {}, where)
    if "relation" in expected:
        _score_relation(s, readout, expected["relation"], where)
    if "participants" in expected:
        _score_participants(s, readout, expected["participants"], where)
    if "sessions" in expected:
        got_sessions = list(readout.sessions)
        s.record("session.count", len(expected["sessions"]), len(got_sessions), where)
        for i, want in enumerate(expected["sessions"]):
            got_s = got_sessions[i] if i < len(got_sessions) else None
            _score_session(s, want, got_s, not checks_ok.get(i, True), f"{where}sessions[{i}].")
    if "summary_points" in expected:
        top = sum(1 for p in readout.points if p.level == 0)
        s.record("summary_points", expected["summary_points"], top, where)
    if "photo_captions" in expected:
        s.record("photo_captions", expected["photo_captions"] or None,
                 len(readout.photos) or None, where)
    if "topics_include" in expected:
        got_topics = {_norm(t) for t in readout.topics}
        for name in expected["topics_include"]:
            s.record("topics", _norm(name), _norm(name) if _norm(name) in got_topics else None,
                     where)
    return s


def _score_place(s: Score, readout: Readout, place: Mapping[str, Any], where: str) -> None:
    got_place = readout.place
    s.record("place.city", _norm(place.get("city")),
             _norm(got_place.city) if got_place and got_place.city else None, where)
    s.record("place.country", _code(place.get("country")),
             got_place.country if got_place else None, where)
    s.record("place.zone", place.get("zone"), got_place.zone if got_place else None, where)


def _score_relation(s: Score, readout: Readout, expected: list[str], where: str) -> None:
    want = {_code(n) for n in expected}
    got = set(readout.relation)
    tally = s.fields.setdefault("relation", Tally())
    tally.tp += len(want & got)
    tally.fp += len(got - want)
    tally.fn += len(want - got)
    tally.right += len(want & got)
    tally.wrong += len(got - want) + len(want - got)
    if want != got:
        s.misses.append(f"{where}relation: expected {sorted(c for c in want if c)}, "
                        f"got {sorted(got)}")


def _score_participants(s: Score, readout: Readout, expected: list[Mapping[str, Any]],
                        where: str) -> None:
    by_family = {geography.match_key(p.person.family_name): p for p in readout.participants}
    wanted = set()
    for person in expected:
        key = geography.match_key(person["family_name"])
        wanted.add(key)
        got_p = by_family.get(key)
        s.record("participant", key, key if got_p else None, where)
        if got_p is None:
            continue
        s.record("participant.given_name", _norm(person.get("given_name")),
                 _norm(got_p.person.given_name) or None, where)
        s.record("participant.honorific", _norm(person.get("honorific")),
                 _norm(got_p.honorific) or None, where)
        s.record("participant.office", _norm(person.get("office")),
                 _norm(got_p.office) or None, where)
        s.record("participant.country", _code(person.get("country")), got_p.country, where)
        if "name_ja" in person:
            s.record("participant.name_ja", person["name_ja"], got_p.printed_name or None,
                     where)
    for key in by_family:
        if key not in wanted:
            extra = s.fields.setdefault("participant", Tally())
            extra.fp += 1
            extra.wrong += 1
            s.misses.append(f"{where}participant: not expected {key!r}")


def _score_session(s: Score, want: Mapping[str, Any], got_s: MeetingSession | None,
                   flagged: bool, at: str) -> None:
    if "kind" in want:
        s.record("session.kind", _norm(want["kind"]), _norm(got_s.kind) if got_s else None, at)
    if "local" in want:
        s.record("session.start", _wall(want["local"]), got_s.start if got_s else None, at)
    if "zone" in want:
        s.record("session.zone", want["zone"], got_s.zone if got_s else None, at)
    if want.get("utc"):
        got_utc = timing.session_start_utc(got_s) if got_s else None
        s.record("session.utc", want["utc"],
                 got_utc.strftime("%Y-%m-%dT%H:%MZ") if got_utc else None, at)
    if "time_qualifier" in want:
        s.record("session.time_hedge", want["time_qualifier"] or None,
                 (got_s.time_hedge or None) if got_s else None, at)
    if "duration" in want:
        s.record("session.duration", want["duration"],
                 got_s.duration_minutes if got_s else None, at)
    if "duration_qualifier" in want:
        s.record("session.duration_hedge", want["duration_qualifier"] or None,
                 (got_s.duration_hedge or None) if got_s else None, at)
    if "stated_other" in want:
        other = want["stated_other"]
        got_o = got_s.printed_other if got_s else None
        s.record("session.printed_other",
                 (other["local"], other["zone"]) if other else None,
                 (got_o.local.strftime("%Y-%m-%dT%H:%M"), got_o.zone) if got_o else None, at)
    if "stated_other_ok" in want:
        # Scored as detection of a wrong printed time: a flag is a positive.
        s.record("session.flagged", True if want["stated_other_ok"] is False else None,
                 True if flagged else None, at)
