"""The website chat's step of a new store's getting-started checklist: the chat is on the
shop's pages and a shopper has used it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from storedesk.accounts.checklist import ChecklistItem, checklist
from storedesk.core.models import Store
from storedesk.inbox.models import Channel
from storedesk.inbox.selectors import has_conversations_on
from storedesk.livechat.models import ChatVisitor


def _chat_in_use(store: Store) -> bool:
    # A visitor row is written on a shopper's first message, never on a mere page view:
    # the widget is on a real page and works. Chats brought over from before (an import,
    # the demo's) count too.
    return ChatVisitor.objects.filter(store=store).exists() or has_conversations_on(
        store, Channel.CHAT
    )


def register() -> None:
    checklist.register(
        ChecklistItem(
            name="chat",
            label=_("Add the chat to your site"),
            hint=_("Paste the chat widget's snippet into your shop's pages."),
            url=lambda store: reverse("chat-widget-settings", args=[store.slug]),
            done=_chat_in_use,
            position=30,
        )
    )
