"""A shared library's full-text search: the words of each paper as `tsvector`s kept by
triggers, GIN-indexed, searched with prefix `tsquery`s (library/text_match.py builds them).

The words are cut as an SQLite library's FTS5 index cuts them (`unicode61 remove_diacritics
2`): ASCII punctuation is a space between words (so `gpt-4o` is `gpt` `4o`, an arXiv id
`2403.00001` is `2403` `00001`, and PostgreSQL's parser never sees a URL, an e-mail or a
hyphenated word, which it would index twice over), then the `simple` parser (no stemming,
no stop words: Korean particles stay on their word, 데이터셋은 is one word, found by its
prefix 데이터셋) after `unaccent` (Rocktäschel is indexed as rocktaschel). `unaccent` is a
contrib extension shipped in Debian's `postgresql` package and trusted since PostgreSQL 13:
a role that may create objects in the database installs it (`init-shared` does).

`paper_search` holds the shared words of each paper, one row per paper, kept by triggers
on everything they come from (the paper's title, authors and id, its sightings' summaries,
Korean titles and abstracts, its tags, its shared notes): `search` all of them (summaries
weighted D, so `summary:` is a weight; the rest A-C), and a column of its own, with its
own index, for each other field a query can name (title, authors, id, the shared notes).
A person's private note is theirs: `paper_states.note_search`, searched with the shared
words of that person's papers that have a note (library/shared/text_search.py).

Fields never run together: the pieces of `search` are joined with a gap, so a phrase finds
words side by side in one field, as FTS5's columns do. `paper_pairs` holds those words two by
two as they stand side by side in each field (`PAIRS`), so that a phrase is looked up rather
than its words' positions checked on every paper holding them (library/shared/text_search.py).
A field's words past its first 100,000 characters (a hostile digest's) are not searched,
where FTS5 takes them all.
"""

# ASCII punctuation, each character turned into a space (FTS5's unicode61 takes only
# letters and digits into words); doubled quote for SQL.
_PUNCTUATION = "!\"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~"
_SPACES = " " * 32
# A lexeme no text and no query can hold (punctuation is a space in both): the gap between
# two fields of `search`, deleted once it has moved the next field's positions on.
_GAP = "!"
MAX_CHARACTERS = 100_000  # of a field, searched on a shared library
PAIR_WORD = 60  # characters of a word kept in its pairs (`_PAIRS_OF`)
PAIRS_BYTES = 900_000  # of a paper's word pairs: a tsvector holds 1 MB

FUNCTIONS = f"""
CREATE TEXT SEARCH CONFIGURATION readinglist_words (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION readinglist_words
    ALTER MAPPING FOR word, numword, hword, hword_part, hword_numpart, numhword
    WITH {{unaccent}}.unaccent, pg_catalog.simple;

-- The words of a text, as FTS5 cuts them: of its first 100,000 characters, which keeps the
-- tsvector under its limit (1 MB) whatever a digest's field holds. (SQL, so inlined.)
CREATE FUNCTION readinglist_words(words text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('readinglist_words',
        translate(left(coalesce(words, ''), {MAX_CHARACTERS}), '{_PUNCTUATION}', '{_SPACES}'))
$$;

-- A query's text term: its words in that order, the last a prefix (`'large' <-> 'lang':*`),
-- each of `weight` when one is given; words that are all punctuation find nothing, as in
-- FTS5 (a lexeme no text holds).
CREATE FUNCTION readinglist_phrase(words text, weight text DEFAULT '') RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(
        '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''':'
            || CASE WHEN last THEN '*' ELSE '' END || weight,
        ' <-> ' ORDER BY position), '''{_GAP}''')::tsquery
    FROM (
        SELECT w.lexeme, p.position, p.position = max(p.position) OVER () AS last
        FROM unnest(readinglist_words(words)) AS w, unnest(w.positions) AS p (position)
    ) AS found
$$;

"""

# The shared words of each paper (one row per paper, made with it) and their indexes.
TABLE = """
CREATE TABLE paper_search (
    rowid bigint PRIMARY KEY REFERENCES paper_records (id) ON DELETE CASCADE,
    search tsvector NOT NULL DEFAULT '',
    title tsvector NOT NULL DEFAULT '',
    authors tsvector NOT NULL DEFAULT '',
    arxiv_id tsvector NOT NULL DEFAULT '',
    notes tsvector NOT NULL DEFAULT ''
);
CREATE INDEX paper_search_search ON paper_search USING gin (search);
CREATE INDEX paper_search_title ON paper_search USING gin (title);
CREATE INDEX paper_search_authors ON paper_search USING gin (authors);
CREATE INDEX paper_search_arxiv_id ON paper_search USING gin (arxiv_id);
CREATE INDEX paper_search_notes ON paper_search USING gin (notes);
ALTER TABLE paper_states ADD COLUMN note_search tsvector;
CREATE INDEX paper_states_noted ON paper_states (person, paper_id) WHERE note <> '';
"""

# A paper's word pairs, from its words (the tsvector `{words}`): each word with the one that
# follows it side by side, as one lexeme after its field's weight (`d chain of`: a summary's),
# or alone where none does (`b rossi`, a field's last word), each word cut to its first
# PAIR_WORD characters. The weight says which field a pair is in (title a, authors b, the id,
# tags and shared notes c, summaries d): a named field's phrase is looked up in its own
# pairs. NULL where they cannot stand for every phrase of the words: a position at the
# tsvector's last one (16,383, which the words past it share) or more pairs than a tsvector
# holds (a hostile digest's); that paper's phrases are then checked on its words
# (`paper_pairs.complete`). A subquery written into the statements that keep them, so it is
# planned with them, not once per paper.
_PAIRS_OF = f"""(
    SELECT CASE
        WHEN max(at) >= 16383 OR sum(octet_length(pair) + 4) > {PAIRS_BYTES} THEN NULL
        ELSE coalesce(array_to_tsvector(array_agg(pair)), '') END
    FROM (
        SELECT at, field || ' ' || word
            || CASE WHEN next_at = at + 1 THEN ' ' || next ELSE '' END AS pair
        FROM (
            SELECT at, field, word, lead(word) OVER side AS next, lead(at) OVER side AS next_at
            FROM (
                SELECT left(w.lexeme, {PAIR_WORD}) AS word, p.at, lower(p.weight) AS field
                FROM unnest({{words}}) AS w, unnest(w.positions, w.weights) AS p (at, weight)
            ) AS placed
            WINDOW side AS (ORDER BY at)
        ) AS followed
    ) AS paired
)"""


def _pairs_of(words: str) -> str:
    return _PAIRS_OF.replace("{words}", words)


# Each paper's words worked out afresh from what they come from: the title (weight A), the
# authors (B), the id, tags and shared notes (C), then every sighting's summary, Korean title
# and abstract (D, the default), in the order they came; and its word pairs (`_PAIRS_OF`)
# from the words written, in `paper_pairs`, with the paper's date when the rows hold one
# (`LISTED_ORDER`; `{dated}` and `{dating}` below).
_INDEXING = f"""
CREATE OR REPLACE FUNCTION readinglist_index(paper bigint) RETURNS void
LANGUAGE sql AS $$
    WITH worded AS (
        UPDATE paper_search SET (search, title, authors, arxiv_id, notes) = (
            SELECT ts_delete(setweight(t, 'A') || gap || setweight(a, 'B') || gap
                    || setweight(i, 'C') || gap || setweight(g, 'C') || gap
                    || setweight(n, 'C') || gap || s, '{_GAP}'),
                t, a, i, n
            FROM (
                SELECT readinglist_words(r.title) AS t, readinglist_words(r.authors) AS a,
                    readinglist_words(r.arxiv_id) AS i,
                    readinglist_words((SELECT string_agg(tags.name, ' ') FROM paper_tags
                        JOIN tags ON tags.id = paper_tags.tag_id
                        WHERE paper_tags.paper_id = r.id)) AS g,
                    readinglist_words((SELECT string_agg(shared_notes.text, ' ' ORDER BY
                        shared_notes.id) FROM shared_notes
                        WHERE shared_notes.paper_id = r.id)) AS n,
                    readinglist_words((SELECT string_agg(sightings.summary
                        || coalesce(' ' || sightings.title_ko, '')
                        || coalesce(' ' || sightings.abstract, ''), ' '
                        ORDER BY sightings.id)
                        FROM sightings WHERE sightings.paper_id = r.id)) AS s,
                    '''{_GAP}'':1'::tsvector AS gap
                FROM paper_records r WHERE r.id = paper
                OFFSET 0  -- each field's words worked out once, not once per use
            ) AS words
        )
        WHERE rowid = paper
        RETURNING rowid, search{{dated}}
    )
    INSERT INTO paper_pairs (rowid, pairs, complete{{dated}})
    SELECT rowid, coalesce(pairs, '''{_GAP}'''), pairs IS NOT NULL{{dated}}
    FROM worded, LATERAL (
        SELECT {_pairs_of("worded.search")} AS pairs
        OFFSET 0  -- the pairs worked out once, for both their uses
    ) AS paired
    ON CONFLICT (rowid) DO UPDATE SET pairs = excluded.pairs, complete = excluded.complete{{dating}}
$$;
"""


def indexing(*, dated: bool) -> str:
    """`readinglist_index`, writing the paper's date into its row of pairs when `dated`
    (a library with `LISTED_ORDER`: the function's SQL is checked against the tables as it
    is made, so a library gets the dated one once the column is there)."""
    date = ", last_seen" if dated else ""
    dating = ", last_seen = excluded.last_seen" if dated else ""
    return _INDEXING.replace("{dated}", date).replace("{dating}", dating)


# Word pairs (the fourth pass on search, docs/postgres-notes.md; a table of their own since
# the fifth): each paper's adjacent words two by two (`_PAIRS_OF`), kept by
# `readinglist_index` in `paper_pairs`, GIN-indexed. A phrase of two words (`GPT-4o`:
# `'d gpt 4o':*` and the other fields') is then one prefix lookup there, exact, where
# `search @@ 'gpt' <-> '4o':*` rechecks the positions of every paper holding both words,
# reading each one's `search` (0.6-0.9 s for common words at 180,000 papers); a longer one
# is narrowed to the papers holding each of its pairs in one field, then checked on its
# words. A table of its own: `paper_search`'s words, which every other search and every
# check of a phrase reads, stay as compact as they were (534 MB at 180,000 papers, 1,324
# with the pairs among them). Written so that running it again changes nothing but the
# rows' pairs, worked out again (`amending` adds it to an older library: `paper_search`
# locked against writes, never reads, while the papers there get their pairs). Never read
# in parallel: the planner, which does not count what reading a row's pairs from TOAST
# costs, chose a parallel scan of every row's pairs over their index for a join that
# parallel workers made look cheaper (2.3-2.8 s for `"anna rossi"` at 180,000 papers).
PAIRS = f"""
CREATE TABLE IF NOT EXISTS paper_pairs (
    rowid bigint PRIMARY KEY REFERENCES paper_search (rowid) ON DELETE CASCADE,
    pairs tsvector NOT NULL,
    complete boolean NOT NULL
) WITH (toast_tuple_target = 128, parallel_workers = 0);

-- A paper's word pairs (as `pairs` holds them; NULL where it holds '{_GAP}').
CREATE OR REPLACE FUNCTION readinglist_pairs(words tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT {_pairs_of("words")} $$;

-- A query term's words as pairs in one of `fields` (weights: 'abcd' any, 'b' the authors):
-- one or two words, one lexeme whose last word is a prefix (`'d gpt 4o':*`); more, every
-- two side by side, the last a prefix (`'d chain of' & 'd of thought':*`: the papers that
-- may hold the phrase), in one field; or a paper whose pairs are not all there
-- (`'{_GAP}'`). Words that are all punctuation: those papers alone (their words find
-- nothing, readinglist_phrase).
DROP FUNCTION IF EXISTS readinglist_pairs_query(text);
CREATE OR REPLACE FUNCTION readinglist_pairs_query(words text, fields text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (coalesce(string_agg('(' || pairs || ')', ' | ') || ' | ', '')
        || '''{_GAP}''')::tsquery
    FROM (
        SELECT string_agg(
            '''' || replace(replace(field || ' ' || pair, '\\', '\\\\'), '''', '''''') || ''''
                || CASE WHEN n = last THEN ':*' ELSE '' END,
            ' & ' ORDER BY n) AS pairs
        FROM (
            SELECT n, max(n) OVER () AS last, concat_ws(' ', word, next) AS pair
            FROM (
                SELECT n, word, lead(word) OVER (ORDER BY n) AS next, count(*) OVER () AS words
                FROM (
                    SELECT left(w.lexeme, {PAIR_WORD}) AS word,
                        row_number() OVER (ORDER BY p.position) AS n
                    FROM unnest(readinglist_words(words)) AS w,
                        unnest(w.positions) AS p (position)
                ) AS placed
            ) AS followed
            WHERE n = 1 OR n < words
        ) AS paired, unnest(string_to_array(fields, NULL)) AS field
        GROUP BY field
    ) AS in_fields
$$;

-- Whether readinglist_pairs_query(words) finds the papers holding the phrase and no others
-- (of those whose pairs are all there): one or two words, each shorter than a pair's word
-- (a longer one is cut there, and shares its pairs with others).
CREATE OR REPLACE FUNCTION readinglist_pairs_exact(words text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT count(*) BETWEEN 1 AND 2 AND coalesce(max(length(w.lexeme)), 0) < {PAIR_WORD}
    FROM unnest(readinglist_words(words)) AS w, unnest(w.positions) AS p (position)
$$;
{indexing(dated=False)}
-- The papers there already (before their index: one build, not one insert per paper),
-- their words kept from changing meanwhile: members' searches go on, their writes wait.
LOCK TABLE paper_search IN SHARE MODE;
INSERT INTO paper_pairs (rowid, pairs, complete)
SELECT rowid, coalesce(p.pairs, '''{_GAP}'''), p.pairs IS NOT NULL
FROM paper_search, LATERAL (SELECT {_pairs_of("paper_search.search")} AS pairs OFFSET 0) AS p
ON CONFLICT (rowid) DO UPDATE SET pairs = excluded.pairs, complete = excluded.complete;
CREATE INDEX IF NOT EXISTS paper_pairs_pairs ON paper_pairs USING gin (pairs);
"""
# Whether a shared library has `PAIRS` already.
HAS_PAIRS = "SELECT to_regclass('paper_pairs_pairs') IS NOT NULL"
# The pairs as the fourth pass kept them, among `paper_search`'s words (their index goes
# with them): dropped once `PAIRS` is there, in a transaction of its own (`amending`).
OLD_PAIRS = (
    "ALTER TABLE paper_search DROP COLUMN IF EXISTS pairs, DROP COLUMN IF EXISTS pairs_complete"
)
HAS_OLD_PAIRS = (
    "SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'paper_search'::regclass "
    "AND attname = 'pairs' AND NOT attisdropped)"
)

# A paper's row of words, made with the paper (its date in it: `LISTED_ORDER`) and reworked
# as its text changes.
_PAPER_ROW = """
CREATE OR REPLACE FUNCTION paper_search_paper() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO paper_search (rowid, last_seen) VALUES (NEW.id, NEW.last_seen);
    END IF;
    PERFORM readinglist_index(NEW.id);
    RETURN NULL;
END $$;
"""

TRIGGERS = f"""{_PAPER_ROW}

-- For the tables whose rows name a paper (TG_ARGV[0]: the column).
CREATE FUNCTION paper_search_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM readinglist_index((to_jsonb(OLD) ->> TG_ARGV[0])::bigint);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM readinglist_index((to_jsonb(NEW) ->> TG_ARGV[0])::bigint);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION paper_search_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM readinglist_index(paper_id) FROM paper_tags WHERE tag_id = NEW.id;
    RETURN NULL;
END $$;

CREATE FUNCTION paper_search_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.note_search := CASE WHEN NEW.note <> '' THEN readinglist_words(NEW.note) END;
    RETURN NEW;
END $$;

CREATE TRIGGER paper_search_paper AFTER INSERT ON paper_records
    FOR EACH ROW EXECUTE FUNCTION paper_search_paper();
CREATE TRIGGER paper_search_paper_text AFTER UPDATE OF title, authors, arxiv_id
    ON paper_records FOR EACH ROW
    WHEN ((OLD.title, OLD.authors, OLD.arxiv_id) IS DISTINCT FROM
        (NEW.title, NEW.authors, NEW.arxiv_id))
    EXECUTE FUNCTION paper_search_paper();
CREATE TRIGGER paper_search_sighting
    AFTER INSERT OR DELETE OR UPDATE OF summary, title_ko, abstract, paper_id
    ON sightings FOR EACH ROW EXECUTE FUNCTION paper_search_part('paper_id');
-- People's edits rework the words at their commit: a paper's row of words is locked from
-- then to the end of the commit only, so a member's open transaction on a paper (a shared
-- note being written) never holds up another's tag on it. (An import's sightings rework
-- them at once: rules search the papers an import brings before it commits.)
CREATE CONSTRAINT TRIGGER paper_search_tag_link AFTER INSERT OR DELETE OR UPDATE
    ON paper_tags DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION paper_search_part('paper_id');
CREATE CONSTRAINT TRIGGER paper_search_shared_note
    AFTER INSERT OR DELETE OR UPDATE OF text, paper_id ON shared_notes
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION paper_search_part('paper_id');
CREATE CONSTRAINT TRIGGER paper_search_tag_name AFTER UPDATE OF name ON tags
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION paper_search_tag();
CREATE TRIGGER paper_search_note BEFORE INSERT OR UPDATE OF note ON paper_states
    FOR EACH ROW EXECUTE FUNCTION paper_search_note();
"""


# What lists of found papers read (library/sorting.py, search.py; measured at 180,000
# papers, docs/postgres-notes.md), added after shared libraries were first made: so written
# that running it again changes nothing (`setup.init_shared` adds it to an older one).
# - The list's default order (newest digest first, then import order) in an index of its
#   own: a list that tests every paper against the found ids reads it alone, never the
#   table (an index-only scan, 600 pages against the table's 7,600).
# - `paper_search`'s rows kept narrow: every field's words past 128 bytes of a row go to
#   its TOAST table, so that a word's papers, read from the table for their ids, are on
#   2.7x fewer pages (4,900 against 13,300; 156,000 papers found in 71 ms against 187).
#   It holds for rows written from then on (an older library's as its papers change).
SORTING = """
CREATE INDEX IF NOT EXISTS paper_records_last_seen_id ON paper_records (last_seen DESC, id);
ALTER TABLE paper_search SET (toast_tuple_target = 128);
"""
# Whether a shared library has `SORTING` already.
HAS_SORTING = "SELECT to_regclass('paper_records_last_seen_id') IS NOT NULL"

# The list's default order kept with each paper's words and word pairs: `last_seen`, the
# paper's, in `paper_search` and `paper_pairs`, so that a search's whole list is its found
# rows sorted (text_search.in_list_order) rather than every paper's entry in the list's index
# walked and tested against a hash of the found ids, and each found paper looked up for its
# date (measured at 180,002 papers, docs/postgres-notes.md). Set as a paper's rows are made
# (the pairs' by `indexing(dated=True)`), and as its last_seen changes (an import seeing it
# again). Written so that running it again changes nothing; an older library gets it from
# its owner's init-shared (`amending.fill_listed_order`): the columns and what keeps them in a
# moment's lock, then every row of both tables written once in parts of their own, searches
# going on (120 s for the pairs at 180,002 papers, load 1, when it was one locked statement).
# The columns and what keeps them (a paper's rows made with its date, a trigger as it changes).
LISTED_ORDER_KEPT = f"""
ALTER TABLE paper_search ADD COLUMN IF NOT EXISTS last_seen date;
ALTER TABLE paper_pairs ADD COLUMN IF NOT EXISTS last_seen date;
{_PAPER_ROW}
{indexing(dated=True)}
CREATE OR REPLACE FUNCTION paper_search_last_seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE paper_search SET last_seen = NEW.last_seen WHERE rowid = NEW.id;
    UPDATE paper_pairs SET last_seen = NEW.last_seen WHERE rowid = NEW.id;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS paper_search_last_seen ON paper_records;
CREATE TRIGGER paper_search_last_seen AFTER UPDATE OF last_seen ON paper_records
    FOR EACH ROW WHEN (OLD.last_seen IS DISTINCT FROM NEW.last_seen)
    EXECUTE FUNCTION paper_search_last_seen();
"""
LISTED_ORDER_TABLES = ("paper_search", "paper_pairs")


def listed_order_fill(table: str, *, in_parts: bool) -> str:
    """`table`'s rows given their paper's date where they lack it or hold another; `in_parts`:
    those of ids from %(first)s to %(last)s (`amending` fills a library's rows so)."""
    within = (
        f"AND {table}.rowid BETWEEN %(first)s AND %(last)s AND r.id BETWEEN %(first)s AND %(last)s "
        if in_parts
        else ""
    )
    return (
        f"UPDATE {table} SET last_seen = r.last_seen FROM paper_records r "
        f"WHERE r.id = {table}.rowid {within}AND {table}.last_seen IS DISTINCT FROM r.last_seen"
    )


# A new library's (its tables empty): kept, filled, required.
LISTED_ORDER = "\n".join(
    [
        LISTED_ORDER_KEPT,
        *(f"{listed_order_fill(table, in_parts=False)};" for table in LISTED_ORDER_TABLES),
        *(
            f"ALTER TABLE {table} ALTER COLUMN last_seen SET NOT NULL;"
            for table in LISTED_ORDER_TABLES
        ),
    ]
)
# Whether a shared library has `LISTED_ORDER` already.
HAS_LISTED_ORDER = (
    "SELECT count(*) = 2 FROM pg_attribute WHERE attrelid IN ('paper_search'::regclass, "
    "'paper_pairs'::regclass) AND attname = 'last_seen' AND attnotnull AND NOT attisdropped"
)


def schema(unaccent_schema: str) -> list[str]:
    """The statements that make the search, `unaccent` being in `unaccent_schema`."""
    functions = FUNCTIONS.replace("{unaccent}", unaccent_schema)
    return [functions, TABLE, PAIRS, TRIGGERS, SORTING, LISTED_ORDER]
