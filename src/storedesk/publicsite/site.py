"""The shell of the public site shoppers read: which store a request is for, which language
to show, and the context of the shared layout (hreflang alternates, canonical URL, language
switcher, footer links).

The public site is not the agent UI: it has no store slug in its URLs. The store is the one
that answers on the request's host name, or the only store of a single-store installation
(decisions/0002). Its pages live under ``/help/<language>/``.

The rooms that publish pages here (the help center, the policies) know this module and not
each other: each registers a ``PublicSection`` from its ``AppConfig.ready`` with what it adds
to every page (a host name it answers on, links in the footer, layout context).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Any, Concatenate, Protocol, cast

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import redirect, render
from django.urls import get_script_prefix
from django.utils import translation

from storedesk.core.models import Store
from storedesk.core.text import language_display_name

# The public site's address space: /help/ negotiates a language, /help/<language>/ is home.
ROOT = "help"
_STORE_ATTRIBUTE = "_storedesk_public_store"


class PublicLink(Protocol):
    """A page of the public site another room links to (a policy page, say)."""

    @property
    def slug(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str: ...


@dataclass(frozen=True, slots=True)
class PublicSection:
    """What one app adds to the public site; every part is optional.

    - ``store_for_host``: the store whose public site answers on a host name, if any;
    - ``links``: the app's pages to list in the footer (and the sitemap) in a language;
    - ``context``: what the layout needs from the app on every page (its search and contact
      addresses, say), in a language;
    - ``store_relations``: relations of ``Store`` that ``context`` reads, loaded with the
      store in the same query.
    """

    name: str
    store_for_host: Callable[[str], Store | None] | None = None
    links: Callable[[Store, str], Sequence[PublicLink]] | None = None
    context: Callable[[Store, str], Mapping[str, Any]] | None = None
    store_relations: tuple[str, ...] = ()


_sections: dict[str, PublicSection] = {}


def register_section(section: PublicSection) -> Callable[[], None]:
    """Add ``section`` to the public site (again under the same name: replaces it, so
    ready() may rerun). Returns a function that takes it out again."""
    _sections[section.name] = section

    def remove() -> None:
        if _sections.get(section.name) is section:
            del _sections[section.name]

    return remove


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
    """The store whose public site answers on this request's host, else the only store."""
    cached = getattr(request, _STORE_ATTRIBUTE, None)
    if isinstance(cached, Store):
        return cached
    host, _port = split_domain_port(request.get_host())
    store = _store_for_host(host) if host else None
    if store is None:
        # Two rows are enough to know whether the installation has exactly one store.
        stores = list(_stores_with_relations().order_by("id")[:2])
        if len(stores) != 1:
            raise Http404("No public site answers on this host.")
        store = stores[0]
    setattr(request, _STORE_ATTRIBUTE, store)
    return store


def _stores_with_relations() -> QuerySet[Store]:
    relations = [name for section in _sections.values() for name in section.store_relations]
    # select_related() without names would follow every relation.
    return Store.objects.select_related(*relations) if relations else Store.objects.all()


def _store_for_host(host: str) -> Store | None:
    for section in _sections.values():
        if section.store_for_host is not None:
            store = section.store_for_host(host)
            if store is not None:
                return store
    return None


def public_language(store: Store, language_code: str) -> tuple[str, bool]:
    """The language to show for ``language_code``, and whether it fell back to the default."""
    if language_code in store.languages:
        return language_code, False
    return store.default_language, True


type PublicView[**P] = Callable[Concatenate[HttpRequest, Store, str, P], HttpResponse]


def public_page[**P](
    view: PublicView[P],
) -> Callable[Concatenate[HttpRequest, str, P], HttpResponse]:
    """A page under ``/help/<language>/``: the view receives the store and the language to
    show; a language the store does not offer redirects to the same page in its default
    language."""

    @wraps(view)
    def wrapper(
        request: HttpRequest, language: str, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        store = public_store(request)
        shown, fell_back = public_language(store, language)
        if fell_back:
            return redirect(swap_language(request.get_full_path(), shown))
        return view(request, store, shown, *args, **kwargs)

    # functools.wraps types the wrapper as its own class; it is called as declared above.
    return cast(Callable[Concatenate[HttpRequest, str, P], HttpResponse], wrapper)


def store_languages(store: Store) -> list[str]:
    """The store's languages, its default first when the list leaves it out."""
    languages = [code for code in store.languages if code]
    if store.default_language and store.default_language not in languages:
        languages.insert(0, store.default_language)
    return languages


def root_path() -> str:
    """Where a shopper without a language lands (it picks one from the browser)."""
    return f"{get_script_prefix()}{ROOT}/"


def home_path(language: str) -> str:
    """The public site's home page in ``language``."""
    return f"{root_path()}{language}/"


def swap_language(path: str, language: str) -> str:
    """``path`` (``/help/<lang>/…``) with its language segment replaced by ``language``."""
    prefix = root_path()
    if path.startswith(prefix):
        parts = path[len(prefix) :].split("/")
        if len(parts) > 1:
            parts[0] = language
            return prefix + "/".join(parts)
    return home_path(language)


def footer_links(store: Store, language: str) -> list[PublicLink]:
    """Every registered app's public pages in ``language``, in registration order."""
    links: list[PublicLink] = []
    for section in _sections.values():
        if section.links is not None:
            links.extend(section.links(store, language))
    return links


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
    default_path = alternates.get(store.default_language) or root_path()
    hreflang.append(Alternate("x-default", request.build_absolute_uri(default_path)))
    options = [
        LanguageOption(
            code=code,
            name=language_display_name(code, in_language=code),
            url=alternates.get(code) or home_path(code),
            current=code == language,
        )
        for code in languages
    ]
    context: dict[str, Any] = {}
    for section in _sections.values():
        if section.context is not None:
            context.update(section.context(store, language))
    # The shell's own keys last: a section cannot change which store or language a page is.
    return context | {
        "store": store,
        "language": language,
        "languages": options,
        "alternates": hreflang,
        "canonical_url": request.build_absolute_uri(canonical or request.path),
        "footer_links": footer_links(store, language),
        "home_url": home_path(language),
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
