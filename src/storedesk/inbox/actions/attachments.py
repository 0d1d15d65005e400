"""Files sent with messages: stored when uploaded, recognised by content, bound once."""

import re
import secrets
from collections.abc import Sequence

import filetype  # type: ignore[import-untyped]  # no type information published
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import Conflict, NotFound, ValidationFailed
from storedesk.core.models import Store
from storedesk.inbox.models import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS_PER_MESSAGE,
    Attachment,
    Conversation,
    Message,
)

# Attachments shoppers and agents may send: images and PDF, recognised by their content.
ALLOWED_ATTACHMENT_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}
)


def do_store_attachment(
    store: Store,
    *,
    filename: str,
    content: bytes,
    conversation: Conversation | None = None,
    uploaded_by: User | None = None,
) -> Attachment:
    """Keep an uploaded file until a message sends it. Its type is read from its content,
    never from its name or the client's word."""

    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationFailed(
            _("A file may be at most %(limit)s MB.")
            % {"limit": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
            details={"size": len(content), "limit": MAX_ATTACHMENT_BYTES},
        )
    if not content:
        raise ValidationFailed(_("The file is empty."))
    kind = filetype.guess(content)
    if kind is None or kind.mime not in ALLOWED_ATTACHMENT_TYPES:
        raise ValidationFailed(
            _("Only images (JPEG, PNG, GIF, WebP) and PDF files can be sent."),
            details={"allowed": sorted(ALLOWED_ATTACHMENT_TYPES)},
        )
    name = _safe_filename(filename, extension=kind.extension)
    attachment = Attachment(
        store=store,
        conversation=conversation,
        uploaded_by=uploaded_by,
        token=secrets.token_urlsafe(32),
        filename=name,
        content_type=kind.mime,
        size=len(content),
    )
    attachment.file.save(attachment.token, ContentFile(content), save=False)
    attachment.save()
    return attachment


def _safe_filename(filename: str, *, extension: str) -> str:
    base = re.sub(r"[^\w.\- ]+", "_", filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip(" .")
    base = base[:150] or "file"
    if not base.lower().endswith("." + extension):
        base = f"{base.rsplit('.', 1)[0] if '.' in base else base}.{extension}"
    return base


def find_own_uploads(
    actor: Actor, conversation: Conversation, tokens: Sequence[str]
) -> list[Attachment]:
    """The actor's own unsent uploads with these tokens; anything else is not found."""
    if not tokens:
        return []
    if len(tokens) > MAX_ATTACHMENTS_PER_MESSAGE:
        raise ValidationFailed(
            _("A message may carry at most %(limit)d files.")
            % {"limit": MAX_ATTACHMENTS_PER_MESSAGE}
        )
    uploads = list(
        Attachment.objects.filter(
            store=actor.store, token__in=tokens, message__isnull=True, uploaded_by=actor.user
        )
    )
    if len(uploads) != len(set(tokens)):
        raise NotFound(_("No such upload."), details={"attachments": list(tokens)})
    return uploads


def bind_attachments(message: Message, attachments: Sequence[Attachment]) -> None:
    if not attachments:
        return
    bound = Attachment.objects.filter(
        pk__in=[a.pk for a in attachments], message__isnull=True
    ).update(message=message, conversation=message.conversation)
    if bound != len(attachments):
        raise Conflict(_("A file was sent already; upload it again."))


def check_upload_attachment(actor: Actor, *, filename: str, content: bytes) -> Attachment:
    """A staff member's (or an integration's) file, kept until one of their replies sends it."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    return do_store_attachment(
        actor.store, filename=filename, content=content, uploaded_by=actor.user
    )
