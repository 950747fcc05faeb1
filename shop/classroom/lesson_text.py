"""A lesson's Markdown as safe HTML.

markdown-it-py (CommonMark) parses it with raw HTML turned off, so `<script>` or
`<img onerror=…>` written in a lesson stays visible text, and its link check drops
`javascript:`, `vbscript:`, `file:` and `data:` links. Pictures come only from the
lesson's own uploads (`![…](foto:<pk>)`); any other image address is shown as its
description, so a lesson never makes a reader's phone fetch from elsewhere. nh3 (the
Ammonia sanitiser) then keeps only the tags and attributes listed here: whatever the
parser or a future plugin lets through, nothing else reaches the page."""

from collections.abc import Callable, Mapping

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

PICTURE_SCHEME = "foto:"
TAGS = {
    "a", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "img", "li", "ol", "p",
    "pre", "s", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "loading"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "data"}


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "breaks": False}).enable(
        ["table", "strikethrough"]
    )
    # A lesson's own headings are h2 to h4: the page's h1 is the lesson's title.
    parser.add_render_rule("heading_open", _heading_open)
    parser.add_render_rule("heading_close", _heading_close)
    return parser


def _level(token) -> str:
    return f"h{min(max(int(token.tag[1]), 2), 4)}"


def _heading_open(self, tokens, index, options, env):
    return f"<{_level(tokens[index])}>"


def _heading_close(self, tokens, index, options, env):
    return f"</{_level(tokens[index])}>\n"


def _image(self, tokens, index, options, env):
    token = tokens[index]
    alt = escapeHtml(self.renderInlineAsText(token.children or [], options, env))
    source = str(token.attrGet("src") or "")
    picture = None
    if source.startswith(PICTURE_SCHEME) and source[len(PICTURE_SCHEME) :].isdigit():
        picture = env["pictures"].get(int(source[len(PICTURE_SCHEME) :]))
    if picture is None:
        return f"<em>{alt}</em>" if alt else ""
    return (
        f'<img src="{env["source"](picture)}" alt="{alt}" width="{picture.width}" '
        f'height="{picture.height}" loading="lazy">'
    )


def lesson_html(
    *, body: str, pictures: Mapping[int, object], picture_source: Callable[[object], str]
) -> str:
    """The lesson's text as HTML to show as is. `pictures` maps a picture's pk to the
    lesson's picture (width, height); `picture_source` gives the address to print."""
    parser = _parser()
    parser.add_render_rule("image", _image)
    html = parser.render(body, {"pictures": pictures, "source": picture_source})
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
