"""What every public help-center page shares: which store a request is for, which language
to show, and the context of the public layout (hreflang alternates, canonical URL, policy
links, the store's languages).

The public site is not the agent UI: it has no store slug in its URLs. The store is the
one whose help center answers on the request's host name, or the only store of a
single-store installation.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import icu
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from storedesk.core.models import Store
from storedesk.helpcenter.models import HelpCenterSettings
from storedesk.helpcenter.selectors.public import get_help_center_settings
from storedesk.policies.site import PolicyLink, public_policy_links

_STORE_ATTRIBUTE = "_storedesk_public_store"


@dataclass(frozen=True, slots=True)
class LanguageOption:
    code: str
    # The language's name in itself ("Türkçe", "Polski"): a shopper who cannot read the
    # current page must still find their own language in the switcher.
    name: str
    url: str
    current: bool


@dataclass(frozen=True, slots=True)
class Alternate:
    hreflang: str
    url: str


def public_store(request: HttpRequest) -> Store:
    """The store whose help center answers on this request's host, else the only store."""
    cached = getattr(request, _STORE_ATTRIBUTE, None)
    if isinstance(cached, Store):
        return cached
    host, _port = split_domain_port(request.get_host())
    store: Store | None = None
    if host:
        settings = (
            HelpCenterSettings.objects.select_related("store").filter(public_host=host).first()
        )
        if settings is not None:
            store = settings.store
    if store is None:
        # Two rows are enough to know whether the installation has exactly one store.
        stores = list(Store.objects.select_related("help_center").order_by("id")[:2])
        if len(stores) != 1:
            raise Http404("No help center answers on this host.")
        store = stores[0]
    setattr(request, _STORE_ATTRIBUTE, store)
    return store


def public_language(store: Store, language_code: str) -> tuple[str, bool]:
    """The language to show for ``language_code``, and whether it fell back to the default."""
    if language_code in store.languages:
        return language_code, False
    return store.default_language, True


def language_display_name(code: str, *, in_language: str | None = None) -> str:
    """The name of ``code`` in ``in_language`` (by default in itself), capitalised."""
    locale = icu.Locale(in_language or code)
    name = str(icu.Locale(code).getDisplayName(locale)) or code
    return name[:1].upper() + name[1:]


def store_languages(store: Store) -> list[str]:
    """The store's languages, its default first when the list leaves it out."""
    languages = [code for code in store.languages if code]
    if store.default_language and store.default_language not in languages:
        languages.insert(0, store.default_language)
    return languages


def swap_language(path: str, language: str) -> str:
    """``path`` (``/help/<lang>/…``) with its language segment replaced by ``language``."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "help":
        parts[2] = language
        return "/".join(parts)
    return reverse("help-home", args=[language])


def policy_links(store: Store, language: str) -> list[PolicyLink]:
    """The store's published policy pages in ``language``, from the policies app."""
    return public_policy_links(store, language)


def public_context(
    request: HttpRequest,
    store: Store,
    language: str,
    *,
    alternates: Mapping[str, str] | None = None,
    canonical: str | None = None,
) -> dict[str, Any]:
    """The context every public template needs.

    ``alternates`` maps each language the page exists in to its path; by default the page
    exists in every store language at the same path with the language swapped.
    ``canonical`` is the page's preferred path (by default the current one).
    """
    languages = store_languages(store)
    if alternates is None:
        alternates = {code: swap_language(request.path, code) for code in languages}
    hreflang = [
        Alternate(code, request.build_absolute_uri(path))
        for code, path in alternates.items()
        if code in languages
    ]
    default_path = alternates.get(store.default_language) or reverse("help-root")
    hreflang.append(Alternate("x-default", request.build_absolute_uri(default_path)))
    options = [
        LanguageOption(
            code=code,
            name=language_display_name(code),
            url=alternates.get(code) or reverse("help-home", args=[code]),
            current=code == language,
        )
        for code in languages
    ]
    return {
        "store": store,
        "language": language,
        "languages": options,
        "alternates": hreflang,
        "canonical_url": request.build_absolute_uri(canonical or request.path),
        "policy_links": policy_links(store, language),
        "help_settings": get_help_center_settings(store),
        "home_url": reverse("help-home", args=[language]),
        "search_url": reverse("help-search", args=[language]),
        "contact_url": reverse("help-contact", args=[language]),
    }


def render_public(
    request: HttpRequest,
    template: str,
    context: Mapping[str, Any],
    *,
    language: str,
    status: int = 200,
    content_type: str | None = None,
) -> HttpResponse:
    """Render a public page with Django's translations switched to the page language."""
    with translation.override(language):
        response = render(
            request, template, dict(context), status=status, content_type=content_type
        )
    response.headers["Content-Language"] = language
    return response
