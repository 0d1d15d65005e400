"""The actor behind a request: a staff member in one store, or an integration's token."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from storedesk.accounts.models import ApiToken, User
from storedesk.accounts.permissions import Permission, Role
from storedesk.core.actions import do_record_audit
from storedesk.core.errors import PermissionDenied
from storedesk.core.models import Store


@dataclass(frozen=True, slots=True)
class Actor:
    store: Store
    permissions: frozenset[Permission]
    user: User | None = None
    role: Role | None = None
    token: ApiToken | None = None

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.email
        if self.token is not None:
            return f"token:{self.token.name}"
        return "system"

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        if permission not in self.permissions:
            raise PermissionDenied(
                gettext("You do not have permission to do this."),
                details={"permission": permission},
            )

    def audit(self, action: str, target_type: str, target_id: int | str, **details: Any) -> None:
        do_record_audit(
            store_id=self.store.pk,
            actor_user_id=self.user.pk if self.user is not None else None,
            actor_label=self.label,
            action=action,
            target_type=target_type,
            target_id=target_id,
            details=details,
        )


def system_actor(store: Store) -> Actor:
    """The actor for Storedesk's own work (demo loading, scheduled jobs): may do anything."""
    return Actor(store=store, permissions=frozenset(Permission))
