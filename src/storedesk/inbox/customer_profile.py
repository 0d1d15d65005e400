"""The inbox's section of the customer profile: the customer's conversations on every
channel, their one timeline, for staff who may read conversations."""

from collections.abc import Mapping
from typing import Any

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.core.sections import PageSection
from storedesk.customers.models import Customer
from storedesk.customers.profile import profile_sections
from storedesk.inbox.selectors import list_customer_conversations

PROFILE_CONVERSATIONS = 20


def conversations_section(actor: Actor, customer: Customer) -> Mapping[str, Any] | None:
    if not actor.can(Permission.VIEW_CONVERSATIONS):
        return None
    return {"conversations": list_customer_conversations(customer, limit=PROFILE_CONVERSATIONS)}


def connect() -> None:
    """Add the section to the profile (once, however often called: registering replaces)."""
    profile_sections.register(
        PageSection(
            name="conversations",
            template="inbox/customer_conversations.html",
            context=conversations_section,
            position=10,
        )
    )
