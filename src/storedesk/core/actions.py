from typing import Any

from django.utils.translation import gettext as _

from storedesk.core.errors import Conflict, ValidationFailed
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.validation import check_country, check_currency, check_language, check_timezone


def do_record_audit(
    *,
    store_id: int,
    actor_user_id: int | None,
    actor_label: str,
    action: str,
    target_type: str,
    target_id: int | str,
    details: dict[str, Any] | None = None,
) -> AuditLogEntry:
    """Append one entry to the store's audit log; call inside the action's transaction."""
    return AuditLogEntry.objects.create(
        store_id=store_id,
        actor_user_id=actor_user_id,
        actor_label=actor_label,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        details=details or {},
    )


def do_create_store(
    *,
    name: str,
    slug: str,
    default_currency: str,
    languages: list[str],
    default_language: str,
    timezone: str,
    country: str,
) -> Store:
    check_currency(default_currency)
    check_timezone(timezone)
    check_country(country)
    for language in languages:
        check_language(language)
    if default_language not in languages:
        raise ValidationFailed(_("The default language must be one of the store's languages."))
    if Store.objects.filter(slug=slug).exists():
        raise Conflict(
            _("A store with the slug %(slug)s exists already.") % {"slug": repr(slug)},
            details={"slug": slug},
        )
    return Store.objects.create(
        name=name,
        slug=slug,
        default_currency=default_currency,
        languages=languages,
        default_language=default_language,
        timezone=timezone,
        country=country,
    )
