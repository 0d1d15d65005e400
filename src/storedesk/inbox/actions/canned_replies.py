"""Canned replies: prepared answers with a text per language."""

import re

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import Conflict, ValidationFailed
from storedesk.core.tenancy import check_in_store
from storedesk.core.text import search_key
from storedesk.core.validation import check_language
from storedesk.inbox.models import (
    MAX_MESSAGE_LENGTH,
    CannedReply,
    CannedReplyText,
)
from storedesk.inbox.selectors import (
    REPLY_VARIABLE_PATTERN,
    REPLY_VARIABLES,
    canned_reply_search_key,
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
    check_in_store(actor, reply)
    name = name.strip()
    shortcut = shortcut.strip().lower()
    if not name or len(name) > 120:
        raise ValidationFailed(_("A canned reply needs a name of up to 120 characters."))
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,39}", shortcut):
        raise ValidationFailed(
            _("A shortcut has 1 to 40 lower-case letters, digits, '-' or '_'."),
            details={"shortcut": shortcut},
        )
    if not texts:
        raise ValidationFailed(_("A canned reply needs a text in at least one language."))
    for language, body in texts.items():
        check_language(language)
        if not body.strip() or len(body) > MAX_MESSAGE_LENGTH:
            raise ValidationFailed(
                _("The %(language)s text must have 1 to %(limit)s characters.")
                % {"language": language, "limit": MAX_MESSAGE_LENGTH},
                details={"language": language},
            )
        unknown = sorted(
            {v for v in REPLY_VARIABLE_PATTERN.findall(body) if v not in REPLY_VARIABLES}
        )
        if unknown:
            raise ValidationFailed(
                _("Unknown variables in the %(language)s text: %(variables)s")
                % {"language": language, "variables": ", ".join(unknown)},
                details={"unknown": unknown, "allowed": list(REPLY_VARIABLES)},
            )
    try:
        with transaction.atomic():
            if reply is None:
                reply = CannedReply(store=actor.store)
            reply.name = name
            reply.shortcut = shortcut
            reply.search_key = canned_reply_search_key(name, shortcut)
            reply.save()
            reply.texts.all().delete()
            CannedReplyText.objects.bulk_create(
                CannedReplyText(
                    store=actor.store,
                    reply=reply,
                    language=language,
                    body=body,
                    search_key=search_key(body),
                )
                for language, body in texts.items()
            )
            actor.audit("canned_reply.saved", "canned_reply", reply.pk, shortcut=shortcut)
    except IntegrityError as error:
        raise Conflict(
            _("Another canned reply uses the shortcut %(shortcut)s.")
            % {"shortcut": repr(shortcut)},
            details={"shortcut": shortcut},
        ) from error
    return reply


def check_delete_canned_reply(actor: Actor, reply: CannedReply) -> None:
    actor.require(Permission.MANAGE_CANNED_REPLIES)
    check_in_store(actor, reply)
    with transaction.atomic():
        actor.audit("canned_reply.deleted", "canned_reply", reply.pk, shortcut=reply.shortcut)
        reply.delete()
