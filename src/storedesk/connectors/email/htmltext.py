"""A readable plain text of an HTML mail: what the inbox lists, searches and strips the
quoted history from. Quoted blocks (``<blockquote>``) become ``>`` lines, as a plain-text
client would have written them, so one quote rule serves both kinds of mail."""

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Their content is never text a reader sees.
_HIDDEN = frozenset({"head", "script", "style", "title", "template", "noscript", "xml"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr"})
_SPACES = re.compile(r"[ \t\r\n\f\u200b]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.quote_depth = 0
        self.hidden_depth = 0
        self.pre_depth = 0
        self.link_href: list[str | None] = []
        self.link_text: list[str] = []

    def _break(self, *, line_break: bool = False) -> None:
        """End the current line; a block's end adds no line where it has no text, but a
        ``<br>`` does (mail clients write blank lines as ``<div><br></div>``)."""
        text = "".join(self.current)
        self.current = []
        if self.pre_depth == 0:
            text = text.strip()
        if not text and not line_break:
            return
        prefix = "> " * self.quote_depth
        for line in text.split("\n"):
            self.lines.append((prefix + line).rstrip())

    def _blank(self) -> None:
        self._break()
        if self.lines and self.lines[-1].strip("> "):
            self.lines.append(("> " * self.quote_depth).rstrip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            if tag not in _VOID:
                self.hidden_depth += 1
            return
        if self.hidden_depth:
            return
        if tag == "br":
            self._break(line_break=True)
        elif tag in {"p", "blockquote", "table", "hr"}:
            self._blank()
            if tag == "hr":
                self.lines.append("> " * self.quote_depth + "---")
        elif tag in _BLOCKS:
            self._break()
        if tag == "blockquote":
            self.quote_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "li":
            self.current.append("- ")
        elif tag == "td" or tag == "th":
            self.current.append(" ")
        elif tag == "a":
            self.link_href.append(dict(attrs).get("href"))
            self.link_text.append("")
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self.handle_data(f"[{alt}]")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
            return
        if self.hidden_depth:
            return
        if tag == "a" and self.link_href:
            href = self.link_href.pop()
            text = self.link_text.pop().strip()
            if href and href.startswith(("http://", "https://")) and href not in text:
                self.current.append(f" ({href})" if text else href)
            return
        if tag == "blockquote":
            # The quote's last line ends inside it; the blank line after it is outside.
            self._break()
            self.quote_depth = max(0, self.quote_depth - 1)
            self._blank()
        elif tag in {"p", "table"}:
            self._blank()
        elif tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden_depth:
            return
        if not self.pre_depth:
            data = _SPACES.sub(" ", data)
            if self.current and self.current[-1].endswith(" ") and data.startswith(" "):
                data = data[1:]
            if not self.current and data.startswith(" "):
                data = data[1:]
        self.current.append(data)
        if self.link_text:
            self.link_text[-1] += data

    def text(self) -> str:
        self._break()
        lines: list[str] = []
        for line in self.lines:
            # One blank line between paragraphs, however the HTML nested its blocks.
            if not line.strip("> ") and (not lines or not lines[-1].strip("> ")):
                continue
            lines.append(line)
        while lines and not lines[-1].strip("> "):
            lines.pop()
        return "\n".join(lines).strip("\n")


def html_to_text(html: str) -> str:
    """The text a reader of ``html`` sees, one paragraph after another."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.text()
