"""Progress bars that reach 100 % only when the work is over: the last file stored (or teaser
fetched) still leaves a flush, a recount and a summary to come, and a tester saw "100 %"
sit there meanwhile. A bar shows at most 99.9 % until its owner hides it at the end."""

from readinglist.ui.qt import QProgressBar

STEPS = 1_000


def show_progress(bar: QProgressBar, done: int, total: int) -> None:
    """`done` of `total` on `bar`, busy (no figure) while `total` is unknown."""
    if total <= 0:
        bar.setRange(0, 0)
        return
    bar.setRange(0, STEPS)
    bar.setValue(min(STEPS - 1, done * STEPS // total))
