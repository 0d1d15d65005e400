"""The help center's part of the public site (``publicsite``): the host name a store's help
center answers on, and what the shared layout shows of the help center on every public page
(its search box, contact page and settings), policy pages included.
"""

from collections.abc import Mapping
from typing import Any

from django.urls import reverse

from storedesk.core.models import Store
from storedesk.helpcenter.models import HelpCenterSettings
from storedesk.helpcenter.selectors.public import get_help_center_settings
from storedesk.publicsite.site import PublicSection, register_section


def store_for_host(host: str) -> Store | None:
    """The store whose help center has ``host`` as its public host name, if any."""
    settings = HelpCenterSettings.objects.select_related("store").filter(public_host=host).first()
    return settings.store if settings is not None else None


def layout_context(store: Store, language: str) -> Mapping[str, Any]:
    return {
        "help_settings": get_help_center_settings(store),
        "search_url": reverse("help-search", args=[language]),
        "contact_url": reverse("help-contact", args=[language]),
    }


def connect() -> None:
    """Join the public site (once, however often called: registering replaces)."""
    register_section(
        PublicSection(
            name="helpcenter",
            store_for_host=store_for_host,
            context=layout_context,
            store_relations=("help_center",),
        )
    )
