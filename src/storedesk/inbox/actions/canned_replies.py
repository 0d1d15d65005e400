"""Canned replies: prepared answers with a text per language."""

import re

from django.db import IntegrityError, transaction

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import Conflict, NotFound, ValidationFailed
from storedesk.core.validation import check_language
from storedesk.inbox.models import (
    MAX_MESSAGE_LENGTH,
    CannedReply,
    CannedReplyText,
)
from storedesk.inbox.selectors import (
    REPLY_VARIABLE_PATTERN,
    REPLY_VARIABLES,
)


def check_save_canned_reply(
    actor: Actor,
    *,
    reply: CannedReply | None = None,
    name: str,
    shortcut: str,
    texts: dict[str, str],
) -> CannedReply:
    """Create or replace a canned reply with its text per language."""
    actor.require(Permission.MANAGE_CANNED_REPLIES)
    if reply is not None and reply.store_id != actor.store.pk:
        raise NotFound("No such canned reply.")
    name = name.strip()
    shortcut = shortcut.strip().lower()
    if not name or len(name) > 120:
        raise ValidationFailed("A canned reply needs a name of up to 120 characters.")
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,39}", shortcut):
        raise ValidationFailed(
            "A shortcut has 1 to 40 lower-case letters, digits, '-' or '_'.",
            details={"shortcut": shortcut},
        )
    if not texts:
        raise ValidationFailed("A canned reply needs a text in at least one language.")
    for language, body in texts.items():
        check_language(language)
        if not body.strip() or len(body) > MAX_MESSAGE_LENGTH:
            raise ValidationFailed(
                f"The {language} text must have 1 to {MAX_MESSAGE_LENGTH} characters."
            )
        unknown = sorted(
            {v for v in REPLY_VARIABLE_PATTERN.findall(body) if v not in REPLY_VARIABLES}
        )
        if unknown:
            raise ValidationFailed(
                f"Unknown variables in the {language} text: " + ", ".join(unknown),
                details={"unknown": unknown, "allowed": list(REPLY_VARIABLES)},
            )
    try:
        with transaction.atomic():
            if reply is None:
                reply = CannedReply(store=actor.store)
            reply.name = name
            reply.shortcut = shortcut
            reply.save()
            reply.texts.all().delete()
            CannedReplyText.objects.bulk_create(
                CannedReplyText(store=actor.store, reply=reply, language=language, body=body)
                for language, body in texts.items()
            )
            actor.audit("canned_reply.saved", "canned_reply", reply.pk, shortcut=shortcut)
    except IntegrityError as error:
        raise Conflict(
            f"Another canned reply uses the shortcut {shortcut!r}.", details={"shortcut": shortcut}
        ) from error
    return reply


def check_delete_canned_reply(actor: Actor, reply: CannedReply) -> None:
    actor.require(Permission.MANAGE_CANNED_REPLIES)
    if reply.store_id != actor.store.pk:
        raise NotFound("No such canned reply.")
    with transaction.atomic():
        actor.audit("canned_reply.deleted", "canned_reply", reply.pk, shortcut=reply.shortcut)
        reply.delete()
