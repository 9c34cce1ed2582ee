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


def offering(**given: object) -> Paper:
    """A paper its sources offered tags and categories for, seen in gbdata365's Korean JSON."""
    return dataclasses.replace(
        paper(),
        title_ko="종이학 접기 학습",
        suggested_tags=("로보틱스", "llm"),
        categories=("cs.RO", "cs.LG"),
        **given,  # type: ignore[arg-type]
    )


def test_the_korean_title_shows_under_the_english_one(qtbot: QtBot) -> None:
    pane = shown(qtbot, offering())

    assert pane.title_label.text() == "Attention Is All You Need"
    assert pane.title_ko_label.text() == "종이학 접기 학습"
    assert not pane.title_ko_label.isHidden()


def test_no_korean_title_takes_no_line(qtbot: QtBot) -> None:
    pane = shown(qtbot, paper())
    assert pane.title_ko_label.isHidden()

    korean_only = dataclasses.replace(paper(), title="희소 등불", title_ko="희소 등불")
    pane.show_paper(korean_only)
    assert pane.title_ko_label.isHidden()  # the title shown already is the Korean one


def test_suggested_tags_are_links_and_categories_a_line(qtbot: QtBot) -> None:
    pane = shown(qtbot, offering())

    text = pane.suggested_label.text()
    assert text.startswith("Suggested tags: ")
    assert '<a href="readinglist:add-tag/0">로보틱스</a> · ' in text
    assert '<a href="readinglist:add-tag/1">llm</a>' in text
    assert "Categories: cs.RO · cs.LG" in pane.categories_label.text()


def test_a_suggested_tag_is_added_only_when_clicked(qtbot: QtBot) -> None:
    pane = shown(qtbot, offering())
    added: list[tuple[int, str]] = []
    pane.tag_suggested.connect(lambda paper_id, tag: added.append((paper_id, tag)))
    pane.tags_edited.connect(lambda *_: added.append((-1, "tags edited")))

    pane.show_paper(offering())  # shown again: nothing applied by itself
    assert added == []

    pane.suggested_label.linkActivated.emit("readinglist:add-tag/1")

    assert added == [(1, "llm")]


def test_tags_the_paper_carries_are_not_offered(qtbot: QtBot) -> None:
    pane = shown(qtbot, offering(tags=("LLM",)))
    assert "llm" not in pane.suggested_label.text()

    pane.show_paper(offering(tags=("LLM", "로보틱스")))
    assert pane.suggested_label.isHidden()


def test_votes_over_time_show_as_a_sparkline_of_each_days_votes(qtbot: QtBot) -> None:
    days = [dt.date(2025, 3, 3), dt.date(2025, 3, 4), dt.date(2025, 3, 7)]
    seen = (
        DigestAppearance(days[0], 12, 1, "hf-daily-json"),
        DigestAppearance(days[0], 10, 1, "gbdata365-json"),  # the day's highest counts
        DigestAppearance(days[1], None, 2),  # no votes given: no point
        DigestAppearance(days[1], 25, 2, "hf-daily-json"),
        DigestAppearance(days[2], 40, 1, "hf-daily-json"),
    )
    pane = shown(qtbot, dataclasses.replace(paper(), digests=seen))
    trend = pane.votes_trend

    assert not trend.isHidden()
    assert trend.sparkline.points == [(days[0], 12), (days[1], 25), (days[2], 40)]
    assert trend.caption.text() == "12 → 40 votes"
    assert trend.toolTip().startswith("<qt>Votes: 12 on 2025-03-03 → 40 on 2025-03-07<br>")
    assert "2025-03-04: 25" in trend.toolTip()
    line = trend.sparkline.polygon()
    xs, ys = [line.at(i).x() for i in range(3)], [line.at(i).y() for i in range(3)]
    assert xs == sorted(xs) and xs[0] < xs[1] < xs[2]  # days along
    assert ys[0] > ys[1] > ys[2]  # more votes higher up
    assert (xs[1] - xs[0]) < (xs[2] - xs[1])  # one day, then three


def test_the_sparkline_hides_below_two_voted_days(qtbot: QtBot) -> None:
    day = dt.date(2025, 3, 3)
    once = (DigestAppearance(day, 12, 1), DigestAppearance(day, 14, 1, "hf-daily-json"))
    pane = shown(qtbot, dataclasses.replace(paper(), digests=once))
    assert pane.votes_trend.isHidden()

    pane.show_paper(None)
    assert pane.votes_trend.isHidden()
