"""A received mail into the inbox: de-duplicated, threaded, its sender resolved to one
customer, its files kept, all in one transaction; or deliberately ignored (an auto-reply, a
bounce, our own mail come back), or rejected with the reason."""

from dataclasses import dataclass
from enum import StrEnum

import filetype  # type: ignore[import-untyped]  # no type information published
from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from storedesk.accounts.actors import system_actor
from storedesk.connectors.email.addressing import conversation_id_of_token, tokens_in_addresses
from storedesk.connectors.email.parsing import (
    Automatic,
    NotAnEmail,
    ParsedAttachment,
    ParsedEmail,
    escape_lines,
    parse_email,
)
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.selectors import get_store_by_slug
from storedesk.customers.actions import do_resolve_customer
from storedesk.customers.models import IdentityKind
from storedesk.customers.selectors import normalize_identity
from storedesk.inbox.actions.attachments import ALLOWED_ATTACHMENT_TYPES, do_store_attachment
from storedesk.inbox.actions.messages import Received, check_add_note, do_receive_message
from storedesk.inbox.models import (
    MAX_ATTACHMENT_BYTES,
    MAX_MESSAGE_LENGTH,
    Attachment,
    Channel,
    Conversation,
)
from storedesk.inbox.selectors import find_message_by_external_ids, get_conversation_by_id

# A mail larger than this is refused whole (it is about twice the attachments it can carry:
# base64 makes files a third larger).
MAX_EMAIL_BYTES = 25 * 1024 * 1024
# Of one mail's files, at most this many and this much are kept; the rest are named in a
# note to the agent.
MAX_EMAIL_ATTACHMENTS = 20
MAX_EMAIL_ATTACHMENT_TOTAL_BYTES = 20 * 1024 * 1024
# Room left in a long text for the line that says it was shortened.
_TRUNCATION_ROOM = 300


class Outcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class EmailOutcome:
    outcome: Outcome
    conversation_id: int | None = None
    message_id: int | None = None
    reason: str = ""
    # For a bounce: the Message-ID of our mail that could not be delivered, when it says.
    bounced_message_id: str = ""


class _AlreadyStored(Exception):
    """A concurrent delivery of the same mail stored it first; ours must leave nothing."""

    def __init__(self, received: Received) -> None:
        super().__init__("already stored")
        self.received = received


def do_receive_email_for_store(slug: str, raw: bytes) -> EmailOutcome:
    """``do_receive_email`` for the store with this slug; an unknown store is rejected."""
    try:
        store = get_store_by_slug(slug)
    except NotFound:
        return EmailOutcome(
            Outcome.REJECTED, reason=_("No store has the address “%(slug)s”.") % {"slug": slug}
        )
    return do_receive_email(store, raw)


def do_receive_email(store: Store, raw: bytes) -> EmailOutcome:
    """Store one RFC 822 mail as a customer's message in ``store``'s inbox.

    The same mail again (by Message-ID, or by a hash of its bytes when it has none) is a
    duplicate. It joins the conversation of the mail it answers (In-Reply-To, References),
    or of the reply token in its address, else starts one with its subject.
    """
    if len(raw) > MAX_EMAIL_BYTES:
        return _rejected(
            _("The email is larger than %(limit)s MB.")
            % {"limit": MAX_EMAIL_BYTES // (1024 * 1024)}
        )
    try:
        parsed = parse_email(raw)
    except NotAnEmail as error:
        return _rejected(error.message)
    if parsed.automatic == Automatic.BOUNCE:
        return EmailOutcome(
            Outcome.BOUNCE,
            reason=parsed.automatic_reason,
            bounced_message_id=parsed.bounced_message_id,
        )
    if parsed.automatic is not None:
        return EmailOutcome(Outcome.AUTO_REPLY, reason=parsed.automatic_reason)
    name, address = parsed.customer
    if not address:
        return _rejected(_("The email has no sender address (From)."))
    try:
        normalize_identity(store, IdentityKind.EMAIL, address)
    except ValidationFailed:
        return _rejected(
            _("The email's sender address is not usable: %(address)s") % {"address": address[:100]}
        )
    external_id = parsed.external_id(raw)
    earlier = find_message_by_external_ids(store, channel=Channel.EMAIL, external_ids=[external_id])
    if earlier is not None:
        return _duplicate(earlier.conversation_id, earlier.pk)
    conversation = _thread_conversation(store, parsed)
    stored: list[Attachment] = []
    try:
        with transaction.atomic(), translation.override(store.default_language):
            left_out: list[tuple[ParsedAttachment, str]] = []
            for attachment, refusal in _sort_attachments(parsed.attachments):
                if refusal:
                    left_out.append((attachment, refusal))
                    continue
                try:
                    stored.append(
                        do_store_attachment(
                            store, filename=attachment.filename, content=attachment.content
                        )
                    )
                except ValidationFailed as error:
                    left_out.append((attachment, error.message))
            customer, _created = do_resolve_customer(
                store, kind=IdentityKind.EMAIL, value=address, name=name
            )
            text, html = _message_text(parsed, has_files=bool(stored))
            received = do_receive_message(
                store,
                channel=Channel.EMAIL,
                text=text,
                html=html,
                customer=customer,
                conversation=conversation,
                external_id=external_id,
                subject=parsed.subject,
                attachments=stored,
            )
            if not received.created:
                raise _AlreadyStored(received)
            if left_out:
                _note_left_out(store, received.conversation, left_out)
    except _AlreadyStored as race:
        _delete_files(stored)
        return _duplicate(race.received.conversation.pk, race.received.message.pk)
    except ValidationFailed as error:
        # Something in the mail the inbox refuses: nothing was kept, and a retry would
        # fail the same way.
        _delete_files(stored)
        return _rejected(error.message)
    except BaseException:
        # The rows rolled back; the files written beside them must go too.
        _delete_files(stored)
        raise
    return EmailOutcome(
        Outcome.STORED, conversation_id=received.conversation.pk, message_id=received.message.pk
    )


def _rejected(reason: str) -> EmailOutcome:
    return EmailOutcome(Outcome.REJECTED, reason=reason)


def _duplicate(conversation_id: int, message_id: int) -> EmailOutcome:
    return EmailOutcome(
        Outcome.DUPLICATE,
        conversation_id=conversation_id,
        message_id=message_id,
        reason="Message-ID stored before",
    )


def _thread_conversation(store: Store, parsed: ParsedEmail) -> Conversation | None:
    """The conversation the mail answers, by its threading headers, else by a genuine
    reply token of this store in an address it was sent to."""
    answered = find_message_by_external_ids(
        store, channel=Channel.EMAIL, external_ids=parsed.thread_ids
    )
    if answered is not None:
        return answered.conversation
    for token in tokens_in_addresses([*parsed.delivered_to, *parsed.to, *parsed.cc]):
        conversation_id = conversation_id_of_token(store.pk, token)
        if conversation_id is None:
            continue
        conversation = get_conversation_by_id(conversation_id)
        if conversation is not None and conversation.store_id == store.pk:
            return conversation
    return None


def _sort_attachments(
    attachments: list[ParsedAttachment],
) -> list[tuple[ParsedAttachment, str]]:
    """Each attachment with the reason it cannot be kept, or "" when it can."""
    limit = min(settings.STOREDESK_MAX_UPLOAD_BYTES, MAX_ATTACHMENT_BYTES)
    total = 0
    kept = 0
    sorted_out = []
    for attachment in attachments:
        size = len(attachment.content)
        if size == 0:
            continue
        kind = filetype.guess(attachment.content)
        if kind is None or kind.mime not in ALLOWED_ATTACHMENT_TYPES:
            refusal = _("the inbox keeps only images and PDF files so far")
        elif size > limit:
            refusal = _("larger than %(limit)s") % {"limit": filesizeformat(limit)}
        elif kept >= MAX_EMAIL_ATTACHMENTS:
            refusal = _("more than %(count)d files") % {"count": MAX_EMAIL_ATTACHMENTS}
        elif total + size > MAX_EMAIL_ATTACHMENT_TOTAL_BYTES:
            refusal = _("the email's files together are larger than %(limit)s") % {
                "limit": filesizeformat(MAX_EMAIL_ATTACHMENT_TOTAL_BYTES)
            }
        else:
            refusal = ""
            kept += 1
            total += size
        sorted_out.append((attachment, refusal))
    return sorted_out


def _message_text(parsed: ParsedEmail, *, has_files: bool) -> tuple[str, str]:
    """The message's text (the new part of the mail) and its HTML: the mail's own HTML, or
    the plain text with the cut history under it, so the agent still sees the original."""
    text = parsed.new_text or parsed.subject
    if not text and not has_files:
        text = _("(The email has no text.)")
    html = ""
    if parsed.text_from_html or parsed.quoted_text:
        html = parsed.html or (
            escape_lines(parsed.new_text)
            + (f"<blockquote>{escape_lines(parsed.quoted_text)}</blockquote>")
        )
    if len(text) > MAX_MESSAGE_LENGTH:
        html = html or escape_lines(parsed.text)
        text = (
            text[: MAX_MESSAGE_LENGTH - _TRUNCATION_ROOM].rstrip()
            + "\n\n"
            + _("[The email is longer: the inbox shows its first %(count)s characters.]")
            % {"count": MAX_MESSAGE_LENGTH - _TRUNCATION_ROOM}
        )
    if html and parsed.forwarded and parsed.text_from_html:
        html += "".join(escape_lines(forward) for forward in parsed.forwarded)
    return text, html


def _note_left_out(
    store: Store, conversation: Conversation, left_out: list[tuple[ParsedAttachment, str]]
) -> None:
    lines = [
        f"- {attachment.filename} ({filesizeformat(len(attachment.content))}): {reason}"
        for attachment, reason in left_out
    ]
    note = _("Some files of this email were not kept:") + "\n" + "\n".join(lines)
    check_add_note(system_actor(store), conversation, text=note[:MAX_MESSAGE_LENGTH])


def _delete_files(attachments: list[Attachment]) -> None:
    for attachment in attachments:
        attachment.file.delete(save=False)
