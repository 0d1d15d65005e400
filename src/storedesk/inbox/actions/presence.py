"""Agents' presence, capacity and round-robin assignment."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.events import publish_event
from storedesk.core.models import Store
from storedesk.inbox.events import PresenceEvent
from storedesk.inbox.models import (
    AgentStatus,
    Conversation,
    Presence,
)
from storedesk.inbox.selectors import (
    count_open_conversations,
    list_assignable_agents,
    list_online_team_agents,
)


def do_set_presence(
    store: Store, user: User, *, presence: Presence | None = None, seen: bool = True
) -> AgentStatus:
    """Record an agent's chosen presence and/or that their inbox is open now."""
    now = timezone.now()
    status, _created = AgentStatus.objects.get_or_create(store=store, user=user)
    before = status.presence
    fields = []
    if presence is not None:
        status.presence = presence
        fields.append("presence")
    if seen:
        status.last_seen_at = now
        fields.append("last_seen_at")
    if fields:
        status.save(update_fields=fields)
    if presence is not None and presence != before:
        publish_event(
            PresenceEvent(store_id=store.pk, user_id=user.pk, presence=presence.value)  # type: ignore[arg-type]
        )
    return status


def check_set_capacity(actor: Actor, user: User, *, max_open_conversations: int) -> AgentStatus:
    """How many open conversations round-robin may give ``user`` (admins, or the agent)."""
    if actor.user is None or actor.user.pk != user.pk:
        actor.require(Permission.MANAGE_STAFF)
    if not list_assignable_agents(actor.store).filter(pk=user.pk).exists():
        raise NotFound(_("No such agent in this store."))
    if not 0 <= max_open_conversations <= 500:
        raise ValidationFailed(_("The limit must be between 0 and 500 open conversations."))
    status, _created = AgentStatus.objects.get_or_create(store=actor.store, user=user)
    status.max_open_conversations = max_open_conversations
    status.save(update_fields=["max_open_conversations"])
    return status


def do_auto_assign(conversation: Conversation, team: Team, *, now: datetime) -> None:
    """Round-robin: the online agent of ``team`` assigned least recently, below their cap."""
    # The team row lock makes concurrent new conversations take turns, not the same agent.
    Team.objects.select_for_update().filter(pk=team.pk).first()
    candidates = list_online_team_agents(team, now=now)
    if not candidates:
        return
    open_counts = count_open_conversations(conversation.store, [c.user_id for c in candidates])
    for status in candidates:
        if open_counts[status.user_id] < status.max_open_conversations:
            conversation.assignee_id = status.user_id
            conversation.save(update_fields=["assignee", "updated_at"])
            AgentStatus.objects.filter(pk=status.pk).update(last_assigned_at=now)
            return


def check_set_presence(actor: Actor, *, presence: Presence) -> AgentStatus:
    """A staff member says they are online or away; offline follows from silence."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    if actor.user is None:
        raise ValidationFailed(_("Only a staff member, not an API token, can be online or away."))
    if presence == Presence.OFFLINE:
        raise ValidationFailed(
            _("Choose online or away; closing the inbox makes you offline."),
            details={"presence": presence.value},
        )
    return do_set_presence(actor.store, actor.user, presence=presence)


def do_mark_agent_seen(store: Store, user: User) -> AgentStatus:
    """The agent's inbox is open now (a socket connected, or its heartbeat). An agent with
    no presence yet, or gone offline, comes online; one who chose "away" stays away."""
    current = AgentStatus.objects.filter(store=store, user=user).values_list("presence", flat=True)
    presence = None if current.first() == Presence.AWAY else Presence.ONLINE
    return do_set_presence(store, user, presence=presence, seen=True)
