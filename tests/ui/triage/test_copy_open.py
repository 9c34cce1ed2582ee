"""Copy and Open in the window: the selected papers, in the list's order, onto the clipboard or
into the web browser (a fake one: no test starts a real browser)."""

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.arxiv import PaperPage
from readinglist.core.copy_formats import CopyFormat
from readinglist.core.export import ExportFormat, export_papers
from readinglist.library.database import Library
from readinglist.library.importer import import_paths
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QGuiApplication, Qt
from readinglist.ui.triage.copy_open import ASK_ABOVE
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.browser import fake_browser
from tests.helpers.digests import DigestWriter, FakeEntry, entries
from tests.helpers.gui import focus_list, select_rows

MANY = ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones")
PAPERS = [
    FakeEntry("2403.00001", title="대규모 언어 모델(LLM)의 한국어 평가", authors=("김철수",)),
    FakeEntry("2403.00002", title="[Re] *Bold* Claims", authors=MANY),
    FakeEntry("2403.00003", title="No Authors Here", authors=()),
    *entries(*(f"2403.{n:05d}" for n in range(4, 4 + ASK_ABOVE))),  # more than ASK_ABOVE
]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def library(library: Library, digests: DigestWriter) -> Library:
    import_paths(library, [digests.write("d.md", "2024-03-01", PAPERS)])
    return library


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: object) -> None:
    QGuiApplication.clipboard().setText("")


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def arxiv_id_at(window: MainWindow, row: int) -> str:
    found = window.list_pane.model.row_at(row)
    assert found is not None
    return found.arxiv_id


def select(window: MainWindow, arxiv_id: str) -> None:
    assert window.select_paper(arxiv_id)


def copied(qtbot: QtBot, expected: str) -> None:
    qtbot.waitUntil(lambda: clipboard() == expected, timeout=10_000)


# --- copy ------------------------------------------------------------------------------------


def test_ctrl_c_in_the_list_copies_the_selected_links_one_a_line_in_list_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_rows(window, [4, 1, 2])
    focus_list(qtbot, window)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_C, CTRL)

    links = [f"https://arxiv.org/abs/{arxiv_id_at(window, row)}" for row in (1, 2, 4)]
    copied(qtbot, "\n".join(links))  # not the text of the current cell
    assert window.statusBar().currentMessage() == "Copied 3 papers"


@pytest.mark.parametrize(
    ("format", "expected"),
    [
        (CopyFormat.LINK, "https://arxiv.org/abs/2403.00002"),
        (CopyFormat.MARKDOWN, r"[\[Re\] \*Bold\* Claims](https://arxiv.org/abs/2403.00002)"),
        (
            CopyFormat.CITATION,
            "Ashish Vaswani et al. (2024). [Re] *Bold* Claims. arXiv:2403.00002.",
        ),
    ],
)
def test_each_copy_action_puts_its_format_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, format: CopyFormat, expected: str
) -> None:
    select(window, "2403.00002")
    window.triage.copy_actions[format].trigger()  # Edit → Copy …
    copied(qtbot, expected)
    assert window.statusBar().currentMessage() == "Copied 1 paper"


def test_ctrl_shift_c_copies_the_bibtex_the_export_writes(qtbot: QtBot, window: MainWindow) -> None:
    select(window, "2403.00001")
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_C, CTRL_SHIFT)

    assert window.service is not None
    paper = window.service.paper(window.list_pane.selected_ids()[0])
    assert paper is not None
    expected = export_papers([paper], ExportFormat.BIBTEX).removesuffix("\n")
    copied(qtbot, expected)
    assert "title = {{대규모} 언어 {모델(LLM)의} 한국어 평가}," in clipboard()


def test_a_citation_of_a_paper_without_authors_starts_with_its_title(
    qtbot: QtBot, window: MainWindow
) -> None:
    select(window, "2403.00003")
    window.triage.copy_actions[CopyFormat.CITATION].trigger()
    copied(qtbot, "No Authors Here. (2024). arXiv:2403.00003.")


def test_copy_with_nothing_selected_leaves_the_clipboard_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    QGuiApplication.clipboard().setText("mine")
    window.list_pane.view.clearSelection()
    window.triage.copy_actions[CopyFormat.LINK].trigger()
    assert window.is_settled()  # nothing was asked of the library
    assert clipboard() == "mine"


# --- open ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "url"),
    [
        (PaperPage.ARXIV, "https://arxiv.org/abs/2403.00002"),
        (PaperPage.PDF, "https://arxiv.org/pdf/2403.00002"),
        (PaperPage.HUGGING_FACE, "https://huggingface.co/papers/2403.00002"),
    ],
)
def test_each_open_action_opens_its_page(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, page: PaperPage, url: str
) -> None:
    browser = fake_browser(monkeypatch)
    select(window, "2403.00002")
    window.triage.open_actions[page].trigger()  # Paper → Open …
    assert browser.opened == [url]


@pytest.mark.parametrize(
    ("key", "url"),
    [
        (Qt.Key.Key_O, "https://arxiv.org/abs/2403.00003"),
        (Qt.Key.Key_Return, "https://arxiv.org/abs/2403.00003"),  # Enter keeps its meaning
        (Qt.Key.Key_P, "https://arxiv.org/pdf/2403.00003"),
        (Qt.Key.Key_H, "https://huggingface.co/papers/2403.00003"),
    ],
)
def test_the_open_keys_in_the_list(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, key: Qt.Key, url: str
) -> None:
    browser = fake_browser(monkeypatch)
    select(window, "2403.00003")
    focus_list(qtbot, window)
    qtbot.keyClick(window.list_pane.view, key)
    assert browser.opened == [url]


def test_a_double_click_on_a_row_opens_its_arxiv_page(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = fake_browser(monkeypatch)
    select(window, "2403.00001")
    view = window.list_pane.view
    position = view.visualRect(window.list_pane.model.index(3, Column.TITLE)).center()

    # As a mouse does it: press and release, then the second press comes as a double click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)

    assert window.list_pane.selected_ids() == [window.list_pane.model.id_at(3)]
    assert browser.opened == [f"https://arxiv.org/abs/{arxiv_id_at(window, 3)}"]


def test_when_no_browser_starts_the_status_bar_says_so_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = fake_browser(monkeypatch, starts=False)
    select_rows(window, [0, 1, 2])
    window.triage.open_actions[PaperPage.PDF].trigger()

    first = f"https://arxiv.org/pdf/{arxiv_id_at(window, 0)}"
    assert browser.opened == [first]  # the others would fail as well
    message = window.statusBar().currentMessage()
    assert message == f"Could not start a web browser to open {first}"


def test_a_link_in_the_detail_pane_that_no_browser_opens_is_said_too(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_browser(monkeypatch, starts=False)
    window.detail.link_activated.emit("https://example.org/x")
    message = window.statusBar().currentMessage()
    assert message == "Could not start a web browser to open https://example.org/x"


def test_opening_up_to_the_limit_asks_nothing_and_keeps_the_lists_order(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = fake_browser(monkeypatch)
    window.copy_open.questions.open_many = lambda count: pytest.fail(f"asked about {count}")
    rows = list(range(ASK_ABOVE))
    select_rows(window, rows)

    window.triage.open_action.trigger()

    assert browser.opened == [f"https://arxiv.org/abs/{arxiv_id_at(window, r)}" for r in rows]


@pytest.mark.parametrize("answer", [False, True], ids=["cancelled", "accepted"])
def test_opening_more_pages_than_the_limit_asks_first(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    browser = fake_browser(monkeypatch)
    asked: list[int] = []

    def open_many(count: int) -> bool:
        asked.append(count)
        return answer

    window.copy_open.questions.open_many = open_many
    window.list_pane.select_all()
    count = window.list_pane.model.rowCount()
    assert count > ASK_ABOVE

    window.triage.open_actions[PaperPage.HUGGING_FACE].trigger()

    assert asked == [count]
    assert len(browser.opened) == (count if answer else 0)
