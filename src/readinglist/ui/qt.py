"""Every Qt name the app uses, from one place (ruff bans PySide6 imports elsewhere).

QtMultimedia and QtNetwork load the first time one of their names is used (a video to
play, a teaser to download, another start's files to receive), not before the window's first
paint: 10 ms of start-up.
QtMultimedia is optional: it needs system libraries a machine may lack (libpulse on Linux),
so code asks `multimedia_problem()` before it uses a QtMultimedia name.
"""

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QCollator,
    QCoreApplication,
    QCryptographicHash,
    QDate,
    QDateTime,
    QDir,
    QEvent,
    QEventLoop,
    QFileSystemWatcher,
    QIODevice,
    QItemSelection,
    QItemSelectionModel,
    QLibrary,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QLoggingCategory,
    QMessageLogContext,
    QMimeData,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QProcess,
    QRect,
    QRectF,
    QSettings,
    QSize,
    QStandardPaths,
    QStringListModel,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    QtMsgType,
    QTranslator,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetrics,
    QGuiApplication,
    QHideEvent,
    QIcon,
    QImage,
    QImageReader,
    QImageWriter,
    QKeyEvent,
    QKeySequence,
    QMovie,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QRawFont,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyleFactory,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as is_alive  # a Qt object not deleted yet (its dialog open)

if TYPE_CHECKING:  # at run time, `__getattr__` below
    from PySide6.QtMultimedia import (
        QAudioOutput,
        QMediaFormat,
        QMediaPlayer,
        QVideoFrame,
        QVideoSink,
    )
    from PySide6.QtMultimediaWidgets import QVideoWidget
    from PySide6.QtNetwork import (
        QAbstractSocket,
        QLocalServer,
        QLocalSocket,
        QNetworkAccessManager,
        QNetworkReply,
        QNetworkRequest,
        QSslConfiguration,
    )

_LOADED_ON_FIRST_USE = {
    "PySide6.QtMultimedia": (
        "QAudioOutput",
        "QMediaFormat",
        "QMediaPlayer",
        "QVideoFrame",
        "QVideoSink",
    ),
    "PySide6.QtMultimediaWidgets": ("QVideoWidget",),
    "PySide6.QtNetwork": (
        "QAbstractSocket",
        "QLocalServer",
        "QLocalSocket",
        "QNetworkAccessManager",
        "QNetworkReply",
        "QNetworkRequest",
        "QSslConfiguration",
    ),
}


def _guard_pyside_import_hook() -> None:
    """Keep PySide6's import hook from failing imports, and from reading every module's
    source.

    After each import, shiboken's `__feature__` hook reads the new module's source to see
    whether it uses PySide6 (`inspect.getsource`, which asks the module for `__wrapped__`),
    so that a module that selects a feature (`from __feature__ import snake_case`) gets it.
    Two costs came of it:
    - Its guard against nested imports is shared by all threads, so while the GUI thread
      imports, a reader thread's nested import gets inspected half-way: pydantic's
      `pydantic.errors` answers `__wrapped__` by importing `_validators`, which is the
      module still importing it, and the ImportError failed the list's first read (1 start
      in 40 on a busy machine).
    - Reading the source of each of the 600 modules imported after PySide6 (SQLAlchemy,
      pydantic, ours) took 0.4 s of CPU during start-up and the first import.
    Nothing in this process selects a feature, and only this module imports PySide6: every
    other module is marked as the hook marks one it leaves alone (-1, as for modules without
    source), without its source being read; this one is still inspected.
    """
    feature = sys.modules.get("shibokensupport.feature")
    inspect_module = getattr(feature, "feature_imported", None)
    if feature is None or inspect_module is None:
        return

    def feature_imported(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if not isinstance(name, str):
            return
        if name != __name__:
            feature.pyside_feature_dict.setdefault(name, -1)
            return
        try:
            inspect_module(module)
        except Exception:  # whatever the module's own __getattr__ raises
            feature.pyside_feature_dict.setdefault(name, -1)

    setattr(feature, "feature_imported", feature_imported)  # noqa: B010 (a module's, untyped)


_guard_pyside_import_hook()
_MODULE_OF = {name: module for module, names in _LOADED_ON_FIRST_USE.items() for name in names}
_MULTIMEDIA_MODULES = [module for module in _LOADED_ON_FIRST_USE if "QtMultimedia" in module]


# QtMultimedia's FFmpeg backend warns, as it loads, of every optional library it does not find
# (VA-API, PipeWire): they only add hardware speed-ups, so the lines say nothing to people.
QUIET_MULTIMEDIA_PROBES = "qt.multimedia.symbolsresolver.warning=false"


def __getattr__(name: str) -> object:
    """A name of a module loaded on first use (PEP 562: only names not yet here come here)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_load(module), name)
    globals()[name] = value
    return value


def multimedia_problem() -> str | None:
    """Why QtMultimedia cannot load on this machine (its ImportError's words, such as
    "libpulse.so.0: cannot open shared object file"), or None when it loads."""
    try:
        for module in _MULTIMEDIA_MODULES:
            _load(module)
    except ImportError as error:
        return str(error)
    return None


def _load(module: str) -> ModuleType:
    if module in _MULTIMEDIA_MODULES:
        QLoggingCategory.setFilterRules(QUIET_MULTIMEDIA_PROBES)
    return importlib.import_module(module)


__all__ = [
    "QAbstractItemModel",
    "QAbstractItemView",
    "QAbstractSocket",
    "QAbstractTableModel",
    "QAction",
    "QActionGroup",
    "QApplication",
    "QAudioOutput",
    "QBuffer",
    "QByteArray",
    "QCheckBox",
    "QCloseEvent",
    "QCollator",
    "QColor",
    "QComboBox",
    "QCompleter",
    "QContextMenuEvent",
    "QCoreApplication",
    "QCryptographicHash",
    "QDate",
    "QDateEdit",
    "QDateTime",
    "QDesktopServices",
    "QDialog",
    "QDialogButtonBox",
    "QDir",
    "QDragEnterEvent",
    "QDropEvent",
    "QEvent",
    "QEventLoop",
    "QFileDialog",
    "QFileSystemWatcher",
    "QFont",
    "QFontDatabase",
    "QFontInfo",
    "QFontMetrics",
    "QFormLayout",
    "QFrame",
    "QGridLayout",
    "QGroupBox",
    "QGuiApplication",
    "QHBoxLayout",
    "QHeaderView",
    "QHideEvent",
    "QIODevice",
    "QIcon",
    "QImage",
    "QImageReader",
    "QImageWriter",
    "QInputDialog",
    "QItemSelection",
    "QItemSelectionModel",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLibrary",
    "QLibraryInfo",
    "QLineEdit",
    "QListWidget",
    "QListWidgetItem",
    "QLocalServer",
    "QLocalSocket",
    "QLocale",
    "QLockFile",
    "QLoggingCategory",
    "QMainWindow",
    "QMediaFormat",
    "QMediaPlayer",
    "QMenu",
    "QMenuBar",
    "QMessageBox",
    "QMessageLogContext",
    "QMimeData",
    "QModelIndex",
    "QModelRoleData",
    "QModelRoleDataSpan",
    "QMovie",
    "QNetworkAccessManager",
    "QNetworkReply",
    "QNetworkRequest",
    "QObject",
    "QPaintEvent",
    "QPainter",
    "QPalette",
    "QPen",
    "QPersistentModelIndex",
    "QPixmap",
    "QPlainTextEdit",
    "QPoint",
    "QPointF",
    "QPolygonF",
    "QProcess",
    "QProgressBar",
    "QPushButton",
    "QRadioButton",
    "QRawFont",
    "QRect",
    "QRectF",
    "QResizeEvent",
    "QScrollArea",
    "QSettings",
    "QShortcut",
    "QShowEvent",
    "QSize",
    "QSizePolicy",
    "QSpinBox",
    "QSplitter",
    "QSslConfiguration",
    "QStackedWidget",
    "QStandardPaths",
    "QStatusBar",
    "QStringListModel",
    "QStyle",
    "QStyleFactory",
    "QTabWidget",
    "QTableView",
    "QTableWidget",
    "QTableWidgetItem",
    "QTextBrowser",
    "QTextCursor",
    "QThread",
    "QThreadPool",
    "QTimer",
    "QToolBar",
    "QToolButton",
    "QTranslator",
    "QTreeView",
    "QTreeWidget",
    "QTreeWidgetItem",
    "QUndoCommand",
    "QUndoStack",
    "QUrl",
    "QVBoxLayout",
    "QVideoFrame",
    "QVideoSink",
    "QVideoWidget",
    "QWidget",
    "Qt",
    "QtMsgType",
    "Signal",
    "Slot",
    "is_alive",
    "multimedia_problem",
    "qInstallMessageHandler",
    "qVersion",
]
