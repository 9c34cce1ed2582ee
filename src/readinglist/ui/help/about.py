"""Help → About: the version, what it is built on and under which licences (the bundled
Korean font's among them), and where the open library is: the first thing support asks."""

import platform
from dataclasses import dataclass
from html import escape
from importlib import metadata

from readinglist import __version__
from readinglist.resources import KOREAN_FONT_LICENCE, resources_dir
from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
    qVersion,
)


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str | None  # the installed package whose version is shown
    licence: str


COMPONENTS = (
    Component("readinglist", None, "MIT"),
    Component("Qt / PySide6", "PySide6-Essentials", "LGPL-3.0"),
    Component("SQLModel", "sqlmodel", "MIT"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("pydantic", "pydantic", "MIT"),
    Component("markdown-it-py", "markdown-it-py", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("pylatexenc", "pylatexenc", "MIT"),
    Component("NanumGothic (font)", None, "SIL Open Font License 1.1"),
)


def version_of(component: Component) -> str:
    if component.distribution is None:
        return __version__ if component.name == "readinglist" else ""
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:  # a bundle without the package's metadata
        return ""


def about_html(library: str | None) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.name)}</td><td>{escape(version_of(c))}</td>"
        f"<td>{escape(c.licence)}</td></tr>"
        for c in COMPONENTS
    )
    where = library if library is not None else tr("no library is open")
    font_licence = tr("The font licence’s full text: {path}").format(
        path=resources_dir() / KOREAN_FONT_LICENCE
    )
    summary = tr("Daily research-paper digests, in one library.")
    library_line = tr("Library: {path}").format(path=where)
    headings = (tr("Component"), tr("Version"), tr("Licence"))
    header = "".join(f"<th align='left'>{escape(text)}</th>" for text in headings)
    return (
        f"<h2>readinglist {escape(__version__)}</h2>"
        f"<p>{escape(summary)}</p>"
        f"<p>{escape(library_line)}</p>"
        f"<p>Python {escape(platform.python_version())} · Qt {escape(qVersion())}</p>"
        f"<table cellspacing='6'><tr>{header}</tr>{rows}</table>"
        f"<p>{escape(font_licence)}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, library: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(tr("About readinglist"))
        self.text = QLabel(about_html(library), self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
