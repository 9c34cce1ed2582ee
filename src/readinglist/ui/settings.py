"""Every setting the window remembers, declared once with its default.

A setting the user may change also carries its label (and maybe a help text, a unit, the
choices it allows), all declared with `QT_TR_NOOP`; `PREFERENCES` orders those in sections,
and the Preferences dialog (`ui/preferences/`) is built from it: a new preference is one
declaration here and one line in that list. Keys and defaults never change (saved settings
keep working); a stored value that is missing or malformed reads as the default.
"""

from dataclasses import dataclass
from typing import Any, cast

from readinglist.core.subscriptions import BACK_DAYS
from readinglist.core.today import TodayOrder
from readinglist.core.translatable import QT_TR_NOOP
from readinglist.ui.qt import QByteArray, QSettings

ORGANIZATION = "readinglist"
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
APPLICATION = "readinglist"


@dataclass(frozen=True)
class Setting[T]:
    key: str
    default: T
    label: str = ""  # QT_TR_NOOP; a setting with a label is shown in Preferences
    help: str = ""  # QT_TR_NOOP; a line under the field
    at_next_start: bool = False  # read once, at start-up: the dialog says so

    def read(self, settings: QSettings) -> T:
        """The stored value, or the default when it is missing, of the wrong type, or a
        boolean that is neither (INI files store booleans as text)."""
        value = settings.value(self.key, self.default)
        if isinstance(self.default, bool) and isinstance(value, str):
            return cast(T, _BOOLEANS.get(value.strip().lower(), self.default))
        return value if isinstance(value, type(self.default)) else self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


@dataclass(frozen=True)
class IntSetting(Setting[int]):
    """A whole number, at least `minimum` (INI files store numbers as text)."""

    minimum: int = 0
    maximum: int | None = None
    unit: str = ""  # QT_TR_NOOP, shown after the number: " MB"

    def read(self, settings: QSettings) -> int:
        value = settings.value(self.key, self.default)
        try:
            number = int(str(value))
        except ValueError:
            return self.default
        return self.clamp(number)

    def clamp(self, number: int) -> int:
        highest = number if self.maximum is None else self.maximum
        return min(max(number, self.minimum), highest)


@dataclass(frozen=True)
class ChoiceSetting(Setting[str]):
    """One of `choices`: (stored value, label declared with QT_TR_NOOP), in the order shown."""

    choices: tuple[tuple[str, str], ...] = ()

    def read(self, settings: QSettings) -> str:
        value = super().read(settings)
        return value if value in self.values() else self.default

    def values(self) -> list[str]:
        return [value for value, _ in self.choices]


@dataclass(frozen=True)
class Section:
    """A group of preferences under a title (QT_TR_NOOP)."""

    title: str
    settings: tuple[Setting[Any], ...]


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray())
MAIN_SPLITTER = Setting("window/mainSplitter", QByteArray())
SIDE_SPLITTER = Setting("window/sideSplitter", QByteArray())
LIST_HEADER = Setting("list/header", QByteArray())
SIDEBAR_ENTRY = Setting("list/sidebarEntry", "all")
CURRENT_PAPER = Setting("list/currentPaper", "")
ADVANCE_AFTER_STATUS = Setting(
    "triage/advanceAfterStatus",
    True,
    label=QT_TR_NOOP("Advance to the next paper after setting a status"),
    help=QT_TR_NOOP("As Paper → Advance After Setting Status."),
)
TODAY_ORDER = ChoiceSetting(
    "today/order",
    TodayOrder.DIGEST.value,
    label=QT_TR_NOOP("Order of Today's papers"),
    choices=tuple((order.value, order.facts.label) for order in TodayOrder),
)
TODAY_PROGRESS_SHOWN = Setting(
    "today/progressShown",
    True,
    label=QT_TR_NOOP("Show how far through Today I am"),
    help=QT_TR_NOOP('"12 of 31 triaged" above Today\'s papers.'),
)
LAST_FOLDER = Setting("dialogs/lastFolder", "")  # where the file dialogs start: file_dialogs.py
LOAD_MEDIA_AUTOMATICALLY = Setting(
    "media/loadAutomatically",
    True,
    label=QT_TR_NOOP("Load remote media automatically"),
    help=QT_TR_NOOP("When off, only cached teasers show; a button loads the others."),
)
MEDIA_CACHE_MEGABYTES = IntSetting(
    "media/cacheMegabytes",
    500,
    label=QT_TR_NOOP("Media cache size"),
    minimum=50,
    maximum=100_000,
    unit=QT_TR_NOOP(" MB"),
)
MEDIA_DOWNLOAD_LIMIT_MEGABYTES = IntSetting(
    "media/downloadLimitMegabytes",
    50,
    label=QT_TR_NOOP("Largest teaser to download"),
    minimum=1,
    maximum=2_000,
    unit=QT_TR_NOOP(" MB"),
)
MEDIA_DOWNLOAD_DEADLINE_SECONDS = IntSetting(
    "media/downloadDeadlineSeconds",
    120,
    label=QT_TR_NOOP("Longest a teaser may take to download"),
    minimum=5,
    maximum=3_600,
    unit=QT_TR_NOOP(" s"),
)
FETCH_SUBSCRIPTIONS = Setting(
    "subscriptions/fetchAutomatically",
    True,
    label=QT_TR_NOOP("Fetch subscriptions automatically"),
    help=QT_TR_NOOP("When off, the window makes no request for them."),
)
SUBSCRIPTION_CHECK_HOURS = IntSetting(
    "subscriptions/checkHours",
    3,
    label=QT_TR_NOOP("Check subscriptions every"),
    minimum=1,
    maximum=168,
    unit=QT_TR_NOOP(" h"),
)
SUBSCRIPTION_DAYS_BACK = IntSetting(
    "subscriptions/daysBack",
    BACK_DAYS,  # the command line's
    label=QT_TR_NOOP("Fetch days missed up to"),
    minimum=1,
    maximum=365,
    unit=QT_TR_NOOP(" days back"),
)
SIDEBAR_SHOWN = Setting("view/sidebarShown", True)
MEDIA_PANE_SHOWN = Setting("view/mediaPaneShown", True)
TEXT_SIZE_STEPS = IntSetting("view/textSizeSteps", 0, minimum=-3, maximum=6)  # tenths larger
# The UI's language: "en", "ko", or "" for the system's. Read once, at start-up.
LANGUAGE = ChoiceSetting(
    "ui/language",
    "",
    label=QT_TR_NOOP("Language"),
    at_next_start=True,
    choices=(
        ("", QT_TR_NOOP("The system's language")),
        ("en", QT_TR_NOOP("English")),
        ("ko", QT_TR_NOOP("Korean (한국어)")),
    ),
)
# Light or dark, or the operating system's colour scheme (ui/preferences/theme.py).
THEME = ChoiceSetting(
    "ui/theme",
    "system",
    label=QT_TR_NOOP("Theme"),
    choices=(
        ("system", QT_TR_NOOP("As the system")),
        ("light", QT_TR_NOOP("Light")),
        ("dark", QT_TR_NOOP("Dark")),
    ),
)
# The libraries opened last, newest first, one path a line (File → Open Recent).
RECENT_LIBRARIES = Setting("library/recent", "")

LIBRARY_SECTION = Section(QT_TR_NOOP("Library"), ())  # its location: the dialog's own row
WATCH_SECTION = Section(QT_TR_NOOP("Watch folders"), ())  # the library's: ui/imports' rows
SUBSCRIPTIONS_SECTION = Section(  # and the list of subscriptions: a row of its own
    QT_TR_NOOP("Subscriptions"),
    (FETCH_SUBSCRIPTIONS, SUBSCRIPTION_CHECK_HOURS, SUBSCRIPTION_DAYS_BACK),
)
PREFERENCES = (
    Section(QT_TR_NOOP("General"), (LANGUAGE, ADVANCE_AFTER_STATUS)),
    Section(QT_TR_NOOP("Today"), (TODAY_ORDER, TODAY_PROGRESS_SHOWN)),
    Section(QT_TR_NOOP("Appearance"), (THEME,)),
    Section(
        QT_TR_NOOP("Media"),
        (
            LOAD_MEDIA_AUTOMATICALLY,
            MEDIA_CACHE_MEGABYTES,
            MEDIA_DOWNLOAD_LIMIT_MEGABYTES,
            MEDIA_DOWNLOAD_DEADLINE_SECONDS,
        ),
    ),
    WATCH_SECTION,
    SUBSCRIPTIONS_SECTION,
    LIBRARY_SECTION,
)


def open_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)
