"""Errors of the chat widget, with the stable codes the widget protocol documents
(docs/livechat.md)."""

from storedesk.core.errors import NotFound, PermissionDenied, StoredeskError, ValidationFailed


class WidgetNotFound(NotFound):
    code = "widget_not_found"


class VisitorTokenInvalid(StoredeskError):
    code = "visitor_token_invalid"
    status = 401


class IdentityInvalid(PermissionDenied):
    code = "identity_invalid"


class OriginNotAllowed(PermissionDenied):
    code = "origin_not_allowed"


class MessageEmpty(ValidationFailed):
    code = "message_empty"


class MessageTooLong(ValidationFailed):
    code = "message_too_long"


class NoConversation(NotFound):
    code = "no_conversation"


class EmailRequired(ValidationFailed):
    code = "email_required"


class FileTooLarge(StoredeskError):
    code = "file_too_large"
    status = 413
