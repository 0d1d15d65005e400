"""The inbox's step of a new store's getting-started checklist: email arrives in the inbox."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from storedesk.accounts.checklist import ChecklistItem, checklist
from storedesk.core.models import Store
from storedesk.inbox.models import Channel
from storedesk.inbox.selectors import has_conversations_on


def _email_connected(store: Store) -> bool:
    return has_conversations_on(store, Channel.EMAIL)


def register() -> None:
    checklist.register(
        ChecklistItem(
            name="email",
            label=_("Connect email"),
            hint=_(
                "Hand your support mailbox's messages to the inbox through the API "
                "(POST /conversations/inbound with the channel “email”), so every email "
                "lands beside the chats."
            ),
            url=lambda store: reverse("store-settings", args=[store.slug]) + "#tokens",
            done=_email_connected,
            position=20,
        )
    )
