from collections.abc import Mapping
from typing import Any

from storedesk.accounts.actors import Actor
from storedesk.core.models import Store


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """This part's section of the store's settings page, or None to leave it out."""
    return None
