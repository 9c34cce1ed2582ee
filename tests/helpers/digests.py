"""Writing digest files in the real format, for tests (the real corpus may not be copied)."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FakeEntry:
    arxiv_id: str
    title: str = ""
    votes: int | None = 10
    authors: tuple[str, ...] = ("Ada Lovelace", "Alan Turing")
    media: str | None = "https://cdn.example.org/uploads/teaser.png"
    summary: tuple[str, ...] = (
        "이 논문은 새로운 방법을 제안합니다.",
        "It works well on benchmarks.",
    )

    def markdown(self) -> str:
        title = self.title or f"Paper {self.arxiv_id}"
        lines = [f"### [{title}](https://arxiv.org/abs/{self.arxiv_id})", ""]
        if self.media:
            lines += [f"![]({self.media})", ""]
        if self.votes is not None:
            lines += [f"Vote: {self.votes}", ""]
        if self.authors:
            lines += ["Authors: " + ", ".join(self.authors), ""]
        lines += [f"- {bullet}" for bullet in self.summary]
        return "\n".join(lines) + "\n"


def digest_text(date: dt.date | str, entries: list[FakeEntry]) -> str:
    body = "\n".join(entry.markdown() for entry in entries)
    return f"## Daily Papers ({date})\n\n{body}"


@dataclass
class DigestWriter:
    folder: Path
    written: list[Path] = field(default_factory=list)

    def write(self, name: str, date: dt.date | str, entries: list[FakeEntry]) -> Path:
        return self.write_text(name, digest_text(date, entries))

    def write_text(self, name: str, text: str) -> Path:
        return self.write_bytes(name, text.encode("utf-8"))

    def write_bytes(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.written.append(path)
        return path


def entries(*arxiv_ids: str, votes: int | None = 10) -> list[FakeEntry]:
    return [FakeEntry(arxiv_id, votes=votes) for arxiv_id in arxiv_ids]
