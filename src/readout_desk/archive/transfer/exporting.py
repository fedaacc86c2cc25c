"""Export readouts: JSON, CSV, Markdown, HTML and iCalendar.

Readouts are read in chunks, so an export of the whole archive never holds it all in
memory at once, and the output is written to a temporary file renamed into place at
the end: a cancelled or failed export leaves no truncated file. PDF is made by Qt's
printing (``readout_desk.printing``) from the HTML produced here.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from readout_desk import __version__
from readout_desk.archive import attachments
from readout_desk.archive.store import Archive
from readout_desk.archive.transfer import csvio, ics
from readout_desk.archive.transfer.common import (
    CancelFn,
    Cancelled,
    ProgressFn,
    atomic_text_file,
    never_cancelled,
    no_progress,
)
from readout_desk.domain import jsonformat, render, timing
from readout_desk.domain.messages import Message
from readout_desk.domain.records import Readout

#: Formats this module writes; "pdf" is added by the Qt front end.
EXPORT_FORMATS: tuple[str, ...] = ("json", "csv", "md", "html", "ics")
CHUNK = 200
UTC = dt.timezone.utc


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    paths: tuple[Path, ...]
    readouts: int
    notes: tuple[str, ...] = field(default=())


def sessions_csv_path(out: Path) -> Path:
    """Where the one-row-per-session file of a CSV export goes: ``NAME-sessions.csv``."""
    return out.with_name(f"{out.stem}-sessions{out.suffix or '.csv'}")


def iter_readouts(archive: Archive, ids: Sequence[int], progress: ProgressFn,
                  cancelled: CancelFn) -> Iterator[Readout]:
    """The readouts of ``ids`` in order, a chunk at a time, reporting progress."""
    total = len(ids)
    for start in range(0, total, CHUNK):
        if cancelled():
            raise Cancelled()
        progress(start, total, "")
        yield from archive.get_many(list(ids[start:start + CHUNK]))
    progress(total, total, "")


# ----- Markdown --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&])")


def md_escape(text: str) -> str:
    """Archive text made inert in Markdown (no markup, no raw HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_label(label: str) -> str:
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", md_escape(label))


def readout_markdown(r: Readout, home_zone: str | None) -> str:
    """One readout as Markdown, in the order of the detail pane; a Japanese readout with
    its dates and labels in Japanese (``2023年5月3日``, ``会合``)."""
    out: list[str] = []
    words = render.labels(r)
    section = render.section_of(r)
    untitled = "（無題）" if render.is_japanese(r) else "(untitled)"
    out.append(f"## {md_escape(r.title or section or untitled)}")
    out.append("")
    head = [x for x in (md_escape(section) if r.title and section else "",
                        render.readout_date(r, r.meeting_date) if r.meeting_date else "") if x]
    if head:
        out += ["*" + " · ".join(head) + "*", ""]
    if r.is_sample:
        out += [f"*{md_escape(words['sample'])}*", ""]
    for photo in r.photos:
        out.append(f"> {render.labelled(r, 'photo', md_escape(photo.caption))}")
    if r.photos:
        out.append("")
    facts = [f"- {_md_head(r, label)}{md_escape(text)}" + (f" ({zone})" if zone else "")
             for label, text, zone in render.facts_of(r)]
    if facts:
        out += facts + [""]
    if r.lead:
        out += [md_escape(r.lead), ""]
    if r.sessions:
        out += [f"### {words['sessions']}", ""]
        for s, line in zip(r.sessions, render.session_lines(r, home_zone), strict=True):
            text = f"- **{md_escape(render.session_heading(s))}**"
            if line.timing:
                text += render.separator(r) + md_escape(line.timing)
            out.append(text)
            if line.warning:
                out.append(f"  - ⚠ {md_escape(line.warning)}")
        out.append("")
    if r.points:
        out += [f"### {words['summary']}", ""]
        for label, p in zip(render.point_labels(r), r.points, strict=True):
            speaker = f"**{md_escape(p.speaker)}:** " if p.speaker else ""
            # Labels stay as printed ("1.", "(2)"): escaped so Markdown does not renumber.
            text = f"{_md_label(label)} {speaker}{md_escape(p.text)}"
            out += [f"- {text}" if p.level else text, ""]
    if r.participants:
        out += [f"### {words['participants']}", ""]
        out += [f"- {md_escape(line)}" for line in render.participant_lines(r)]
        out.append("")
    if r.topics:
        out += [f"{_md_head(r, words['topics'])}{md_escape(', '.join(r.topics))}", ""]
    if r.notes:
        out += [f"{_md_head(r, words['notes'])}{md_escape(r.notes)}", ""]
    source = " — ".join(md_escape(x) for x in (r.publisher, r.source_url) if x)
    if source:
        out.append(f"{render.labelled(r, 'source', source)}  ")
    if r.published_date:
        out.append(render.labelled(r, "published", render.readout_date(r, r.published_date)))
    return "\n".join(out).rstrip() + "\n"


def _md_head(r: Readout, label: str) -> str:
    """A label in bold before its text: "**Topics:** ", ``**トピック：**``."""
    sep = render.separator(r)
    return f"**{label}{sep.strip()}**{' ' if sep.endswith(' ') else ''}"


# ----- HTML ------------------------------------------------------------------------------

HTML_STYLE = """
body { font-family: "Noto Serif", Georgia, serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #1a1a1a; }
article { border-bottom: 1px solid #ccc; padding-bottom: 1.5em; margin-bottom: 1.5em; }
h2 { margin: 0.2em 0 0.6em; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def readout_html(r: Readout, home_zone: str | None) -> str:
    """One readout as an HTML fragment in the reading pane's layout, all archive text escaped."""
    page = render.readout_html(r, home_zone)
    # The reading pane's renderer gives a whole document; keep what is in its body.
    found = re.search(r"<body[^>]*>(.*)</body>", page, re.DOTALL | re.IGNORECASE)
    body = found.group(1) if found else page
    lang = ' lang="ja"' if render.is_japanese(r) else ""
    return f"<article class=\"readout\"{lang}>\n{body.strip()}\n</article>"


def html_document_start(title: str) -> str:
    """The head of an exported HTML document."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"generator\" content=\"Readout Desk {__version__}\">\n"
            f"<title>{_esc(title)}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{_esc(title)}</h1>\n")


HTML_DOCUMENT_END = "</body>\n</html>\n"


def html_document(readouts: Sequence[Readout], home_zone: str | None,
                  title: str = "Readouts") -> str:
    """A whole HTML document of ``readouts`` (used by the PDF export too)."""
    parts = [html_document_start(title)]
    parts += [readout_html(r, home_zone) for r in readouts]
    parts.append(HTML_DOCUMENT_END)
    return "\n".join(parts)


# ----- the writers -----------------------------------------------------------------------


def _write_json(handle: IO[str], readouts: Iterator[Readout]) -> int:
    handle.write(f'{{\n  "format": "{jsonformat.FORMAT_NAME}",\n'
                 f'  "version": {jsonformat.FORMAT_VERSION},\n  "readouts": [')
    count = 0
    for r in readouts:
        text = json.dumps(jsonformat.readout_to_dict(r), ensure_ascii=False, indent=2)
        handle.write(("," if count else "") + "\n    " + text.replace("\n", "\n    "))
        count += 1
    handle.write("\n  ]\n}\n")
    return count


def _copy_attachments(archive: Archive, ids_readouts: list[Readout], out: Path) -> list[str]:
    source = archive.attachments_dir
    files = sorted({ph.file for r in ids_readouts for ph in r.photos if ph.file})
    if source is None or not files:
        return []
    target = out.with_name(out.stem + "-attachments")
    copied = 0
    missing = []
    refused = 0
    for name in files:
        src, dest = attachments.inside(source, name), attachments.inside(target, name)
        if src is None or dest is None:
            refused += 1  # a name that leaves its folder: neither read nor written
        elif attachments.is_regular_file(src):
            attachments.copy_file(src, dest)
            copied += 1
        else:
            missing.append(name)
    notes: list[str] = [Message("Copied {n} photo file to {target}." if copied == 1 else
                                "Copied {n} photo files to {target}.", n=copied, target=target)]
    if missing:
        notes.append(Message("{n} photo file(s) were missing from the archive folder.",
                             n=len(missing)))
    if refused:
        notes.append(Message("{n} photo file name(s) pointed outside the archive's photo folder "
                             "and were not copied.", n=refused))
    return notes


def export_readouts(
    archive: Archive,
    ids: Sequence[int],
    fmt: str,
    out: Path,
    *,
    home_zone: str | None = None,
    title: str = "Readouts",
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
    now: dt.datetime | None = None,
    csv_formulas: bool = False,
) -> ExportResult:
    """Write the readouts ``ids`` (in that order) to ``out`` in format ``fmt``.

    In CSV, a cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``
    first) is written with a leading apostrophe unless ``csv_formulas`` is set.

    Raises :class:`Cancelled` when ``cancelled()`` turns true (nothing is left behind).
    """
    fmt = fmt.lower()
    out = Path(out)
    home = home_zone or timing.system_zone()
    if fmt == "json":
        photo_readouts: list[Readout] = []

        def keep_photos(rs: Iterator[Readout]) -> Iterator[Readout]:
            for r in rs:
                if any(ph.file for ph in r.photos):
                    photo_readouts.append(r)
                yield r

        with atomic_text_file(out) as handle:
            count = _write_json(handle, keep_photos(iter_readouts(archive, ids, progress,
                                                                  cancelled)))
        notes = _copy_attachments(archive, photo_readouts, out)
        return ExportResult((out,), count, tuple(notes))
    if fmt == "csv":
        sessions_out = sessions_csv_path(out)
        count = 0
        with atomic_text_file(out, newline="") as main, \
                atomic_text_file(sessions_out, newline="") as per_session:
            main.write("\ufeff")  # spreadsheets read the file as UTF-8 with this mark
            per_session.write("\ufeff")
            w1 = csv.DictWriter(main, fieldnames=csvio.READOUT_COLUMNS)
            w2 = csv.DictWriter(per_session, fieldnames=csvio.SESSION_COLUMNS)
            w1.writeheader()
            w2.writeheader()
            cells = (lambda row: row) if csv_formulas else csvio.neutralised
            for r in iter_readouts(archive, ids, progress, cancelled):
                w1.writerow(cells(csvio.readout_row(r)))
                w2.writerows(cells(row) for row in csvio.session_rows(r))
                count += 1
        return ExportResult((out, sessions_out), count)
    if fmt in ("md", "markdown"):
        count = 0
        with atomic_text_file(out) as handle:
            handle.write(f"# {md_escape(title)}\n\n")
            for r in iter_readouts(archive, ids, progress, cancelled):
                handle.write(("\n---\n\n" if count else "") + readout_markdown(r, home))
                count += 1
        return ExportResult((out,), count)
    if fmt in ("html", "htm"):
        count = 0
        with atomic_text_file(out) as handle:
            handle.write(html_document_start(title))
            for r in iter_readouts(archive, ids, progress, cancelled):
                handle.write(readout_html(r, home) + "\n")
                count += 1
            handle.write(HTML_DOCUMENT_END)
        return ExportResult((out,), count)
    if fmt in ("ics", "ical", "icalendar"):
        readouts = list(iter_readouts(archive, ids, progress, cancelled))
        parts = ics.calendar_parts(readouts, now or dt.datetime.now(UTC))
        with atomic_text_file(out, newline="") as handle:
            handle.write(ics.calendar_text(parts, home))
        notes = []
        if parts.skipped:
            notes.append(Message(
                "{n} session without a start time and zone were left out of the calendar."
                if parts.skipped == 1 else "{n} sessions without a start time and zone were "
                "left out of the calendar.", n=parts.skipped))
        return ExportResult((out,), len(readouts), tuple(notes))
    raise ValueError(f"unknown export format {fmt!r}; use one of "
                     + ", ".join(EXPORT_FORMATS + ("pdf",)))
