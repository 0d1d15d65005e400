"""The getting-started checklist of a new store: the few things that make it work for real
("connect your shop", "invite your team", …), each ticked by what the store's data shows, so
nobody has to tick anything by hand.

Each item is registered by the app that knows when it is done: accounts registers its own
here, the inbox, the website chat and the policies register theirs from their
``AppConfig.ready``, so the kernel never imports them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from storedesk.accounts.actors import system_actor
from storedesk.accounts.models import ApiToken, Invitation, Membership
from storedesk.core.models import Store
from storedesk.orders.selectors import list_orders


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One step: ``done(store)`` says whether the store has taken it, ``url(store)`` where
    to take it. Items show in ``position`` order."""

    name: str
    label: str | Promise
    hint: str | Promise
    url: Callable[[Store], str]
    done: Callable[[Store], bool]
    position: int = 100


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """An item as one store stands on it, ready to show."""

    name: str
    label: str
    hint: str
    url: str
    done: bool


@dataclass(frozen=True, slots=True)
class ChecklistProgress:
    entries: tuple[ChecklistEntry, ...]

    @property
    def done_count(self) -> int:
        return sum(entry.done for entry in self.entries)

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def complete(self) -> bool:
        return self.done_count == self.total


class Checklist:
    def __init__(self) -> None:
        self._items: dict[str, ChecklistItem] = {}

    def register(self, item: ChecklistItem) -> Callable[[], None]:
        """Add ``item`` (again under the same name: replaces it, so ready() may rerun).

        Returns a function that takes it out again.
        """
        self._items[item.name] = item
        return lambda: self._remove(item)

    def _remove(self, item: ChecklistItem) -> None:
        if self._items.get(item.name) is item:
            del self._items[item.name]

    def progress(self, store: Store) -> ChecklistProgress:
        items = sorted(self._items.values(), key=lambda item: (item.position, item.name))
        return ChecklistProgress(
            tuple(
                ChecklistEntry(
                    name=item.name,
                    label=str(item.label),
                    hint=str(item.hint),
                    url=item.url(store),
                    done=item.done(store),
                )
                for item in items
            )
        )


checklist = Checklist()


def _shop_connected(store: Store) -> bool:
    # A token that has been used is a platform talking to us; an order got here somehow.
    return (
        ApiToken.objects.filter(store=store, last_used_at__isnull=False).exists()
        or list_orders(system_actor(store)).exists()
    )


def _team_invited(store: Store) -> bool:
    members = Membership.objects.filter(store=store, deactivated_at__isnull=True)
    pending = Invitation.objects.filter(
        Q(store=store, accepted_at__isnull=True, revoked_at__isnull=True)
        & Q(expires_at__gt=timezone.now())
    )
    return members.count() > 1 or pending.exists()


def _settings_url(anchor: str) -> Callable[[Store], str]:
    return lambda store: reverse("store-settings", args=[store.slug]) + f"#{anchor}"


checklist.register(
    ChecklistItem(
        name="shop",
        label=_("Connect your shop"),
        hint=_(
            "Create an API token for your shop platform, so its customers and orders arrive "
            "here and agents see them beside each conversation."
        ),
        url=_settings_url("tokens"),
        done=_shop_connected,
        position=10,
    )
)
checklist.register(
    ChecklistItem(
        name="team",
        label=_("Invite your team"),
        hint=_("Invite the people who answer your customers, each with the role they need."),
        url=_settings_url("staff"),
        done=_team_invited,
        position=40,
    )
)
