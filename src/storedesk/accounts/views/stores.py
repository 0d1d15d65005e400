"""Creating stores and getting them going: the first-run page, a further store for an owner,
the getting-started checklist, and this part's section of the settings page."""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from storedesk.accounts.actions.stores import (
    MAX_EMAIL_LENGTH,
    MAX_NAME_LENGTH,
    MAX_SLUG_LENGTH,
    NewOwner,
    StoreDetails,
    StoreDetailsInvalid,
    check_create_first_store,
    check_create_store,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors.stores import (
    CURRENCIES,
    TIME_ZONES,
    any_store_exists,
    can_create_store,
    get_checklist_progress,
    get_store_defaults,
    list_countries,
    list_other_memberships,
    setup_token_was_used,
)
from storedesk.accounts.selectors.two_factor import has_two_factor
from storedesk.core.errors import Conflict, PermissionDenied
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimited, client_address

_STORE_FIELDS = ("name", "slug", "default_language", "currency", "timezone", "country")
# The session's backend for someone signed in by the first-run page, as at the login page.
_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@sensitive_post_parameters("token", "owner_password", "owner_password_again")
@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    """The first-run page: while the install has no store, whoever holds the setup token the
    server printed creates the first store and becomes its owner. Afterwards it is gone."""
    if any_store_exists():
        if request.method == "POST" and setup_token_was_used(request.POST.get("token", "")):
            # The same form sent twice: the first one created the store.
            return redirect("home")
        raise Http404
    if request.method != "POST":
        language = translation.get_language()
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        values: dict[str, Any] = {
            "token": request.GET.get("token", ""),
            "default_language": language,
            "languages": [language],
        }
        return _render_setup(request, values)
    values = _typed(request.POST, "token", "owner_name", "owner_email")
    password = request.POST.get("owner_password", "")
    if password != request.POST.get("owner_password_again", ""):
        errors = {"owner_password_again": _("The two passwords are not the same.")}
        return _render_setup(request, values, errors=errors, status=422)
    try:
        created = check_create_first_store(
            token=values["token"],
            details=_store_details(request.POST),
            owner=NewOwner(
                email=values["owner_email"], name=values["owner_name"], password=password
            ),
            client_address=client_address(request),
        )
    except RateLimited as error:
        response = _render_setup(request, values, throttled=error.message, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    except StoreDetailsInvalid as error:
        return _render_setup(request, values, errors=error.fields, status=422)
    except Conflict:
        return redirect("home")
    if has_two_factor(created.owner):
        # An existing account with an authenticator app signs in with its code too.
        messages.success(request, _("Your store is ready: sign in to open it."))
        return redirect("login")
    login(request, created.owner, backend=_MODEL_BACKEND)
    return redirect("store-start", store_slug=created.store.slug)


def _render_setup(
    request: HttpRequest,
    values: Mapping[str, Any],
    *,
    errors: Mapping[str, str] | None = None,
    throttled: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "accounts/setup.html",
        _form_context(values, errors) | {"throttled": throttled},
        status=status,
    )


@login_required
def store_create(request: HttpRequest) -> HttpResponse:
    """A further store for an owner of one; they own it and land on its checklist."""
    user = request.user
    assert isinstance(user, User)
    if not can_create_store(user):
        raise DjangoPermissionDenied(_("Only the owner of a store can create another store."))
    if request.method != "POST":
        defaults = get_store_defaults(language=user.language, timezone=user.timezone)
        values: dict[str, Any] = {
            "default_language": defaults.default_language,
            "languages": list(defaults.languages),
            "timezone": defaults.timezone,
            "country": defaults.country,
            "currency": defaults.currency,
        }
        return render(request, "accounts/store_new.html", _form_context(values, None))
    try:
        created = check_create_store(user, _store_details(request.POST))
    except StoreDetailsInvalid as error:
        return render(
            request,
            "accounts/store_new.html",
            _form_context(_typed(request.POST), error.fields),
            status=422,
        )
    except PermissionDenied as error:
        raise DjangoPermissionDenied(error.message) from error
    messages.success(request, _("The store “%(name)s” is ready.") % {"name": created.store.name})
    return redirect("store-start", store_slug=created.store.slug)


@store_view
def start(request: HttpRequest, actor: Actor) -> HttpResponse:
    """The getting-started checklist, ticked by what the store has done so far."""
    return render(
        request,
        "accounts/start.html",
        {"section": "settings", "progress": get_checklist_progress(actor)},
    )


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """The member's other stores, a new store for owners, and the checklist's progress for
    those who manage the store; nothing when none of these applies."""
    if actor.user is None:
        return None
    others = list(list_other_memberships(actor.user, store))
    may_create = can_create_store(actor.user)
    progress = get_checklist_progress(actor) if actor.can(Permission.MANAGE_STORE) else None
    if not others and not may_create and progress is None:
        return None
    return {"others": others, "can_create": may_create, "checklist": progress}


def _store_details(data: QueryDict) -> StoreDetails:
    typed = _typed(data)
    return StoreDetails(
        name=typed["name"],
        slug=typed["slug"],
        default_language=typed["default_language"],
        languages=tuple(typed["languages"]),
        currency=typed["currency"],
        timezone=typed["timezone"],
        country=typed["country"],
    )


def _typed(data: QueryDict, *extra: str) -> dict[str, Any]:
    """What the person typed into the store's fields (and ``extra`` ones), to check it and
    to show it again, so nothing has to be typed twice."""
    typed: dict[str, Any] = {name: data.get(name, "") for name in (*_STORE_FIELDS, *extra)}
    typed["languages"] = data.getlist("languages")
    return typed


def _form_context(values: Mapping[str, Any], errors: Mapping[str, str] | None) -> dict[str, Any]:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "values": values,
        "errors": errors or {},
        "languages": settings.LANGUAGES,
        "countries": list_countries(language),
        "currencies": CURRENCIES,
        "time_zones": TIME_ZONES,
        "limits": {"name": MAX_NAME_LENGTH, "slug": MAX_SLUG_LENGTH, "email": MAX_EMAIL_LENGTH},
    }
