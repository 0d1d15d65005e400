"""Public policy pages of the help center: returns, shipping and the prose policies, in
every store language, rendered from the published rules."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from storedesk.core.models import Store
from storedesk.policies.models import ReturnPolicyVersion, ShippingPolicyVersion
from storedesk.policies.selectors import (
    get_return_version_in_force,
    get_shipping_version_in_force,
)
from storedesk.policies.site import (
    build_returns_page,
    build_shipping_page,
    get_prose_page,
    returns_title,
    shipping_title,
)
from storedesk.publicsite.site import (
    public_context,
    public_page,
    render_public,
)


def _not_published(
    request: HttpRequest, store: Store, language: str, title: str | None = None
) -> HttpResponse:
    context = public_context(request, store, language, alternates={}) | {"title": title}
    return render_public(
        request, "policies/public/not_published.html", context, language=language, status=404
    )


@dataclass(frozen=True, slots=True)
class _Rules[V: (ReturnPolicyVersion, ShippingPolicyVersion)]:
    """What the public return and shipping pages differ in."""

    kind: Literal["returns", "shipping"]
    get_in_force: Callable[[Store], V | None]
    build_page: Callable[[V, Store, str], object]
    title: Callable[[], str]


RETURNS = _Rules("returns", get_return_version_in_force, build_returns_page, returns_title)
SHIPPING = _Rules("shipping", get_shipping_version_in_force, build_shipping_page, shipping_title)


@require_GET
@public_page
def rules_page[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    request: HttpRequest, store: Store, shown: str, rules: _Rules[V]
) -> HttpResponse:
    """The return or shipping rules in force (the URL configuration passes ``rules``), or a
    404 page that says none are published."""
    version = rules.get_in_force(store)
    if version is None:
        return _not_published(request, store, shown, _title(rules.title, shown))
    context = public_context(request, store, shown) | {
        "page": rules.build_page(version, store, shown)
    }
    return render_public(request, f"policies/public/{rules.kind}.html", context, language=shown)


@require_GET
@public_page
def prose_page(request: HttpRequest, store: Store, shown: str, slug: str) -> HttpResponse:
    found = get_prose_page(store, slug, shown)
    if found is None:
        return _not_published(request, store, shown)
    _policy, rendered = found
    context = public_context(request, store, shown) | {
        "policy": rendered,
        "fell_back": rendered.language != shown,
    }
    return render_public(request, "policies/public/prose.html", context, language=shown)


def _title(title: Callable[[], str], language: str) -> str:
    with translation.override(language):
        return title()
