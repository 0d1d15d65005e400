"""The help center's settings: where it is served and how shoppers reach the store."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.validation import normalize_phone
from storedesk.helpcenter.errors import FieldError, HelpCenterValidationFailed, HostTaken
from storedesk.helpcenter.models import HelpCenterSettings

MAX_RESPONSE_HOURS = 720  # thirty days: promising longer than that helps no one
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass(frozen=True, slots=True)
class HelpCenterSettingsInput:
    public_host: str = ""
    contact_email: str = ""
    phone_number: str = ""
    whatsapp_number: str = ""
    chat_enabled: bool = True
    contact_form_enabled: bool = True
    support_team_id: int | None = None
    expected_response_hours: int = 24


def _check_host(raw: str, errors: list[FieldError]) -> str:
    host = raw.strip().lower().rstrip(".")
    if not host:
        return ""
    labels = host.split(".")
    if (
        len(host) > 253
        or len(labels) < 2
        or not all(_HOST_LABEL.match(label) for label in labels)
        or labels[-1].isdigit()
    ):
        errors.append(
            FieldError(
                "public_host",
                _("Enter a host name such as help.example.com, without https:// or a path."),
            )
        )
    return host


def _check_phone(raw: str, field: str, region: str, errors: list[FieldError]) -> str:
    if not raw.strip():
        return ""
    try:
        return normalize_phone(raw.strip(), region=region or None)
    except ValidationFailed:
        errors.append(
            FieldError(
                field,
                _("Enter a valid phone number with its country code, such as +90 212 555 01 01."),
            )
        )
        return raw


def check_update_help_center_settings(
    actor: Actor, values: HelpCenterSettingsInput
) -> HelpCenterSettings:
    actor.require(Permission.PUBLISH_HELP_CENTER)
    errors: list[FieldError] = []
    host = _check_host(values.public_host, errors)
    email = values.contact_email.strip()
    if email:
        try:
            validate_email(email)
        except DjangoValidationError:
            errors.append(FieldError("contact_email", _("Enter a valid email address.")))
    region = actor.store.country
    phone = _check_phone(values.phone_number, "phone_number", region, errors)
    whatsapp = _check_phone(values.whatsapp_number, "whatsapp_number", region, errors)
    if not 1 <= values.expected_response_hours <= MAX_RESPONSE_HOURS:
        errors.append(
            FieldError(
                "expected_response_hours",
                _("Promise an answer within 1 to %(limit)s hours.") % {"limit": MAX_RESPONSE_HOURS},
            )
        )
    if errors:
        raise HelpCenterValidationFailed(errors)
    team: Team | None = None
    if values.support_team_id is not None:
        team = Team.objects.filter(store=actor.store, pk=values.support_team_id).first()
        if team is None:
            raise NotFound(_("No such team."), details={"support_team_id": values.support_team_id})
    try:
        with transaction.atomic():
            settings, _created = HelpCenterSettings.objects.update_or_create(
                store=actor.store,
                defaults={
                    "public_host": host,
                    "contact_email": email,
                    "phone_number": phone,
                    "whatsapp_number": whatsapp,
                    "chat_enabled": values.chat_enabled,
                    "contact_form_enabled": values.contact_form_enabled,
                    "support_team": team,
                    "expected_response_hours": values.expected_response_hours,
                },
            )
    except IntegrityError as error:
        raise HostTaken(
            _("Another store's help center is served at %(host)s.") % {"host": host}
        ) from error
    return settings
