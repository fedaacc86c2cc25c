"""A Japanese readout in the forms the Japanese foreign ministry prints.

Dates as ``2023年5月3日`` (or ``令和5年5月3日`` when the source wrote its dates in the era
form), clock times as ``午前9時10分`` / ``午後3時``, timing lines as
``現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間``, and names as
printed in Japanese with the Latin form beside them when both are known
(``ロドリゴ・タバレス（Rodrigo Tavares）``). All zone arithmetic is :mod:`.timing`'s.
"""

from __future__ import annotations

import datetime as dt
import re

from readout_desk.domain import geography, timing
from readout_desk.domain.formtext import era_date
from readout_desk.domain.records import MeetingSession, Mode, Participant, Readout

JAPAN = "Asia/Tokyo"
_ERA_IN_TEXT = re.compile("(令和|平成|昭和)(元|[0-9０-９]+)年")
#: Hedges as the English forms of the record say them, and as printed in Japanese.
_ABOUT = {"about": "約", "approximately": "約", "around": "約", "some": "約",
          "nearly": "約", "just under": "弱", "約": "約", "弱": "弱"}
_AROUND = {"around": "頃", "about": "頃", "approximately": "頃", "shortly after": "過ぎ",
           "頃": "頃", "過ぎ": "過ぎ"}


#: The words a layout puts around a Japanese readout's own text (``render.LABELS`` in English).
LABELS = {
    "mode": "形式", "place": "場所", "occasion": "機会", "sessions": "会合",
    "summary": "概要", "participants": "出席者", "topics": "トピック", "notes": "メモ",
    "source": "出典", "published": "発表日", "photo": "写真", "untitled": "（無題）",
    "sample": "（Readout Desk の見本として書かれた文書。公表されたものではありません）",
    "sample_note": "Readout Desk の見本として書かれた会談記録です。公表された文書ではありません。",
    "printed": "原文の記載",
}
#: How the meeting was held, as a Japanese readout says it.
MODES = {Mode.IN_PERSON: "対面", Mode.TELEPHONE: "電話会談", Mode.VIDEO: "テレビ会議",
         Mode.OTHER: "その他"}


def printed_warning(printed: dt.datetime, computed: dt.datetime) -> str:
    """The printed second time's disagreement with the zone rules, in Japanese:
    ``記載の時刻（5月3日午後11時10分）は時差の規則と合いません。規則では5月4日午前0時10分（JST）です。``
    ``computed`` is aware, in the printed time's zone."""
    wall = computed.replace(tzinfo=None)
    return (f"記載の時刻（{printed.month}月{printed.day}日{japanese_clock(printed)}）は時差の規則と"
            f"合いません。規則では{wall.month}月{wall.day}日{japanese_clock(wall)}"
            f"（{timing.zone_abbreviation(computed)}）です。")


def uses_era(readout: Readout) -> bool:
    """Whether the source wrote its dates in the era form (``令和5年5月3日``)."""
    return any(_ERA_IN_TEXT.search(text) for text in (readout.title, readout.lead))


def japanese_date(day: dt.date, *, era: bool = False) -> str:
    """``2023年5月3日``, or with ``era`` ``令和5年5月3日`` (``令和元年`` for its first year)."""
    found = era_date(day) if era else None  # the eras are the editor's (formtext.ERAS)
    if found is not None:
        name, year = found[0].name, found[1]
        return f"{name}{'元' if year == 1 else year}年{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def japanese_clock(wall: dt.datetime) -> str:
    """``午前9時10分``, ``午後3時``, ``午後0時`` (noon), ``午前0時`` (midnight)."""
    half = "午前" if wall.hour < 12 else "午後"
    minutes = f"{wall.minute}分" if wall.minute else ""
    return f"{half}{wall.hour % 12}時{minutes}"


def japanese_duration(minutes: int, hedge: str = "") -> str:
    """``約15分間``, ``約1時間``, ``約1時間30分``; ``30分弱`` for "just under"."""
    hours, rest = divmod(minutes, 60)
    length = (f"{hours}時間" if hours else "") + (f"{rest}分" if rest else "")
    mark = _ABOUT.get(hedge.strip().lower(), "")
    if mark == "弱":
        return length + mark
    return mark + length + ("" if hours else "間")


def _day_word(day: dt.date, before: dt.date) -> str:
    """How a second date is printed after a first: 同日, 翌4日, or the day itself."""
    if day == before:
        return "同日"
    if day == before + dt.timedelta(days=1):
        return f"翌{day.day}日"
    if day.month == before.month:
        return f"{day.day}日"
    return f"{day.month}月{day.day}日"


def japanese_timing(session: MeetingSession) -> str:
    """The session's timing line in the ministry's form:
    ``現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間``; a meeting in
    Japan has no second time (``5月3日午後3時から約30分間``)."""
    parts = ""
    if session.start is not None:
        wall = session.start
        clock = f"{wall.month}月{wall.day}日{japanese_clock(wall)}"
        clock += _AROUND.get(session.time_hedge.strip().lower(), "")
        start = timing.session_start(session)
        if session.zone and session.zone != JAPAN and start is not None:
            home = start.astimezone(timing.get_zone(JAPAN)).replace(tzinfo=None)
            clock = (f"現地時間{clock}（日本時間{_day_word(home.date(), wall.date())}"
                     f"{japanese_clock(home)}）")
        parts = clock + "から"
    if session.duration_minutes is not None:
        parts += japanese_duration(session.duration_minutes, session.duration_hedge)
    elif session.end is not None:
        parts += f"{japanese_clock(session.end)}まで"
    return parts


def japanese_name(participant: Participant) -> str:
    """The name as printed in Japanese, with the Latin form in parentheses when both are
    known; the Latin form alone when no Japanese one is."""
    latin = participant.display_name
    printed = participant.printed_name
    # A Japanese official's Latin-script fields often hold the same kanji with a space.
    if printed and latin and "".join(printed.split()) != "".join(latin.split()):
        return f"{printed}（{latin}）"
    return printed or latin


def participant_line(participant: Participant) -> str:
    """``林芳正外務大臣``: the name, then the office as printed in Japanese (no comma in
    Japanese), the English one when no Japanese one is known."""
    return japanese_name(participant) + (participant.office_ja or participant.office or "")


def place_text(readout: Readout) -> str:
    """``リマ（ペルー）``, with the venue first (``大統領府、リマ（ペルー）``): the city as
    printed in Japanese when known, the country's Japanese name."""
    place = readout.place
    if place is None:
        return ""
    city = place.city_ja or place.city
    country = geography.country_name_ja(place.country) if place.country else ""
    where = f"{city}（{country}）" if city and country else city or country
    return "、".join(p for p in (place.venue, where) if p)
