"""The desktop window, by feature: each package owns its widgets and models and talks through
signals of plain values; only `window/` composes them (import-linter keeps the features
independent of one another).

    startup/  the app's start: QApplication, fonts, identity, translators, the self-test
    window/   the main window: composes the features and wires their signals
    list/     the paper list: its model (ids, rows fetched lazily), view and columns
    sidebar/  entries, their counts, saved searches, tags and digests
    detail/   one paper's details, the selection panel, notes kept when not saved
    search/   the search box and saved-search actions
    triage/   keyboard actions and undoable edits
    imports/  where digests come from, the background import and its progress
    export/   File → Export…
    media/    teasers: downloads, the cache, pictures and video
    data/     the library as the window reads and writes it, off the GUI thread

All Qt comes in through `readinglist.ui.qt`, and every string people read through
`readinglist.ui.i18n.tr`; nothing below the UI imports this package.
"""
