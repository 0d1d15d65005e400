"""Public policy pages of the help center: returns, shipping and the prose policies, in
every store language, rendered from the published rules."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.views.decorators.http import require_GET

from storedesk.core.models import Store
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
    public_language,
    public_store,
    render_public,
    swap_language,
)


def _page_language(request: HttpRequest, store: Store, language: str) -> str | HttpResponse:
    """The page language, or a redirect to the same page in the store's default language."""
    shown, fell_back = public_language(store, language)
    if fell_back:
        return redirect(swap_language(request.get_full_path(), shown))
    return shown


def _not_published(
    request: HttpRequest, store: Store, language: str, title: str | None = None
) -> HttpResponse:
    context = public_context(request, store, language, alternates={}) | {"title": title}
    return render_public(
        request, "policies/public/not_published.html", context, language=language, status=404
    )


@require_GET
def returns_page(request: HttpRequest, language: str) -> HttpResponse:
    store = public_store(request)
    shown = _page_language(request, store, language)
    if isinstance(shown, HttpResponse):
        return shown
    version = get_return_version_in_force(store)
    if version is None:
        return _not_published(request, store, shown, _title(returns_title, shown))
    context = public_context(request, store, shown) | {
        "page": build_returns_page(version, store, shown)
    }
    return render_public(request, "policies/public/returns.html", context, language=shown)


@require_GET
def shipping_page(request: HttpRequest, language: str) -> HttpResponse:
    store = public_store(request)
    shown = _page_language(request, store, language)
    if isinstance(shown, HttpResponse):
        return shown
    version = get_shipping_version_in_force(store)
    if version is None:
        return _not_published(request, store, shown, _title(shipping_title, shown))
    context = public_context(request, store, shown) | {
        "page": build_shipping_page(version, store, shown)
    }
    return render_public(request, "policies/public/shipping.html", context, language=shown)


@require_GET
def prose_page(request: HttpRequest, language: str, slug: str) -> HttpResponse:
    store = public_store(request)
    shown = _page_language(request, store, language)
    if isinstance(shown, HttpResponse):
        return shown
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
