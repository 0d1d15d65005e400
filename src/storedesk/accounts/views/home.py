"""Where a signed-in member of staff lands."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors import get_actor_for_user, list_memberships
from storedesk.accounts.selectors.stores import (
    any_store_exists,
    can_create_store,
    get_checklist_progress,
)


def home(request: HttpRequest) -> HttpResponse:
    """The first-run page while the install has no store; otherwise the member's home."""
    if not any_store_exists():
        return redirect("setup")
    return _member_home(request)


@login_required
def _member_home(request: HttpRequest) -> HttpResponse:
    """The only store's inbox (its getting-started checklist, for those who manage a store
    that has not finished it), or a choice between several stores."""
    assert isinstance(request.user, User)
    memberships = list(list_memberships(request.user))
    if len(memberships) == 1:
        slug = memberships[0].store.slug
        actor = get_actor_for_user(request.user, store_slug=slug)
        if actor.can(Permission.MANAGE_STORE) and not get_checklist_progress(actor).complete:
            return redirect("store-start", store_slug=slug)
        return redirect("inbox", store_slug=slug)
    return render(
        request,
        "accounts/choose_store.html",
        {"memberships": memberships, "can_create_store": can_create_store(request.user)},
    )
