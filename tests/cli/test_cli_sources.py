"""`import --format`, a paper's sightings, abstract and links in JSON, and `source:` queries."""

import argparse
import json

import pytest

from readinglist.cli.registry import command_named
from readinglist.core.listing import SortKey
from readinglist.core.sources.registry import FORMATS
from tests.helpers.cli import RunCli
from tests.helpers.digests import DigestWriter, FakeEntry, entries
from tests.helpers.sources import hf_day, hf_paper

GITHUB = "https://github.com/example/code"


@pytest.fixture
def two_sources(run: RunCli, digests: DigestWriter) -> None:
    """2403.00001 in a Markdown digest and on Hugging Face; 2403.00002 in the digest only."""
    markdown = digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    item = hf_paper("2403.00001", "T", upvotes=40, abstract="An abstract.", github=GITHUB)
    hugging_face = digests.write_text("d.json", hf_day("2024-03-02", item))
    assert run("import", str(markdown), str(hugging_face))[0] == 0


def test_the_format_choices_are_the_registrys() -> None:
    parser = argparse.ArgumentParser()
    command_named("import").add_arguments(parser)

    choices = [action.choices for action in parser._actions if action.dest == "format_name"]

    assert choices == [FORMATS]


def test_import_format_forces_a_format_and_says_papers_by_id_only(
    run: RunCli, digests: DigestWriter
) -> None:
    path = digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))

    code, out, _ = run("import", "--format", "arxiv-ids", str(path))

    assert code == 0
    assert out.splitlines()[0].endswith("2 new papers, 2 new appearances, 2 papers by id only")
    assert out.splitlines()[-1].endswith("2 papers by id only")


def test_import_json_counts_papers_by_id_only(run: RunCli, digests: DigestWriter) -> None:
    path = digests.write_text("ids.txt", "See arXiv:2403.00001 today.")

    code, out, _ = run("import", "--json", str(path))

    assert code == 0 and json.loads(out)["files"][0]["by_id_only"] == 1


def test_an_unknown_format_is_a_usage_error(run: RunCli, digests: DigestWriter) -> None:
    path = digests.write("d.md", "2024-03-01", entries("2403.00001"))

    with pytest.raises(SystemExit) as exit_info:
        run("import", "--format", "pdf", str(path))

    assert exit_info.value.code == 2


@pytest.mark.usefixtures("two_sources")
def test_show_json_gives_sightings_abstract_and_links(run: RunCli) -> None:
    code, out, _ = run("show", "--json", "2403.00001")

    shown = json.loads(out)
    assert code == 0
    assert shown["sightings"] == [
        {"source": "daily-papers-md", "date": "2024-03-01", "votes": 10},
        {"source": "hf-daily-json", "date": "2024-03-02", "votes": 40},
    ]
    assert shown["abstract"] == "An abstract."
    assert shown["links"]["github"] == GITHUB
    assert shown["links"]["arxiv"] == "https://arxiv.org/abs/2403.00001"


@pytest.mark.usefixtures("two_sources")
def test_a_source_term_lists_the_papers_seen_there(run: RunCli) -> None:
    code, out, _ = run("list", "--json", "source:hf-daily-json")
    assert code == 0 and [paper["arxiv_id"] for paper in json.loads(out)] == ["2403.00001"]

    code, out, _ = run("list", "--json", "-source:HF-daily-json")
    assert code == 0 and [paper["arxiv_id"] for paper in json.loads(out)] == ["2403.00002"]


@pytest.mark.usefixtures("two_sources")
def test_an_unknown_source_is_a_bad_query_naming_the_sources(run: RunCli) -> None:
    code, _, err = run("list", "source:rss")

    assert code == 2
    assert "'rss' is not a source; the sources are daily-papers-md, hf-daily-json" in err


@pytest.fixture
def seen_again(run: RunCli, digests: DigestWriter) -> None:
    """2403.00001 seen three times (10, 12, 13 votes: 3 gained), 2403.00002 twice (5, 25:
    20 gained), 2403.00003 once (nothing to compare)."""
    days = {
        "2024-03-01": {"2403.00001": 10, "2403.00002": 5, "2403.00003": 7},
        "2024-03-02": {"2403.00001": 12, "2403.00002": 25},
        "2024-03-03": {"2403.00001": 13},
    }
    for day, votes in days.items():
        papers = [FakeEntry(arxiv_id, votes=count) for arxiv_id, count in votes.items()]
        assert run("import", str(digests.write(f"{day}.md", day, papers)))[0] == 0


def listed(run: RunCli, *args: str) -> list[str]:
    code, out, err = run("list", "--json", *args)
    assert (code, err) == (0, "")
    return [paper["arxiv_id"] for paper in json.loads(out)]


def test_the_sort_choices_are_every_sort_key() -> None:
    parser = argparse.ArgumentParser()
    command_named("list").add_arguments(parser)

    choices = [action.choices for action in parser._actions if action.dest == "sort"]

    assert choices == [[key.value for key in SortKey] + ["relevance"]]
    assert {"seen", "rising"} <= {key.value for key in SortKey}


@pytest.mark.usefixtures("seen_again")
def test_list_sorts_by_sightings_and_by_votes_gained(run: RunCli) -> None:
    assert listed(run, "--sort", "seen") == ["2403.00001", "2403.00002", "2403.00003"]
    assert listed(run, "--sort", "seen", "--reverse") == ["2403.00003", "2403.00002", "2403.00001"]
    # Like votes: papers with nothing to compare last, first when reversed.
    assert listed(run, "--sort", "rising") == ["2403.00002", "2403.00001", "2403.00003"]
    assert listed(run, "--sort", "rising", "--reverse") == [
        "2403.00003",
        "2403.00001",
        "2403.00002",
    ]
    assert listed(run, "seen:>1", "--sort", "rising", "--limit", "1") == ["2403.00002"]
    assert listed(run, "seen:3") == ["2403.00001"]


@pytest.mark.usefixtures("seen_again")
def test_json_says_how_often_a_paper_was_seen_and_what_it_gained(run: RunCli) -> None:
    code, out, _ = run("list", "--json", "--sort", "seen")

    figures = {p["arxiv_id"]: (p["seen_count"], p["rising"]) for p in json.loads(out)}
    assert code == 0
    assert figures == {"2403.00001": (3, 3), "2403.00002": (2, 20), "2403.00003": (1, None)}
    code, out, _ = run("show", "--json", "2403.00002")
    assert code == 0 and (json.loads(out)["seen_count"], json.loads(out)["rising"]) == (2, 20)
