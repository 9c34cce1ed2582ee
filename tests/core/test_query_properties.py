"""Property tests: any text gives a query or a `QueryError`; a query reads back from its own
text; and the SQL a query becomes finds exactly the papers a plain Python reading of the
query finds, on a small library with Korean, English and accented text.
"""

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from readinglist.core.paper import Paper, ReadingStatus
from readinglist.core.query import FIELDS, Query, QueryError, parse_query
from readinglist.core.query_format import format_terms
from readinglist.core.query_terms import (
    Added,
    AgeUnit,
    Ago,
    And,
    FirstSeen,
    InDigest,
    InSource,
    InToday,
    Not,
    Op,
    Or,
    Seen,
    Span,
    Starred,
    Status,
    Tag,
    Term,
    Text,
    TextField,
    Trashed,
    Votes,
    all_of,
    any_of,
)
from readinglist.core.sources.registry import FORMATS
from readinglist.library import papers as store
from readinglist.library.database import open_library, utc_now
from readinglist.library.importer import import_paths
from tests.helpers.digests import DigestWriter, FakeEntry

FAST = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- any text --------------------------------------------------------------------------------

SYNTAX = ['"', "(", ")", "-", ":", " ", ">", "<", "=", ",", "OR", "AND", "NOT", "*"]
PIECES = [*SYNTAX, *(f"{field}:" for field in FIELDS), "starred", "unread", "2024-03", "7d"]
PIECES += ["today", "Today"]
PIECES += ["데이터셋", "llm", "Müller", "2403.00001", "https://arxiv.org/abs/2403.00001"]
query_like = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
any_text = st.one_of(st.text(max_size=40), query_like)


@FAST
@given(any_text)
def test_any_text_gives_a_query_or_points_at_a_character(text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
        assert error.message
    else:
        assert parse_query(query.text) == query


# --- queries as terms ------------------------------------------------------------------------

WORDS = ["데이터셋", "데이터", "모델", "평가", "diffusion", "video", "agent", "muller", "Müller"]
WORDS += ["large", "lang", "language", "turing", "ada", "2403", "to", "share", "benchmark"]
TAGS = ["llm", "LLM", "to share", "Video", "none"]
DAYS = [dt.date(2024, 3, day) for day in (1, 2, 5)] + [dt.date.today() - dt.timedelta(days=3)]
TODAY = dt.date.today()

ops = st.sampled_from(list(Op))
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join)
text_terms = st.builds(Text, phrases, st.sampled_from([f for f in TextField if f.value != "id"]))
ids = st.sampled_from(["2403.00001", "2403.00004", "2403.0000"])
spans = st.one_of(
    st.sampled_from(DAYS).map(Span.day),
    st.sampled_from([Span.month(2024, 3), Span.month(2024, 2), Span.year(2024)]),
    st.builds(Ago, st.integers(0, 10), st.sampled_from(list(AgeUnit))),
)
leaves: st.SearchStrategy[Term] = st.one_of(
    text_terms,
    text_terms,
    st.builds(Text, ids, st.just(TextField.ARXIV_ID)),
    st.builds(Tag, st.sampled_from(TAGS)),
    st.lists(st.sampled_from(list(ReadingStatus)), min_size=1, max_size=2, unique=True).map(
        lambda statuses: Status(tuple(statuses))
    ),
    st.just(Starred()),
    st.just(Trashed()),
    st.just(InToday()),
    st.builds(Votes, ops, st.integers(0, 40)),
    st.builds(Seen, ops, st.integers(0, 4)),
    st.builds(FirstSeen, ops, spans),
    st.builds(InDigest, ops, spans),
    st.builds(Added, ops, spans),
    st.lists(st.sampled_from(FORMATS), min_size=1, max_size=2, unique=True).map(
        lambda names: InSource(tuple(names))
    ),
)


def _joined(kind: str, terms: list[Term]) -> Term:
    joined = all_of(*terms) if kind == "and" else any_of(*terms)
    assert joined is not None
    return joined


trees = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.builds(_joined, st.just("and"), st.lists(children, min_size=2, max_size=3)),
        st.builds(_joined, st.just("or"), st.lists(children, min_size=2, max_size=3)),
        st.builds(Not, children),
    ),
    max_leaves=8,
)


@FAST
@given(trees)
def test_terms_read_back_from_their_text(term: Term) -> None:
    assert parse_query(format_terms(term)).terms == term


# --- the SQL finds what the query says --------------------------------------------------------


def _entries(day: int) -> list[FakeEntry]:
    """Papers 1-8 come back on several days, each day with its own summary; 1000N once."""
    summaries = {
        1: ("새로운 데이터셋은 대규모 언어 모델을 평가합니다.", "Large language benchmark"),
        2: ("데이터셋을 공개합니다 diffusion", "A video agent; Turing-complete"),
        3: ("모델의 성능", "to be shared later"),
    }
    numbers = [n for n in range(1, 9) if (n + day) % 3] + [1000 + day]
    return [
        FakeEntry(
            f"2403.{n:05d}",
            title=["Video Diffusion Models", "Large Language Agents", "평가 데이터셋 연구"][n % 3],
            votes=None if n == 5 else n * 7 + day,
            authors=(("Ada Lovelace", "Jürgen Müller"), ("Alan Turing",), ())[n % 3],
            summary=summaries[1 + (n + day) % 3],
        )
        for n in numbers
    ]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Connection, list[Paper]]]:
    folder = tmp_path_factory.mktemp("properties")
    writer = DigestWriter(folder / "digests")
    for index, day in enumerate(DAYS):
        writer.write(f"{index}.md", day, _entries(index + 1))
    with open_library(folder / "library.sqlite", daily_backup=False) as opened:
        import_paths(opened, writer.written)
        with opened.writing() as connection:
            ids = store.find_paper_ids(connection)
            store.add_tags(connection, ids[:2], ["llm"])
            store.add_tags(connection, ids[1:4], ["to share", "Video"])
            store.set_starred(connection, ids[::2], True)
            store.set_status(connection, ids[1::3], ReadingStatus.READ, utc_now())
            store.set_status(connection, ids[2::3], ReadingStatus.QUEUED, utc_now())
            store.set_note(connection, ids[0], "Muller's idea: 데이터셋은 좋다", utc_now())
        with opened.reading() as connection:
            yield connection, store.load_papers(connection, store.find_paper_ids(connection))


@FAST
@given(trees)
def test_the_sql_finds_the_papers_the_query_describes(
    library: tuple[Connection, list[Paper]], term: Term
) -> None:
    connection, papers = library
    found = set(store.find_paper_ids(connection, Query(terms=term)))
    assert found == {paper.id for paper in papers if _matches(term, paper)}


def _matches(term: Term, paper: Paper) -> bool:  # noqa: PLR0911  (one case per term)
    match term:
        case And(terms):
            return all(_matches(part, paper) for part in terms)
        case Or(terms):
            return any(_matches(part, paper) for part in terms)
        case Not(inner):
            return not _matches(inner, paper)
        case Text(value, field):
            return _text_matches(value, field, paper)
        case Tag(name):
            return any(_ascii_lower(tag) == _ascii_lower(name) for tag in paper.tags)
        case Status(statuses):
            return paper.status in statuses
        case Starred():
            return paper.starred
        case Trashed():
            return False  # the library these run on has nothing in its trash
        case InToday():  # never triaged (no session): the latest digest day's papers
            return any(digest.date == max(DAYS) for digest in paper.digests)
        case InSource(names):
            return any(seen.source in names for seen in paper.digests)
        case Votes(op, value):
            return paper.votes is not None and _compare(paper.votes, op, value)
        case Seen(op, value):
            return _compare(len(paper.digests), op, value)
        case FirstSeen(op, when):
            return _in_span(paper.first_seen, op, when)
        case InDigest(op, when):
            return any(_in_span(digest.date, op, when) for digest in paper.digests)
        case Added(op, when):  # every paper of this library was added today
            return _in_span(TODAY, op, when)


def _text_matches(value: str, field: TextField, paper: Paper) -> bool:
    """An FTS5 phrase whose last word is a prefix, in one column (or any)."""
    columns = {
        TextField.TITLE: paper.title,
        TextField.AUTHORS: json.dumps(list(paper.authors), ensure_ascii=False),
        TextField.SUMMARY: " ".join(_summaries(paper)),
        TextField.NOTE: paper.note,
        TextField.ARXIV_ID: paper.arxiv_id,
    }
    texts = [*columns.values(), " ".join(paper.tags)] if field is TextField.ANY else []
    wanted = _tokens(value)
    for text in texts or [columns[field]]:
        words = _tokens(text)
        for start in range(len(words) - len(wanted) + 1):
            found = words[start : start + len(wanted)]
            if found[:-1] == wanted[:-1] and found[-1].startswith(wanted[-1]):
                return True
    return False


def _summaries(paper: Paper) -> list[str]:
    """Every digest's summary of the paper as the library stores it, in import order."""
    return [
        json.dumps(list(entry.summary), ensure_ascii=False)
        for index in range(len(DAYS))
        for entry in _entries(index + 1)
        if entry.arxiv_id == paper.arxiv_id
    ]


def _tokens(text: str) -> list[str]:
    """The words of unicode61 with remove_diacritics: folded case, accents dropped."""
    folded = "".join(_fold(char) for char in text)
    return re.findall(r"[^\W_]+", folded)


def _fold(char: str) -> str:
    if "\uac00" <= char <= "\ud7a3":  # a Hangul syllable stays whole
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def _ascii_lower(text: str) -> str:
    return "".join(char.lower() if char.isascii() else char for char in text)


def _compare(value: int, op: Op, other: int) -> bool:
    comparisons = {
        Op.EQ: value == other,
        Op.LT: value < other,
        Op.LE: value <= other,
        Op.GT: value > other,
        Op.GE: value >= other,
    }
    return comparisons[op]


def _in_span(day: dt.date, op: Op, when: Span | Ago) -> bool:
    if isinstance(when, Ago):  # an age: less than 7 days old is a later day
        op, when = op.flipped(), when.span(TODAY)
    if op is Op.EQ:
        return when.start <= day <= when.last
    return {
        Op.GT: day > when.last,
        Op.GE: day >= when.start,
        Op.LT: day < when.start,
        Op.LE: day <= when.last,
    }[op]


def test_the_reference_reading_is_not_trivial(library: tuple[Connection, list[Paper]]) -> None:
    """The library holds what the properties need: Korean particles, accents, ids."""
    _, papers = library
    assert len(papers) >= 10
    korean = Text("데이터셋")
    assert 0 < sum(_matches(korean, paper) for paper in papers) < len(papers)
    assert any(_matches(Text("muller", TextField.AUTHORS), paper) for paper in papers)
    assert any(len(paper.digests) > 1 for paper in papers)
