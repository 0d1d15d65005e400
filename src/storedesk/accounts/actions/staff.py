from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from storedesk.accounts.models import Membership, User
from storedesk.accounts.permissions import Role
from storedesk.core.errors import ValidationFailed
from storedesk.core.models import Store
from storedesk.core.validation import check_timezone


@transaction.atomic
def do_add_member(store: Store, *, user: User, role: Role) -> Membership:
    membership, _created = Membership.objects.update_or_create(
        store=store, user=user, defaults={"role": role.value}
    )
    return membership


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
