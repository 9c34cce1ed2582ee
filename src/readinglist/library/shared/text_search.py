"""A query's text terms on a shared library: `tsvector @@ tsquery` on the words that the
schema's triggers keep (library/shared/search_ddl.py), for the papers an SQLite library's
FTS5 index would give.

A paper's words are its shared ones (`paper_search`: title, authors, id, summaries, tags,
shared notes) and, for each person, their private note (`paper_states.note_search`). A
query is answered as if they were one text, as FTS5's row is: the papers without a note of
the reader's are matched on their shared words alone, through the GIN indexes (terms on the
same column merged into one tsquery, so `large language model` is one index lookup); the
reader's papers with a note (a few) are each tested term by term on both; the two sets
are put together (kept apart only for a query that leaves papers out for a word, which a
paper's note may hold). `note:` looks in the reader's own note and in the shared notes.

Every tsquery is `readinglist_phrase(words)`, immutable, so the planner works it out from
the query's words before planning (a shared library's sessions plan each statement for its
values: `plan_cache_mode = force_custom_plan`, library/shared/opening.py).
"""

import string
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    and_,
    case,
    cast,
    column,
    exists,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.sql.functions import current_user
from sqlalchemy.sql.selectable import NamedFromClause

from readinglist.core.query_terms import Text, TextField
from readinglist.library.shared import search_ddl
from readinglist.library.text_match import (
    AllOf,
    AnyOf,
    TextMatch,
    all_phrases,
    wanted_phrases,
)

PAPER_SEARCH = table(
    "paper_search",
    column("rowid"),
    column("last_seen"),
    column("search"),
    column("title"),
    column("authors"),
    column("arxiv_id"),
    column("notes"),
)
PAPER_PAIRS = table(
    "paper_pairs", column("rowid"), column("pairs"), column("complete"), column("last_seen")
)
_STATES = table(
    "paper_states",
    column("person"),
    column("paper_id"),
    column("note"),
    column("note_search"),
    column("starred"),
    column("status"),
)
_NOTE_SEARCH = "note_search"
# The column of `paper_search` a field's words are in; a summary is `search`'s weight D.
_COLUMNS = {
    TextField.ANY: "search",
    TextField.SUMMARY: "search",
    TextField.TITLE: "title",
    TextField.AUTHORS: "authors",
    TextField.ARXIV_ID: "arxiv_id",
    TextField.NOTE: "notes",
}
# The weights of a field's word pairs (search_ddl.PAIRS), and the fields whose pairs are
# theirs alone (a phrase of two words found there needs no check on its words; the id's and
# a note's are among the tags', weight c).
_PAIR_FIELDS = {
    TextField.ANY: "abcd",
    TextField.TITLE: "a",
    TextField.AUTHORS: "b",
    TextField.ARXIV_ID: "c",
    TextField.NOTE: "c",
    TextField.SUMMARY: "d",
}
# The fields a phrase may find in the reader's own note.
_IN_NOTES = frozenset({TextField.ANY, TextField.NOTE})
_OWN_PAIRS = frozenset({TextField.ANY, TextField.TITLE, TextField.AUTHORS, TextField.SUMMARY})
# ASCII punctuation as spaces, as a shared library cuts words (search_ddl.readinglist_words).
_SPACED = str.maketrans(string.punctuation, " " * len(string.punctuation))
# Of the library's papers: found by more, a list tests each paper it reads against the found
# ids (a hash table) rather than look each found one up (measured at 180,000 papers: equal
# at 6,700 found, 4x faster at 150,000).
MANY = 0.04
# A list's first screen: its index walked in order, each paper tested (search.FIRST_ROWS),
# pays when the words find more than 2.5% of the papers: a hundred rows in some 4,000
# papers tested, about 35 ms (9 us a paper); fewer, and they are looked up. Not lower: the
# planner guesses 2% for what it cannot estimate (`note:revisit`, found in 0.25%: walked,
# 130 ms against 11).
FIRST_ROWS_MANY = 0.025
_PAPERS_ESTIMATED = text("SELECT reltuples FROM pg_class WHERE oid = 'paper_search'::regclass")
# ts_rank's weights for D, C, B, A: FTS5's bm25 weights (summary 1, id/tags/note 2-8,
# authors 4, title 8) over 8.
RANK_WEIGHTS = "'{0.125, 0.5, 0.5, 1.0}'::real[]"


def tsquery(phrase: Text) -> ColumnElement[str]:
    """The phrase's tsquery: its words in order, the last a prefix."""
    if phrase.field is TextField.SUMMARY:
        return func.readinglist_phrase(phrase.value, "D")
    return func.readinglist_phrase(phrase.value)


def shared_condition(
    match: TextMatch, index: NamedFromClause, *, seen: bool = False
) -> ColumnElement[bool]:
    """`match` on a paper's shared words (its row of `paper_search`, `index`): one
    `column @@ tsquery` for the terms on one column, which its GIN index answers, a phrase
    of several words by its word pairs (`_paired`); each tsquery hidden from the planner
    (`_unseen`) unless `seen`."""
    column_name = _one_column(match)
    if column_name is not None:
        query = _merged(match)
        return index.c[column_name].op("@@")(query if seen else _unseen(query))
    match match:
        case Text():
            return _paired(match, index, seen=seen)
        case AnyOf(options):
            return or_(*(shared_condition(option, index, seen=seen) for option in options))
        case AllOf(wanted, unwanted):
            return and_(
                *(shared_condition(part, index, seen=seen) for part in wanted),
                *(not_(shared_condition(part, index, seen=seen)) for part in unwanted),
            )


def finds_many(connection: Connection, match: TextMatch, share: float) -> bool:
    """Whether `match` finds more than `share` of the library's papers, as the planner
    estimates from the words' statistics (EXPLAIN of the tsqueries it may see: 1-3 ms,
    no paper read). Lists then test papers against the found ids as a hash table rather
    than look each found paper up (search._tsquery_condition)."""
    index = PAPER_SEARCH.alias("estimated")
    statement = select(index.c.rowid).where(shared_condition(match, index, seen=True))
    compiled = statement.compile(dialect=connection.dialect)
    explained = f"EXPLAIN (FORMAT JSON) {compiled}"
    plan = connection.exec_driver_sql(explained, compiled.params).scalar_one()
    estimated = float(plan[0]["Plan"]["Plan Rows"])
    papers = connection.execute(_PAPERS_ESTIMATED).scalar_one()
    return estimated > share * max(float(papers or 0), 0.0)


_DATED: dict[str, bool] = {}  # by library address: whether its words hold their dates


def words_dated(connection: Connection) -> bool:
    """Whether the shared library's rows of words hold their papers' dates
    (search_ddl.LISTED_ORDER, which `in_list_order` reads): a library made before them
    lists as before until its owner's init-shared adds them. Asked once a run per library."""
    address = connection.engine.url.render_as_string()
    if address not in _DATED:
        holds = connection.exec_driver_sql(search_ddl.HAS_LISTED_ORDER).scalar_one()
        _DATED[address] = bool(holds)
    return _DATED[address]


def _unseen(query: ColumnElement[str]) -> ColumnElement[str]:
    """The tsquery worked out once, as a value the planner does not see: it then reads the
    GIN index (estimating a few matches), where for a common word it would read the whole
    table and decompress every paper's words to test them (1.6 s for 데이터셋 at 180,000
    papers, 0.2 s through the index; the cost of decompressing is not in its sums)."""
    return select(query).scalar_subquery()


def _one_column(match: TextMatch) -> str | None:
    """The column of `paper_search` every phrase of `match` is on, if they share one and
    none is looked up by its word pairs."""
    phrases = all_phrases(match)
    if any(_by_pairs(phrase) for phrase in phrases):
        return None
    columns = {_COLUMNS[phrase.field] for phrase in phrases}
    return columns.pop() if len(columns) == 1 else None


def _by_pairs(phrase: Text) -> bool:
    """Whether a phrase is looked up by its word pairs: of several words (cut as a shared
    library cuts them: ASCII punctuation is a space, search_ddl.readinglist_words). A
    misjudged count costs time, never papers: `_paired` finds a word alone too."""
    return _words(phrase) > 1


def _pairs_say(phrase: Text) -> bool:
    """Whether the pairs alone say which papers hold a phrase (two words in a field whose
    pairs are its own; search_ddl.readinglist_pairs_exact says it for sure). Its papers are
    then read from the pairs alone (`_paired_ids`); a longer phrase's candidates, each
    checked on its words, are joined with the words' rows (`_paired`): looking each up
    took longer (132,500 candidates of `"chain of thought"`)."""
    return phrase.field in _OWN_PAIRS and _words(phrase) == 2


def _words(phrase: Text) -> int:
    words = phrase.value.translate(_SPACED).split()
    return sum(any(character.isalnum() for character in word) for word in words)


def _paired(phrase: Text, index: NamedFromClause, *, seen: bool) -> ColumnElement[bool]:
    """A phrase's papers through its word pairs in its field (search_ddl.PAIRS): those whose
    `paper_pairs` hold the phrase's pairs, then, unless the pairs alone say it (two words,
    in a field whose pairs are its own, on a paper whose pairs are all there), its words
    checked in order on the field's column, which reads each candidate's words (0.6-0.9 s
    for `GPT-4o` at 180,000 papers, where the pairs' lookup reads none). An EXISTS, which
    PostgreSQL joins as a semi-join where it stands alone (the pairs' candidates looked up,
    and only theirs checked), and tests paper by paper elsewhere (a list's first screen)."""
    pairs = PAPER_PAIRS.alias("paired")
    held = _pairs_hold(phrase, pairs, index, seen=seen)
    return exists().where(pairs.c.rowid == index.c.rowid, held)


def _paired_ids(phrase: Text, *, dated: bool = False) -> Select[tuple[Any]]:
    """The ids of a lone phrase's papers, from its word pairs (`_paired`'s), each candidate
    whose pairs do not say it alone checked on its own row of words: no join with every
    paper's row (`GPT-4o`, 134,463 found by the pairs alone, read no words at all); each
    with its paper's date when `dated`."""
    pairs = PAPER_PAIRS.alias("paired")
    index = PAPER_SEARCH.alias("checked")
    held = _pairs_hold(phrase, pairs, index, seen=False, own=True)
    ids = select(pairs.c.rowid).where(held)
    return ids.add_columns(pairs.c.last_seen) if dated else ids


def _pairs_hold(
    phrase: Text,
    pairs: NamedFromClause,
    index: NamedFromClause,
    *,
    seen: bool,
    own: bool = False,
) -> ColumnElement[bool]:
    """Whether `pairs`' row holds the phrase: its pairs found, then exact or checked on the
    words (`index`'s row: the paper's own, looked up when `own`)."""
    words = phrase.value
    query = _hidden(func.readinglist_pairs_query(words, _PAIR_FIELDS[phrase.field]), seen)
    checked: ColumnElement[bool] = index.c[_COLUMNS[phrase.field]].op("@@")(
        _hidden(tsquery(phrase), seen)
    )
    if own:
        its_row = select(checked).where(index.c.rowid == pairs.c.rowid)
        checked = its_row.scalar_subquery().is_(true())
    if phrase.field in _OWN_PAIRS:
        exact = _hidden(func.readinglist_pairs_exact(words, type_=Boolean), seen)
        checked = or_(and_(exact, pairs.c.complete), checked)
    return and_(pairs.c.pairs.op("@@")(query), checked)


def _hidden(value: ColumnElement[Any], seen: bool) -> ColumnElement[Any]:
    return value if seen else _unseen(value)


def _merged(match: TextMatch) -> ColumnElement[str]:
    """`match` as one tsquery (its phrases all on one column)."""
    match match:
        case Text():
            return tsquery(match)
        case AnyOf(options):
            return _folded("tsquery_or", [_merged(option) for option in options])
        case AllOf(wanted, unwanted):
            query = _folded("tsquery_and", [_merged(part) for part in wanted])
            if not unwanted:
                return query
            excluded = _folded("tsquery_or", [_merged(part) for part in unwanted])
            return func.tsquery_and(query, func.tsquery_not(excluded))


def _folded(function: str, queries: list[ColumnElement[str]]) -> ColumnElement[str]:
    joined = queries[0]
    for query in queries[1:]:
        joined = getattr(func, function)(joined, query)
    return joined


def noted_condition(
    match: TextMatch, index: NamedFromClause, states: NamedFromClause
) -> ColumnElement[bool]:
    """`match` on a paper's shared words and the reader's note on it (`states`' row), each
    term on either, as FTS5 tests a row of all its columns."""
    match match:
        case Text(_, field):
            query = _unseen(tsquery(match))
            shared = index.c[_COLUMNS[field]].op("@@")(query)
            if field in _IN_NOTES:
                return or_(shared, states.c[_NOTE_SEARCH].op("@@")(query))
            return shared
        case AnyOf(options):
            return or_(*(noted_condition(option, index, states) for option in options))
        case AllOf(wanted, unwanted):
            return and_(
                *(noted_condition(part, index, states) for part in wanted),
                *(not_(noted_condition(part, index, states)) for part in unwanted),
            )


def found(
    match: TextMatch, *, once: bool = False, dated: bool = False
) -> Select[tuple[Any]] | CompoundSelect[tuple[Any]]:
    """The ids of the papers `match` finds, for the person connected; each `once` (for a
    count), else a paper with a note may come twice. A match that looks in no field a note
    is in (`author:"anna rossi"`) on the shared words alone: the papers with a note of the
    reader's are not checked twice (their check read every candidate's authors again
    through their index, 100 ms of 180-250 at 180,000 papers). `dated`: each id once, with
    its paper's `last_seen` (`in_list_order`)."""
    index = PAPER_SEARCH.alias("found")
    notes = _STATES.alias("found_note")
    if isinstance(match, Text) and _pairs_say(match):
        unnoted = _paired_ids(match, dated=dated)
    else:
        unnoted = select(index.c.rowid).where(shared_condition(match, index))
        if dated:
            unnoted = unnoted.add_columns(index.c.last_seen)
    if not _reads_notes(match):
        return unnoted
    states = _STATES.alias("noted_state")
    apart = once or _excludes(match)
    if apart:  # a word of a paper's note may leave it out
        # A hashed NOT IN of the reader's noted papers (a few hundred), tested as each found
        # row is read: NOT EXISTS was an anti-join, which the planner made a lookup a found
        # paper once a list's other tests were on the same rows (`데이터셋 -로봇 is:unread`,
        # 16,981 papers: 116 ms against 79 at 180,000 papers).
        its_id = unnoted.selected_columns[0]
        unnoted = unnoted.where(its_id.not_in(select(notes.c.paper_id).where(_noted(notes))))
    elif _any_phrase(match):
        in_notes = _in_own_notes(match, states)
        return union_all(unnoted, _with_date(_once(in_notes, match, states, dated), dated))
    noted_index = PAPER_SEARCH.alias("noted")
    # Each of the reader's noted papers (a few hundred) looked up and checked, a scalar
    # subquery never made a join: as a join, PostgreSQL read every paper's row to hash it
    # against them (60-90 ms at 180,000 papers, at load 5).
    its_row = select(noted_condition(match, noted_index, states)).where(
        noted_index.c.rowid == states.c.paper_id
    )
    noted = select(states.c.paper_id).where(_noted(states), its_row.scalar_subquery().is_(true()))
    if not apart:  # a paper whose note holds no phrase of the match: its shared words say
        noted = _once(noted.where(_in_note(match, states)), match, states, dated)
    return union_all(unnoted, _with_date(noted, dated))


def _once(
    noted: Select[tuple[Any]], match: TextMatch, states: NamedFromClause, dated: bool
) -> Select[tuple[Any]]:
    """The reader's noted papers (`states`' rows) that `match` finds beside those its shared
    words find, when `dated` (a list, which then needs no DISTINCT: 10-20 ms of a common
    word's 130 at 180,000 papers): those their shared words find left out, each looked up
    (a few: their note holds a phrase of the match)."""
    if not dated:
        return noted
    index = PAPER_SEARCH.alias("shared_too")
    found_so = exists().where(index.c.rowid == states.c.paper_id, shared_condition(match, index))
    return noted.where(~found_so)


def in_list_order(
    match: TextMatch, descending: bool, other_statuses: Sequence[str] = ()
) -> Select[tuple[Any]]:
    """The ids of the papers `match` finds, out of the reader's trash and without one of the
    reader's `other_statuses` (`is:unread 데이터셋`: a test against their own rows, hashed
    once), in the list's default order (`last_seen`, newest first when `descending`, then by
    id), from the found rows of words alone: each carries its paper's date
    (search_ddl.LISTED_ORDER), so they are sorted as they are read. A common word's list
    otherwise walked every paper's entry in the list's index, testing each against a hash of
    the found ids, and a few found papers were each looked up for their date
    (docs/postgres-notes.md, seventh pass). A paper its shared words and the reader's note
    both find comes once (`found(dated=True)`).

    Sorted as one number a paper (`_packed`: its date, then its id), which PostgreSQL sorts
    as bare values rather than rows: 20-30 ms less of a common word's 130-150."""
    words, *noted = _parts(found(match, dated=True))
    parts = [_packed_and_kept(words, descending, other_statuses, hashed=True)]
    parts += [_packed_and_kept(part, descending, other_statuses, hashed=False) for part in noted]
    packed: ColumnElement[int] = literal_column("packed")
    in_order = (parts[0] if len(parts) == 1 else union_all(*parts)).order_by(
        packed.desc() if descending else packed
    )
    return select(_unpacked(in_order.subquery("in_order").c.packed, descending))


def _packed_and_kept(
    part: Select[tuple[Any]], descending: bool, other_statuses: Sequence[str], *, hashed: bool
) -> Select[Any]:
    """A part of `found`'s ids (`_parts`) as their packed numbers, out of the reader's trash
    and without one of `other_statuses`: each paper tested against a hash of those, `hashed`
    (the found rows of words, many), or looked up in them (the reader's noted papers, a few:
    a second hash of their 22,000 other statuses took 7-12 ms of `is:unread 데이터셋`)."""
    from readinglist.library.trash import trashed

    paper_id, date = part.selected_columns
    packed = _packed(date, paper_id, descending).label("packed")
    kept = part.with_only_columns(packed, maintain_column_froms=True)
    in_trash = trashed()
    if hashed:
        kept = kept.where(not_(paper_id.in_(in_trash)))
    else:
        kept = kept.where(~in_trash.where(in_trash.selected_columns[0] == paper_id).exists())
    if not other_statuses:
        return kept
    if hashed:
        return kept.where(paper_id.not_in(own_states(list(other_statuses))))
    return kept.where(~own_states(list(other_statuses), paper_id).exists())


def _parts(listed: Select[tuple[Any]] | CompoundSelect[tuple[Any]]) -> list[Select[tuple[Any]]]:
    """The SELECTs of `found`'s ids: each is packed and tested in its own scan, where one
    test and one packing of their UNION took two more steps a row (10 ms of a common
    word's 90-100 at 180,000 papers)."""
    if isinstance(listed, CompoundSelect):
        parts = [part for part in listed.selects if isinstance(part, Select)]
        assert len(parts) == len(listed.selects), "found() gives a UNION of plain SELECTs"
        return parts
    return [listed]


# A paper's date and id as one bigint that sorts as the list does: the days since 2000 in the
# high 32 bits, the id in the low (counted down when the list is newest first, so that ties
# of a day still go by id). Ids count the library's papers, far below 2**32.
_ID_BITS = 32
_ID_MASK = 2**_ID_BITS - 1
_EPOCH: ColumnElement[Any] = literal_column("DATE '2000-01-01'")


def _packed(
    date: ColumnElement[Any], paper_id: ColumnElement[int], descending: bool
) -> ColumnElement[int]:
    days = cast(date - _EPOCH, BigInteger).op("<<")(literal_column(str(_ID_BITS)))
    return days + (literal_column(str(_ID_MASK)) - paper_id if descending else paper_id)


def _unpacked(packed: ColumnElement[int], descending: bool) -> ColumnElement[int]:
    paper_id = packed.op("&")(literal_column(str(_ID_MASK)))
    return literal_column(str(_ID_MASK)) - paper_id if descending else paper_id


def _with_date(ids: Select[tuple[Any]], dated: bool) -> Select[tuple[Any]]:
    """`ids` (of the reader's noted papers: a few hundred) each with its paper's date, from
    its row of words, when `dated`."""
    if not dated:
        return ids
    dates = PAPER_SEARCH.alias("dated")
    its_date = select(dates.c.last_seen).where(dates.c.rowid == ids.selected_columns[0])
    return ids.add_columns(its_date.scalar_subquery().label("last_seen"))


def _any_phrase(match: TextMatch) -> bool:
    """Whether `match` is one phrase or a choice of phrases (no AND, no NOT)."""
    match match:
        case Text():
            return True
        case AnyOf(options):
            return all(_any_phrase(option) for option in options)
        case AllOf():
            return False


def _in_own_notes(match: TextMatch, states: NamedFromClause) -> Select[tuple[Any]]:
    """The reader's papers whose own note holds a phrase of `match` (one phrase or a choice
    of them, beside the papers their shared words find, noted or not). A paper its shared
    words match is found by those; so each noted paper's note alone is tested, not its
    shared words again (their row read from TOAST for each of the reader's 900 notes:
    30 ms of 데이터셋's 250 at 180,000 papers, load 4)."""
    return select(states.c.paper_id).where(_noted(states), _in_note(match, states))


def _in_note(match: TextMatch, states: NamedFromClause) -> ColumnElement[bool]:
    """Whether the reader's note (`states`' row) holds any phrase of `match` that a note
    may hold. For a match that leaves nothing out for a word, a noted paper whose note holds
    none is matched by its shared words alone, as the other papers are: only the others
    need their shared words and note checked together (a few, where every noted paper's
    row of words was read from TOAST: 20-30 ms of `video rossi`'s 130 at 180,000 papers)."""
    return or_(
        *(
            states.c[_NOTE_SEARCH].op("@@")(_unseen(tsquery(phrase)))
            for phrase in all_phrases(match)
            if phrase.field in _IN_NOTES
        )
    )


def _reads_notes(match: TextMatch) -> bool:
    """Whether a phrase of `match` looks in the reader's note (any field, or `note:`)."""
    return any(phrase.field in _IN_NOTES for phrase in all_phrases(match))


def _excludes(match: TextMatch) -> bool:
    """Whether `match` leaves papers out for a word (`-word`). When it does not, a paper
    its shared words match is matched whatever its note says, so the papers with a note
    need not be kept apart from the rest (ids may then come twice: `IN` takes them once)."""
    match match:
        case Text():
            return False
        case AnyOf(options):
            return any(_excludes(option) for option in options)
        case AllOf(wanted, unwanted):
            return bool(unwanted) or any(_excludes(part) for part in wanted)


def _noted(states: NamedFromClause) -> ColumnElement[bool]:
    """The reader's rows with a note (an index holds them: `paper_states_noted`)."""
    return and_(states.c.person == current_user(), states.c.note != literal_column("''"))


def rank(match: TextMatch, index: NamedFromClause) -> ColumnElement[float]:
    """How well a paper's shared words match what `match` asks for, best highest
    (ts_rank, title and id weighing most, as FTS5's bm25 weights them)."""
    query = _folded("tsquery_or", [tsquery(phrase) for phrase in wanted_phrases(match)])
    return func.ts_rank(literal_column(RANK_WEIGHTS), index.c.search, query)


def ranked(match: TextMatch, papers: NamedFromClause) -> Select[int]:
    """Papers' ids joined to their words, best first (the caller adds the conditions)."""
    index = PAPER_SEARCH.alias("ranked")
    return (
        select(papers.c.id)
        .join(index, index.c.rowid == papers.c.id)
        .where(papers.c.id.in_(found(match)))
        .order_by(rank(match, index).desc(), papers.c.id)
    )


def tested(match: TextMatch, paper_id: ColumnElement[int]) -> ColumnElement[bool]:
    """Whether the paper `paper_id` (of the statement's papers) matches: its own row of
    `paper_search` and the reader's note tested, as `found` tests every paper. A scalar
    subquery, which PostgreSQL runs for each paper the rest of the statement keeps and
    never turns into a join: a few papers picked by hand with a common word (`status:queued
    transformer`, 2,567 of 143,804) read their few rows rather than the word's whole set."""
    index = PAPER_SEARCH.alias("tested")
    notes = _STATES.alias("tested_note")
    joined = index.outerjoin(notes, and_(notes.c.paper_id == index.c.rowid, _noted(notes)))
    verdict = case(
        (notes.c.paper_id.is_(None), shared_condition(match, index)),
        else_=noted_condition(match, index, notes),
    )
    its_row = select(verdict).select_from(joined).where(index.c.rowid == paper_id)
    return its_row.scalar_subquery().is_(true())


def own_states(
    statuses: list[str] | None, paper_id: ColumnElement[int] | None = None
) -> Select[tuple[Any]]:
    """The ids of the reader's papers with one of `statuses`, or starred (None); of the
    paper `paper_id` only, when given (for NOT EXISTS)."""
    states = _STATES.alias("own")
    which = states.c.starred if statuses is None else states.c.status.in_(statuses)
    own = select(states.c.paper_id).where(states.c.person == current_user(), which)
    return own if paper_id is None else own.where(states.c.paper_id == paper_id)
