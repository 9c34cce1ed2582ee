"""The detail pane shows a paper's sightings: the abstract after the summary, its sources'
links, and "seen before" (how often, since when, where); nothing is said of votes unknown."""

import dataclasses
import datetime as dt

from pytestqt.qtbot import QtBot

from readinglist.core.paper import DigestAppearance, Paper
from readinglist.core.sources.sighting import Links
from readinglist.ui.detail.pane import DetailPane
from tests.helpers.papers import paper

GITHUB = "https://github.com/example/code"


def shown(qtbot: QtBot, shown_paper: Paper) -> DetailPane:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_paper(shown_paper)
    qtbot.waitUntil(pane.is_settled)
    return pane


def seen_twice() -> Paper:
    day = dt.date(2024, 3, 1)
    return dataclasses.replace(
        paper(),
        digests=(DigestAppearance(day, 12, 1), DigestAppearance(day, 40, 3, "hf-daily-json")),
        abstract="We fold paper cranes <b>by robot</b>.",
        links=Links.of("2403.00001", {"github": GITHUB}),
        votes=40,
    )


def test_the_abstract_follows_the_summary(qtbot: QtBot) -> None:
    pane = shown(qtbot, seen_twice())

    text = pane.summary_view.toPlainText()
    assert text.index("Second point.") < text.index("Abstract") < text.index("We fold paper")
    assert "<b>by robot</b>" in text  # markup in an abstract is text


def test_the_sources_links_are_offered(qtbot: QtBot) -> None:
    pane = shown(qtbot, seen_twice())

    links = pane.link_label.text()
    assert f'href="{GITHUB}"' in links and ">GitHub<" in links
    assert 'href="https://huggingface.co/papers/2403.00001"' in links
    assert "Project page" not in links  # no source gave one


def test_seen_before_says_how_often_since_when_and_where(qtbot: QtBot) -> None:
    pane = shown(qtbot, seen_twice())

    assert pane.seen_label.text() == (
        "Seen 2 times since 2024-03-01, in Daily Papers Markdown, "
        "Hugging Face daily papers (JSON) · 40 votes"
    )


def test_a_paper_seen_once_without_votes_says_neither(qtbot: QtBot) -> None:
    once = dataclasses.replace(
        paper(), digests=(DigestAppearance(dt.date(2024, 3, 1), None, 1),), votes=None
    )

    pane = shown(qtbot, once)

    assert pane.seen_label.text() == ""
    assert "votes" not in pane.digests_label.text()
    assert "Abstract" not in pane.summary_view.toPlainText()


def test_a_generators_error_is_said_as_such_not_as_the_summary(qtbot: QtBot) -> None:
    flagged = dataclasses.replace(paper(), summary=(), summary_error="번역 중 오류 발생")

    pane = shown(qtbot, flagged)

    text = pane.summary_view.toPlainText()
    assert text == "No summary: the source's generator wrote an error instead (번역 중 오류 발생)"
