"""The UI's one translation function, and the translators installed at start-up.

Every string the window shows goes through `tr("…")` (or is declared with `QT_TR_NOOP` and
passed through `tr` later). `pyside6-lupdate` extracts a bare `tr("…")` call, in any module or
class, under the empty context, so `tr` looks its text up there too: one context for the app,
and a per-file wrapper can never hide a string from the tool again (tests/test_translations.py
checks that lupdate finds every literal). Placeholders are Python's `{name}`, filled with
`.format()` after translation; `n` picks the plural form (`%n` in the text).

`install_translators` loads the app's `readinglist_<lang>.qm` (built from
`resources/translations/*.ts` by the Makefile) and Qt's own `qtbase_<lang>.qm` (standard dialogs,
text fields' context menus) for the locale; English needs neither. The locale is the system's
(`LANGUAGE`, `LC_ALL`, `LANG` on Linux) unless the `ui/language` setting names one: `ui_locale`.

Qt-free code hands the UI a `Message` (an English template declared with `QT_TR_NOOP`, and its
arguments) where the CLI prints `str(message)`; `tr_message` shows it in the UI's language.
"""

import datetime as dt
from functools import cache

from readinglist.core.translatable import QT_TR_NOOP, Message
from readinglist.resources import translations_dir
from readinglist.ui.qt import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

CONTEXT = ""  # where lupdate files a bare tr() call
SOURCE_LANGUAGE = "en"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the UI's language (itself when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def tr_message(message: Message) -> str:
    """`message` in the UI's language: its template through `tr`, filled with its arguments
    (those that are messages themselves translated the same way). A translation whose
    placeholders do not fit (tests/ui/test_translations.py rejects those) falls back to English
    rather than failing where it is shown."""
    args = {
        name: tr_message(value) if isinstance(value, Message) else value
        for name, value in message.args.items()
    }
    try:
        return tr(message.template).format(**args)
    except (KeyError, IndexError, ValueError):
        return message.template.format(**args)


@cache
def _source_labels() -> dict[str, str]:
    """Each format's label by its name, from the registry (loaded when first needed: it
    brings every reader with it)."""
    from readinglist.core.sources.registry import ADAPTERS

    return {adapter.format: adapter.label for adapter in ADAPTERS}


def source_label(name: str) -> str:
    """A source's name for people (the detail pane, the sidebar), in the UI's language;
    the name itself if no format has it."""
    label = _source_labels().get(name)
    return tr(label) if label else name


def ui_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale whose translations the UI loads: `language` (the `ui/language` setting,
    "en" or "ko"), or `system` (the system's by default) when it is empty or names no
    language. Only the UI's language: dates and numbers keep the system's conventions."""
    system = system if system is not None else QLocale.system()
    if not language.strip():
        return system
    chosen = QLocale(language.strip())
    return system if chosen.language() == QLocale.Language.C else chosen


def count_text(count: int) -> str:
    """A count for people, grouped in the locale's way: "5,493" (Korean too), "5.493" in
    German; the same wherever a count is shown. The C locale (a bare `LANG=C`) would print
    "5493": its grouping is turned back on."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale.toString(count)


def local_time_text(moment: dt.datetime) -> str:
    """A moment the library keeps in UTC (a status change, an import), in this computer's
    time zone, written the locale's short way ("2026. 12. 5. 오전 9:12", "12/5/26 9:12 AM").
    A digest's own date is the day it was made and is shown as written, never converted."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def counted(count: int, one: str, many: str, **args: object) -> str:
    """`one` for 1, else `many` with the count as `{n}` ("5,493"), both filled with `args`:
    each language words its own pair (both translated by the caller, where lupdate sees
    them). Korean has one form, English two; Qt's `%n` plurals would need an English
    translation file of their own."""
    return (one if count == 1 else many).format(n=count_text(count), **args)


def count_papers(count: int) -> str:
    """ "1 paper", "5,493 papers": the one way the UI counts papers in words."""
    return counted(count, tr("1 paper"), tr("{n} papers"))


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[str]:
    """Install the app's and Qt's translators for `locale` (the system's by default); returns
    the files loaded, so start-up can say which (none for English or a missing language).

    Qt's own strings are loaded in the language the app's file is in, and only when there is
    one: a German system gets an English app with English dialogs, not Qt's German buttons
    in it, and `LANGUAGE=de:ko` gets Korean throughout."""
    locale = locale if locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.English:
        return []
    app_translator = _installed(app, locale, "readinglist", str(translations_dir()))
    if app_translator is None:
        return []
    language = QLocale(app_translator.language() or locale.name())
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = _installed(app, language, "qtbase", qt_folder)
    return [t.filePath() for t in (app_translator, qt_translator) if t is not None]


def _installed(
    app: QCoreApplication, locale: QLocale, name: str, folder: str
) -> QTranslator | None:
    translator = QTranslator(app)  # parented: lives as long as the app
    if translator.load(locale, name, "_", folder):
        app.installTranslator(translator)
        return translator
    translator.deleteLater()
    return None


__all__ = [
    "QT_TR_NOOP",
    "SOURCE_LANGUAGE",
    "Message",
    "count_text",
    "counted",
    "install_translators",
    "tr",
    "tr_message",
    "ui_locale",
]
