"""Errors of the chat widget, with the stable codes the widget protocol documents
(docs/livechat.md)."""

from storedesk.core.errors import NotFound, PermissionDenied, StoredeskError, ValidationFailed

# A message's text follows the inbox's one rule, and its refusals keep the inbox's codes.
from storedesk.inbox.errors import MessageEmpty, MessageTooLong

__all__ = [
    "EmailRequired",
    "FileTooLarge",
    "IdentityInvalid",
    "MessageEmpty",
    "MessageTooLong",
    "NoConversation",
    "OriginNotAllowed",
    "VisitorTokenInvalid",
    "WidgetNotFound",
]


class WidgetNotFound(NotFound):
    code = "widget_not_found"


class VisitorTokenInvalid(StoredeskError):
    code = "visitor_token_invalid"
    status = 401


class IdentityInvalid(PermissionDenied):
    code = "identity_invalid"


class OriginNotAllowed(PermissionDenied):
    code = "origin_not_allowed"


class NoConversation(NotFound):
    code = "no_conversation"


class EmailRequired(ValidationFailed):
    code = "email_required"


class FileTooLarge(StoredeskError):
    code = "file_too_large"
    status = 413
