"""The public contact form: a shopper's message becomes a conversation in the inbox."""

from django.utils.translation import gettext as _

from storedesk.core.errors import ValidationFailed
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimit, check
from storedesk.core.text import search_key
from storedesk.customers.models import IdentityKind
from storedesk.helpcenter.selectors.public import get_help_center_settings
from storedesk.inbox.actions.messages import Sender, do_receive_message
from storedesk.inbox.actions.order_numbers import do_take_given_order_number
from storedesk.inbox.models import Channel, Conversation

# A person writes a handful of messages at most; more from one network or one address in
# a short time is a flood or a script.
CONTACT_PER_ADDRESS = RateLimit("help_contact_address", limit=5, window=10 * 60)
CONTACT_PER_EMAIL = RateLimit("help_contact_email", limit=3, window=60 * 60)


def check_contact_allowed(store: Store, *, client_address: str) -> None:
    """Count one contact-form post from ``client_address``; over the limit, RateLimited."""
    check(
        CONTACT_PER_ADDRESS,
        f"{store.pk}:{client_address or 'unknown'}",
        message=_("Too many messages were sent from your network. Please try again later."),
    )


def check_submit_contact_form(
    store: Store,
    *,
    name: str,
    email: str,
    subject: str,
    message: str,
    language: str,
    order_number: str = "",
) -> Conversation:
    """Store the shopper's message as a new contact-form conversation, before any
    acknowledgement; raises RateLimited for too many messages from one email address."""
    settings = get_help_center_settings(store)
    if not settings.contact_form_enabled:
        raise ValidationFailed(_("This store does not take messages through a contact form."))
    email = email.strip()
    check(
        CONTACT_PER_EMAIL,
        f"{store.pk}:{search_key(email)}",
        message=_("You have sent several messages already. Please wait for our answer."),
    )
    received = do_receive_message(
        store,
        channel=Channel.CONTACT_FORM,
        text=message.strip(),
        sender=Sender(kind=IdentityKind.EMAIL, value=email, name=name.strip()),
        subject=subject.strip(),
        language=language,
        team=settings.support_team,
    )
    if order_number.strip():
        # Linked at once when the order is this address's; otherwise offered to the agent.
        do_take_given_order_number(received.conversation, number=order_number)
    return received.conversation
