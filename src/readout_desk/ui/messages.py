"""Sentences made below the interface, shown in the interface's language.

The domain and the archive say what is wrong with :class:`~readout_desk.domain.messages.Message`
values: the English sentence, with the template it was made from and its named values. Here
each template is the source text of a translation in the context "Messages", and the values
go in after it is translated, a message among them translated in turn ("Session 2: {problem}").
The command line prints the English sentence itself. Every template the domain and the
archive use is listed in :data:`TEMPLATES`, so ``pyside6-lupdate`` finds it
(``tests/ui/test_messages.py`` compares the list with the sources).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from readout_desk.domain.messages import Message, Moment, of_error
from readout_desk.ui import language
from readout_desk.ui.language import QT_TRANSLATE_NOOP, translate

TEMPLATES = frozenset({
    # archive/backup.py
    QT_TRANSLATE_NOOP("Messages", "The backup {database} was written by a newer version of "
                                  "Readout Desk (schema {revision}); update the program to read "
                                  "or restore it. Nothing was changed."),
    QT_TRANSLATE_NOOP("Messages", "An archive kept only in memory cannot be backed up."),
    QT_TRANSLATE_NOOP("Messages", "An archive kept only in memory cannot be restored from a file."),
    QT_TRANSLATE_NOOP("Messages", "The backup copy failed its integrity check, so it was not "
                                  "kept ({problem}); check the archive with Tools > Check "
                                  "archive."),
    QT_TRANSLATE_NOOP("Messages", "The disk holding {folder} is full, so no backup was made."),
    QT_TRANSLATE_NOOP("Messages", "The backup could not be written to {folder}: {problem}."),
    QT_TRANSLATE_NOOP("Messages", "{path} is not a Readout Desk backup (it has no {database})."),
    QT_TRANSLATE_NOOP("Messages", "{path} cannot be read as an archive: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "There is no backup at {path}."),
    QT_TRANSLATE_NOOP("Messages", "The archive {location} is open read-only, so it cannot be "
                                  "restored."),
    QT_TRANSLATE_NOOP("Messages", "The backup {path} is damaged ({problem}); choose another one."),
    QT_TRANSLATE_NOOP("Messages", "The backup could not be restored: {problem}; the archive is "
                                  "as it was (a copy is in {copy})."),
    # archive/errors.py
    QT_TRANSLATE_NOOP("Messages", "Readout {id} was saved elsewhere while it was being edited "
                                  "(version {read} was read, the archive now holds version "
                                  "{current}), so this change was not saved over it."),
    # archive/packing.py
    QT_TRANSLATE_NOOP("Messages", "A text stored in the archive cannot be read ({problem}): the "
                                  "archive is damaged; restore it from a backup."),
    # archive/sqlite.py
    QT_TRANSLATE_NOOP("Messages", "The archive {location} is busy: another program (perhaps "
                                  "another Readout Desk window) is writing to it and did not let "
                                  "go within {seconds} seconds. Nothing was changed; try again "
                                  "in a moment."),
    QT_TRANSLATE_NOOP("Messages", "The disk holding {location} is full, so the change was not "
                                  "saved; the archive is as it was. Free some space and try "
                                  "again."),
    QT_TRANSLATE_NOOP("Messages", "The archive {location} is read-only, so the change was not "
                                  "saved."),
    QT_TRANSLATE_NOOP("Messages", "{location} is damaged or is not a Readout Desk archive "
                                  "({problem}); open another file, or restore this one from a "
                                  "backup."),
    QT_TRANSLATE_NOOP("Messages", "The archive {location} cannot be opened: {problem}."),
    QT_TRANSLATE_NOOP("Messages", "Reading the archive {location} was stopped before it finished."),
    QT_TRANSLATE_NOOP("Messages", "The archive {location} reported an error: {problem}."),
    # archive/store.py
    QT_TRANSLATE_NOOP("Messages", "The archive {location} is open read-only, so nothing can be "
                                  "changed."),
    # archive/transfer/exporting.py
    QT_TRANSLATE_NOOP("Messages", "Copied {n} photo file to {target}."),
    QT_TRANSLATE_NOOP("Messages", "Copied {n} photo files to {target}."),
    QT_TRANSLATE_NOOP("Messages", "{n} photo file(s) were missing from the archive folder."),
    QT_TRANSLATE_NOOP("Messages", "{n} photo file name(s) pointed outside the archive's photo "
                                  "folder and were not copied."),
    QT_TRANSLATE_NOOP("Messages", "{n} session without a start time and zone were left out of "
                                  "the calendar."),
    QT_TRANSLATE_NOOP("Messages", "{n} sessions without a start time and zone were left out of "
                                  "the calendar."),
    # archive/transfer/readers.py
    QT_TRANSLATE_NOOP("Messages", "The process reading the file stopped unexpectedly (exit "
                                  "code {code}); nothing of the file was imported."),
    # archive/transfer/importing.py
    QT_TRANSLATE_NOOP("Messages", "Imported {n} readout from {done} of {files} file."),
    QT_TRANSLATE_NOOP("Messages", "Imported {n} readout from {done} of {files} files."),
    QT_TRANSLATE_NOOP("Messages", "Imported {n} readouts from {done} of {files} files."),
    QT_TRANSLATE_NOOP("Messages", "Imported {n} readouts from {done} of {files} file."),
    QT_TRANSLATE_NOOP("Messages", "Skipped {n} already in the archive (the same record, every "
                                  "field alike)."),
    QT_TRANSLATE_NOOP("Messages", "{n} draft extracted from text files wait for review (File > "
                                  "Review Drafts)."),
    QT_TRANSLATE_NOOP("Messages", "{n} drafts extracted from text files wait for review (File > "
                                  "Review Drafts)."),
    QT_TRANSLATE_NOOP("Messages", "Nothing imported from {name}: {error}"),
    QT_TRANSLATE_NOOP("Messages", "{name}: {done} readouts so far"),
    QT_TRANSLATE_NOOP("Messages", "{name}: {done} readouts so far ({read:.0%})"),
    QT_TRANSLATE_NOOP("Messages", "Cancelled: every file listed above was finished completely; "
                                  "{left} file was not imported (nothing of the one in progress "
                                  "was kept)."),
    QT_TRANSLATE_NOOP("Messages", "Cancelled: every file listed above was finished completely; "
                                  "{left} files were not imported (nothing of the one in "
                                  "progress was kept)."),
    QT_TRANSLATE_NOOP("Messages", "{n} file(s) were not started."),
    QT_TRANSLATE_NOOP("Messages", "The import stopped there: no further file can be saved."),
    # domain/clocktime.py
    QT_TRANSLATE_NOOP("Messages", "{value!r} is not a time; write it like 9:10, 21:40 or 9:10 "
                                  "p.m."),
    QT_TRANSLATE_NOOP("Messages", "{value!r}: with a.m. or p.m. the hour is at most 12."),
    QT_TRANSLATE_NOOP("Messages", "{value!r} is not a time of the day."),
    # domain/draft.py
    QT_TRANSLATE_NOOP("Messages", "{text!r} is not a country name or code known to ISO 3166."),
    QT_TRANSLATE_NOOP("Messages", "{zone!r} is not a known IANA time zone; choose one from the "
                                  "list."),
    QT_TRANSLATE_NOOP("Messages", "{zone!r} is not a known IANA time zone."),
    QT_TRANSLATE_NOOP("Messages", "A readout needs a title (or at least a section such as "
                                  "\"Japan-Peru Relations\")."),
    QT_TRANSLATE_NOOP("Messages", "A readout needs the date of the meeting or the date it was "
                                  "published."),
    QT_TRANSLATE_NOOP("Messages", "Summary point {number} is empty; write it or remove it."),
    QT_TRANSLATE_NOOP("Messages", "Photo {number} has neither an image nor a caption."),
    QT_TRANSLATE_NOOP("Messages", "Participant {number} needs a family name."),
    QT_TRANSLATE_NOOP("Messages", "Participant {number}: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "Session {number}: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "a start time needs a date; enter the meeting date or the "
                                  "session's own."),
    QT_TRANSLATE_NOOP("Messages", "a start time needs the time zone it was stated in."),
    QT_TRANSLATE_NOOP("Messages", "Hours"),
    QT_TRANSLATE_NOOP("Messages", "Minutes"),
    QT_TRANSLATE_NOOP("Messages", "say which time zone the printed time is in."),
    QT_TRANSLATE_NOOP("Messages", "no clock time found in the printed time; write it as printed, "
                                  "like \"11:10 p.m. on May 3 JST\"."),
    QT_TRANSLATE_NOOP("Messages", "the printed time disagrees with the time-zone rules: {check}."),
    # domain/extract/extractor.py
    QT_TRANSLATE_NOOP("Messages", "The text prints no title; \"{title}\" is proposed from the "
                                  "section, the kind of meeting and the offices."),
    # domain/extract/heading.py
    QT_TRANSLATE_NOOP("Messages", "The page's own date was not found; the meeting date comes "
                                  "from the text."),
    QT_TRANSLATE_NOOP("Messages", "No meeting date was found; enter it by hand."),
    # domain/extract/japanese/jsessions.py
    QT_TRANSLATE_NOOP("Messages", "Session {number} ({kind}): the printed time \"{unread}\" "
                                  "could not be read; check it by hand."),
    # domain/extract/japanese/reader.py
    QT_TRANSLATE_NOOP("Messages", "The text prints no title; \"{title}\" is proposed from the "
                                  "country and the kind of meeting."),
    QT_TRANSLATE_NOOP("Messages", "No date line (令和7年6月5日 or 2025年6月5日) was found."),
    # domain/extract/schedule.py
    QT_TRANSLATE_NOOP("Messages", "Session {number} ({kind}): the printed time \"{unread}\" "
                                  "could not be read; check it by hand."),
    QT_TRANSLATE_NOOP("Messages", "Session {number} ({kind}): {clock} occurs twice in {zone} "
                                  "that day; choose which one is meant."),
    QT_TRANSLATE_NOOP("Messages", "Session {number} ({kind}): {problem}."),
    # domain/extract/text.py
    QT_TRANSLATE_NOOP("Messages", "The input is {size} MB; a readout is at most a few pages, so "
                                  "anything over {limit} MB is not read."),
    QT_TRANSLATE_NOOP("Messages", "This is {what}, not the text of a readout."),
    QT_TRANSLATE_NOOP("Messages", "This is {what}, not the text of a readout; {advice}."),
    QT_TRANSLATE_NOOP("Messages", "The text is {size} characters long; a readout is at most a "
                                  "few pages, so anything over {limit} characters is not read."),
    QT_TRANSLATE_NOOP("Messages", "This is a binary file, not the text of a readout."),
    QT_TRANSLATE_NOOP("Messages", "Only the first {count} characters were read; a readout is "
                                  "rarely longer, so the rest was left out."),
    QT_TRANSLATE_NOOP("Messages", "There is no text to read: the input is empty once the page's "
                                  "code and menus are removed."),
    QT_TRANSLATE_NOOP("Messages", "There is no text to read: the input is empty."),
    # domain/formtext.py
    QT_TRANSLATE_NOOP("Messages", "{value!r} is not a date of the calendar."),
    QT_TRANSLATE_NOOP("Messages", "{written}: an era's years begin at 1 (元年)."),
    QT_TRANSLATE_NOOP("Messages", "{written} is not a date of the calendar."),
    QT_TRANSLATE_NOOP("Messages", "{written} is before {latin} ({era}) began on {first}."),
    QT_TRANSLATE_NOOP("Messages", "{written} is after {latin} ({era}) ended on {last}; from "
                                  "{first} the era is {next_latin} ({next_era}): {day} is "
                                  "{next_written}."),
    QT_TRANSLATE_NOOP("Messages", "{value!r} is not a date; write it like 2023-05-03, May 3, "
                                  "2023 or 2023年5月3日."),
    QT_TRANSLATE_NOOP("Messages", "{what} must be a whole number, not {value!r}."),
    # domain/timing.py
    QT_TRANSLATE_NOOP("Messages", "{zone!r} is not a known IANA time zone (for example "
                                  "America/Lima)"),
    QT_TRANSLATE_NOOP("Messages", "{clock} on {day}"),
    QT_TRANSLATE_NOOP("Messages", "{clock} on {day} does not exist in {zone}: the clocks went "
                                  "forward from {start} to {after}; the nearest valid times are "
                                  "{before} and {last}"),
    QT_TRANSLATE_NOOP("Messages", "{clock} on {day} occurs twice in {zone}: first at {earlier}, "
                                  "then at {later}. Choose which one is meant."),
    QT_TRANSLATE_NOOP("Messages", "a start time needs the time zone it was stated in"),
    QT_TRANSLATE_NOOP("Messages", "the session ends before it starts"),
    QT_TRANSLATE_NOOP("Messages", "printed time: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "a duration must be more than zero minutes"),
    QT_TRANSLATE_NOOP("Messages", "a duration of {duration} is longer than a day; enter each "
                                  "day's session separately"),
    QT_TRANSLATE_NOOP("Messages", "printed {printed} on {printed_day} {abbr}; the time-zone "
                                  "rules give {computed} on {computed_day} {abbr}"),
    QT_TRANSLATE_NOOP("Messages", "{text}."),
    # domain/validation.py
    QT_TRANSLATE_NOOP("Messages", "The photo file name {name!r} is not a plain name inside the "
                                  "archive's photo folder."),
    QT_TRANSLATE_NOOP("Messages", "The {where} holds a character that is not text (NUL or a lone "
                                  "surrogate)."),
    QT_TRANSLATE_NOOP("Messages", "A version or point level is too large to store."),
    QT_TRANSLATE_NOOP("Messages", "the time is too near the end of the calendar to be placed in "
                                  "time."),
    QT_TRANSLATE_NOOP("Messages", "A readout needs a title (or at least a section such as "
                                  "\"Japan-Peru Relations\")."),
    QT_TRANSLATE_NOOP("Messages", "A readout needs the date of the meeting or the date it was "
                                  "published."),
    QT_TRANSLATE_NOOP("Messages", "{code!r} in the relation is not an ISO 3166 country code."),
    QT_TRANSLATE_NOOP("Messages", "The place's country {code!r} is not an ISO 3166 code."),
    QT_TRANSLATE_NOOP("Messages", "The place's time zone {zone!r} is not a known IANA zone."),
    QT_TRANSLATE_NOOP("Messages", "Participant {number} needs a family name."),
    QT_TRANSLATE_NOOP("Messages", "Participant {number}'s country {code!r} is not an ISO 3166 "
                                  "code."),
    QT_TRANSLATE_NOOP("Messages", "Session {number} ({kind}): {problem}"),
    QT_TRANSLATE_NOOP("Messages", "Summary point {number} is empty."),
    QT_TRANSLATE_NOOP("Messages", "Photo {number}: {problem}"),
})


def moment_text(moment: Moment) -> str:
    """A clock time or a day as the interface writes it: 午前9時10分, 5月3日 in Japanese."""
    if language.shown() != language.JAPANESE:
        return moment
    value = moment.value
    if moment.kind == "day" and isinstance(value, dt.date):
        return f"{value.month}月{value.day}日"
    if moment.kind == "clock" and isinstance(value, dt.datetime | dt.time):
        minutes = f"{value.minute}分" if value.minute else ""
        return f"{'午前' if value.hour < 12 else '午後'}{value.hour % 12}時{minutes}"
    return moment


def message_text(text: str) -> str:
    """``text`` in the interface's language when it is a :class:`Message` (or a moment in
    one), else as it is."""
    if isinstance(text, Moment):
        return moment_text(text)
    if not isinstance(text, Message):
        return text
    values = {name: message_text(value) if isinstance(value, str) else value
              for name, value in text.values.items()}
    try:
        return translate("Messages", text.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return text.template.format(**values)


def error_text(exc: BaseException) -> str:
    """What an error says, in the interface's language where it was made as a message."""
    return message_text(of_error(exc))


def bullets(texts: Iterable[str]) -> str:
    """``texts`` one a line, each after a bullet, in the interface's language."""
    return "\n".join(f"• {message_text(text)}" for text in texts)
