"""Background jobs of the inbox."""

from datetime import timedelta

from storedesk.core.scheduler import periodic
from storedesk.inbox.actions.conversations import do_wake_snoozed_conversations


@periodic("inbox.wake_snoozed_conversations", every=timedelta(minutes=1))
def wake_snoozed_conversations() -> None:
    do_wake_snoozed_conversations()
