"""A readout laid out as a published readout reads: section, date, title, captions,
lead, sessions with their timing lines, numbered points, topics, participants, source.

Plain text lives here; views that need rich text build it from the same pieces
(:func:`session_lines`, :func:`point_labels`) so every layout says the same thing.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from readout_desk.domain import geography, render_ja, scripts, timing
from readout_desk.domain.records import MeetingSession, Mode, Photo, Readout


def section_of(readout: Readout) -> str:
    """The section the readout is filed under ("Japan-Peru Relations")."""
    return readout.section or geography.relation_label(readout.relation)


@dataclass(frozen=True)
class SessionLine:
    """A session as shown: its kind, its timing line and any warning about it."""

    kind: str
    timing: str
    warning: str


def is_japanese(readout: Readout) -> bool:
    """Whether the readout is shown in the Japanese forms (:mod:`.render_ja`)."""
    return readout.language == "ja"


#: The words a layout puts around a readout's own text; a Japanese readout has its own
#: (``render_ja.LABELS``).
LABELS = {
    "mode": "Mode", "place": "Place", "occasion": "Occasion", "sessions": "Sessions",
    "summary": "Summary", "participants": "Participants", "topics": "Topics",
    "notes": "Notes", "source": "Source", "published": "Published", "photo": "Photo",
    "untitled": "(untitled readout)", "sample": "(sample readout written for Readout Desk)",
    "sample_note": "Sample readout written for Readout Desk; not a published text.",
    "printed": "The source printed",
}


def _labels_in_japanese(readout: Readout, language: str | None) -> bool:
    """Whether the labels are Japanese: in ``language`` when given (the window gives its
    own), else in the readout's (the command line, exports)."""
    return (language or readout.language) == "ja"


def labels(readout: Readout, language: str | None = None) -> dict[str, str]:
    """The words around the readout's text (:data:`LABELS`), in ``language`` when given,
    else in the readout's own."""
    return render_ja.LABELS if _labels_in_japanese(readout, language) else LABELS


def separator(readout: Readout, language: str | None = None) -> str:
    """What follows a label: ": " in English, ``：`` in Japanese (no space after it)."""
    return "：" if _labels_in_japanese(readout, language) else ": "


def labelled(readout: Readout, key: str, text: str = "", language: str | None = None) -> str:
    """``Topics: text`` in English, ``トピック：text`` in Japanese."""
    return labels(readout, language)[key] + separator(readout, language) + text


def mode_text(readout: Readout, language: str | None = None) -> str:
    """How the meeting was held ("telephone", ``電話会談``), in ``language`` when given,
    else in the readout's."""
    if _labels_in_japanese(readout, language):
        return render_ja.MODES[readout.mode]
    return readout.mode.value


def readout_date(readout: Readout, day: dt.date) -> str:
    """A date of the readout as its language writes it ("May 3, 2023", ``2023年5月3日``)."""
    if is_japanese(readout):
        return render_ja.japanese_date(day, era=render_ja.uses_era(readout))
    return timing.format_date(day)


def session_lines(readout: Readout, home_zone: str | None) -> list[SessionLine]:
    """Each session's kind, timing line in local and home time, and a mismatch warning.

    A Japanese readout's timing lines are in the ministry's form, local time with Japan
    time in parentheses (``現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間``)."""
    lines = []
    for index, s in enumerate(readout.sessions):
        check = timing.check_printed(s)
        warning = ""
        if check is not None and not check.ok and check.computed is not None \
                and is_japanese(readout):
            warning = render_ja.printed_warning(check.printed.local, check.computed)
        elif check is not None and not check.ok:
            warning = f"Printed time disagrees with the time-zone rules: {check.message}."
        elif s.start is not None and s.zone:
            problems = timing.validate_session(s)
            warning = problems[0] if problems else ""
        line = (render_ja.japanese_timing(s) if is_japanese(readout)
                else _duration_as_printed(readout, index, timing.render_timing(s, home_zone)))
        lines.append(SessionLine(s.kind, line, warning))
    return lines


def _duration_as_printed(readout: Readout, index: int, line: str) -> str:
    """The timing line with the duration in the source's own words ("approximately 60
    minutes" stays so, never "1 hour"), when the source printed it and the stored length
    is still the one printed."""
    session = readout.sessions[index]
    minutes = session.duration_minutes
    printed = readout.source.as_printed(f"sessions[{index}].duration") if readout.source else ""
    if minutes is None or not printed:
        return line
    numbers = {int(n) for n in re.findall(r"\d+", printed)}
    if minutes not in numbers and not (minutes % 60 == 0 and minutes // 60 in numbers):
        return line  # changed since it was read: the stored length is the truth
    hedge = session.duration_hedge.strip()
    ours = f"for {hedge + ' ' if hedge else ''}{timing.format_duration(minutes)}"
    return line.replace(ours, f"for {' '.join(printed.split())}")


def point_labels(readout: Readout) -> list[str]:
    """The printed label of each summary point, numbering unlabelled ones by position."""
    labels = []
    top = sub = 0
    for p in readout.points:
        if p.level == 0:
            top += 1
            sub = 0
            labels.append(p.label or f"{top}.")
        else:
            sub += 1
            labels.append(p.label or f"({sub})")
    return labels


def place_text(readout: Readout) -> str:
    """"Lima, Peru" (with the venue first when there is one); ``リマ（ペルー）`` in a
    Japanese readout."""
    place = readout.place
    if place is None:
        return ""
    if is_japanese(readout):
        return render_ja.place_text(readout)
    country = geography.country_name(place.country) if place.country else ""
    return ", ".join(p for p in (place.venue, place.city, country) if p)


def participant_lines(readout: Readout) -> list[str]:
    """"H.E. Ms. Ana Gervasi, Minister of Foreign Affairs of the Republic of Peru (Peru)";
    in a Japanese readout the name as printed with the Latin form and the office after it
    (``ロドリゴ・タバレス（H.E. Mr. Rodrigo Tavares）外務大臣``)."""
    if is_japanese(readout):
        return [render_ja.participant_line(p) for p in readout.participants]
    lines = []
    for p in readout.participants:
        text = p.display_name
        if p.office:
            text += f", {p.office}"
        extra = [x for x in (p.organisation, geography.country_name(p.country)
                             if p.country else "") if x]
        if extra:
            text += f" ({'; '.join(extra)})"
        lines.append(text)
    return lines


def session_heading(session: MeetingSession) -> str:
    """"Small group meeting"."""
    return session.kind[:1].upper() + session.kind[1:] if session.kind else "Meeting"


def facts_of(readout: Readout, language: str | None = None) -> list[tuple[str, str, str]]:
    """The facts under a readout's heading as (label, text, zone): how it was held unless in
    person, the place with its zone, and the occasion; labelled in ``language`` if given."""
    words = labels(readout, language)
    facts: list[tuple[str, str, str]] = []
    if readout.mode is not Mode.IN_PERSON:
        facts.append((words["mode"], mode_text(readout, language), ""))
    place = place_text(readout)
    if place:
        facts.append((words["place"], place, (readout.place.zone or "") if readout.place else ""))
    if readout.occasion:
        facts.append((words["occasion"], readout.occasion, ""))
    return facts


def readout_text(readout: Readout, home_zone: str | None) -> str:
    """The whole readout as plain text, for the terminal and for plain-text export."""
    out: list[str] = []
    section = section_of(readout)
    if section:
        out += [section, ""]
    if readout.meeting_date:
        out.append(readout_date(readout, readout.meeting_date))
    if readout.title:
        out.append(readout.title)
    words = labels(readout)
    if readout.is_sample:
        out.append(words["sample"])
    for photo in readout.photos:
        out.append(f"[{words['photo']}] {photo.caption}")
    out.append("")
    facts = [f"{label}{separator(readout)}{text}" + (f" ({zone})" if zone else "")
             for label, text, zone in facts_of(readout)]
    if facts:
        out += facts + [""]
    if readout.lead:
        out += [readout.lead, ""]
    if readout.sessions:
        out.append(labelled(readout, "sessions").rstrip())
        for s, line in zip(readout.sessions, session_lines(readout, home_zone), strict=True):
            text = f"  - {session_heading(s)}"
            if line.timing:
                text += separator(readout) + line.timing
            out.append(text)
            if line.warning:
                out.append(f"    ! {line.warning}")
        out.append("")
    if readout.points:
        for label, p in zip(point_labels(readout), readout.points, strict=True):
            indent = "  " * (p.level + 1)
            speaker = f"[{p.speaker}] " if p.speaker else ""
            out.append(f"{indent}{label} {speaker}{p.text}")
        out.append("")
    if readout.participants:
        out.append(labelled(readout, "participants").rstrip())
        out += [f"  - {line}" for line in participant_lines(readout)]
        out.append("")
    if readout.topics:
        out += [labelled(readout, "topics", ", ".join(readout.topics)), ""]
    if readout.notes:
        out += [labelled(readout, "notes", readout.notes), ""]
    source = [x for x in (readout.publisher, readout.source_url) if x]
    if source:
        out.append(labelled(readout, "source", " — ".join(source)))
    if readout.published_date:
        out.append(labelled(readout, "published", readout_date(readout, readout.published_date)))
    return "\n".join(out).rstrip() + "\n"


# ----- rich text ---------------------------------------------------------------------

#: Colours of the HTML layout (kept simple: Qt's rich text supports a small CSS subset).
_HIT_STYLE = "background-color: #fff1a8;"
_WARNING_STYLE = "color: #a01010; font-weight: bold;"
_MUTED_STYLE = "color: #606060;"


def _highlighter(words: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern matching any of ``words`` at the start of a word, ignoring case; a word in
    Japanese script anywhere (Japanese is written without spaces between words)."""
    parts, anywhere = [], []
    typed = {_unaccented(w.strip())[0] for w in words if w and w.strip()}
    for word in sorted(typed, key=len, reverse=True):
        if scripts.has_cjk(word):
            anywhere += [re.escape(run) for run in scripts.runs(scripts.normalise_width(word))]
            continue
        pieces = [re.escape(p) for p in re.split(r"\W+", word) if p]
        if pieces:
            parts.append(r"\W+".join(pieces))
    if not parts and not anywhere:
        return None
    bounded = [r"(?<!\w)(?:" + "|".join(parts) + r")"] if parts else []
    return re.compile("|".join(anywhere + bounded), re.IGNORECASE | re.UNICODE)


def _unaccented(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` as the search reads it: accents left out ("Echeverría" → "Echeverria") and
    widths normalised ("ＣＰＴＰＰ" → "CPTPP", "ｶﾞｽ" → "ガス"); with where in ``text`` each
    character kept starts and ends, so a hit in the plain text marks the original."""
    if text.isascii():
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    plain: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and text[j] in _HALF_WIDTH_MARKS:  # ｶﾞ is one kana: ガ
            j += 1
        wide = scripts.normalise_width(text[i:j])
        base = wide if scripts.has_cjk(wide) else "".join(  # kana keep their voicing marks
            c for c in unicodedata.normalize("NFD", wide) if not unicodedata.combining(c)) or wide
        plain.append(base)
        starts.extend([i] * len(base))
        ends.extend([j] * len(base))
        i = j
    return "".join(plain), starts, ends


#: The half-width voicing marks, written after the half-width kana they voice.
_HALF_WIDTH_MARKS = "\uff9e\uff9f"


def _text(value: str, pattern: re.Pattern[str] | None) -> str:
    """Archive text made safe for HTML, with the search words highlighted (accents and
    widths aside, as the search itself ignores them)."""
    if pattern is None:
        return html.escape(value)
    plain, starts, ends = _unaccented(value)
    out = []
    last = 0
    for m in pattern.finditer(plain):
        if m.end() == m.start():
            continue
        start, end = starts[m.start()], ends[m.end() - 1]
        if start < last:  # inside a character already marked
            continue
        out.append(html.escape(value[last:start]))
        out.append(f'<span style="{_HIT_STYLE}">{html.escape(value[start:end])}</span>')
        last = end
    out.append(html.escape(value[last:]))
    return "".join(out)


def safe_link(url: str) -> str | None:
    """``url`` when it is an http(s) address that may be offered as a link, else ``None``."""
    stripped = url.strip()
    if re.match(r"(?i)https?://[^\s\"'<>]+$", stripped):
        return stripped
    return None


def readout_html(
    readout: Readout,
    home_zone: str | None,
    highlight_words: Sequence[str] = (),
    *,
    date_text: Callable[[dt.date], str] = timing.format_date,
    photo_url: Callable[[Photo], str | None] | None = None,
    label_language: str | None = None,
    topic_text: Callable[[str], str] = str,
) -> str:
    """The readout as an HTML document, laid out like the published readout.

    Every piece of archive text is escaped, so markup inside a readout shows as text.
    The only link is the source address when it is http(s); the only images are those
    ``photo_url`` resolves (the GUI gives local attachment files; export gives none).
    The readout's language decides how it is written (dates, timing lines: a Japanese
    readout's dates are its own, whatever ``date_text`` says); the labels around it are in
    ``label_language`` when given (the window's), else in the readout's, and each topic is
    named by ``topic_text`` (the window's Japanese names of topics).
    """
    hit = _highlighter(highlight_words)
    if is_japanese(readout):
        date_text = functools.partial(readout_date, readout)
    lang = label_language
    words = labels(readout, lang)

    def t(value: str) -> str:
        return _text(value, hit)

    out: list[str] = ["<html><body>"]
    section = section_of(readout)
    if section:
        out.append(f'<p style="{_MUTED_STYLE}">{t(section)}</p>')
    if readout.meeting_date:
        out.append(f"<p>{html.escape(date_text(readout.meeting_date))}</p>")
    out.append(f"<h2>{t(readout.title) if readout.title else words['untitled']}</h2>")
    if readout.is_sample:
        out.append(f'<p style="{_MUTED_STYLE}"><i>{html.escape(words["sample_note"])}</i></p>')
    for photo in readout.photos:
        url = photo_url(photo) if photo_url else None
        if url:
            out.append(f'<p><img src="{html.escape(url, quote=True)}" width="320"></p>')
        out.append(f'<p style="{_MUTED_STYLE}"><i>[{words["photo"]}] {t(photo.caption)}</i></p>')

    facts = [(label, t(text) + (f" ({html.escape(zone)})" if zone else ""))
             for label, text, zone in facts_of(readout, lang)]
    if facts:
        out.append("<p>" + "<br>".join(f"{_head(readout, k, lang)}{v}" for k, v in facts)
                   + "</p>")

    if readout.lead:
        out += [f"<p>{t(para)}</p>" for para in readout.lead.split("\n") if para.strip()]

    if readout.sessions:
        out += _html_sessions(readout, home_zone, t, lang)
    if readout.points:
        out += _html_points(readout, t)
    if readout.topics:
        out.append(f"<p>{_head(readout, words['topics'], lang)}"
                   + ", ".join(t(topic_text(x)) for x in readout.topics) + "</p>")
    if readout.participants:
        out.append(f"<h3>{words['participants']}</h3><ul>")
        out += [f"<li>{t(line)}</li>" for line in participant_lines(readout)]
        out.append("</ul>")
    if readout.notes:
        out.append(f"<p>{_head(readout, words['notes'], lang)}{t(readout.notes)}</p>")

    out += _html_source(readout, t, lang)
    if readout.published_date:
        published = f"{words['published']}{'：' if _labels_in_japanese(readout, lang) else ' '}"
        out.append(f'<p style="{_MUTED_STYLE}">{published}'
                   f"{html.escape(date_text(readout.published_date))}</p>")
    out.append("</body></html>")
    return "\n".join(out)


def _html_sessions(readout: Readout, home_zone: str | None, t: Callable[[str], str],
                   lang: str | None) -> list[str]:
    """The sessions as a list, each with its timing line and any warning."""
    out = [f"<h3>{labels(readout, lang)['sessions']}</h3><ul>"]
    for session, line in zip(readout.sessions, session_lines(readout, home_zone), strict=True):
        item = f"<b>{t(session_heading(session))}</b>"
        if line.timing:
            item += separator(readout) + html.escape(line.timing)
        printed = session.printed_other.text if session.printed_other else ""
        if line.warning and printed and printed not in line.warning:
            item += (f'<br><span style="{_MUTED_STYLE}">{labelled(readout, "printed", "", lang)}'
                     f"{html.escape(printed)}</span>")
        if line.warning:
            item += (f'<br><span style="{_WARNING_STYLE}">&#9888; '
                     f"{html.escape(line.warning)}</span>")
        out.append(f"<li>{item}</li>")
    out.append("</ul>")
    return out


def _html_points(readout: Readout, t: Callable[[str], str]) -> list[str]:
    """The summary points as a table of labels and texts."""
    out = ['<table cellspacing="0" cellpadding="2">']
    for label, point in zip(point_labels(readout), readout.points, strict=True):
        indent = 12 + 24 * point.level
        speaker = f"<b>{t(point.speaker)}:</b> " if point.speaker else ""
        out.append(
            f'<tr><td valign="top" style="padding-left: {indent}px;">{html.escape(label)}'
            f'</td><td valign="top">{speaker}{t(point.text)}</td></tr>')
    out.append("</table>")
    return out


def _html_source(readout: Readout, t: Callable[[str], str], lang: str | None) -> list[str]:
    """The publisher and the source address (a link only when it is http(s))."""
    source = []
    if readout.publisher:
        source.append(t(readout.publisher))
    if readout.source_url:
        link = safe_link(readout.source_url)
        if link:
            href = html.escape(link, quote=True)
            source.append(f'<a href="{href}">{html.escape(link)}</a>')
        else:
            source.append(html.escape(readout.source_url))
    if not source:
        return []
    return [f"<p>{_head(readout, labels(readout, lang)['source'], lang)}" + " — ".join(source)
            + "</p>"]


def _head(readout: Readout, label: str, lang: str | None = None) -> str:
    """A label in bold before its text: "<b>Topics:</b> ", ``<b>トピック：</b>``."""
    sep = separator(readout, lang)
    return f"<b>{label}{sep.strip()}</b>{' ' if sep.endswith(' ') else ''}"
