"""Markdown written by staff (help-center articles, prose policies) rendered to safe HTML."""

from markdown_it import MarkdownIt

from storedesk.core.html import sanitize_html

# CommonMark with tables and strikethrough; raw HTML in the source is shown as text, and
# the result still goes through the sanitiser, so neither a typo nor a pasted snippet can
# put a script on a public page.
_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_renderer.enable(["table", "strikethrough"])


def render_markdown(source: str) -> str:
    """The sanitised HTML for the Markdown ``source``."""
    # Staff choose the images of their own pages; only email and other outside HTML has
    # its images blocked.
    return sanitize_html(_renderer.render(source), trusted_images=True)
