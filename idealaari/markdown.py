"""Markdown to safe HTML: markdown-it-py renders, nh3 sanitises."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}


def _demote_headings(html: str) -> str:
    # The page owns the single h1; Markdown headings start at h2.
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def render_markdown(text: str | None) -> Markup:
    """Render member-written Markdown to HTML that carries no script, frame or handler."""
    if not text:
        return Markup("")
    html = _demote_headings(_md.render(text))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow ugc",
    )
    return Markup(clean)
