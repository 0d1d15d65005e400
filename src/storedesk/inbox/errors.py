"""Errors of the inbox with stable codes of their own; the chat widget's protocol documents
them too (docs/livechat.md)."""

from storedesk.core.errors import ValidationFailed


class MessageEmpty(ValidationFailed):
    code = "message_empty"


class MessageTooLong(ValidationFailed):
    code = "message_too_long"
