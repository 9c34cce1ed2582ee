"""Every setting the window remembers, declared once with its default."""

from dataclasses import dataclass
from typing import cast

from readinglist.ui.qt import QByteArray, QSettings

ORGANIZATION = "readinglist"
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
APPLICATION = "readinglist"


@dataclass(frozen=True)
class Setting[T]:
    key: str
    default: T

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


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray())
MAIN_SPLITTER = Setting("window/mainSplitter", QByteArray())
SIDE_SPLITTER = Setting("window/sideSplitter", QByteArray())
LIST_HEADER = Setting("list/header", QByteArray())
SIDEBAR_ENTRY = Setting("list/sidebarEntry", "all")
CURRENT_PAPER = Setting("list/currentPaper", "")
ADVANCE_AFTER_STATUS = Setting("triage/advanceAfterStatus", True)
LAST_FOLDER = Setting("dialogs/lastFolder", "")  # where the file dialogs start: file_dialogs.py
LOAD_MEDIA_AUTOMATICALLY = Setting("media/loadAutomatically", True)
MEDIA_CACHE_MEGABYTES = IntSetting("media/cacheMegabytes", 500, minimum=50)
MEDIA_DOWNLOAD_LIMIT_MEGABYTES = IntSetting("media/downloadLimitMegabytes", 50, minimum=1)
MEDIA_DOWNLOAD_DEADLINE_SECONDS = IntSetting("media/downloadDeadlineSeconds", 120, minimum=5)
SIDEBAR_SHOWN = Setting("view/sidebarShown", True)
MEDIA_PANE_SHOWN = Setting("view/mediaPaneShown", True)
TEXT_SIZE_STEPS = IntSetting("view/textSizeSteps", 0, minimum=-3, maximum=6)  # tenths larger
# The UI's language: "en", "ko", or "" for the system's. Read once, at start-up.
LANGUAGE = Setting("ui/language", "")


def open_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)
