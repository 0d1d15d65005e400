"""The inbox's side of changes to a store's staff: a member who stops working in the store
(deactivated, or who left) gives their unresolved conversations back to the queue.

accounts publishes ``member.deactivated`` after its commit. The subscriber only queues the
work (docs/decisions/0005-isolated-subscribers-slow-work-in-tasks.md); the task does it, and
may run twice or late: a conversation already given to someone else is left alone, and a
member reactivated in the meantime keeps theirs.
"""

from collections.abc import Callable

from django.db import transaction
from django.tasks import task

from storedesk.accounts.actors import system_actor
from storedesk.accounts.selectors.staff import is_active_member
from storedesk.accounts.staff_events import MemberEvent
from storedesk.core.events import Event, subscribe
from storedesk.core.models import Store
from storedesk.inbox.actions.conversations import do_assign_conversation
from storedesk.inbox.actions.presence import do_set_presence
from storedesk.inbox.models import AgentStatus, Conversation, ConversationStatus, Presence


@task()
def return_member_conversations(*, event_id: str, store_id: int, user_id: int) -> int:
    """Give the departed member's conversations back to the queue; how many were returned.
    ``event_id`` names the ``member.deactivated`` event that asked for it, for the logs."""
    store = Store.objects.filter(pk=store_id).first()
    if store is None:
        return 0
    return do_return_member_conversations(store, user_id=user_id)


def do_return_member_conversations(store: Store, *, user_id: int) -> int:
    """Unassign every unresolved conversation the member holds in the store, each as
    Storedesk's own assignment change (audited, with its ``conversation.assigned`` event);
    the conversation keeps its team. The member shows as offline from then on."""
    if is_active_member(store.pk, user_id):
        return 0
    actor = system_actor(store)
    held = list(
        Conversation.objects.filter(store=store, assignee_id=user_id)
        .exclude(status=ConversationStatus.RESOLVED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    returned = 0
    for conversation_id in held:
        # One transaction each: a conversation someone takes meanwhile is read again under
        # its lock and left to them.
        with transaction.atomic():
            conversation = (
                Conversation.objects.select_for_update(of=("self",))
                .select_related("customer", "team")
                .prefetch_related("tags")
                .filter(store=store, pk=conversation_id, assignee_id=user_id)
                .exclude(status=ConversationStatus.RESOLVED)
                .first()
            )
            if conversation is None:
                continue
            do_assign_conversation(actor, conversation, assignee=None, team=conversation.team)
            returned += 1
    status = (
        AgentStatus.objects.filter(store=store, user_id=user_id)
        .exclude(presence=Presence.OFFLINE)
        .select_related("user")
        .first()
    )
    if status is not None:
        do_set_presence(store, status.user, presence=Presence.OFFLINE, seen=False)
    return returned


def queue_return_member_conversations(event: Event) -> None:
    """The subscriber: queue the work for a member who stopped working in a store."""
    if isinstance(event, MemberEvent) and event.op == "deactivated":
        return_member_conversations.enqueue(
            event_id=str(event.id), store_id=event.store_id, user_id=event.user_id
        )


_unsubscribe: Callable[[], None] | None = None


def connect() -> None:
    """Listen for departing members (once, however often the app registry is set up)."""
    global _unsubscribe
    if _unsubscribe is None:
        _unsubscribe = subscribe(queue_return_member_conversations, event_type="member")
