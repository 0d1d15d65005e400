from collections.abc import Callable
from functools import wraps
from typing import Concatenate, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.selectors import get_actor_for_user
from storedesk.core.errors import NotFound, PermissionDenied, StoredeskError

type StoreView[**P] = Callable[Concatenate[HttpRequest, Actor, P], HttpResponse]


def store_view[**P](view: StoreView[P]) -> Callable[Concatenate[HttpRequest, str, P], HttpResponse]:
    """A staff page of one store: ``/s/<store_slug>/...``. The view receives the actor;
    a store the user is not a member of is a 404, a missing permission a 403."""

    @login_required
    @wraps(view)
    def wrapper(
        request: HttpRequest, store_slug: str, *args: P.args, **kwargs: P.kwargs
    ) -> HttpResponse:
        assert isinstance(request.user, User)
        try:
            actor = get_actor_for_user(request.user, store_slug=store_slug)
            request.actor = actor  # type: ignore[attr-defined]
            return view(request, actor, *args, **kwargs)
        except NotFound as error:
            raise Http404(error.message) from error
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error
        except StoredeskError as error:
            return HttpResponseBadRequest(error.message)

    return cast(Callable[Concatenate[HttpRequest, str, P], HttpResponse], wrapper)
