"""`readinglist sources` and `readinglist fetch`: subscriptions served by a local HTTP server
(127.0.0.1), caught up day by day, each day fetched once."""

import datetime as dt
import json

import pytest

from readinglist.core.sources.registry import FORMATS
from tests.helpers.cli import RunCli
from tests.helpers.digest_server import DigestServer, ago, closed_port, day_digest, day_path

TODAY = dt.date.today()


def _add_daily(run: RunCli, template: str, since: dt.date) -> None:
    assert run("sources", "add", "daily", template, "--since", since.isoformat())[0] == 0


def test_sources_add_list_remove(run: RunCli) -> None:
    template = "https://example.org/{yyyy}/{mm}/{dd}.md"
    code, out, _ = run("sources", "add", "daily", template, "--since", "2024-03-01")
    assert (code, out) == (0, f"added daily: {template} (any format, since 2024-03-01)\n")
    code, out, _ = run(
        "sources", "add", "hf", "https://hf.example/api?date={date}", "--format", "hf-daily-json"
    )
    assert code == 0
    code, out, _ = run("sources", "list")
    assert code == 0
    assert out.splitlines()[-1] == "2 subscriptions"
    assert "hf-daily-json" in out and template in out
    code, out, _ = run("sources", "list", "--json")
    sources = json.loads(out)["sources"]
    assert [s["name"] for s in sources] == ["daily", "hf"]
    assert sources[0] == {
        "name": "daily",
        "url_template": template,
        "format": None,
        "since": "2024-03-01",
        "checked_at": None,
        "last_error": None,
    }
    assert run("sources", "remove", "DAILY") == (0, "removed daily\n", "")
    code, _, err = run("sources", "remove", "daily")
    assert code == 1 and "no subscription named 'daily'" in err


@pytest.mark.parametrize(
    ("template", "says"),
    [
        ("file:///etc/{date}", "only http:// and https://"),
        ("https://example.org/today.md", "no date"),
    ],
)
def test_sources_add_refuses_a_template(run: RunCli, template: str, says: str) -> None:
    code, out, err = run("sources", "add", "bad", template)
    assert (code, out) == (1, "")
    assert says in err


def test_sources_add_refuses_a_taken_name_and_an_unknown_format(
    run: RunCli, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("sources", "add", "a", "https://x.org/{date}")[0] == 0
    code, _, err = run("sources", "add", "A", "https://y.org/{date}")
    assert code == 1 and "already a subscription named 'a'" in err
    with pytest.raises(SystemExit) as usage:
        run("sources", "add", "b", "https://y.org/{date}", "--format", "pdf")
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert all(name in err for name in FORMATS), err


def test_fetch_catches_up_the_missing_days_once(run: RunCli, digest_server: DigestServer) -> None:
    digest_server.day(ago(2), day_digest(ago(2), "2403.00001", "2403.00002"))
    digest_server.day(ago(1), day_digest(ago(1), "2403.00003"))
    since = ago(3).isoformat()  # three days ago and today: 404
    assert run("sources", "add", "daily", digest_server.template, "--since", since)[0] == 0

    code, out, _ = run("fetch")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "imported",
        digest_server.url(day_path(ago(2))),
        "2",
        "new",
        "papers,",
        "2",
        "new",
        "appearances",
    ]
    assert lines[1].startswith(f"imported   {digest_server.url(day_path(ago(1)))}")
    assert (
        lines[-1] == "2 files: 2 imported, 0 unchanged, 0 rejected; 3 new papers, 3 new appearances"
    )
    assert {day_path(ago(n)): digest_server.hits[day_path(ago(n))] for n in range(4)} == {
        day_path(ago(n)): 1 for n in range(4)
    }

    code, out, _ = run("fetch", "--json")
    assert (code, json.loads(out)) == (0, {"files": []})
    # imported days are never fetched again; a recent day without a digest is asked again
    assert digest_server.hits[day_path(ago(2))] == digest_server.hits[day_path(ago(1))] == 1
    assert digest_server.hits[day_path(TODAY)] == 2
    assert digest_server.hits[day_path(ago(3))] == 1  # old enough to be given up
    code, out, _ = run("list", "--json")
    assert len(json.loads(out)) == 3


def test_fetch_asks_for_today_again_with_its_etag(run: RunCli, digest_server: DigestServer) -> None:
    digest_server.day(TODAY, day_digest(TODAY, "2403.00001"), etag='"v1"')
    assert (
        run("sources", "add", "daily", digest_server.template, "--since", TODAY.isoformat())[0] == 0
    )
    assert run("fetch")[0] == 0
    code, out, _ = run("fetch", "--json")
    assert code == 0
    url = digest_server.url(day_path(TODAY))
    assert json.loads(out)["files"] == [
        {"path": url, "status": "unchanged", "papers_new": 0, "appearances_new": 0, "error": None}
    ]
    assert digest_server.not_modified == [day_path(TODAY)]


def test_fetch_refuses_a_redirect_to_a_file(run: RunCli, digest_server: DigestServer) -> None:
    digest_server.redirect(day_path(TODAY), "file:///etc/passwd")
    assert (
        run("sources", "add", "daily", digest_server.template, "--since", TODAY.isoformat())[0] == 0
    )
    code, out, _ = run("fetch")
    assert code == 1
    assert out.startswith(f"rejected   {digest_server.url(day_path(TODAY))}  could not fetch it:")
    assert "file:///etc/passwd' is not allowed" in out
    code, out, _ = run("sources", "list", "--json")
    assert "not allowed" in json.loads(out)["sources"][0]["last_error"]


def test_fetch_offline_says_it_once_and_tries_again_later(run: RunCli) -> None:
    port = closed_port()
    template = f"http://127.0.0.1:{port}/{{date}}.md"
    assert run("sources", "add", "daily", template, "--since", ago(5).isoformat())[0] == 0
    code, out, _ = run("fetch", "--json")
    assert code == 1
    files = json.loads(out)["files"]
    assert len(files) == 1  # the first day only: the others would say the same
    assert files[0]["error"]["message"].startswith("could not reach the server")
    code, out, _ = run("fetch", "--json")
    assert len(json.loads(out)["files"]) == 1  # nothing was written of the day: asked again


def test_fetch_names_the_subscriptions_to_fetch(run: RunCli, digest_server: DigestServer) -> None:
    digest_server.day(TODAY, day_digest(TODAY, "2403.00001"))
    assert run("sources", "add", "a", digest_server.template, "--since", TODAY.isoformat())[0] == 0
    other = digest_server.url("/other/{date}.md")
    assert run("sources", "add", "b", other, "--since", TODAY.isoformat())[0] == 0
    code, out, _ = run("fetch", "a")
    assert code == 0 and "1 imported" in out
    assert digest_server.hits[f"/other/{TODAY}.md"] == 0
    code, _, err = run("fetch", "c")
    assert code == 1 and "no subscription named 'c'" in err


def test_a_json_endpoint_gives_its_papers_the_day_asked(
    run: RunCli, digest_server: DigestServer
) -> None:
    """`?date={date}` of a Hugging Face daily list whose items carry no date of their own."""
    day = ago(1)
    items = b'[{"paper": {"id": "2403.00009", "title": "Nine", "upvotes": 4}}]'
    digest_server.routes["/api/daily_papers"] = lambda handler: handler.answer(
        200 if f"date={day}" in handler.path else 404, items, "application/json"
    )
    template = digest_server.url("/api/daily_papers?date={date}")
    since = day.isoformat()
    assert (
        run("sources", "add", "hf", template, "--format", "hf-daily-json", "--since", since)[0] == 0
    )
    code, out, _ = run("fetch", "--json")
    assert code == 0
    assert [file["path"] for file in json.loads(out)["files"]] == [
        digest_server.url(f"/api/daily_papers?date={day}")
    ]
    code, out, _ = run("show", "--json", "2403.00009")
    assert json.loads(out)["sightings"] == [
        {"source": "hf-daily-json", "date": str(day), "votes": 4}
    ]
