"""Channel routing: which team a channel's new conversations go to.

An inbound message that starts a conversation, and whose caller names no team, joins the
team its channel routes to (and that team's round-robin assignment). The website chat is
not routed here: its widget names its own team. A conversation that exists keeps its team,
and a deleted team takes its routes with it."""

from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import ValidationFailed
from storedesk.core.models import Store
from storedesk.core.tenancy import check_in_store
from storedesk.inbox.models import Channel, ChannelRoute

# Every channel but the website chat, in the order the settings show them.
ROUTABLE_CHANNELS: tuple[Channel, ...] = tuple(
    channel for channel in Channel if channel != Channel.CHAT
)


# Reads -----------------------------------------------------------------------------------


def get_channel_team(store: Store, channel: Channel | str) -> Team | None:
    """The team the store's new conversations on ``channel`` go to, or None."""
    if channel == Channel.CHAT:
        return None
    route = ChannelRoute.objects.filter(store=store, channel=channel).select_related("team").first()
    return route.team if route is not None else None


def list_channel_routes(store: Store) -> dict[str, Team]:
    """The store's routes: channel to team, for the channels that have one."""
    return {
        route.channel: route.team
        for route in ChannelRoute.objects.filter(store=store).select_related("team")
    }


# Writes ----------------------------------------------------------------------------------


def check_set_channel_route(
    actor: Actor, channel: Channel | str, team: Team | None
) -> ChannelRoute | None:
    """Send the channel's new conversations to ``team``; None routes them to no team."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    routed = _check_channel(channel)
    current = ChannelRoute.objects.filter(store=actor.store, channel=routed).first()
    if (current.team_id if current is not None else None) == (team.pk if team else None):
        return current
    return do_set_channel_route(actor, routed, team)


def check_set_channel_routes(
    actor: Actor, *, team_ids: Mapping[str, int | None]
) -> dict[str, Team | None]:
    """Route several channels at once (channel to team id, None for no team): every channel
    and team is checked before any route changes. Returns the routes as set."""
    actor.require(Permission.MANAGE_STORE)
    channels = {_check_channel(channel): team_id for channel, team_id in team_ids.items()}
    wanted = {team_id for team_id in channels.values() if team_id is not None}
    teams = {team.pk: team for team in Team.objects.filter(store=actor.store, pk__in=wanted)}
    if wanted - teams.keys():
        raise ValidationFailed(
            _("No such team in this store."), details={"team_ids": sorted(wanted - teams.keys())}
        )
    routes = {
        channel.value: teams[team_id] if team_id is not None else None
        for channel, team_id in channels.items()
    }
    with transaction.atomic():
        for channel, team in routes.items():
            check_set_channel_route(actor, channel, team)
    return routes


def do_set_channel_route(actor: Actor, channel: Channel, team: Team | None) -> ChannelRoute | None:
    with transaction.atomic():
        current = (
            ChannelRoute.objects.select_for_update()
            .filter(store=actor.store, channel=channel)
            .first()
        )
        old_team_id = current.team_id if current is not None else None
        route: ChannelRoute | None
        if team is None:
            if current is not None:
                current.delete()
            route = None
        else:
            route, _created = ChannelRoute.objects.update_or_create(
                store=actor.store, channel=channel.value, defaults={"team": team}
            )
        actor.audit(
            "channel_route.changed", "channel_route", channel.value,
            channel=channel.value, old_team_id=old_team_id,
            new_team_id=team.pk if team is not None else None,
        )  # fmt: skip
    return route


def _check_channel(channel: Channel | str) -> Channel:
    if channel not in Channel.values:
        raise ValidationFailed(
            _("%(channel)s is not a channel.") % {"channel": repr(str(channel))[:40]},
            details={"channel": str(channel)[:40]},
        )
    if channel == Channel.CHAT:
        raise ValidationFailed(
            _("The website chat's team is chosen in the chat widget's settings."),
            details={"channel": Channel.CHAT.value},
        )
    return Channel(channel)
