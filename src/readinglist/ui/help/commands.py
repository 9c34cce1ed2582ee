"""Every action the window offers, read off its menus: the keyboard-shortcut list and the
command palette are built from the actions themselves, so neither can fall out of step with a
menu, a key or a translation."""

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from readinglist.ui.qt import QAction, QKeySequence, QMenu, QMenuBar

PLACE_SEPARATOR = " › "
_MNEMONIC_IN_BRACKETS = re.compile(r"\(&\w\)")  # "파일(&F)": the Korean way to show one


@dataclass(frozen=True)
class Command:
    place: str  # the menu it is in, "Paper › Set Status"
    name: str  # its text, without the mnemonic's "&"
    keys: tuple[str, ...]  # each shortcut as the platform writes it ("Ctrl+Z")
    action: QAction

    def matches(self, words: Sequence[str]) -> bool:
        """Every word (lower case) is in the name or the place."""
        text = f"{self.name} {self.place}".lower()
        return all(word in text for word in words)


def plain_text(text: str) -> str:
    """A menu text as people read it: "&Undo" is "Undo", "R&&D" is "R&D"."""
    text = _MNEMONIC_IN_BRACKETS.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def key_texts(action: QAction) -> tuple[str, ...]:
    native = QKeySequence.SequenceFormat.NativeText
    return tuple(key.toString(native) for key in action.shortcuts() if not key.isEmpty())


def commands(bar: QMenuBar, aliases: Mapping[QAction, QAction] | None = None) -> list[Command]:
    """The menus' actions, in menu order. `aliases` maps an action that lives outside the
    menus to the menu action it stands for (`/` for Find): its keys are listed with it."""
    more_keys: dict[QAction, tuple[str, ...]] = {}
    for alias, action in (aliases or {}).items():
        more_keys[action] = more_keys.get(action, ()) + key_texts(alias)
    return [
        Command(place, name, key_texts(action) + more_keys.get(action, ()), action)
        for place, action in _menu_actions(bar.actions(), "")
        if (name := plain_text(action.text()))
    ]


def _menu_actions(actions: Iterable[QAction], place: str) -> Iterator[tuple[str, QAction]]:
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            title = plain_text(menu.title())
            inner = f"{place}{PLACE_SEPARATOR}{title}" if place else title
            yield from _menu_actions(menu.actions(), inner)
        elif not action.isSeparator():
            yield place, action
