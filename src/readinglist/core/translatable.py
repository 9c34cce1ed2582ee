"""Text the UI shows, marked where Qt-free code declares it (a status's label, a format's name,
why a file was rejected, what is wrong with a query).

`QT_TR_NOOP("Read")` returns the text unchanged; its only job is to be found: `pyside6-lupdate`
extracts every literal passed to a function of that name, under the same empty context as the
UI's `tr()`, so the UI translates the value with `tr(label)` when it shows it.

A message with details is a `Message`: an English template declared with `QT_TR_NOOP`, whose
`{name}` placeholders its arguments fill. `str(message)` is the English text the command line
prints; the UI shows it translated (`ui.i18n.tr_message`). The template says what kind of
message it is: code that needs to know compares it with the declared constant.
"""

from collections.abc import Mapping
from types import MappingProxyType


def QT_TR_NOOP(text: str) -> str:  # the name lupdate looks for
    return text


class Message:
    """A template declared with `QT_TR_NOOP` and the values of its placeholders; an argument
    may be a `Message` itself (translated in its turn)."""

    __slots__ = ("args", "template")

    def __init__(self, template: str, /, **args: object) -> None:
        self.template = template
        self.args: Mapping[str, object] = MappingProxyType(args)

    def __str__(self) -> str:
        return self.template.format(**self.args)

    def __repr__(self) -> str:
        args = "".join(f", {name}={value!r}" for name, value in self.args.items())
        return f"Message({self.template!r}{args})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.template == other.template and dict(self.args) == dict(other.args)

    def __hash__(self) -> int:
        return hash((self.template, tuple(sorted(map(str, self.args)))))
