"""A query's text terms as one expression for a full-text index, whichever the engine.

`library.search` gathers the text terms that sit side by side (or in an OR, or excluded)
into one `TextMatch`, which an SQLite library hands to its FTS5 index as one MATCH (`fts5`)
and a shared library turns into `tsquery`s (library/shared/text_search.py). Each phrase is
its words in order, the last a prefix (`"large lang"*`).
"""

from dataclasses import dataclass

from readinglist.core.query_terms import Text, TextField

# The FTS5 index's columns a field names (schema v3, migrations.py).
FTS5_COLUMNS = {
    TextField.TITLE: "title",
    TextField.AUTHORS: "authors",
    TextField.SUMMARY: "summary",
    TextField.NOTE: "note",
    TextField.ARXIV_ID: "arxiv_id",
}


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every one of `wanted` and none of `unwanted`."""

    wanted: tuple["TextMatch", ...]
    unwanted: tuple["TextMatch", ...] = ()


@dataclass(frozen=True, slots=True)
class AnyOf:
    options: tuple["TextMatch", ...]


type TextMatch = Text | AllOf | AnyOf  # a Text term is a phrase: its words, the last a prefix


def all_of(wanted: list[TextMatch], unwanted: list[TextMatch]) -> TextMatch:
    """`wanted` all, none of `unwanted` (at least one wanted)."""
    if len(wanted) == 1 and not unwanted:
        return wanted[0]
    return AllOf(tuple(wanted), tuple(unwanted))


def any_of(options: list[TextMatch]) -> TextMatch:
    return options[0] if len(options) == 1 else AnyOf(tuple(options))


def fts5(match: TextMatch, *, nested: bool = False) -> str:
    """`match` as an FTS5 query (MATCH's parameter)."""
    match match:
        case Text(value, field):
            phrase = '"' + value.replace('"', '""') + '"*'
            column_name = FTS5_COLUMNS.get(field)
            return f"{{{column_name}}} : {phrase}" if column_name else phrase
        case AnyOf(options):
            return "(" + " OR ".join(fts5(option, nested=True) for option in options) + ")"
        case AllOf(wanted, unwanted):
            both = " AND ".join(fts5(part, nested=True) for part in wanted)
            if unwanted:
                both = f"({both}) NOT {fts5(any_of(list(unwanted)), nested=True)}"
            return f"({both})" if nested else both


def wanted_phrases(match: TextMatch) -> list[Text]:
    """The phrases `match` asks for, not those it excludes (what relevance ranks by)."""
    match match:
        case Text():
            return [match]
        case AnyOf(parts) | AllOf(parts):
            return [found for part in parts for found in wanted_phrases(part)]


def all_phrases(match: TextMatch) -> list[Text]:
    """Every phrase in `match`, wanted or excluded."""
    match match:
        case Text():
            return [match]
        case AnyOf(parts):
            return [found for part in parts for found in all_phrases(part)]
        case AllOf(wanted, unwanted):
            return [found for part in (*wanted, *unwanted) for found in all_phrases(part)]
