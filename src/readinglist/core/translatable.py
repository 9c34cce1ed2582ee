"""Text the UI shows, marked where Qt-free code declares it (a status's label, a format's name).

`QT_TR_NOOP("Read")` returns the text unchanged; its only job is to be found: `pyside6-lupdate`
extracts every literal passed to a function of that name, under the same empty context as the
UI's `tr()`, so the UI translates the value with `tr(label)` when it shows it.
"""


def QT_TR_NOOP(text: str) -> str:  # the name lupdate looks for
    return text
