"""Conversations: assignment, status and snoozing, priority, tags, linked orders, subject
and language, and merging the customer behind a conversation into another.

Each change has a ``check_*`` that validates and authorizes and a ``do_*`` that writes,
records it in the audit log and publishes its event after commit."""

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.tenancy import check_in_store
from storedesk.core.text import search_key
from storedesk.core.validation import check_language
from storedesk.customers.actions import do_absorb_customer
from storedesk.customers.models import Customer
from storedesk.customers.selectors import access_customer
from storedesk.inbox.actions.common import (
    actor_user_id,
    publish_conversation_event,
)
from storedesk.inbox.models import (
    AgentStatus,
    Conversation,
    ConversationStatus,
    ConversationTag,
    Priority,
)
from storedesk.inbox.selectors import (
    list_assignable_agents,
)
from storedesk.orders.actions import do_move_customer_orders
from storedesk.orders.models import Order

MAX_TAGS = 20
MAX_TAG_LENGTH = 60
MAX_SUBJECT_LENGTH = 300


def check_assign_conversation(
    actor: Actor,
    conversation: Conversation,
    *,
    assignee_id: int | None,
    team_id: int | None,
) -> Conversation:
    """Give the conversation to an agent and/or a team; None clears either."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    assignee = None
    if assignee_id is not None:
        assignee = list_assignable_agents(actor.store).filter(pk=assignee_id).first()
        if assignee is None:
            raise ValidationFailed(
                _("That person cannot take conversations in this store."),
                details={"assignee_id": assignee_id},
            )
    team = None
    if team_id is not None:
        team = Team.objects.filter(store=actor.store, pk=team_id).first()
        if team is None:
            raise ValidationFailed(_("No such team in this store."), details={"team_id": team_id})
    return do_assign_conversation(actor, conversation, assignee=assignee, team=team)


def do_assign_conversation(
    actor: Actor, conversation: Conversation, *, assignee: User | None, team: Team | None
) -> Conversation:
    with transaction.atomic():
        conversation.assignee = assignee
        conversation.team = team
        conversation.save(update_fields=["assignee", "team", "updated_at"])
        if assignee is not None:
            AgentStatus.objects.filter(store_id=conversation.store_id, user=assignee).update(
                last_assigned_at=timezone.now()
            )
        actor.audit(
            "conversation.assigned", "conversation", conversation.pk,
            assignee_id=assignee.pk if assignee else None, team_id=team.pk if team else None,
        )  # fmt: skip
        publish_conversation_event(conversation, "assigned", actor_user_id=actor_user_id(actor))
    return conversation


def _check_status(
    status: ConversationStatus, snoozed_until: datetime | None, *, now: datetime
) -> None:
    if status == ConversationStatus.SNOOZED:
        if snoozed_until is None or snoozed_until <= now:
            raise ValidationFailed(
                _("Snoozing needs a time in the future."),
                details={"snoozed_until": snoozed_until},
            )
    elif snoozed_until is not None:
        raise ValidationFailed(_("Only a snoozed conversation has a snooze time."))


def check_set_status(
    actor: Actor,
    conversation: Conversation,
    *,
    status: ConversationStatus,
    snoozed_until: datetime | None = None,
) -> Conversation:
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    now = timezone.now()
    _check_status(status, snoozed_until, now=now)
    return do_set_status(actor, conversation, status=status, snoozed_until=snoozed_until, now=now)


def do_set_status(
    actor: Actor,
    conversation: Conversation,
    *,
    status: ConversationStatus,
    snoozed_until: datetime | None = None,
    now: datetime | None = None,
) -> Conversation:
    now = now or timezone.now()
    with transaction.atomic():
        conversation.status = status
        conversation.snoozed_until = snoozed_until
        if status == ConversationStatus.RESOLVED:
            conversation.resolved_at = now
            conversation.waiting_since = None
        else:
            conversation.resolved_at = None
        conversation.save(
            update_fields=["status", "snoozed_until", "resolved_at", "waiting_since", "updated_at"]
        )
        actor.audit("conversation.status_changed", "conversation", conversation.pk, status=status)
        publish_conversation_event(
            conversation, "status_changed", actor_user_id=actor_user_id(actor)
        )
    return conversation


def do_wake_snoozed_conversations(*, now: datetime | None = None) -> int:
    """Reopen every conversation whose snooze has run out; returns how many."""
    now = now or timezone.now()
    due = list(
        Conversation.objects.filter(
            status=ConversationStatus.SNOOZED, snoozed_until__lte=now
        ).values_list("pk", flat=True)[:1000]
    )
    for conversation_id in due:
        with transaction.atomic():
            conversation = (
                Conversation.objects.select_for_update()
                .filter(pk=conversation_id, status=ConversationStatus.SNOOZED)
                .first()
            )
            if conversation is None:
                continue
            conversation.status = ConversationStatus.OPEN
            conversation.snoozed_until = None
            conversation.save(update_fields=["status", "snoozed_until", "updated_at"])
            publish_conversation_event(conversation, "status_changed")
    return len(due)


def _check_priority(priority: str) -> Priority:
    if priority not in Priority.values:
        raise ValidationFailed(
            _("A priority is one of: %(choices)s.") % {"choices": ", ".join(Priority.values)},
            details={"priority": priority},
        )
    return Priority(priority)


def check_set_priority(
    actor: Actor, conversation: Conversation, *, priority: Priority
) -> Conversation:
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    return do_set_priority(actor, conversation, priority=_check_priority(priority))


def do_set_priority(
    actor: Actor, conversation: Conversation, *, priority: Priority
) -> Conversation:
    with transaction.atomic():
        conversation.priority = priority
        conversation.save(update_fields=["priority", "updated_at"])
        actor.audit(
            "conversation.priority_changed", "conversation", conversation.pk, priority=priority
        )
        publish_conversation_event(
            conversation, "priority_changed", actor_user_id=actor_user_id(actor)
        )
    return conversation


def _check_tag_names(names: Sequence[str]) -> list[str]:
    """The names without blanks and without two spellings of one tag (the last one wins)."""
    by_key = {search_key(name): name.strip() for name in reversed(names) if name.strip()}
    cleaned = list(reversed(by_key.values()))
    if len(cleaned) > MAX_TAGS or any(len(name) > MAX_TAG_LENGTH for name in cleaned):
        raise ValidationFailed(
            _("A conversation has at most %(count)s tags of up to %(length)s characters.")
            % {"count": MAX_TAGS, "length": MAX_TAG_LENGTH},
            details={"tags": cleaned},
        )
    return cleaned


def _tag_key(name: str) -> str:
    return search_key(name)[:MAX_TAG_LENGTH]


def check_set_tags(
    actor: Actor, conversation: Conversation, *, names: Sequence[str]
) -> Conversation:
    """Replace the conversation's tags; unknown names become new tags of the store."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    return do_set_tags(actor, conversation, names=_check_tag_names(names))


def do_set_tags(actor: Actor, conversation: Conversation, *, names: Sequence[str]) -> Conversation:
    """Give the conversation exactly the tags ``names`` (checked already); returns it anew,
    with its tags."""
    with transaction.atomic():
        tags = [
            ConversationTag.objects.get_or_create(
                store_id=conversation.store_id, key=_tag_key(name), defaults={"name": name}
            )[0]
            for name in names
        ]
        conversation.tags.set(tags)
        Conversation.objects.filter(pk=conversation.pk).update(updated_at=timezone.now())
        conversation = (
            Conversation.objects.prefetch_related("tags")
            .select_related("customer")
            .get(pk=conversation.pk)
        )
        actor.audit(
            "conversation.tagged", "conversation", conversation.pk,
            tags=[tag.name for tag in tags],
        )  # fmt: skip
        publish_conversation_event(conversation, "tagged", actor_user_id=actor_user_id(actor))
    return conversation


def check_link_orders(
    actor: Actor, conversation: Conversation, *, order_ids: Sequence[int], unlink: bool = False
) -> Conversation:
    """Link (or unlink) the store's orders to the conversation."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    actor.require(Permission.VIEW_ORDERS)
    check_in_store(actor, conversation)
    wanted = set(order_ids)
    orders = list(Order.objects.filter(store=actor.store, pk__in=wanted))
    missing = wanted - {order.pk for order in orders}
    if missing:
        raise NotFound(_("No such order."), details={"order_ids": sorted(missing)})
    return do_link_orders(actor, conversation, orders=orders, unlink=unlink)


def do_link_orders(
    actor: Actor, conversation: Conversation, *, orders: Sequence[Order], unlink: bool = False
) -> Conversation:
    with transaction.atomic():
        if unlink:
            conversation.orders.remove(*orders)
        else:
            conversation.orders.add(*orders)
        actor.audit(
            "conversation.orders_unlinked" if unlink else "conversation.orders_linked",
            "conversation", conversation.pk,
            order_ids=sorted(order.pk for order in orders),
        )  # fmt: skip
        publish_conversation_event(
            conversation, "orders_linked", actor_user_id=actor_user_id(actor)
        )
    return conversation


def check_update_conversation(
    actor: Actor, conversation: Conversation, *, subject: str | None, language: str | None
) -> Conversation:
    """Change the subject and/or the language; None leaves either as it is."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    if language is not None:
        check_language(language)
    return do_update_conversation(
        actor,
        conversation,
        subject=subject[:MAX_SUBJECT_LENGTH] if subject is not None else None,
        language=language,
    )


def do_update_conversation(
    actor: Actor, conversation: Conversation, *, subject: str | None, language: str | None
) -> Conversation:
    fields = []
    if subject is not None:
        conversation.subject = subject
        fields.append("subject")
    if language is not None:
        conversation.language = language
        fields.append("language")
    if not fields:
        return conversation
    with transaction.atomic():
        conversation.save(update_fields=[*fields, "updated_at"])
        actor.audit("conversation.updated", "conversation", conversation.pk, fields=fields)
        publish_conversation_event(conversation, "updated", actor_user_id=actor_user_id(actor))
    return conversation


def check_merge_customers(actor: Actor, *, source_id: int, target_id: int) -> Customer:
    """Merge the customer ``source_id`` (say, an anonymous chat visitor) into ``target_id``:
    conversations, orders, identities, consents and tags move, ``source`` is deleted and the
    audit log keeps the record."""
    actor.require(Permission.EDIT_CUSTOMERS)
    actor.require(Permission.REPLY_CONVERSATIONS)
    if source_id == target_id:
        raise ValidationFailed(_("A customer cannot be merged into themselves."))
    source = access_customer(actor, source_id)
    target = access_customer(actor, target_id)
    with transaction.atomic():
        moved = list(
            Conversation.objects.filter(store=actor.store, customer=source).values_list(
                "pk", flat=True
            )
        )
        Conversation.objects.filter(pk__in=moved).update(customer=target)
        Conversation.objects.filter(store=actor.store, suggested_customer=target).filter(
            pk__in=moved
        ).update(suggested_customer=None)
        do_move_customer_orders(actor.store, from_customer_id=source.pk, to_customer_id=target.pk)
        do_absorb_customer(actor, source=source, target=target)
        for conversation in (
            Conversation.objects.filter(pk__in=moved)
            .select_related("customer")
            .prefetch_related("tags")
        ):
            publish_conversation_event(conversation, "merged", actor_user_id=actor_user_id(actor))
    return target


def do_suggest_customer(conversation: Conversation, customer: Customer) -> None:
    """Point an agent at a customer this conversation may belong to."""
    if customer.pk == conversation.customer_id:
        return
    with transaction.atomic():
        conversation.suggested_customer = customer
        conversation.save(update_fields=["suggested_customer", "updated_at"])
        publish_conversation_event(conversation, "updated")


def check_edit_conversation(
    actor: Actor,
    conversation: Conversation,
    *,
    status: ConversationStatus | None = None,
    snoozed_until: datetime | None = None,
    priority: Priority | None = None,
    subject: str | None = None,
    language: str | None = None,
    tags: Sequence[str] | None = None,
) -> None:
    """Several changes at once: every value is checked before anything is written, and the
    writes share one transaction, so a bad value in any of them leaves everything (and every
    event) as it was. Unchanged values are skipped, so they publish nothing."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    if status is None and snoozed_until is not None:
        raise ValidationFailed(
            _('A snooze time can only be set with the status "snoozed".'),
            details={"snoozed_until": snoozed_until},
        )
    now = timezone.now()
    if status is not None and (
        status == conversation.status
        and status != ConversationStatus.SNOOZED
        and snoozed_until is None
    ):
        status = None
    if status is not None:
        _check_status(status, snoozed_until, now=now)
    if priority is not None:
        priority = _check_priority(priority)
        if priority == conversation.priority:
            priority = None
    if subject is not None:
        subject = subject[:MAX_SUBJECT_LENGTH]
        if subject == conversation.subject:
            subject = None
    if language is not None:
        check_language(language)
        if language == conversation.language:
            language = None
    tag_names = _check_tag_names(tags) if tags is not None else None
    if tag_names is not None and {_tag_key(name) for name in tag_names} == {
        tag.key for tag in conversation.tags.all()
    }:
        tag_names = None
    with transaction.atomic():
        if status is not None:
            do_set_status(actor, conversation, status=status, snoozed_until=snoozed_until, now=now)
        if priority is not None:
            do_set_priority(actor, conversation, priority=priority)
        if subject is not None or language is not None:
            do_update_conversation(actor, conversation, subject=subject, language=language)
        if tag_names is not None:
            do_set_tags(actor, conversation, names=tag_names)
