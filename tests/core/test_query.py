"""The query language: every form it reads, the terms it makes, the errors it points at."""

import datetime as dt

import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.core.query import Query, QueryError, parse_query
from readinglist.core.query_terms import (
    TODAY,
    Added,
    AgeUnit,
    Ago,
    And,
    FirstSeen,
    InDigest,
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
    Votes,
)

READ, QUEUED, UNREAD = ReadingStatus.READ, ReadingStatus.QUEUED, ReadingStatus.UNREAD


def terms(text: str) -> Term | None:
    return parse_query(text).terms


def words(*values: str) -> list[Term]:
    return [Text(value) for value in values]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("   ", None),
        ("diffusion", Text("diffusion")),
        ("large  language", And((Text("large"), Text("language")))),
        ('"large  language models"', Text("large language models")),
        ("데이터셋 평가", And((Text("데이터셋"), Text("평가")))),
        ("GPT-4o", Text("GPT-4o")),
        ("-survey", Not(Text("survey"))),
        ('-"state space"', Not(Text("state space"))),
        ("NOT survey", Not(Text("survey"))),
        ("a AND b", And((Text("a"), Text("b")))),
        ("a OR b", Or((Text("a"), Text("b")))),
        ("a or b", And((Text("a"), Text("or"), Text("b")))),  # only upper-case OR is OR
        ("a b OR c d", And((Text("a"), Or((Text("b"), Text("c"))), Text("d")))),
        ("(a b) OR c", Or((And((Text("a"), Text("b"))), Text("c")))),
        ("a OR b OR c", Or((Text("a"), Text("b"), Text("c")))),
        ("-(a OR b)", Not(Or((Text("a"), Text("b"))))),
        ("((a))", Text("a")),
        ("a - b", And((Text("a"), Text("b")))),  # a lone dash is punctuation
        ("& ... —", None),  # nothing a word is made of
        ("a (&)", Text("a")),
        ('"say ""hi"""', Text('say "hi"')),
    ],
)
def test_words_phrases_and_operators(text: str, expected: Term | None) -> None:
    assert terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tag:llm", Tag("llm")),
        ('tag:"to  share"', Tag("to share")),
        ("TAG:llm", Tag("llm")),
        ("status:queued", Status((QUEUED,))),
        ("status:Read,queued", Status((READ, QUEUED))),
        ("is:starred", Starred()),
        ("is:unread", Status((UNREAD,))),
        ("is:read", Status((READ,))),
        ("-is:starred", Not(Starred())),
        ('author:"Ada Lovelace"', Text("Ada Lovelace", TextField.AUTHORS)),
        ("authors:turing", Text("turing", TextField.AUTHORS)),
        ("title:diffusion", Text("diffusion", TextField.TITLE)),
        ("note:idea", Text("idea", TextField.NOTE)),
        ("summary:benchmark", Text("benchmark", TextField.SUMMARY)),
        ("id:2312.08723v2", Text("2312.08723", TextField.ARXIV_ID)),
        ("2312.08723", Text("2312.08723", TextField.ARXIV_ID)),
        ("arXiv:2312.08723", Text("2312.08723", TextField.ARXIV_ID)),
        ("https://arxiv.org/abs/2312.08723v1", Text("2312.08723", TextField.ARXIV_ID)),
        ('"2312.08723"', Text("2312.08723")),  # quoted: text like any other
        ("votes:50", Votes(Op.EQ, 50)),
        ("votes:>50", Votes(Op.GT, 50)),
        ("votes:>=50", Votes(Op.GE, 50)),
        ("votes:<50", Votes(Op.LT, 50)),
        ("votes:<=50", Votes(Op.LE, 50)),
        ("votes:=50", Votes(Op.EQ, 50)),
        ("seen:>1", Seen(Op.GT, 1)),
        ("seen:3", Seen(Op.EQ, 3)),
        ("SEEN:<=2", Seen(Op.LE, 2)),
        ("date:2024-03-01", FirstSeen(Op.EQ, Span.day(dt.date(2024, 3, 1)))),
        ("date:2024-03", FirstSeen(Op.EQ, Span.month(2024, 3))),
        ("date:2024", FirstSeen(Op.EQ, Span.year(2024))),
        ("date:>=2024-01-01", FirstSeen(Op.GE, Span.day(dt.date(2024, 1, 1)))),
        ("date:<2024-03", FirstSeen(Op.LT, Span.month(2024, 3))),
        ("date:<7d", FirstSeen(Op.LT, Ago(7, AgeUnit.DAYS))),
        ("date:7d", FirstSeen(Op.LT, Ago(7, AgeUnit.DAYS))),  # an age alone: less than
        ("date:>2w", FirstSeen(Op.GT, Ago(2, AgeUnit.WEEKS))),
        ("date:<=3M", FirstSeen(Op.LE, Ago(3, AgeUnit.MONTHS))),
        ("date:1y", FirstSeen(Op.LT, Ago(1, AgeUnit.YEARS))),
        ("digest:2024-03-01", InDigest(Op.EQ, Span.day(dt.date(2024, 3, 1)))),
        ("digest:>2024-03", InDigest(Op.GT, Span.month(2024, 3))),
        ("added:today", Added(Op.EQ, TODAY)),
        ("added:Today", Added(Op.EQ, TODAY)),
        ("added:<today", Added(Op.GT, TODAY)),  # before today: older than no days
        ("added:>=today", Added(Op.LE, TODAY)),
        ("added:2025-03-05", Added(Op.EQ, Span.day(dt.date(2025, 3, 5)))),
        ("added:>=2025-03", Added(Op.GE, Span.month(2025, 3))),
        ("added:<7d", Added(Op.LT, Ago(7, AgeUnit.DAYS))),
        ("date:today", FirstSeen(Op.EQ, TODAY)),
    ],
)
def test_fields(text: str, expected: Term) -> None:
    assert terms(text) == expected


def test_side_by_side_statuses_mean_either_but_other_forms_keep_their_meaning() -> None:
    assert terms("status:read is:unread llm") == And((Status((READ, UNREAD)), Text("llm")))
    assert terms("llm status:read x status:queued") == And(
        (Text("llm"), Status((READ, QUEUED)), Text("x"))
    )
    assert terms("status:read (status:queued)") == And((Status((READ,)), Status((QUEUED,))))
    assert terms("status:read OR status:queued") == Or((Status((READ,)), Status((QUEUED,))))
    assert terms("-status:read status:queued") == And((Not(Status((READ,))), Status((QUEUED,))))


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ('a "large lang', 2, "this quote is never closed"),
        ('title:"open', 6, "this quote is never closed"),
        ("(a b", 0, "this '(' is never closed"),
        ("a b)", 3, "')' without a '(' before it"),
        ("()", 0, "empty parentheses"),
        ("OR a", 0, "OR needs a term before it"),
        ("a OR", 2, "OR needs a term after it"),
        ("a OR OR b", 2, "OR needs a term after it"),
        ("a AND", 2, "AND needs a term after it"),
        ("AND a", 0, "AND needs a term before it"),
        ("a NOT", 2, "NOT needs a term after it"),
        ("a (OR b)", 3, "OR needs a term before it"),
        ("tag:", 0, "'tag:' needs a value"),
        ('tag:""', 0, "'tag:' needs a value"),
        ("status:bogus", 7, "unknown status 'bogus'"),
        ("status:read,", 7, "unknown status ''"),
        ("is:lost", 3, "unknown 'is:lost'"),
        ("votes:many", 6, "'votes:' takes a whole number"),
        ("votes:>99999999999", 6, "too large"),
        ("seen:often", 5, "'seen:' takes a whole number, like seen:>50"),
        ("seen:", 0, "'seen:' needs a value, like seen:>1"),
        ("date:yesterday", 5, "is not a date"),
        ("date:2024-13", 5, "is not a date on the calendar"),
        ("date:2023-02-29", 5, "is not a date on the calendar"),
        ("digest:0000-01-01", 7, "is not a date on the calendar"),
        ("x tga:llm", 2, "unknown field 'tga:'"),
        ("(" * 60 + "a" + ")" * 60, 50, "nested too deeply"),
    ],
)
def test_malformed_queries_point_at_the_problem(text: str, position: int, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    assert raised.value.position == position
    assert message in raised.value.message
    assert str(raised.value).startswith(f"at character {position + 1}: ")


@pytest.mark.parametrize("text", ["LLaMA: open models", "http://example.org/x", "참고:데이터"])
def test_colons_that_are_not_fields_are_text(text: str) -> None:
    assert parse_query(text).terms is not None


@pytest.mark.parametrize(
    "text",
    [
        "diffusion",
        "a b OR c -d",
        '"large language" author:"Ada Lovelace" -tag:"to share"',
        "(a b) OR (c -d) status:read,queued is:starred",
        "status:read (status:queued)",
        "votes:>=50 date:2024-03 date:<7d digest:>2024-03-01 -(x OR y)",
        "seen:>1 -seen:3 (seen:<=2 OR votes:5)",
        'id:2312.08723 "2312.08723" "OR" "-x" "a:b" title:"x y" note:ok',
        '"say ""hi""" tag:"a""b"',
    ],
)
def test_a_query_is_written_back_as_text_that_reads_the_same(text: str) -> None:
    query = parse_query(text)
    assert parse_query(query.text) == query
    assert str(query) == query.text


def test_the_sidebars_queries_combine_with_a_parsed_one() -> None:
    everything = Query()
    assert everything.is_empty and everything.as_term() is None and everything.text == ""
    day = dt.date(2024, 3, 1)
    sidebar = [
        Query(statuses=(QUEUED,)),
        Query(starred=True),
        Query(starred=False),
        Query(tags=("to share",)),
        Query(digests=(day,)),
    ]
    assert [query.as_term() for query in sidebar] == [
        Status((QUEUED,)),
        Starred(),
        Not(Starred()),
        Tag("to share"),
        InDigest(Op.EQ, Span.day(day)),
    ]
    typed = parse_query("llm OR agent")
    combined = Query(statuses=(QUEUED,)).and_(typed)
    assert combined.as_term() == And((Status((QUEUED,)), Or((Text("llm"), Text("agent")))))
    assert Query.all_of(Query(), typed, Query()) == typed
    assert Query().and_(Query()).is_empty
    # Saved as text, a combination keeps its meaning (two statuses stay two filters).
    both = Query(statuses=(READ,)).and_(parse_query("status:queued"))
    assert parse_query(both.text).as_term() == both.as_term()


def test_queries_are_hashable_values() -> None:
    assert len({parse_query("a b"), parse_query("a  b"), Query()}) == 2


def test_today_reads_back_as_today() -> None:
    assert parse_query("added:today").text == "added:today"
    assert parse_query("digest:today tag:x").text == "digest:today tag:x"
    assert parse_query(parse_query("added:<today").text) == parse_query("added:<today")
