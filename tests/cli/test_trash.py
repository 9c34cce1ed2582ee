"""`readinglist trash`, `untrash` and `empty-trash`: what they change, say and print as JSON."""

import json

import pytest

from tests.helpers.cli import RunCli


@pytest.mark.usefixtures("filled")
def test_trash_takes_papers_out_of_list_and_untrash_brings_them_back(run: RunCli) -> None:
    assert run("set", "2403.00001", "--tag", "kept", "--note", "mine")[0] == 0

    code, out, _ = run("trash", "2403.00001", "--json")
    assert code == 0
    assert json.loads(out) == {"papers": ["2403.00001"], "in_trash": 1}
    assert json.loads(run("list", "--json")[1])[0]["arxiv_id"] == "2403.00002"
    assert [p["arxiv_id"] for p in json.loads(run("list", "--json", "is:trashed")[1])] == [
        "2403.00001"
    ]
    assert run("list", "tag:kept")[1].strip() == "0 papers"

    code, out, _ = run("untrash", "https://arxiv.org/abs/2403.00001")
    assert (code, out) == (0, "Restored 1 paper from the trash; it holds 0 papers.\n")
    assert json.loads(run("show", "2403.00001", "--json")[1])["note"] == "mine"
    assert run("list", "tag:kept")[1].strip().endswith("1 paper")


@pytest.mark.usefixtures("filled")
def test_an_unknown_id_changes_nothing(run: RunCli) -> None:
    code, _, err = run("trash", "2403.00001", "2403.09999")
    assert code == 1 and "no paper 2403.09999" in err
    assert run("list", "is:trashed")[1].strip() == "0 papers"
    assert run("trash", "not-an-id")[0] == 2


@pytest.mark.usefixtures("filled")
def test_empty_trash_asks_for_yes_and_deletes_only_the_trash(run: RunCli) -> None:
    run("trash", "2403.00001")

    code, _, err = run("empty-trash")
    assert code == 2 and "Delete 1 paper for good?" in err and "--yes" in err
    assert run("list", "is:trashed")[1].strip().endswith("1 paper")

    code, out, _ = run("empty-trash", "--yes", "--json")
    assert (code, json.loads(out)) == (0, {"deleted": 1})
    assert run("show", "2403.00001")[0] == 1
    assert run("list")[1].strip().endswith("1 paper")
    assert run("empty-trash")[1] == "Deleted 0 papers for good.\n"  # nothing to ask about
