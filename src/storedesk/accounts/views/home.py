"""Where a signed-in member of staff lands."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from storedesk.accounts.models import User
from storedesk.accounts.selectors import list_memberships
from storedesk.accounts.selectors.stores import any_store_exists, can_create_store


def home(request: HttpRequest) -> HttpResponse:
    """The first-run page while the install has no store; otherwise the member's home."""
    if not any_store_exists():
        return redirect("setup")
    return _member_home(request)


@login_required
def _member_home(request: HttpRequest) -> HttpResponse:
    """Straight into the only store's inbox, or a choice between several."""
    assert isinstance(request.user, User)
    memberships = list(list_memberships(request.user))
    if len(memberships) == 1:
        return redirect("inbox", store_slug=memberships[0].store.slug)
    return render(
        request,
        "accounts/choose_store.html",
        {"memberships": memberships, "can_create_store": can_create_store(request.user)},
    )
