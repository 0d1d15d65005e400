"""Parts of the agent UI's pages: sections that other apps contribute to a page they do not
own, and the pages of the navigation frame whose features are still to come.

A page that takes contributions (the customer profile, say) owns a ``PageSections`` and
includes what it gathers; an app that has something to show there registers a
``PageSection`` from its ``AppConfig.ready``. The page's app never imports the contributor,
so commerce knows nothing of the support apps that add to its pages.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view


@dataclass(frozen=True, slots=True)
class PageSection[Subject]:
    """One app's part of another app's page.

    ``context`` returns what ``template`` needs about the page's subject, or None when the
    actor may not see the section (it is then left out). Sections show in ``position`` order.
    """

    name: str
    template: str
    context: Callable[[Actor, Subject], Mapping[str, Any] | None]
    position: int = 100


@dataclass(frozen=True, slots=True)
class ShownSection:
    """A section to include: ``{% include section.template with section=section.context %}``."""

    name: str
    template: str
    context: Mapping[str, Any]


class PageSections[Subject]:
    """The sections other apps contribute to one page."""

    def __init__(self, page: str) -> None:
        self.page = page
        self._sections: dict[str, PageSection[Subject]] = {}

    def register(self, section: PageSection[Subject]) -> Callable[[], None]:
        """Add ``section`` (again under the same name: replaces it, so ready() may rerun).

        Returns a function that takes it out again.
        """
        self._sections[section.name] = section
        return lambda: self._remove(section)

    def _remove(self, section: PageSection[Subject]) -> None:
        if self._sections.get(section.name) is section:
            del self._sections[section.name]

    def gather(self, actor: Actor, subject: Subject) -> list[ShownSection]:
        """The sections ``actor`` may see about ``subject``, in position order."""
        shown = []
        for section in sorted(self._sections.values(), key=lambda s: (s.position, s.name)):
            context = section.context(actor, subject)
            if context is not None:
                shown.append(ShownSection(section.name, section.template, context))
        return shown


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
