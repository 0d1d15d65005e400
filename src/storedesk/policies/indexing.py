"""The policy pages in the help center's search index, in every store language.

The indexed text is the page shoppers read (rendered from the rules, then stripped of
markup), so a search finds exactly what the page says. Publishing a version or a prose
policy re-indexes through the policy event, after the publishing transaction commits.
"""

import html
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from storedesk.core.events import Event, subscribe
from storedesk.core.models import Store
from storedesk.helpcenter.site import store_languages
from storedesk.policies.events import PolicyEvent
from storedesk.policies.models import ProsePolicy
from storedesk.policies.selectors import (
    get_return_version_in_force,
    get_shipping_version_in_force,
    list_prose_policies,
    render_prose_policy,
)
from storedesk.policies.site import (
    RETURNS_SLUG,
    SHIPPING_SLUG,
    build_returns_page,
    build_shipping_page,
    prose_url,
    returns_url,
    shipping_url,
)
from storedesk.search.actions import do_index_document, do_remove_documents

KIND = "policy"


def plain_text(markup: str) -> str:
    """The words of an HTML fragment, for the index: no tags, entities decoded."""
    # A space before each tag keeps the words of adjacent cells and list items apart.
    return " ".join(html.unescape(strip_tags(markup.replace("<", " <"))).split())


def index_returns_pages(store: Store) -> None:
    version = get_return_version_in_force(store)
    if version is None:
        do_remove_documents(store, kind=KIND, key=RETURNS_SLUG)
        return
    for language in store_languages(store):
        page = build_returns_page(version, store, language)
        with translation.override(language):
            body = render_to_string("policies/public/_returns.html", {"page": page})
        do_index_document(
            store,
            kind=KIND,
            key=RETURNS_SLUG,
            language=language,
            title=page.title,
            body=plain_text(body),
            url=returns_url(language),
        )


def index_shipping_pages(store: Store) -> None:
    version = get_shipping_version_in_force(store)
    if version is None:
        do_remove_documents(store, kind=KIND, key=SHIPPING_SLUG)
        return
    for language in store_languages(store):
        page = build_shipping_page(version, store, language)
        with translation.override(language):
            body = render_to_string("policies/public/_shipping.html", {"page": page})
        do_index_document(
            store,
            kind=KIND,
            key=SHIPPING_SLUG,
            language=language,
            title=page.title,
            body=plain_text(body),
            url=shipping_url(language),
        )


def index_prose_policy(store: Store, policy: ProsePolicy) -> None:
    """A published policy in each store language (the default language's text where a
    language has none, as the page shows); an unpublished one leaves the index."""
    if not policy.is_published:
        do_remove_documents(store, kind=KIND, key=policy.slug)
        return
    for language in store_languages(store):
        rendered = render_prose_policy(policy, language)
        if rendered is None:
            do_remove_documents(store, kind=KIND, key=policy.slug, language=language)
            continue
        do_index_document(
            store,
            kind=KIND,
            key=policy.slug,
            language=language,
            title=rendered.title,
            body=plain_text(rendered.html),
            url=prose_url(language, policy.slug),
        )


def index_prose_policies(store: Store, *, slug: str | None = None) -> None:
    policies = list_prose_policies(store, published_only=False)
    if slug is not None:
        policies = policies.filter(slug=slug)
        if not policies.exists():
            # Deleted: nothing to show, nothing to find.
            do_remove_documents(store, kind=KIND, key=slug)
            return
    for policy in policies:
        index_prose_policy(store, policy)


def index_policy_pages(store: Store) -> None:
    """(Re)index every policy page of ``store`` in every store language."""
    index_returns_pages(store)
    index_shipping_pages(store)
    index_prose_policies(store)


_INDEXERS: dict[str, Callable[[Store], None]] = {
    "returns": index_returns_pages,
    "shipping": index_shipping_pages,
}


def handle_policy_event(event: Event) -> None:
    if not isinstance(event, PolicyEvent):
        return
    store = Store.objects.filter(pk=event.store_id).first()
    if store is None:
        return
    if event.kind == "prose":
        index_prose_policies(store, slug=event.slug)
    else:
        _INDEXERS[event.kind](store)


_unsubscribe: Callable[[], None] | None = None


def connect() -> None:
    """Index policy pages whenever a policy is published (once, however often called)."""
    global _unsubscribe
    if _unsubscribe is None:
        _unsubscribe = subscribe(handle_policy_event, event_type="policy")
