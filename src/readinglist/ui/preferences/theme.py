"""The theme: the operating system's colour scheme (the default), light, or dark.

Qt 6.8 lets an app ask for a colour scheme (`QStyleHints.setColorScheme`); "system" unsets
it (Unknown), so the window follows the OS, live. Where the platform or the style ignores the
request (the offscreen platform, X11 without a portal, older styles), the scheme stays what it
was: then "dark" switches to the Fusion style with a dark palette, and "light" to Fusion's
own light palette, and choosing "system" again puts the start-up style and palette back.
Cheap enough for start-up: QtGui and QtWidgets only, loaded already.
"""

from readinglist.ui.qt import QApplication, QColor, QPalette, QStyleFactory, Qt

SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}
_BASE_STYLE = "readinglistBaseStyle"  # the style the app started with: an app property
_FALLBACK = "readinglistThemeFallback"  # True while our palette stands in for the platform


def apply_theme(app: QApplication, theme: str) -> None:
    """Ask for `theme` ("system", "light" or "dark"; anything else is "system")."""
    scheme = SCHEMES.get(theme, Qt.ColorScheme.Unknown)
    if app.property(_BASE_STYLE) is None:
        app.setProperty(_BASE_STYLE, app.style().name())
    hints = app.styleHints()
    if scheme is Qt.ColorScheme.Unknown:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(scheme)
    if scheme is Qt.ColorScheme.Unknown or _looks(app) is scheme:
        _drop_fallback(app)
    else:  # the request was ignored
        _fall_back(app, scheme)


def is_dark(app: QApplication) -> bool:
    return _looks(app) is Qt.ColorScheme.Dark


def _looks(app: QApplication) -> Qt.ColorScheme:
    window = app.palette().color(QPalette.ColorRole.Window)
    return Qt.ColorScheme.Dark if window.lightness() < 128 else Qt.ColorScheme.Light


def _fall_back(app: QApplication, scheme: Qt.ColorScheme) -> None:
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    dark = scheme is Qt.ColorScheme.Dark
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    app.setProperty(_FALLBACK, True)


def _drop_fallback(app: QApplication) -> None:
    if not app.property(_FALLBACK):
        return
    app.setProperty(_FALLBACK, False)
    base = str(app.property(_BASE_STYLE))
    known = [name.lower() for name in QStyleFactory.keys()]  # noqa: SIM118 (a Qt list)
    if app.style().name().lower() != base.lower() and base.lower() in known:
        app.setStyle(base)
    app.setPalette(QPalette())  # the platform's and style's own again


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style: light text on dark grey, links a readable blue."""
    window, base, text = QColor("#2b2b2b"), QColor("#1e1e1e"), QColor("#e6e6e6")
    disabled = QColor("#7f7f7f")
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, color in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, QColor("#262626")),
        (role.ToolTipBase, QColor("#3a3a3a")),
        (role.ToolTipText, text),
        (role.PlaceholderText, QColor("#9a9a9a")),
        (role.Text, text),
        (role.Button, QColor("#353535")),
        (role.ButtonText, text),
        (role.BrightText, QColor("#ff6b6b")),
        (role.Light, QColor("#4a4a4a")),
        (role.Midlight, QColor("#3c3c3c")),
        (role.Mid, QColor("#303030")),
        (role.Dark, QColor("#1a1a1a")),
        (role.Shadow, QColor("#000000")),
        (role.Highlight, QColor("#3d6fb6")),
        (role.HighlightedText, QColor("#ffffff")),
        (role.Link, QColor("#6cb6ff")),
        (role.LinkVisited, QColor("#c49cff")),
    ):
        palette.setColor(name, color)
    for name in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        palette.setColor(group.Disabled, name, disabled)
    return palette
