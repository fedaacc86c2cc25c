"""The interface's language: which one is used, and the translators that give it.

English is the language the source is written in; Japanese comes from
``resources/i18n/readout_desk_ja.qm`` (built from ``readout_desk_ja.ts`` by
``resources/i18n/update.sh``) and, for the buttons of Qt's own dialogs, Qt's
``qtbase_ja.qm`` where the Qt installation has it. The language is chosen once, before the
first window is built: ``--lang``, else ``READOUT_DESK_LANG``, else the preference, else the
system's locale. A change in the preferences applies at the next start.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

log = logging.getLogger(__name__)

#: The environment variable that overrides the language (tests, screenshots).
LANG_ENV = "READOUT_DESK_LANG"
#: The choices kept in the settings: follow the system, or one language.
SYSTEM, ENGLISH, JAPANESE = "system", "en", "ja"
CHOICES = (SYSTEM, ENGLISH, JAPANESE)
#: Languages the interface is translated into (English is the source).
TRANSLATED = (JAPANESE,)
#: The language the installed translators give (English when none is installed).
_shown = [ENGLISH]


def _resources_dir() -> Path:
    """The folder of the package ``readout_desk.resources``, found without
    importlib.resources (which would load before the window's first page only for this)."""
    spec = importlib.util.find_spec("readout_desk.resources")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(folders[0]) if folders else Path(__file__).resolve().parents[1] / "resources"


#: Where the program's translations are installed.
TRANSLATIONS_DIR = _resources_dir() / "i18n"


def catalogue(language: str) -> Path:
    """The compiled translation of the interface into ``language``."""
    return TRANSLATIONS_DIR / f"readout_desk_{language}.qm"


def system_language(locale: QLocale | None = None) -> str:
    """The interface language for the system's locale: Japanese for a Japanese locale
    (or a Japanese first UI language), English otherwise."""
    locale = locale or QLocale.system()
    languages = [locale.language()]
    first = next(iter(locale.uiLanguages()), "")
    if first:
        languages.append(QLocale(first).language())
    return JAPANESE if QLocale.Language.Japanese in languages else ENGLISH


def resolve(choice: str = "", *, preference: str = SYSTEM,
            environ: dict[str, str] | None = None, locale: QLocale | None = None) -> str:
    """The language to use ("en" or "ja"): ``choice`` (``--lang``) if given, else the
    environment variable, else ``preference``; "system" or anything unknown follows the
    system's locale."""
    env = (os.environ if environ is None else environ).get(LANG_ENV, "")
    for wanted in (choice, env, preference):
        value = (wanted or "").strip().lower().replace("_", "-")
        if value in (ENGLISH, "c") or value.startswith("en-"):
            return ENGLISH
        if value == JAPANESE or value.startswith("ja-"):
            return JAPANESE
        if value == SYSTEM:
            break
    return system_language(locale)


def install(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Install the translators for ``language`` on ``app`` (the running application) and
    return them, so they can be removed again. English installs none; a missing file of
    Qt's own is skipped; without the program's own, none is installed."""
    app = app or QCoreApplication.instance()
    if app is None or language not in TRANSLATED:
        return []
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = _load(f"qtbase_{language}", qt_dir, app)
    if qt_own is not None:
        installed.append(qt_own)
    own = _load(catalogue(language).stem, str(TRANSLATIONS_DIR), app)
    if own is None:  # a broken installation: the interface stays English, and says why
        log.warning("no translation at %s; the interface stays in English",
                    catalogue(language))
        return []
    installed.append(own)
    for translator in installed:
        app.installTranslator(translator)
    _shown[0] = language
    return installed


def remove(translators: list[QTranslator], app: QCoreApplication | None = None) -> None:
    """Take ``translators`` off ``app`` again (tests switch languages)."""
    app = app or QCoreApplication.instance()
    if app is None:
        return
    for translator in translators:
        app.removeTranslator(translator)
    _shown[0] = ENGLISH


def shown() -> str:
    """The language the interface is shown in now ("en" or "ja")."""
    return _shown[0]


def _load(name: str, directory: str, parent: QObject) -> QTranslator | None:
    translator = QTranslator(parent)
    return translator if translator.load(name, directory) else None


def language_names() -> dict[str, str]:
    """Each choice as the Preferences list shows it; a language's own name is not
    translated, so a reader finds it whatever the interface's language."""
    system = QCoreApplication.translate("Language", "System ({language})").format(
        language=own_name(system_language()))
    return {SYSTEM: system, ENGLISH: own_name(ENGLISH), JAPANESE: own_name(JAPANESE)}


def own_name(language: str) -> str:
    """A language in its own words ("English", "日本語")."""
    return {ENGLISH: "English", JAPANESE: "日本語"}.get(language, language)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark ``text`` for translation in ``context`` where it is defined (a table of labels);
    it is translated where it is shown, with ``QCoreApplication.translate(context, text)``."""
    return text


def without_mnemonic(text: str) -> str:
    """``text`` without its mnemonic, as a screen reader says it: "&File" and "ファイル(&F)"
    become "File" and "ファイル"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


#: ``translate(context, text)`` for strings outside a QObject: Qt's own
#: ``QCoreApplication.translate`` under the short name lupdate also reads.
translate = QCoreApplication.translate


#: How a meeting was held, as the interface says it (the stored value is English).
MODE_LABELS = {
    "in person": QT_TRANSLATE_NOOP("Mode", "in person"),
    "telephone": QT_TRANSLATE_NOOP("Mode", "telephone"),
    "video": QT_TRANSLATE_NOOP("Mode", "video"),
    "other": QT_TRANSLATE_NOOP("Mode", "other"),
}


def mode_label(value: str) -> str:
    """A meeting's mode ("in person") in the interface's language."""
    return translate("Mode", MODE_LABELS[value]) if value in MODE_LABELS else value
