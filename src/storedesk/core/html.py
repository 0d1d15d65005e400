"""Sanitising HTML that comes from outside (inbound email, formatted replies, Markdown)."""

from html import escape
from html.parser import HTMLParser

import nh3

# Formatting a message may keep; everything else (scripts, styles, forms, frames, event
# handlers, javascript: URLs) is removed, its text kept where it has any.
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "hr",
    "i", "img", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
_URL_SCHEMES = {"http", "https", "mailto", "tel", "cid"}
# Where a blocked image's address waits until an agent chooses to load it (core/app.js).
BLOCKED_SRC = "data-blocked-src"


def sanitize_html(html: str, *, trusted_images: bool = False) -> str:
    """``html`` with only harmless formatting left; links open safely in a new context.

    Images of HTML from outside are blocked: opening a message must not tell its sender
    that, when and from where it was read (a tracking pixel), nor make the agent's browser
    request an address of this site with the agent's cookies. An image with an absolute
    ``http(s)`` address keeps it in ``data-blocked-src`` (nothing loads it until the agent
    asks); any other source (relative, this site's own paths, ``cid:``) is dropped. Markdown
    written by staff (``trusted_images``) keeps its images as they are.
    """
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        attribute_filter=None if trusted_images else _only_remote_image_sources,
    )
    if trusted_images or "<img" not in cleaned:
        return cleaned
    blocker = _ImageBlocker()
    blocker.feed(cleaned)
    blocker.close()
    return "".join(blocker.parts)


def _only_remote_image_sources(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if value.lower().startswith(("https://", "http://")) else None
    return value


class _ImageBlocker(HTMLParser):
    """Re-serialises sanitised HTML with every ``<img src>`` renamed to ``data-blocked-src``.

    The input is nh3's output, so everything but image tags is copied as it came.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            self.parts.append(self.get_starttag_text() or "")
            return
        rendered = "".join(
            f" {BLOCKED_SRC if name == 'src' else name}"
            + ("" if value is None else f'="{escape(value, quote=True)}"')
            for name, value in attrs
        )
        self.parts.append(f"<img{rendered}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.parts.append(f"&#{name};")
