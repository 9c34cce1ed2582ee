"""What an import did, file by file: plain data for the CLI and the window."""

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from readinglist.core.translatable import Message


class FileStatus(StrEnum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class FileError:
    """Why a file was rejected, or (as a warning) what of an imported file was cut or left out:
    `reason` for the window to translate, `message` in English for the command line."""

    reason: Message
    line: int | None = None

    @property
    def message(self) -> str:
        return str(self.reason)


@dataclass(frozen=True, slots=True)
class FileReport:
    path: Path | str  # a file's path, or the URL a subscription fetched it from
    status: FileStatus
    papers_new: int = 0
    appearances_new: int = 0
    error: FileError | None = None
    warnings: tuple[FileError, ...] = ()  # of an imported file: fields cut, links dropped
    by_id_only: int = 0  # papers the file only named by their arXiv id (`arxiv-ids`)
    rules: tuple[tuple[str, int], ...] = ()  # each rule that caught new papers, and how many

    @property
    def name(self) -> str:
        """The file's name, or the whole URL it was fetched from."""
        return self.path.name if isinstance(self.path, Path) else self.path


@dataclass(slots=True)
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: FileStatus) -> int:
        return sum(1 for report in self.files if report.status is status)

    @property
    def papers_new(self) -> int:
        return sum(report.papers_new for report in self.files)

    @property
    def appearances_new(self) -> int:
        return sum(report.appearances_new for report in self.files)

    @property
    def by_id_only(self) -> int:
        return sum(report.by_id_only for report in self.files)

    @property
    def rules(self) -> dict[str, int]:
        """How many new papers each rule caught, over every file, in the rules' order."""
        caught: dict[str, int] = {}
        for report in self.files:
            for name, count in report.rules:
                caught[name] = caught.get(name, 0) + count
        return caught

    @property
    def rejected(self) -> list[FileReport]:
        return [report for report in self.files if report.status is FileStatus.REJECTED]

    @property
    def warned(self) -> list[FileReport]:
        """The files imported with warnings."""
        return [report for report in self.files if report.warnings]
