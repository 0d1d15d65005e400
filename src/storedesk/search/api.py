"""Search over HTTP: ``router`` for API tokens and staff (mounted at /api/v1/help/search),
``public_router`` for the chat widget and the shop's pages (mounted at /widget/v1/search),
which names its store by the widget's public key."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from storedesk.accounts.auth import request_actor
from storedesk.core.api import ERROR_STATUSES, ErrorResponse, Text
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimit, check
from storedesk.livechat.errors import OriginNotAllowed
from storedesk.livechat.middleware import allow_widget_origins
from storedesk.livechat.selectors import foreign_origin, get_widget_by_key, origin_allowed
from storedesk.search.models import KIND_MAX_LENGTH
from storedesk.search.selectors import MAX_LIMIT, SearchHit, resolve_language, search_documents

# A shopper typing sends a query per keystroke or two; this is many shoppers behind one
# address, not one shopper.
PUBLIC_SEARCH_LIMIT = RateLimit(scope="search.public", limit=300, window=60)
# Longer queries are accepted and cut (selectors.MAX_QUERY_LENGTH); beyond this a request
# is not a search.
MAX_QUERY_PARAMETER = 1000

router = Router()
public_router = Router()


class SearchQuery(Schema):
    q: Annotated[str, Text(MAX_QUERY_PARAMETER)]
    lang: Annotated[str, Text(35)] | None = None
    limit: int = Field(10, ge=1, le=MAX_LIMIT)
    kind: list[Annotated[str, Text(KIND_MAX_LENGTH, min_length=1)]] | None = Field(
        None, max_length=10
    )


class PublicSearchQuery(SearchQuery):
    key: Annotated[str, Text(40, min_length=1)]


class HitOut(Schema):
    kind: str
    key: str
    language: str
    title: str
    url: str
    snippet: str
    score: float


class SearchOut(Schema):
    # The language searched first: ``lang`` when the store has it, else its default.
    language: str
    hits: list[HitOut]


def _search(store: Store, query: SearchQuery) -> SearchOut:
    language = resolve_language(store, query.lang)
    hits = search_documents(
        store, language=language, query=query.q, limit=query.limit, kinds=query.kind
    )
    return SearchOut(language=language, hits=[_hit(hit) for hit in hits])


def _hit(hit: SearchHit) -> HitOut:
    return HitOut(
        kind=hit.kind,
        key=hit.key,
        language=hit.language,
        title=hit.title,
        url=hit.url,
        snippet=hit.snippet,
        score=hit.score,
    )


@router.get("/search", response={200: SearchOut, ERROR_STATUSES: ErrorResponse})
def search(request: HttpRequest, query: Query[SearchQuery]) -> SearchOut:
    """The store's help center articles and policies that match ``q``, best first: in
    ``lang`` first, then in the store's default language."""
    return _search(request_actor(request).store, query)


@public_router.get(
    "/search", auth=None, response={200: SearchOut, ERROR_STATUSES | {429}: ErrorResponse}
)
def public_search(request: HttpRequest, query: Query[PublicSearchQuery]) -> SearchOut:
    """What the widget shows as the shopper types; ``key`` is the chat widget's public key."""
    widget = get_widget_by_key(query.key)
    origin = foreign_origin(request.headers.get("Origin"), host=request.get_host())
    if not origin_allowed(widget, origin):
        raise OriginNotAllowed("This website may not run the store's chat widget.")
    allow_widget_origins(request, widget.allowed_origins)
    check(
        PUBLIC_SEARCH_LIMIT,
        f"{widget.pk}:{request.META.get('REMOTE_ADDR', '')}",
        message="Too many searches; try again in a minute.",
    )
    return _search(widget.store, query)
