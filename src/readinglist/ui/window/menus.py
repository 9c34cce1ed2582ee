"""The menu bar: File, Edit, View, Paper, Media and Help. The actions a menu lists belong to their
features (triage's edits, the media pane's prefetching); the window's own are made here."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readinglist.ui import settings as keys
from readinglist.ui.i18n import tr
from readinglist.ui.qt import QAction, QKeySequence, QMainWindow, QMenuBar, QSettings, Qt, QWidget

if TYPE_CHECKING:
    from readinglist.ui.window.main_window import MainWindow


@dataclass(frozen=True)
class WindowActions:
    import_files: QAction
    import_folder: QAction
    watch_folder: QAction  # File → Watch a Folder… (ui/imports/watch_panel.py)
    export: QAction
    export_selection: QAction  # also in the list's context menu
    quit: QAction
    find: QAction
    slash: QAction  # `/`: Find, where typing it means nothing
    save_search: QAction
    select_all: QAction
    advance: QAction  # Paper → Advance After Setting Status
    rules: QAction  # Edit → Rules… (ui/rules, wired with the library)


def window_actions(window: QMainWindow, settings: QSettings) -> WindowActions:
    def action(text: str, key: QKeySequence.StandardKey | str | None = None) -> QAction:
        made = QAction(text, window)
        if key is not None:
            made.setShortcut(QKeySequence(key))
        return made

    advance = action(tr("&Advance After Setting Status"))
    advance.setCheckable(True)
    advance.setChecked(keys.ADVANCE_AFTER_STATUS.read(settings))
    advance.toggled.connect(lambda on: keys.ADVANCE_AFTER_STATUS.write(settings, on))
    slash = action(tr("Find"), "/")
    slash.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return WindowActions(
        import_files=action(tr("&Import Files…"), QKeySequence.StandardKey.Open),
        import_folder=action(tr("Import &Folder…")),
        watch_folder=action(tr("&Watch a Folder…")),
        export=action(tr("&Export…"), "Ctrl+E"),
        export_selection=action(tr("Export &Selected…")),
        quit=action(tr("&Quit"), QKeySequence.StandardKey.Quit),
        find=action(tr("&Find"), QKeySequence.StandardKey.Find),
        slash=slash,
        save_search=action(tr("&Save Search…")),
        select_all=action(tr("Select &All Papers")),
        advance=advance,
        rules=action(tr("Rul&es…")),
    )


def build_window_menus(window: "MainWindow") -> None:
    """The window's menus, from the actions of its features."""
    triage = window.triage
    build_menus(
        window.menuBar(),
        window.menu_actions,
        library_actions=window.libraries.actions(),
        edit_groups=[
            [triage.undo_action, triage.redo_action],
            [*triage.copy_actions.values()],
            [triage.empty_trash_action],
        ],
        settings_actions=[window.preferences.action],
        paper_actions=[*triage.paper_actions(), triage.mark_others_menu.menuAction()],
        media_actions=window.media.menu_actions(),
        view_groups=[*window.view_menu.groups(), [window.reading.action]],
        help_actions=window.help_menu.actions(),
    )


def build_menus(
    bar: QMenuBar,
    actions: WindowActions,
    *,
    library_actions: list[QAction],
    edit_groups: list[list[QAction]],
    settings_actions: list[QAction],
    paper_actions: list[QAction],
    media_actions: list[QAction],
    view_groups: list[list[QAction]],
    help_actions: list[QAction],
) -> None:
    """`library_actions`: Open Library and Open Recent; `edit_groups`: Undo and Redo, then
    triage's Copy actions; `settings_actions`: Preferences (after Rules…); `paper_actions`:
    triage's; `media_actions`: the media pane's; `view_groups`: the View menu's;
    `help_actions`: the Help menu's."""
    sections: list[tuple[str, list[list[QAction]]]] = [
        (
            tr("&File"),
            [
                library_actions,
                [actions.import_files, actions.import_folder, actions.watch_folder],
                [actions.export, actions.export_selection],
                [actions.quit],
            ],
        ),
        (
            tr("&Edit"),
            [
                *edit_groups,
                [actions.find, actions.save_search, actions.select_all],
                [actions.rules, *settings_actions],
            ],
        ),
        (tr("&View"), view_groups),
        (tr("&Paper"), [paper_actions, [actions.advance]]),
        (tr("&Media"), [media_actions]),
        (tr("&Help"), [help_actions]),
    ]
    for title, groups in sections:
        menu = bar.addMenu(title)
        for number, group in enumerate(groups):
            if number:
                menu.addSeparator()
            menu.addActions(group)


def on_trigger(action: QAction, slot: Callable[[], object]) -> None:
    action.triggered.connect(lambda *_: slot())


def give_to(action: QAction, *widgets: QWidget) -> None:
    """An action whose shortcut works only where those widgets have the focus."""
    for widget in widgets:
        widget.addAction(action)
