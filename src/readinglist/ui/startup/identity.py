"""How the app shows itself to the desktop: its icon, its desktop entry, Korean text."""

import sys

from readinglist.resources import ICON_SIZES, ResourceMissing, resources_dir
from readinglist.ui.qt import QApplication, QGuiApplication, QIcon
from readinglist.ui.startup.fonts import FontError, install_korean_fallback

DESKTOP_FILE_NAME = "readinglist"  # resources/readinglist.desktop: Wayland matches windows by it


def app_icon() -> QIcon:
    """The icon at every size it was rendered at; sizes whose file is missing are skipped
    (the self-test reports them), so a damaged install still starts."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"readinglist-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


def set_identity(app: QApplication) -> None:
    """Icon, desktop entry and the Korean font fallback; safe to call again."""
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    try:
        install_korean_fallback(app)
    except (ResourceMissing, FontError) as error:
        print(f"readinglist: {error}; Korean text may show as boxes", file=sys.stderr)
