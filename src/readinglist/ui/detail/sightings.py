"""What the detail pane says of a paper's sightings: where it was seen and since when, the
links its sources gave, and the English abstract shown beside the (often Korean) summary.

Rich text for the pane's labels and browser, every outside text escaped. Votes that no
source gave are left unsaid: a missing number is not zero.
"""

import html

from readinglist.core.paper import Paper
from readinglist.core.render import clip
from readinglist.ui.i18n import count_text, source_label, tr

ABSTRACT_SHOWN = 20_000  # characters, as much as a summary (a source's abstract is cut there)
ERROR_SHOWN = 200  # characters of a generator's error message (they are short)


def links_html(paper: Paper) -> str:
    """`arXiv:ID · GitHub · Project page · Hugging Face`, each a link (GitHub and the project
    page where a source gave them)."""
    links = paper.all_links
    named = [
        (paper.url, f"arXiv:{paper.arxiv_id}"),  # the link its first digest gave
        (links.github, tr("GitHub")),
        (links.project, tr("Project page")),
        (links.hugging_face, tr("Hugging Face")),
    ]
    return " · ".join(
        f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'
        for url, text in named
        if url
    )


def seen_text(paper: Paper) -> str:
    """ "Seen 3 times since 2024-03-01, in Daily Papers Markdown and …; 40 votes": empty for a
    paper seen once in one source (the digests' line says all there is)."""
    count, sources = len(paper.digests), paper.sources
    if count < 2:
        return ""
    seen = tr("Seen {n} times since {day}, in {sources}").format(
        n=count_text(count),
        day=paper.first_seen.isoformat(),
        sources=", ".join(source_label(name) for name in sources),
    )
    if paper.votes is not None:
        seen += tr(" · {n} votes").format(n=count_text(paper.votes))
    return html.escape(seen)


def abstract_html(paper: Paper) -> str:
    """The abstract under its heading, after the summary (and what stood in a summary's
    place when it was a generator's error message); nothing without either."""
    flagged = ""
    if paper.summary_error:
        said = clip(paper.summary_error, ERROR_SHOWN)
        flagged = tr("No summary: the source's generator wrote an error instead ({error})")
        flagged = f"<p><i>{html.escape(flagged.format(error=said))}</i></p>"
    if not paper.abstract:
        return flagged
    heading = html.escape(tr("Abstract"))
    text = html.escape(clip(paper.abstract, ABSTRACT_SHOWN))
    return f"{flagged}<h4>{heading}</h4><p>{text}</p>"


ADD_TAG = "readinglist:add-tag/"  # a link's target: the suggested tag of that index follows


def offered_tags(paper: Paper) -> list[str]:
    """The tags its sources suggest that the paper does not carry (in any case)."""
    carried = {tag.lower() for tag in paper.tags}
    return [tag for tag in paper.suggested_tags if tag.lower() not in carried]


def suggested_tags_html(offered: list[str]) -> str:
    """ "Suggested tags: robotics · llm", each a link that adds it (`ADD_TAG` + its index):
    nothing is tagged until it is clicked."""
    if not offered:
        return ""
    links = " · ".join(
        f'<a href="{ADD_TAG}{index}">{html.escape(tag)}</a>' for index, tag in enumerate(offered)
    )
    return html.escape(tr("Suggested tags:")) + " " + links


def categories_text(paper: Paper) -> str:
    """ "Categories: cs.CL · cs.AI" as rich text; empty without any."""
    if not paper.categories:
        return ""
    said = tr("Categories: {categories}").format(categories=" · ".join(paper.categories))
    return f"<small>{html.escape(said)}</small>"


def rules_text(paper: Paper) -> str:
    """ "Rules: Robots · Long context", the rules that acted on it (at its import, or applied
    later), as rich text; empty when none did."""
    if not paper.rules:
        return ""
    said = tr("Rules: {rules}").format(rules=" · ".join(paper.rules))
    return f"<small>{html.escape(said)}</small>"
