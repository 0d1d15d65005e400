"""Help-center events: published after commit so open editors and caches can refresh."""

from typing import Literal

from storedesk.core.events import Event


class ArticleEvent(Event):
    """A translation of an article was published or unpublished, or the article deleted
    (``language`` is None then: every translation went with it)."""

    type: Literal["help_article"] = "help_article"
    op: Literal["published", "unpublished", "deleted"]
    article_id: int
    slug: str
    language: str | None = None
