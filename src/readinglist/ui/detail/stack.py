"""The right-hand pane: one paper's details, or what can be done to several papers at once.

The selection panel is built the first time several papers are selected (it loads after the
first paint); its requests leave through this stack's signals, so the window wires them once.
"""

from typing import TYPE_CHECKING

from readinglist.ui.detail.pane import DetailPane
from readinglist.ui.qt import QSize, QStackedWidget, QWidget, Signal

if TYPE_CHECKING:
    from readinglist.ui.detail.selection_panel import SelectionPanel


class DetailStack(QStackedWidget):
    star_chosen = Signal(bool)  # for every selected paper
    status_chosen = Signal(str)  # a ReadingStatus value, for every selected paper
    tag_added = Signal(str)
    tag_removed = Signal(str)
    export_requested = Signal()
    done = Signal()  # Esc in the panel's tag field: back to the list
    panel_built = Signal(object)  # the SelectionPanel, once (its fields get the window's keys)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = DetailPane(self)
        self.addWidget(self.detail)
        self._panel: SelectionPanel | None = None  # built (and loaded) when first needed
        self._tag_names: list[str] = []

    @property
    def selection_panel(self) -> "SelectionPanel":
        if self._panel is None:
            from readinglist.ui.detail.selection_panel import SelectionPanel

            self._panel = SelectionPanel(self)
            self.addWidget(self._panel)
            self._panel.set_tag_choices(self._tag_names)
            for source, target in (
                (self._panel.star_chosen, self.star_chosen),
                (self._panel.status_chosen, self.status_chosen),
                (self._panel.tag_added, self.tag_added),
                (self._panel.tag_removed, self.tag_removed),
                (self._panel.export_requested, self.export_requested),
                (self._panel.done, self.done),
            ):
                source.connect(target)
            self.panel_built.emit(self._panel)
        return self._panel

    def sizeHint(self) -> QSize:
        """The detail pane's: the page shown never moves the splitter (a stack's hints are
        its largest page's, and the selection panel's made the pane ~50 px wider)."""
        return self.detail.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.detail.minimumSizeHint()

    def show_selection(self, count: int) -> None:
        """Several papers: what can be done to all of them (the note typed is saved first)."""
        self.detail.flush_note()
        self.selection_panel.show_count(count)
        self.setCurrentWidget(self.selection_panel)

    def show_detail(self) -> None:
        self.setCurrentWidget(self.detail)

    def focus_tags(self) -> None:
        """`t`: the tags of the paper shown, or the tag for all the papers selected."""
        if self.currentWidget() is self.detail:
            self.detail.focus_tags()
        else:
            self.selection_panel.focus_tag()

    def set_tag_choices(self, names: list[str]) -> None:
        self._tag_names = names
        self.detail.set_tag_choices(names)
        if self._panel is not None:
            self._panel.set_tag_choices(names)
