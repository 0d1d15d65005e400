"""The policy pages in the public site's search index, in every store language.

The indexed text is the page shoppers read (rendered from the rules, then stripped of
markup), so a search finds exactly what the page says. Publishing a version or a prose
policy queues a re-index task (``policies/tasks.py``) from the policy event; it runs in the
task worker, never in the publishing request. Every function here makes the index match the
pages as they are now, so running one twice, or late, changes nothing more.
"""

import html
from collections.abc import Callable
from typing import Literal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from storedesk.core.models import Store
from storedesk.policies.models import ProsePolicy, ReturnPolicyVersion, ShippingPolicyVersion
from storedesk.policies.selectors import (
    get_return_version_in_force,
    get_shipping_version_in_force,
    list_prose_policies,
    render_prose_policy,
)
from storedesk.policies.site import (
    RETURNS_SLUG,
    SHIPPING_SLUG,
    ReturnsPage,
    ShippingPage,
    build_returns_page,
    build_shipping_page,
    prose_url,
    returns_url,
    shipping_url,
)
from storedesk.publicsite.site import store_languages
from storedesk.search.actions import do_index_document, do_remove_documents

KIND = "policy"


def plain_text(markup: str) -> str:
    """The words of an HTML fragment, for the index: no tags, entities decoded."""
    # A space before each tag keeps the words of adjacent cells and list items apart.
    return " ".join(html.unescape(strip_tags(markup.replace("<", " <"))).split())


def _index_rules_pages[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    store: Store,
    slug: str,
    version: V | None,
    build_page: Callable[[V, Store, str], ReturnsPage | ShippingPage],
    url: Callable[[str], str],
) -> None:
    """The page of the version in force in every store language, as its template
    ``_<slug>.html`` shows it; without a version in force, the page leaves the index."""
    if version is None:
        do_remove_documents(store, kind=KIND, key=slug)
        return
    for language in store_languages(store):
        page = build_page(version, store, language)
        with translation.override(language):
            body = render_to_string(f"policies/public/_{slug}.html", {"page": page})
        do_index_document(
            store,
            kind=KIND,
            key=slug,
            language=language,
            title=page.title,
            body=plain_text(body),
            url=url(language),
        )


def index_returns_pages(store: Store) -> None:
    version = get_return_version_in_force(store)
    _index_rules_pages(store, RETURNS_SLUG, version, build_returns_page, returns_url)


def index_shipping_pages(store: Store) -> None:
    version = get_shipping_version_in_force(store)
    _index_rules_pages(store, SHIPPING_SLUG, version, build_shipping_page, shipping_url)


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


PolicyKind = Literal["returns", "shipping", "prose"]

_INDEXERS: dict[str, Callable[[Store], None]] = {
    "returns": index_returns_pages,
    "shipping": index_shipping_pages,
}


def index_policy(store: Store, *, kind: PolicyKind, slug: str | None = None) -> None:
    """Bring the index up to date with one published (or withdrawn) policy: the returns or
    shipping pages, or one prose policy by ``slug`` (all of them without one)."""
    if kind == "prose":
        index_prose_policies(store, slug=slug)
    else:
        _INDEXERS[kind](store)
