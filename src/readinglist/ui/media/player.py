"""A video teaser: QMediaPlayer into a QVideoWidget, looping, muted, with play and sound buttons.

Audio never starts by surprise: the player gets no audio output at all until the person turns
the sound on, and every new video starts muted again. `ready` or `failed` tells, once per
video, whether the platform's backend could open it (a missing codec is a failure, not a
black box).
"""

from pathlib import Path

from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QUIET_MULTIMEDIA_PROBES,
    QAudioOutput,
    QHBoxLayout,
    QLoggingCategory,
    QMediaPlayer,
    QStyle,
    Qt,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QVideoWidget,
    QWidget,
    Signal,
)

_PIXMAPS = QStyle.StandardPixmap
_OPENED = (
    QMediaPlayer.MediaStatus.LoadedMedia,
    QMediaPlayer.MediaStatus.BufferingMedia,
    QMediaPlayer.MediaStatus.BufferedMedia,
    QMediaPlayer.MediaStatus.EndOfMedia,
)


def quiet_backend_probes() -> None:
    """Qt's FFmpeg backend warns for every optional library it does not find (VA-API,
    PipeWire), as it loads and when a player starts; the lines say nothing to people."""
    QLoggingCategory.setFilterRules(QUIET_MULTIMEDIA_PROBES)


class VideoView(QWidget):
    ready = Signal()  # the video opened and has a picture
    failed = Signal(str)  # why it cannot be played here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        quiet_backend_probes()
        self.video = QVideoWidget(self)
        self.video.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.player = QMediaPlayer(self)
        self.player.setVideoOutput(self.video)
        self.player.setLoops(QMediaPlayer.Loops.Infinite)
        self.play_button = self._button(self.toggle_play)
        self.sound_button = self._button(self.toggle_sound)
        self._compose()
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(lambda _, message: self._announce(message))
        self.player.playbackStateChanged.connect(lambda _: self._show_playing())
        self._announced = True
        self._show_playing()
        self._show_sound()

    def _button(self, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the pane
        button.clicked.connect(slot)
        return button

    def _compose(self) -> None:
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.sound_button)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)

    # --- what the pane asks ----------------------------------------------------------------

    def play(self, path: Path) -> None:
        """Open the video file and play it, looping and muted."""
        self._announced = False
        if not self.player.isAvailable():  # no QtMultimedia backend on this machine
            self._announce(tr("no video player is available"))
            return
        self.set_sound(False)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()

    def stop(self) -> None:
        self._announced = True
        self.player.stop()
        self.player.setSource(QUrl())  # releases the cached file

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle_play(self) -> None:
        if self.is_playing():
            self.player.pause()
        else:
            self.player.play()

    def has_sound(self) -> bool:
        output = self.player.audioOutput()
        return output is not None and not output.isMuted()

    def set_sound(self, on: bool) -> None:
        """Sound on or off; the audio output is made the first time sound is wanted."""
        output: QAudioOutput | None = self.player.audioOutput()  # None until sound is wanted
        if output is None and on:
            output = QAudioOutput(self)
            self.player.setAudioOutput(output)
        if output is not None:
            output.setMuted(not on)
        self._show_sound()

    def toggle_sound(self) -> None:
        self.set_sound(not self.has_sound())

    # --- feedback --------------------------------------------------------------------------

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._announce(self.player.errorString() or tr("not a video this player can open"))
        elif status in _OPENED:
            no_picture = tr("no video track this player can decode")
            self._announce("" if self.player.hasVideo() else no_picture)

    def _announce(self, problem: str) -> None:
        """Say once per video whether it plays (an empty `problem`) or why not."""
        if self._announced:
            return
        self._announced = True
        if problem:
            self.player.stop()
            self.failed.emit(problem)
        else:
            self.ready.emit()

    def _show_playing(self) -> None:
        playing = self.is_playing()
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(tr("Pause") if playing else tr("Play"))
        self.play_button.setToolTip(tr("Play or pause (Space)"))

    def _show_sound(self) -> None:
        sound = self.has_sound()
        pixmap = (
            QStyle.StandardPixmap.SP_MediaVolume
            if sound
            else QStyle.StandardPixmap.SP_MediaVolumeMuted
        )
        self.sound_button.setIcon(self.style().standardIcon(pixmap))
        self.sound_button.setText(tr("Sound on") if sound else tr("Muted"))
        self.sound_button.setToolTip(tr("Turn the sound on or off (M)"))
