"""The conversation's search text, kept in step with its messages."""

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat

from storedesk.inbox.models import ConversationSearchText, Message


def do_index_message(message: Message) -> None:
    """Add ``message``'s search key to its conversation's search text, in the caller's
    transaction: the inbox search finds the message as soon as it is committed."""
    rows = ConversationSearchText.objects.filter(
        store_id=message.store_id, conversation_id=message.conversation_id
    )
    appended = Concat(F("text"), Value("\n" + message.search_key))
    if rows.update(text=appended):
        return
    try:
        with transaction.atomic():
            ConversationSearchText.objects.create(
                store_id=message.store_id,
                conversation_id=message.conversation_id,
                text=message.search_key,
            )
    except IntegrityError:
        # Another message of the conversation made the row a moment ago.
        rows.update(text=appended)
