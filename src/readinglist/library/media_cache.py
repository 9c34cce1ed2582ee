"""The teaser cache: downloaded media kept on disk, so a paper seen once previews offline.

Qt-free. Each entry is one file named after a hash of its URL. A file's modification time is
when it was last used (every read touches it), so when the folder grows past its limit the
least recently used entries go first. An entry is written to a temporary file and renamed into
place, so a crash, a full disk or a second readinglist never leaves half an entry behind.
Callers store a body only once it has proved to be the promised media (`media_format`).
"""

import hashlib
import os
import re
import tempfile
import threading
import time
from pathlib import Path

MEGABYTE = 1024 * 1024
DEFAULT_LIMIT_BYTES = 500 * MEGABYTE
_TEMP_PREFIX = "."
_TEMP_SUFFIX = ".part"
_STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a process that died
_EXTENSION = re.compile(r"\.[a-z0-9]{1,5}$")


class MediaCache:
    """A size-limited folder of media files, keyed by URL, least recently used evicted first."""

    def __init__(self, folder: Path, limit_bytes: int = DEFAULT_LIMIT_BYTES) -> None:
        self.folder = folder
        self.limit_bytes = limit_bytes
        self._lock = threading.Lock()  # a loader thread and the GUI may evict at once

    def path_for(self, url: str) -> Path:
        """Where the entry for `url` lives (the URL's extension kept, for players that look)."""
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
        path = url.split("?", 1)[0].split("#", 1)[0].lower()
        extension = _EXTENSION.search(path.rsplit("/", 1)[-1])
        return self.folder / (digest + (extension.group() if extension else ""))

    def contains(self, url: str) -> bool:
        return self.path_for(url).is_file()

    def get(self, url: str) -> Path | None:
        """The cached file for `url`, marked as just used; None when it is not cached."""
        path = self.path_for(url)
        try:
            os.utime(path)
        except FileNotFoundError:
            return None
        except OSError:
            pass  # a read-only cache still serves what it holds
        return path if path.is_file() else None

    def put(self, url: str, data: bytes) -> Path:
        """Store `data` as the entry for `url` (atomically), then evict down to the limit."""
        path = self.path_for(url)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=self.folder, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX
        )
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.evict(keep=path)
        return path

    def discard(self, url: str) -> None:
        _remove(self.path_for(url))

    def size_bytes(self) -> int:
        return sum(size for _, _, size in self._entries())

    def evict(self, keep: Path | None = None) -> None:
        """Delete least recently used entries until the folder fits (never `keep`)."""
        with self._lock:
            entries = sorted(self._entries(), key=lambda entry: entry[1])
            total = sum(size for _, _, size in entries)
            for path, _, size in entries:
                if total <= self.limit_bytes:
                    break
                if path != keep and _remove(path):
                    total -= size
            self._remove_stale_temporaries()

    def _entries(self) -> list[tuple[Path, int, int]]:
        """(path, last used in ns, size) of every entry; temporary files are not entries."""
        found = []
        for entry in self._scan():
            if entry.name.startswith(_TEMP_PREFIX):
                continue
            try:
                status = entry.stat()
            except FileNotFoundError:
                continue  # evicted by another process meanwhile
            found.append((Path(entry.path), status.st_mtime_ns, status.st_size))
        return found

    def _remove_stale_temporaries(self) -> None:
        cutoff = time.time() - _STALE_TEMP_SECONDS
        for entry in self._scan():
            if entry.name.startswith(_TEMP_PREFIX) and entry.name.endswith(_TEMP_SUFFIX):
                try:
                    if entry.stat().st_mtime < cutoff:
                        _remove(Path(entry.path))
                except FileNotFoundError:
                    continue

    def _scan(self) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(self.folder) as entries:
                return [entry for entry in entries if entry.is_file(follow_symlinks=False)]
        except FileNotFoundError:
            return []


def _remove(path: Path) -> bool:
    """Delete `path` if it can be (a file a player holds open on Windows cannot be yet)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return False
    return True
