import secrets
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import ApiToken, Membership, RoleAuthority, Team, User
from storedesk.accounts.permissions import Permission, Role
from storedesk.accounts.selectors import TOKEN_PREFIX, hash_token_secret
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.validation import check_currency, check_timezone, check_working_hours


@transaction.atomic
def do_add_member(store: Store, *, user: User, role: Role) -> Membership:
    membership, _created = Membership.objects.update_or_create(
        store=store, user=user, defaults={"role": role.value}
    )
    return membership


@transaction.atomic
def do_create_team(
    store: Store,
    *,
    name: str,
    timezone: str,
    working_hours: dict[str, list[list[str]]],
    members: list[User] = [],  # noqa: B006  (never mutated)
) -> Team:
    check_timezone(timezone)
    check_working_hours(working_hours)
    team = Team.objects.create(
        store=store, name=name, timezone=timezone, working_hours=working_hours
    )
    team.members.set(members)
    return team


@transaction.atomic
def do_set_role_authority(
    store: Store,
    *,
    role: Role,
    currency: str,
    max_refund: Decimal,
    max_discount_percent: Decimal,
    max_gift_card: Decimal,
) -> RoleAuthority:
    check_currency(currency)
    if min(max_refund, max_discount_percent, max_gift_card) < 0 or max_discount_percent > 100:
        raise ValidationFailed(
            _("Authority limits must be non-negative; discounts at most %(limit)s %%.")
            % {"limit": 100}
        )
    authority, _created = RoleAuthority.objects.update_or_create(
        store=store,
        role=role.value,
        defaults={
            "currency": currency,
            "max_refund": max_refund,
            "max_discount_percent": max_discount_percent,
            "max_gift_card": max_gift_card,
        },
    )
    return authority


@transaction.atomic
def check_create_api_token(actor: Actor, *, name: str) -> tuple[ApiToken, str]:
    """Create an integration token; the raw token is returned once and never stored."""
    actor.require(Permission.MANAGE_STORE)
    return do_create_api_token(actor.store, name=name, created_by=actor.user)


@transaction.atomic
def do_create_api_token(
    store: Store, *, name: str, created_by: User | None = None
) -> tuple[ApiToken, str]:
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32).replace("_", "-")
    token = ApiToken.objects.create(
        store=store,
        name=name,
        prefix=prefix,
        secret_hash=hash_token_secret(secret),
        created_by=created_by,
    )
    return token, f"{TOKEN_PREFIX}_{prefix}_{secret}"


@transaction.atomic
def do_update_preferences(user: User, *, language: str, timezone: str) -> User:
    """A staff member's own UI language (one Storedesk ships) and time zone."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationFailed(
            _("%(language)s is not a language Storedesk supports.") % {"language": repr(language)},
            details={"language": language},
        )
    check_timezone(timezone)
    user.language = language
    user.timezone = timezone
    user.save(update_fields=["language", "timezone"])
    return user


def check_revoke_api_token(actor: Actor, token_id: int) -> ApiToken:
    actor.require(Permission.MANAGE_STORE)
    token = ApiToken.objects.filter(store=actor.store, pk=token_id).first()
    if token is None:
        raise NotFound(_("No such API token."))
    return do_revoke_api_token(actor, token)


@transaction.atomic
def do_revoke_api_token(actor: Actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = now()
        token.save(update_fields=["revoked_at"])
        actor.audit("api_token.revoked", "api_token", token.pk, name=token.name)
    return token
