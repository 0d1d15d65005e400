from collections.abc import Callable
from functools import wraps
from typing import Concatenate, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.selectors.two_factor import TwoFactorRequired, get_actor_for_session
from storedesk.core.errors import NotFound, PermissionDenied, StoredeskError

type StoreView[**P] = Callable[Concatenate[HttpRequest, Actor, P], HttpResponse]


def store_view[**P](view: StoreView[P]) -> Callable[Concatenate[HttpRequest, str, P], HttpResponse]:
    """A staff page of one store: ``/s/<store_slug>/...``. The view receives the actor;
    a store the user is not a member of is a 404, a missing permission a 403, and a store
    that requires two-factor sends a member without it to set it up first."""

    @login_required
    @wraps(view)
    def wrapper(
        request: HttpRequest, store_slug: str, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        assert isinstance(request.user, User)
        try:
            actor = get_actor_for_session(request.user, store_slug=store_slug)
            request.actor = actor  # type: ignore[attr-defined]
            return view(request, actor, *args, **kwargs)
        except TwoFactorRequired as error:
            return _set_up_two_factor_first(request, error.message)
        except NotFound as error:
            raise Http404(error.message) from error
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error
        except StoredeskError as error:
            return HttpResponseBadRequest(error.message)

    return cast(Callable[Concatenate[HttpRequest, str, P], HttpResponse], wrapper)


def _set_up_two_factor_first(request: HttpRequest, explanation: str) -> HttpResponse:
    """To the security page, and back to this page once two-factor is on."""
    messages.warning(request, explanation)
    target = reverse("account-security")
    if request.method == "GET":
        # A form's address may answer only its POST: after a refused write, no way back.
        target += "?" + urlencode({"next": request.get_full_path()})
    if request.headers.get("HX-Request") == "true":
        # A fragment request would swap the security page into a corner of this one.
        return HttpResponseClientRedirect(target)
    return redirect(target)
