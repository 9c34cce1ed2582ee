"""`import --format`, a paper's sightings, abstract and links in JSON, and `source:` queries."""

import argparse
import json

import pytest

from readinglist.cli.registry import command_named
from readinglist.core.sources.registry import FORMATS
from tests.helpers.cli import RunCli
from tests.helpers.digests import DigestWriter, entries
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
