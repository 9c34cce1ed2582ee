"""A paper as a command names it (an arXiv id or link) and as it prints its facts."""

from typing import TYPE_CHECKING

from readinglist.cli.output import CommandFailed, UsageError

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.core.paper import Paper


def paper_for(connection: "Connection", text: str) -> "Paper":
    from readinglist.core.arxiv import normalize_arxiv_id
    from readinglist.library.papers import load_paper

    arxiv_id = normalize_arxiv_id(text)
    if arxiv_id is None:
        raise UsageError(f"'{text}' is not an arXiv id (like 2312.08723) or link")
    paper = load_paper(connection, arxiv_id)
    if paper is None:
        raise CommandFailed(f"no paper {arxiv_id} in the library")
    return paper


def facts(paper: "Paper") -> str:
    """One line: first seen, votes, status, star, tags."""
    said = [f"first seen {paper.first_seen}", f"status {paper.status.value}"]
    if paper.votes is not None:
        said.insert(1, f"{paper.votes} votes")
    if paper.starred:
        said.append("starred")
    if paper.tags:
        said.append("tags " + ", ".join(paper.tags))
    return " · ".join(said)
