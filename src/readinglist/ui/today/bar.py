"""The bar above Today's papers: how far the reader is ("12 of 31 triaged", hidden on
request), the order, Skip the Rest; once all are triaged, a quiet "All caught up" with
what was queued and starred, and a link to the next step (the queued papers)."""

from readinglist.core.listing import TodayProgress
from readinglist.core.today import TodayOrder
from readinglist.ui.i18n import QT_TR_NOOP, tr
from readinglist.ui.qt import (
    QAction,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QWidget,
    Signal,
)

QUEUED_LINK = "status:queued"  # the sidebar entry the caught-up line leads to
CAUGHT_UP = QT_TR_NOOP('{done} <a href="{link}">Show the queued papers</a>')


class TodayBar(QWidget):
    order_chosen = Signal(str)  # a TodayOrder's value
    skip_rest_requested = Signal()
    progress_shown_changed = Signal(bool)
    link_activated = Signal(str)  # a sidebar entry's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayBar")
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("todayProgress")
        self.progress_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.progress_label.linkActivated.connect(self.link_activated)
        self.order_box = QComboBox(self)
        self.order_box.setAccessibleName(tr("Order of Today's papers"))
        for order in TodayOrder:
            self.order_box.addItem(tr(order.facts.label), order.value)
        self.order_box.activated.connect(
            lambda index: self.order_chosen.emit(self.order_box.itemData(index))
        )
        self.skip_button = QPushButton(tr("Skip the Rest"), self)
        self.skip_button.setToolTip(
            tr("Skip what is left of Today; papers brought back are snoozed (one undo step)")
        )
        self.skip_button.clicked.connect(lambda *_: self.skip_rest_requested.emit())
        self.show_progress_action = QAction(tr("Show Progress"), self)
        self.show_progress_action.setCheckable(True)
        self.show_progress_action.setChecked(True)
        self.show_progress_action.toggled.connect(self.progress_shown_changed)
        self.addAction(self.show_progress_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._progress = TodayProgress()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.progress_label, 1)
        layout.addWidget(self.order_box)
        layout.addWidget(self.skip_button)

    def set_order(self, order: TodayOrder) -> None:
        self.order_box.setCurrentIndex(self.order_box.findData(order.value))

    def set_progress_shown(self, shown: bool) -> None:
        self.show_progress_action.setChecked(shown)
        self.show_progress(self._progress)

    def show_progress(self, progress: TodayProgress) -> None:
        self._progress = progress
        self.skip_button.setEnabled(progress.left > 0)
        self.progress_label.setText(self._said(progress))

    def _said(self, progress: TodayProgress) -> str:
        if progress.caught_up:
            done = tr(
                "All caught up: of Today's papers, {queued} queued and {starred} starred."
            ).format(queued=progress.queued, starred=progress.starred)
            return tr(CAUGHT_UP).format(done=done, link=QUEUED_LINK)
        if not self.show_progress_action.isChecked():
            return ""
        if progress.total == 0:
            return tr("Nothing new since the last session.")
        said = tr("{triaged} of {total} triaged")
        return said.format(triaged=progress.triaged, total=progress.total)
