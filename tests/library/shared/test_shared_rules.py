"""Rules on a shared library: a shared rule is seen by every member and changed by its owner
alone, it only tags (a star, a status and first in Today are each member's own: refused when
shared, and a shared rule stored with them anyway acts by its tags alone), whoever imports
its tags land for everyone, and a private rule stays its owner's; names are each owner's.
The database refuses a shared rule that does more than tag, whatever SQL writes it."""

import dataclasses

import psycopg
import pytest
from psycopg import errors

from readinglist.core.paper import ReadingStatus
from readinglist.library import papers as store
from readinglist.library import rules
from readinglist.library.database import Library, utc_now
from readinglist.library.driver import fetch
from readinglist.library.importer import import_paths
from readinglist.library.rules import Rule, RuleError, add_rule, list_rules, set_shared
from readinglist.library.shared import ddl
from tests.helpers.digests import DigestWriter, FakeEntry
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import connected_as

ROBOTS = FakeEntry("2403.00001", title="Robots fold cranes", votes=9)
SPEECH = FakeEntry("2403.00002", title="Speech at scale", votes=2)


def added(library: Library, rule: Rule) -> Rule:
    with library.writing() as connection:
        return add_rule(connection, rule, utc_now())


def rules_of(library: Library) -> list[tuple[str, str | None, bool, bool]]:
    """Each rule a member sees: name, owner, shared, theirs."""
    with library.reading() as connection:
        return [(r.name, r.owner, r.shared, r.mine) for r in list_rules(connection)]


type Looks = tuple[bool, ReadingStatus, tuple[str, ...], tuple[str, ...]]


def looks(library: Library, arxiv_id: str) -> Looks:
    """A paper as a member sees it: star, status, tags, the rules that acted (detail's)."""
    with library.reading() as connection:
        paper = store.load_paper(connection, arxiv_id)
        assert paper is not None
        return paper.starred, paper.status, paper.tags, paper.rules


def test_a_shared_rule_is_everyones_to_see_and_its_owners_to_change(
    member_libraries: tuple[Library, Library], members: tuple[str, str]
) -> None:
    alice, bob = member_libraries
    shared = added(alice, Rule(0, "Robots", "robots", ("robotics",), shared=True))
    added(alice, Rule(0, "Mine", "speech", star=True))

    assert rules_of(alice) == [
        ("Robots", members[0], True, True),
        ("Mine", members[0], False, True),
    ]
    assert rules_of(bob) == [("Robots", members[0], True, False)]
    for change in (
        lambda connection: set_shared(connection, shared, False),
        lambda connection: rules.remove_rule(connection, "Robots"),
    ):
        with bob.writing() as connection, pytest.raises(RuleError) as refused:
            change(connection)
        assert str(refused.value) == (
            f"the rule Robots is {members[0]}'s, shared with you: only {members[0]} can change it"
        )
    own = added(bob, Rule(0, "robots", "robots votes:>5", star=True))  # names are each owner's
    with bob.reading() as connection:
        assert rules.find_rule(connection, "ROBOTS") == own
    with bob.writing() as connection, pytest.raises(RuleError, match="already a rule named"):
        add_rule(connection, Rule(0, "Robots", "x", star=True), utc_now())

    with alice.writing() as connection:
        set_shared(connection, shared, False)
    assert rules_of(bob) == [("robots", members[1], False, True)]


def test_a_shared_rule_only_tags(member_libraries: tuple[Library, Library]) -> None:
    alice, _ = member_libraries
    tagging = Rule(0, "Robots", "robots", ("robotics",), shared=True)
    for wanted in (
        dataclasses.replace(tagging, star=True),
        dataclasses.replace(tagging, status=ReadingStatus.QUEUED),
        dataclasses.replace(tagging, first=True),
    ):
        with alice.writing() as connection, pytest.raises(RuleError) as refused:
            add_rule(connection, wanted, utc_now())
        assert "a shared rule only adds tags" in str(refused.value)
    starring = added(alice, Rule(0, "Robots", "robots", ("robotics",), star=True))
    with alice.writing() as connection, pytest.raises(RuleError, match="only adds tags"):
        set_shared(connection, starring, True)
    assert rules_of(alice)[0][2] is False  # still private


def test_whoever_imports_a_shared_rules_tags_land_for_everyone(
    member_libraries: tuple[Library, Library],
    members: tuple[str, str],
    digests: DigestWriter,
) -> None:
    alice, bob = member_libraries
    added(alice, Rule(0, "Robots", "robots", ("robotics",), shared=True))
    added(alice, Rule(0, "Mine", "robots", star=True))  # alice's own: her imports only
    added(bob, Rule(0, "Queue", "robots", status=ReadingStatus.QUEUED))

    report = import_paths(bob, [digests.write("b.md", "2024-03-01", [ROBOTS, SPEECH])])

    assert report.files[0].rules == ((f"Robots ({members[0]})", 1), ("Queue", 1))
    assert looks(bob, ROBOTS.arxiv_id) == (
        False,
        ReadingStatus.QUEUED,
        ("robotics",),
        (f"Robots ({members[0]})", "Queue"),
    )
    assert looks(alice, ROBOTS.arxiv_id) == (
        False,
        ReadingStatus.UNREAD,
        ("robotics",),
        ("Robots",),
    )
    assert looks(alice, SPEECH.arxiv_id) == (False, ReadingStatus.UNREAD, (), ())


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO rules (name, query, star, shared, created_at) "
        "VALUES ('Starred', 'robots', true, true, now())",
        "INSERT INTO rules (name, query, status, shared, created_at) "
        "VALUES ('Queued', 'robots', 'queued', true, now())",
        "INSERT INTO rules (name, query, first, shared, created_at) "
        "VALUES ('First', 'robots', true, true, now())",
        "UPDATE rules SET shared = true WHERE name = 'Mine'",
        "UPDATE rules SET star = true WHERE name = 'Tagging'",
        "UPDATE rules SET status = 'skipped' WHERE name = 'Tagging'",
    ],
)
def test_the_database_refuses_a_shared_rule_that_does_more_than_tag(
    shared: PostgresDatabase, members: tuple[str, str], statement: str
) -> None:
    """Raw SQL as a member, past the app: the CHECK on `rules` refuses it."""
    with connected_as(shared, members[0]) as alice:
        alice.execute(
            "INSERT INTO rules (name, query, tags, shared, created_at) VALUES "
            "('Tagging', 'robots', '[\"robotics\"]', true, now()), "
            "('Mine', 'speech', '[]', false, now())"
        )
        alice.execute("UPDATE rules SET star = true WHERE name = 'Mine'")  # private: its own

        with pytest.raises(errors.CheckViolation, match=ddl.SHARED_RULE_CHECK_NAME):
            alice.execute(statement)
        kept = alice.execute("SELECT name, shared, star, status FROM rules ORDER BY id")
        assert kept.fetchall() == [("Tagging", True, False, None), ("Mine", False, True, None)]


def test_a_shared_rule_stored_with_a_star_acts_by_its_tags_alone(
    shared: PostgresDatabase, member_libraries: tuple[Library, Library], digests: DigestWriter
) -> None:
    """As it may be in a library made before the database's check (ddl.SHARED_RULE_CHECK)
    and not yet given it by `init-shared` (amending.py)."""
    alice, bob = member_libraries
    with psycopg.connect(shared.url, autocommit=True) as admin:
        admin.execute(f"ALTER TABLE rules DROP CONSTRAINT {ddl.SHARED_RULE_CHECK_NAME}".encode())
    added(alice, Rule(0, "Robots", "robots", ("robotics",), star=True))
    with alice.writing() as connection:  # past the library's refusal, in SQL by hand
        fetch(connection, "UPDATE rules SET shared = true RETURNING id")

    import_paths(bob, [digests.write("b.md", "2024-03-01", [ROBOTS])])
    import_paths(
        alice, [digests.write("a.md", "2024-03-02", [FakeEntry("2403.00003", title="Robots")])]
    )

    assert looks(bob, ROBOTS.arxiv_id)[:3] == (False, ReadingStatus.UNREAD, ("robotics",))
    assert looks(alice, "2403.00003")[:3] == (False, ReadingStatus.UNREAD, ("robotics",))
