"""Edit → Rules… on a shared library: whose each rule is, shared or not; another member's
shared rule read only, with Make a Private Copy… for a rule of one's own; sharing one's own
(a rule that does more than tag refused, with the reason; the form's Share turning a star, a
status and first in Today off) and stopping, each seen by the other member."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library, utc_now
from readinglist.library.rules import Rule, add_rule, list_rules
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.ui.live.updates import WINDOW_CLIENT
from readinglist.ui.rules.actions import RuleActions
from readinglist.ui.rules.dialog import WHOSE_COLUMN, RulesDialog
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.gui import open_window
from tests.helpers.postgres import PostgresDatabase

LIVE_BOUND_MS = 10_000  # a change by another member, in the open dialog
PNG = Path("/tmp/readinglist-shared-rules-dialog.png")  # looked at by hand, not compared
FORM_PNG = PNG.with_name("readinglist-shared-rule-form.png")


@pytest.fixture
def dialog(
    qtbot: QtBot,
    member_libraries: tuple[Library, Library],
    shared: PostgresDatabase,
    members: tuple[str, str],
    cache: Path,
) -> Iterator[RulesDialog]:
    """Alice's Rules dialog, once bob shared Robots and kept Bob's own, and alice made Mine."""
    alice, bob = member_libraries
    for library, rule in (
        (bob, Rule(0, "Robots", "robots", ("robotics", "to read"), shared=True)),
        (bob, Rule(0, "Bob's own", "speech", star=True)),
        (alice, Rule(0, "Mine", "votes:>5", status=ReadingStatus.QUEUED)),
    ):
        with library.writing() as connection:
            add_rule(connection, rule, utc_now())
    windows = open_shared(SharedAddress.parse(shared.url_as(members[0])), client=WINDOW_CLIENT)
    window: MainWindow = open_window(qtbot, windows, cache.parent / "settings.ini")
    window.menu_actions.rules.trigger()
    actions = window.findChild(RuleActions)
    assert actions is not None and actions.dialog is not None
    shown = actions.dialog
    qtbot.waitUntil(lambda: shown.isVisible() and shown.rules() != [])
    yield shown
    window.close()
    windows.close()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The window's media cache: a temporary folder, not the user's."""
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    return tmp_path / "media-cache"


def rows(dialog: RulesDialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [
        (item.text(0), item.text(WHOSE_COLUMN))
        for item in map(table.topLevelItem, range(table.topLevelItemCount()))
        if item is not None
    ]


def reload_selecting(qtbot: QtBot, dialog: RulesDialog, name: str) -> None:
    """The rules read again (off the window's thread), `name` selected."""
    dialog.reload(select=name)
    qtbot.waitUntil(lambda: getattr(dialog.selected_rule(), "name", None) == name)


def seen_by(library: Library) -> list[tuple[str, bool]]:
    with library.reading() as connection:
        return [(rule.name, rule.shared) for rule in list_rules(connection)]


def test_another_members_shared_rule_is_read_only_and_copied_as_ones_own(
    qtbot: QtBot, dialog: RulesDialog, members: tuple[str, str]
) -> None:
    assert rows(dialog) == [("Robots", f"Shared by {members[1]}"), ("Mine", "Private")]
    assert not dialog.table.isColumnHidden(WHOSE_COLUMN)

    reload_selecting(qtbot, dialog, "Robots")
    layout = dialog.layout()
    assert layout is not None
    layout.activate()  # the message's lines given their room before the picture
    dialog.grab().save(str(PNG))

    assert not dialog.remove_button.isEnabled() and not dialog.share_button.isEnabled()
    assert dialog.apply_button.isEnabled() and dialog.copy_button.isEnabled()
    assert f"Shared by {members[1]}: only they can change it" in dialog.message.text()
    dialog.copy_button.click()
    form = dialog.form
    assert form is not None
    qtbot.waitUntil(form.isVisible)
    assert (form.name_edit.text(), form.query_edit.text(), form.tags_edit.text()) == (
        "Robots",
        "robots",
        "robotics, to read",
    )
    assert not form.share_box.isChecked()
    form.star_box.setChecked(True)
    form.accept()
    qtbot.waitUntil(lambda: "Added the rule Robots." in dialog.message.text())

    assert rows(dialog) == [
        ("Robots", f"Shared by {members[1]}"),
        ("Mine", "Private"),
        ("Robots", "Private"),
    ]
    selected = dialog.selected_rule()
    assert selected is not None and selected.mine and selected.star  # one's own, selected


def test_sharing_ones_rule_only_tags_and_the_other_member_sees_it(
    qtbot: QtBot, dialog: RulesDialog, member_libraries: tuple[Library, Library]
) -> None:
    _, bob = member_libraries
    reload_selecting(qtbot, dialog, "Mine")
    assert dialog.share_button.text() == "Share with Everyone"
    dialog.share_button.click()
    qtbot.waitUntil(lambda: "a shared rule only adds tags" in dialog.message.text())
    assert ("Mine", True) not in seen_by(bob) and rows(dialog)[1] == ("Mine", "Private")

    form = dialog.add("Tagged", "robots")
    form.tags_edit.setText("robotics")
    form.star_box.setChecked(True)
    form.share_box.setChecked(True)
    assert not form.star_box.isChecked() and not form.star_box.isEnabled()
    assert not form.status_box.isEnabled() and not form.first_box.isEnabled()
    assert form.shared_note.isVisibleTo(form)
    form.grab().save(str(FORM_PNG))
    form.accept()
    qtbot.waitUntil(lambda: "Added the rule Tagged." in dialog.message.text())
    assert rows(dialog)[-1] == ("Tagged", "Shared")
    assert ("Tagged", True) in seen_by(bob)

    assert dialog.share_button.text() == "Stop Sharing"
    dialog.share_button.click()
    qtbot.waitUntil(lambda: "is yours alone again" in dialog.message.text())
    assert rows(dialog)[-1] == ("Tagged", "Private")
    assert "Tagged" not in [name for name, _ in seen_by(bob)]


def test_a_rule_another_member_shares_shows_in_the_open_dialog(
    qtbot: QtBot,
    dialog: RulesDialog,
    member_libraries: tuple[Library, Library],
    members: tuple[str, str],
) -> None:
    _, bob = member_libraries
    reload_selecting(qtbot, dialog, "Mine")
    with bob.writing() as connection:
        add_rule(connection, Rule(0, "Speech", "speech", ("audio",), shared=True), utc_now())

    speech = ("Speech", f"Shared by {members[1]}")
    qtbot.waitUntil(lambda: speech in rows(dialog), timeout=LIVE_BOUND_MS)
    selected = dialog.selected_rule()
    assert selected is not None and selected.name == "Mine"  # kept
