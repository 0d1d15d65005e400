from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from storedesk.accounts.models import RoleAuthority, Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.errors import ValidationFailed
from storedesk.core.models import Store
from storedesk.core.validation import check_currency, check_timezone, check_working_hours


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
