"""The detail pane: everything about the current paper, and the editors of the user's data.

Edits leave as signals carrying the paper id and plain values; the window turns them into
undoable commands. Notes save by themselves shortly after typing stops (`NOTE_SAVE_DELAY_MS`)
and whenever `flush_note()` is called (selection change, quit).

A field of any length can come from a digest (a 0.2 MB title froze the window 19 s, 20 MB
104 s): the pane shows the first `TITLE_SHOWN`, `AUTHORS_SHOWN` or `MARKDOWN_SHOWN`
characters, with "Show all N characters" opening the whole in a window of its own
(`full_text.py`), and renders Markdown longer than `RENDER_HERE` on a pool thread.

A note that could not be saved is kept (`keep_unsaved_note`): the editor shows it, marked
as not saved, whenever its paper is shown, and it is saved again when the user leaves the
paper; the window asks about those left before it closes (`unsaved_notes.py`).

The keyboard gets out as it got in (`t`, `n`): Enter in the tags saves them and Esc drops
what was not entered, Esc in the note keeps it; either way `done` sends the focus back to the
list, so the next `j` moves on instead of landing in the field.
"""

import html
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from readinglist.core.paper import Paper, ReadingStatus
from readinglist.core.render import bullets_to_html, clip, clip_bullets, markdown_to_html
from readinglist.ui.detail.heading import make_heading
from readinglist.ui.detail.shared_notes import SharedNotesPanel
from readinglist.ui.detail.sightings import (
    ABSTRACT_SHOWN,
    ADD_TAG,
    abstract_html,
    categories_text,
    links_html,
    offered_tags,
    rules_text,
    seen_text,
    suggested_tags_html,
)
from readinglist.ui.detail.sparkline import VotesTrend
from readinglist.ui.detail.unsaved_notes import UnsavedNote
from readinglist.ui.fitting import FittingScrollArea
from readinglist.ui.i18n import count_text, local_time_text, tr
from readinglist.ui.qt import (
    QComboBox,
    QCompleter,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPlainTextEdit,
    QSplitter,
    QStringListModel,
    Qt,
    QTabWidget,
    QTextBrowser,
    QThreadPool,
    QTimer,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from readinglist.ui.detail.full_text import FullTextViewer

NOTE_SAVE_DELAY_MS = 800
TITLE_SHOWN = 300  # characters (real titles: under 250): 5 lines of the pane, laid out in 0.1 ms
AUTHORS_SHOWN = 1_000  # a wrapped label lays 1,000 out in 0.4 ms; 100,000 took 100 ms
AUTHORS_FOLDED = 10  # authors listed before "and N more" (a paper had ~100: 12 lines)
TOOLTIP_SHOWN = 1_000  # characters of a title in its tooltip
DIGESTS_SHOWN = 50  # digests a paper appeared in, listed
MARKDOWN_SHOWN = 20_000  # characters of a summary or a note, rendered (20 ms to lay out)
RENDER_HERE = 2_000  # Markdown this long renders on the GUI thread in 15 ms; 20,000 in 100 ms
SHOW_ALL = "readinglist:show-all/"  # a link's target: the field follows
MORE_AUTHORS = "readinglist:more-authors"  # a link's target: every author, in place


def parse_tags(text: str) -> list[str]:
    """`llm, to read ,LLM` → ['llm', 'to read'] (first spelling of each kept)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag:
            seen.setdefault(tag.lower(), tag)
    return list(seen.values())


class DetailPane(QWidget):
    star_toggled = Signal(int, bool)
    status_chosen = Signal(int, str)
    tags_edited = Signal(int, object)  # the paper's id, its tags (list[str])
    tag_suggested = Signal(int, str)  # a suggested tag clicked: add it to that paper
    note_edited = Signal(int, str)
    shared_note_edited = Signal(int, str, object)  # a shared library's: see shared_notes.py
    link_activated = Signal(str)
    done = Signal()  # Enter in the tags, Esc in the tags or the note: back to the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paper: Paper | None = None
        self._note_dirty = False
        self._authors_unfolded = False
        self._unsaved: dict[int, UnsavedNote] = {}
        self._note_titles: dict[int, str] = {}  # the papers whose notes were edited
        self._offered: list[str] = []  # the suggested tags shown, by their link's index
        self._shared = False  # a shared library's: its members' shared notes shown
        self._build()
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self._connect()
        self.show_paper(None)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = _wrapping_label(self, "detailTitle")
        make_heading(self.title_label)
        self.title_ko_label = _wrapping_label(self, "detailTitleKo")
        self.authors_label = _wrapping_label(self, "detailAuthors")
        self.link_label = _wrapping_label(self, "detailLink")
        self.digests_label = _wrapping_label(self, "detailDigests")
        self.seen_label = _wrapping_label(self, "detailSeen")
        self.votes_trend = VotesTrend(self)
        self.categories_label = _wrapping_label(self, "detailCategories")
        self.suggested_label = _wrapping_label(self, "detailSuggestedTags")
        self.rules_label = _wrapping_label(self, "detailRules")
        self.star_button = QToolButton(self)
        self.star_button.setCheckable(True)
        self.star_button.setToolTip(tr("Star (S)"))
        self.status_box = QComboBox(self)
        for status in ReadingStatus:
            self.status_box.addItem(tr(status.look.label), status.value)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(tr("Tags, separated by commas"))
        self.tags_completer = TagCompleter(self.tags_edit)
        self.tags_edit.setCompleter(self.tags_completer)
        self.summary_view = _browser(self, "detailSummary")
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("noteEditor")
        self.note_edit.setPlaceholderText(tr("Your notes, in Markdown"))
        self.note_edit.setTabChangesFocus(True)  # Tab goes on to the next pane
        self.note_preview = _browser(self, "notePreview")
        self.note_tabs = QTabWidget(self)
        self.note_tabs.addTab(self.note_edit, tr("Note"))
        self.note_tabs.addTab(self.note_preview, tr("Preview"))
        self.shared_notes = SharedNotesPanel(NOTE_SAVE_DELAY_MS, MARKDOWN_SHOWN, self)
        self.shared_notes.hide()  # a tab on a shared library only (`show_shared_notes`)
        self.note_warning = _wrapping_label(self, "noteNotSaved")
        self.note_warning.setStyleSheet("color: #b3261e")
        self.note_warning.hide()
        self.summary_renderer = MarkdownRenderer(self.summary_view)
        self.note_renderer = MarkdownRenderer(self.note_preview)
        self.viewer: FullTextViewer | None = None  # the last "Show all" opened
        self._lay_out()

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.star_button)
        controls.addWidget(self.status_box)
        controls.addWidget(self.tags_edit, 1)
        header = QWidget(self)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        for widget in self._header_labels():
            header_layout.addWidget(widget)
        header_layout.insertWidget(header_layout.indexOf(self.seen_label) + 1, self.votes_trend)
        self.header_area = FittingScrollArea(header, self)
        note = QWidget(self)
        note_layout = QVBoxLayout(note)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_layout.addWidget(self.note_warning)
        note_layout.addWidget(self.note_tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.summary_view)
        splitter.addWidget(note)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.controls = QWidget(self)
        self.controls.setLayout(controls)
        controls.setContentsMargins(0, 0, 0, 0)
        self.body = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_area)
        layout.addWidget(self.controls)
        layout.addWidget(splitter, 1)
        layout.addStretch(0)  # takes the room the body leaves when there is no paper

    def _header_labels(self) -> tuple[QLabel, ...]:
        """Title (and the Korean one), authors, links, digests, seen before (the votes'
        trend follows it), categories, suggested tags, the rules that acted on it: in this
        order."""
        return (
            self.title_label,
            self.title_ko_label,
            self.authors_label,
            self.link_label,
            self.digests_label,
            self.seen_label,
            self.categories_label,
            self.suggested_label,
            self.rules_label,
        )

    def _connect(self) -> None:
        self.star_button.toggled.connect(self._on_star)
        self.status_box.activated.connect(self._on_status)
        self.tags_edit.editingFinished.connect(self._on_tags)
        self.tags_edit.returnPressed.connect(self.done)
        self.tags_edit.installEventFilter(self)
        self.note_edit.installEventFilter(self)
        self.shared_notes.editor.installEventFilter(self)
        self.shared_notes.edited.connect(self.shared_note_edited)
        self.shared_notes.count_changed.connect(self._name_shared_tab)
        self.note_edit.textChanged.connect(self._on_note_typed)
        self.note_tabs.currentChanged.connect(self._render_note_preview)
        self.link_label.linkActivated.connect(self.link_activated)
        self.title_label.linkActivated.connect(self._on_anchor)
        self.authors_label.linkActivated.connect(self._on_anchor)
        self.suggested_label.linkActivated.connect(self._on_anchor)
        self.summary_view.anchorClicked.connect(self._on_anchor)
        self.note_preview.anchorClicked.connect(self._on_anchor)

    # --- showing ---------------------------------------------------------------------------

    def paper_id(self) -> int | None:
        return self._paper.id if self._paper else None

    def show_shared_notes(self) -> None:
        """A shared library: its members' shared notes, and mine, in a tab beside the note."""
        if not self._shared:
            self._shared = True
            self.note_tabs.addTab(self.shared_notes, "")
            self.shared_notes.show_paper(self._paper)

    def _name_shared_tab(self, count: int) -> None:
        index = self.note_tabs.indexOf(self.shared_notes)
        name = tr("Shared ({n})").format(n=count_text(count)) if count else tr("Shared")
        self.note_tabs.setTabText(index, name)

    def show_paper(self, paper: Paper | None) -> None:
        """Show `paper`; the same paper again (after an edit) keeps unsaved note text."""
        same = paper is not None and self._paper is not None and paper.id == self._paper.id
        if not same:
            self.flush_note()
            self._authors_unfolded = False
            self.note_tabs.setCurrentWidget(self.note_edit)  # a new paper's note, editable
        self._paper = paper
        if self._shared:
            self.shared_notes.show_paper(paper)
        self.setEnabled(paper is not None)
        for part in (self.controls, self.body):  # no paper: nothing that looks editable
            part.setVisible(paper is not None)
        if paper is None:
            self._show_nothing()
            return
        self._show_facts(paper)
        self._show_controls(paper)
        if not (same and self._note_dirty):
            unsaved = self._unsaved.get(paper.id)
            self._set_note_text(unsaved.text if unsaved else paper.note)
            self._note_dirty = unsaved is not None  # saved again when the paper is left
        self._show_note_warning()

    def show_loading(self) -> None:
        """A paper on its way (one with huge fields takes a while to read): nothing of the
        one before shows meanwhile, and nothing can be edited."""
        self.show_paper(None)
        self.title_label.setText(html.escape(tr("Loading the paper…")))

    def set_tag_choices(self, names: list[str]) -> None:
        self.tags_completer.setModel(QStringListModel(names, self.tags_completer))

    def _show_nothing(self) -> None:
        self.title_label.setText(tr("No paper selected"))
        self.title_label.setToolTip("")
        for label in self._header_labels()[1:]:
            label.clear()
        self._offered = []
        self.votes_trend.show_paper(None)
        self._hide_empty_labels()
        self.summary_view.clear()
        self._set_note_text("")
        self._show_note_warning()

    def keep_unsaved_note(self, note: UnsavedNote) -> None:
        """A note whose save failed: kept, shown (unless typed over since), saved again."""
        self._unsaved[note.paper_id] = note
        if self._paper is not None and self._paper.id == note.paper_id:
            if not self._note_dirty:
                self._set_note_text(note.text)
            self._note_dirty = True
        self._show_note_warning()

    def unsaved_notes(self) -> list[UnsavedNote]:
        return list(self._unsaved.values())

    def title_of_note(self, paper_id: int) -> str | None:
        """The title of the paper whose note was edited here (asked at close, when reading
        it from a shared library's server gone away would hold the window)."""
        return self._note_titles.get(paper_id)

    def let_go_of_note(self, paper_id: int) -> None:
        """The user saved it elsewhere or discarded it: no more tries."""
        self._unsaved.pop(paper_id, None)
        if self._paper is not None and self._paper.id == paper_id:
            self._note_dirty = False
        self._show_note_warning()

    def _show_note_warning(self) -> None:
        unsaved = self._unsaved.get(self._paper.id) if self._paper is not None else None
        self.note_warning.setVisible(unsaved is not None)
        if unsaved is not None:
            self.note_warning.setText(
                html.escape(
                    tr(
                        "This note is not saved: {why}. It stays here and is saved again when "
                        "you leave this paper; you will be asked about it before the window "
                        "closes."
                    ).format(why=unsaved.why)
                )
            )

    def _show_facts(self, paper: Paper) -> None:
        self.title_label.setText(_clipped(paper.title, TITLE_SHOWN, "title"))
        self.title_label.setToolTip(f"<qt>{html.escape(clip(paper.title, TOOLTIP_SHOWN))}</qt>")
        self._show_authors(paper)
        self.link_label.setText(links_html(paper))
        self.digests_label.setText(_digests_text(paper))
        self.title_ko_label.setText(_korean_title(paper))
        self.seen_label.setText(seen_text(paper))
        self.votes_trend.show_paper(paper)
        self.categories_label.setText(categories_text(paper))
        self._show_suggested(paper)
        self.rules_label.setText(rules_text(paper))
        self._hide_empty_labels()
        bullets = clip_bullets(paper.summary, MARKDOWN_SHOWN)
        size = sum(len(bullet) for bullet in paper.summary)
        more = _show_all_link(size, "summary") if size > MARKDOWN_SHOWN else ""
        shown = min(size, MARKDOWN_SHOWN) + min(len(paper.abstract or ""), ABSTRACT_SHOWN)
        abstract = abstract_html(paper)
        self.summary_renderer.show(lambda: bullets_to_html(bullets) + more + abstract, shown)
        self.header_area.refit()

    def _show_suggested(self, paper: Paper) -> None:
        self._offered = offered_tags(paper)
        self.suggested_label.setText(suggested_tags_html(self._offered))

    def _hide_empty_labels(self) -> None:
        """The lines a paper may not have take no room when it has not."""
        for label in (self.title_ko_label, self.seen_label, *self._header_labels()[-3:]):
            label.setVisible(bool(label.text()))

    def _show_authors(self, paper: Paper) -> None:
        """The first `AUTHORS_FOLDED` authors and "and N more", which unfolds them all."""
        hidden = len(paper.authors) - AUTHORS_FOLDED
        if hidden > 1 and not self._authors_unfolded:
            listed = paper.authors[:AUTHORS_FOLDED]
            shown = ", ".join(clip(author, TITLE_SHOWN) for author in listed)
            more = tr("and {n} more").format(n=count_text(hidden))
            link = f'<a href="{MORE_AUTHORS}">{html.escape(more)}</a>'
            self.authors_label.setText(f"{html.escape(shown)} {link}")
            return
        authors = _authors_text(paper, AUTHORS_SHOWN)
        every = sum(map(len, paper.authors)) + 2 * max(len(paper.authors) - 1, 0)
        self.authors_label.setText(_clipped(authors, AUTHORS_SHOWN, "authors", every))

    def is_settled(self) -> bool:
        """No Markdown left to render."""
        return not (self.summary_renderer.is_busy() or self.note_renderer.is_busy())

    def _show_controls(self, paper: Paper) -> None:
        for widget in (self.star_button, self.status_box, self.tags_edit):
            widget.blockSignals(True)
        self.star_button.setChecked(paper.starred)
        self.star_button.setText("★" if paper.starred else "☆")
        self.status_box.setCurrentIndex(self.status_box.findData(paper.status.value))
        self.status_box.setToolTip(status_since(paper))
        if not self.tags_edit.hasFocus():
            self.tags_edit.setText(", ".join(paper.tags))
        for widget in (self.star_button, self.status_box, self.tags_edit):
            widget.blockSignals(False)

    def _set_note_text(self, text: str) -> None:
        if self.note_edit.toPlainText() != text:
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(text)
            self.note_edit.blockSignals(False)
        self._note_dirty = False
        self._render_note_preview()

    # --- editing ---------------------------------------------------------------------------

    def focus_tags(self) -> None:
        self.tags_edit.setFocus()
        self.tags_edit.selectAll()

    def focus_note(self) -> None:
        self.note_tabs.setCurrentWidget(self.note_edit)
        self.note_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the tags puts back the saved ones; Esc in the note saves it."""
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if not escape or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if watched is self.tags_edit:
            self.tags_edit.setText(", ".join(self._paper.tags) if self._paper else "")
        elif watched is self.note_edit:
            self.flush_note()
        elif watched is self.shared_notes.editor:
            self.shared_notes.flush()
        else:
            return super().eventFilter(watched, event)
        self.done.emit()
        return True

    def flush_note(self) -> None:
        """Save a note being typed now (the shared one too), rather than when the timer
        fires."""
        self.shared_notes.flush()
        self._note_timer.stop()
        if self._note_dirty and self._paper is not None:
            self._note_dirty = False
            self._unsaved.pop(self._paper.id, None)  # a failure puts it back
            self._note_titles[self._paper.id] = self._paper.title
            self.note_edited.emit(self._paper.id, self.note_edit.toPlainText())
            self._show_note_warning()

    def _on_note_typed(self) -> None:
        self._note_dirty = True
        self._note_timer.start()

    def _on_star(self, starred: bool) -> None:
        if self._paper is not None:
            self.star_toggled.emit(self._paper.id, starred)

    def _on_status(self, index: int) -> None:
        if self._paper is not None:
            self.status_chosen.emit(self._paper.id, str(self.status_box.itemData(index)))

    def _on_tags(self) -> None:
        if self._paper is None:
            return
        tags = parse_tags(self.tags_edit.text())
        if tags != list(self._paper.tags):
            self.tags_edited.emit(self._paper.id, tags)

    def _on_anchor(self, url: QUrl | str) -> None:
        target = url.toString() if isinstance(url, QUrl) else url
        if target == MORE_AUTHORS and self._paper is not None:
            self._authors_unfolded = True
            self._show_authors(self._paper)
            self.header_area.refit()
        elif target.startswith(SHOW_ALL):
            self.show_all(target.removeprefix(SHOW_ALL))
        elif target.startswith(ADD_TAG):
            self._add_suggested(target.removeprefix(ADD_TAG))
        else:
            self.link_activated.emit(target)

    def _add_suggested(self, index: str) -> None:
        """The suggested tag clicked, to the window's undoable tag edit."""
        if self._paper is not None and index.isdigit() and int(index) < len(self._offered):
            self.tag_suggested.emit(self._paper.id, self._offered[int(index)])

    def show_all(self, field: str) -> None:
        """The whole of a field shown clipped, in a window of its own."""
        if self._paper is None:
            return
        paper = self._paper
        fields: dict[str, tuple[str, Callable[[], str]]] = {
            "title": (tr("Title"), lambda: paper.title),
            "authors": (tr("Authors"), lambda: ", ".join(paper.authors)),
            "summary": (tr("Summary"), lambda: "\n".join(f"- {b}" for b in paper.summary)),
            "note": (tr("Note"), self.note_edit.toPlainText),
        }
        if field not in fields:
            return
        name, text = fields[field]
        title = tr("{field} of “{paper}”").format(field=name, paper=clip(paper.title, 80))
        from readinglist.ui.detail.full_text import FullTextViewer

        self.viewer = FullTextViewer(title, text(), self.window())
        self.viewer.show()

    def _render_note_preview(self, *_: object) -> None:
        if self.note_tabs.currentWidget() is not self.note_preview:
            return
        note = self.note_edit.toPlainText()
        shown = clip(note, MARKDOWN_SHOWN)
        more = _show_all_link(len(note), "note") if len(note) > MARKDOWN_SHOWN else ""
        self.note_renderer.show(lambda: markdown_to_html(shown) + more, len(shown))


def _korean_title(paper: Paper) -> str:
    """The Korean title under the English one, unless it is the title shown."""
    if not paper.title_ko or paper.title_ko == paper.title:
        return ""
    return html.escape(clip(paper.title_ko, TITLE_SHOWN))


def _digests_text(paper: Paper) -> str:
    parts = []
    for digest in paper.digests[:DIGESTS_SHOWN]:
        votes = tr(" · {n} votes") if digest.votes is not None else ""
        votes = votes.format(n=count_text(digest.votes or 0))
        parts.append(f"{digest.date.isoformat()}{votes}")
    hidden = len(paper.digests) - DIGESTS_SHOWN
    if hidden > 0:
        parts.append(tr("and {n} more").format(n=count_text(hidden)))
    return tr("In the digests of {days}").format(days="; ".join(parts)) if parts else ""


def _authors_text(paper: Paper, limit: int) -> str:
    """The authors, joined until `limit` characters are passed (a million authors would be
    joined whole otherwise)."""
    shown: list[str] = []
    length = 0
    for author in paper.authors:
        if length > limit:
            break
        shown.append(clip(author, limit))
        length += len(author) + 2
    text = ", ".join(shown) or tr("Authors unknown")
    return text + (" " + tr("and more") if paper.authors_truncated else "")


def _clipped(text: str, limit: int, field: str, whole: int | None = None) -> str:
    """`text` clipped to `limit` characters as rich text, with a link to the whole field
    (`whole` characters long, when `text` is already only the start of it)."""
    length = len(text) if whole is None else whole
    shown = html.escape(clip(text, limit))
    return f"{shown} {_show_all_link(length, field)}" if length > limit else shown


def _show_all_link(length: int, field: str) -> str:
    text = tr("Show all {n} characters").format(n=count_text(length))
    return f'<a href="{SHOW_ALL}{field}">{html.escape(text)}</a>'


def status_since(paper: Paper) -> str:
    """ "Read since 12/5/26 9:12 AM": when the status was last set, in local time."""
    status = tr(paper.status.look.label)
    if paper.status_changed_at is None:
        return status
    when = local_time_text(paper.status_changed_at)
    return tr("{status} since {time}").format(status=status, time=when)


def _wrapping_label(parent: QWidget, name: str) -> QLabel:
    """Selectable text whose links are clicked, not tabbed to: a label's links keep Tab to
    themselves (o or Enter in the list opens the paper)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    label.setOpenExternalLinks(False)
    return label


def _browser(parent: QWidget, name: str) -> QTextBrowser:
    browser = QTextBrowser(parent)
    browser.setObjectName(name)
    browser.setOpenLinks(False)  # links go through the window, which opens http(s) only
    browser.setOpenExternalLinks(False)
    browser.setTabChangesFocus(True)  # Tab goes from pane to pane, not from link to link
    return browser


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def __init__(self, editor: QLineEdit) -> None:
        super().__init__([], editor)
        self._editor = editor
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def splitPath(self, path: str) -> list[str]:
        return [path.rpartition(",")[2].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        before = self._editor.text().rpartition(",")[0]
        completion = str(index.data())
        return f"{before}, {completion}" if before else completion


class MarkdownRenderer(QObject):
    """Markdown to HTML for one browser: short texts at once, long ones on a pool thread
    (markdown-it is pure Python: 20,000 characters with links and emphasis took ~100 ms
    here); only the newest text is shown."""

    _rendered = Signal(int, str)  # serial, html

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self._browser = browser
        self._serial = 0
        self._busy = False
        self._rendered.connect(self._show)

    def show(self, make_html: Callable[[], str], size: int) -> None:
        self._serial += 1
        self._busy = size > RENDER_HERE
        if not self._busy:
            self._browser.setHtml(make_html())
            return
        rendering = html.escape(tr("Rendering…"))  # lupdate reads no call inside an f-string
        self._browser.setHtml(f"<p><i>{rendering}</i></p>")
        serial = self._serial
        QThreadPool.globalInstance().start(lambda: self._render(serial, make_html))

    def is_busy(self) -> bool:
        return self._busy

    def _render(self, serial: int, make_html: Callable[[], str]) -> None:
        """On a pool thread: the HTML goes back to the GUI thread as a queued signal."""
        rendered = make_html()
        with suppress(RuntimeError):  # the pane has been deleted meanwhile
            self._rendered.emit(serial, rendered)

    def _show(self, serial: int, rendered: str) -> None:
        if serial == self._serial:
            self._busy = False
            self._browser.setHtml(rendered)
