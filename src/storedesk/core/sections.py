"""Pages of the navigation frame whose features are still to come."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view


@store_view
def reports(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _placeholder(
        request,
        "reports",
        _("Reports"),
        _("Response times, satisfaction and contact reasons appear here once conversations flow."),
    )


def _placeholder(
    request: HttpRequest, section: str, heading: str, explanation: str
) -> HttpResponse:
    return render(
        request,
        "core/section_placeholder.html",
        {"section": section, "heading": heading, "explanation": explanation},
    )
