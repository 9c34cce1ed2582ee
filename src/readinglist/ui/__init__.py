"""The desktop window: panes that own their widgets, wired together by `main_window`.

All Qt comes in through `readinglist.ui.qt`; nothing below the UI imports this package.
"""
