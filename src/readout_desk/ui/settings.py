"""What the user chose, kept between runs: a QSettings INI file in the config folder."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from readout_desk import paths
from readout_desk.domain import timing
from readout_desk.ui import language as lang

#: How dates are shown in the results table and the detail pane.
DATE_FORMATS: dict[str, str] = {
    "long": "May 3, 2023",
    "iso": "2023-05-03",
    "day-month": "3 May 2023",
    "japanese": "2023年5月3日",
}
DEFAULT_FONT_SIZE = 10
MIN_FONT_SIZE = 7
MAX_FONT_SIZE = 28


class Settings:
    """Typed access to the settings file (``readout-desk.ini`` under the config folder)."""

    FILE_NAME = "readout-desk.ini"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / self.FILE_NAME
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # ----- preferences -------------------------------------------------------------

    def home_zone(self) -> str:
        """The reader's home time zone: the chosen one, else the system's."""
        zone = str(self.qsettings.value("preferences/home_zone", "") or "")
        if zone and timing.is_valid_zone(zone):
            return zone
        return timing.system_zone()

    def has_home_zone(self) -> bool:
        """Whether a home zone was ever chosen (the first start asks for one)."""
        zone = str(self.qsettings.value("preferences/home_zone", "") or "")
        return bool(zone) and timing.is_valid_zone(zone)

    def set_home_zone(self, zone: str) -> None:
        if not timing.is_valid_zone(zone):
            raise ValueError(f"{zone!r} is not an IANA time zone")
        self.qsettings.setValue("preferences/home_zone", zone)

    def language(self) -> str:
        """The interface language chosen: "system" (the default), "en" or "ja"."""
        value = str(self.qsettings.value("preferences/language", "") or "")
        return value if value in lang.CHOICES else lang.SYSTEM

    def has_language(self) -> bool:
        """Whether a language was ever chosen (the first start asks)."""
        return str(self.qsettings.value("preferences/language", "") or "") in lang.CHOICES

    def set_language(self, choice: str) -> None:
        if choice not in lang.CHOICES:
            raise ValueError(f"unknown interface language {choice!r}")
        self.qsettings.setValue("preferences/language", choice)

    def date_format(self) -> str:
        """The date format chosen; until one is, the Japanese one in a Japanese interface
        and "May 3, 2023" otherwise."""
        default = "japanese" if lang.shown() == lang.JAPANESE else "long"
        value = str(self.qsettings.value("preferences/date_format", default) or default)
        return value if value in DATE_FORMATS else default

    def set_date_format(self, key: str) -> None:
        if key not in DATE_FORMATS:
            raise ValueError(f"unknown date format {key!r}")
        self.qsettings.setValue("preferences/date_format", key)

    def font_size(self) -> int:
        try:
            size = int(str(self.qsettings.value("preferences/font_size", DEFAULT_FONT_SIZE)))
        except (TypeError, ValueError):
            return DEFAULT_FONT_SIZE
        return min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))

    def set_font_size(self, size: int) -> None:
        self.qsettings.setValue("preferences/font_size",
                                min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, int(size))))

    # ----- window state --------------------------------------------------------------

    def state(self, key: str) -> QByteArray | None:
        """Saved widget state (geometry, splitter, header), or ``None``."""
        value = self.qsettings.value(f"window/{key}")
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"window/{key}", value)

    def text(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return default if value is None else str(value)

    def set_text(self, key: str, value: str) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        """Write pending changes to the file now."""
        self.qsettings.sync()


def format_date(day: object, key: str) -> str:
    """A date in the chosen format ("" for no date)."""
    if not isinstance(day, dt.date):
        return ""
    return _formatted_date(day, key)


@functools.lru_cache(maxsize=4096)
def _formatted_date(day: dt.date, key: str) -> str:
    """Each date once per format: a page of results formats two hundred, most of them on
    a few days (strftime's month name costs microseconds each)."""
    if key == "iso":
        return day.isoformat()
    if key == "day-month":
        return f"{day.day} {day:%B} {day.year}"
    if key == "japanese":
        return f"{day.year}年{day.month}月{day.day}日"
    return timing.format_date(day)
