"""Checks shared by every context's actions; each raises ValidationFailed with a clear message."""

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import phonenumbers
import pycountry
from django.utils.translation import gettext as _

from storedesk.core.errors import ValidationFailed
from storedesk.core.money import is_currency

_HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_ZONES = frozenset(available_timezones())


def check_currency(code: str) -> None:
    if not is_currency(code):
        raise ValidationFailed(
            _("%(code)s is not an ISO 4217 currency code.") % {"code": repr(code)},
            details={"currency": code},
        )


def _not_a_timezone(name: str) -> str:
    return _("%(name)s is not an IANA time zone.") % {"name": repr(name)}


def check_timezone(name: str) -> ZoneInfo:
    if name not in _ZONES:
        raise ValidationFailed(_not_a_timezone(name), details={"timezone": name})
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationFailed(_not_a_timezone(name), details={"timezone": name}) from error


def check_country(code: str) -> None:
    if not _COUNTRY.match(code) or pycountry.countries.get(alpha_2=code) is None:
        raise ValidationFailed(
            _("%(code)s is not an ISO 3166-1 alpha-2 country code.") % {"code": repr(code)},
            details={"country": code},
        )


def check_language(code: str) -> None:
    if not _LANGUAGE.match(code):
        raise ValidationFailed(
            _("%(code)s is not a language code such as 'tr' or 'pt-BR'.") % {"code": repr(code)},
            details={"language": code},
        )


def normalize_phone(raw: str, *, region: str | None = None) -> str:
    """The E.164 form of ``raw``, read in ``region`` when it has no country code."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationFailed(
            _("%(phone)s is not a phone number.") % {"phone": repr(raw)}, details={"phone": raw}
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationFailed(
            _("%(phone)s is not a valid phone number.") % {"phone": repr(raw)},
            details={"phone": raw},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_working_hours(hours: dict[str, list[list[str]]]) -> None:
    """``{"1": [["09:00", "17:00"]], ...}``: ISO weekdays to ordered, non-overlapping intervals."""
    for day, intervals in hours.items():
        if day not in {"1", "2", "3", "4", "5", "6", "7"}:
            raise ValidationFailed(
                _("Working hours: %(day)s is not an ISO weekday (1-7).") % {"day": repr(day)}
            )
        previous_end = ""
        for interval in intervals:
            if len(interval) != 2 or not all(_HH_MM.match(t) for t in interval):
                raise ValidationFailed(
                    _("Working hours on day %(day)s: %(interval)s is not a pair of HH:MM times.")
                    % {"day": day, "interval": repr(interval)}
                )
            start, end = interval
            if start >= end or start < previous_end:
                raise ValidationFailed(
                    _("Working hours on day %(day)s: intervals must be ordered and not overlap.")
                    % {"day": day}
                )
            previous_end = end
