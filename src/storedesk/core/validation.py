"""Checks shared by every context's actions; each raises ValidationFailed with a clear message."""

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import phonenumbers
import pycountry

from storedesk.core.errors import ValidationFailed
from storedesk.core.money import is_currency

_HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_ZONES = frozenset(available_timezones())


def check_currency(code: str) -> None:
    if not is_currency(code):
        raise ValidationFailed(
            f"{code!r} is not an ISO 4217 currency code.", details={"currency": code}
        )


def check_timezone(name: str) -> ZoneInfo:
    if name not in _ZONES:
        raise ValidationFailed(f"{name!r} is not an IANA time zone.", details={"timezone": name})
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationFailed(f"{name!r} is not an IANA time zone.") from error


def check_country(code: str) -> None:
    if not _COUNTRY.match(code) or pycountry.countries.get(alpha_2=code) is None:
        raise ValidationFailed(
            f"{code!r} is not an ISO 3166-1 alpha-2 country code.", details={"country": code}
        )


def check_language(code: str) -> None:
    if not _LANGUAGE.match(code):
        raise ValidationFailed(
            f"{code!r} is not a language code such as 'tr' or 'pt-BR'.",
            details={"language": code},
        )


def normalize_phone(raw: str, *, region: str | None = None) -> str:
    """The E.164 form of ``raw``, read in ``region`` when it has no country code."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationFailed(f"{raw!r} is not a phone number.", details={"phone": raw}) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationFailed(f"{raw!r} is not a valid phone number.", details={"phone": raw})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_working_hours(hours: dict[str, list[list[str]]]) -> None:
    """``{"1": [["09:00", "17:00"]], ...}``: ISO weekdays to ordered, non-overlapping intervals."""
    for day, intervals in hours.items():
        if day not in {"1", "2", "3", "4", "5", "6", "7"}:
            raise ValidationFailed(f"Working hours: {day!r} is not an ISO weekday (1-7).")
        previous_end = ""
        for interval in intervals:
            if len(interval) != 2 or not all(_HH_MM.match(t) for t in interval):
                raise ValidationFailed(
                    f"Working hours on day {day}: {interval!r} is not a pair of HH:MM times."
                )
            start, end = interval
            if start >= end or start < previous_end:
                raise ValidationFailed(
                    f"Working hours on day {day}: intervals must be ordered and not overlap."
                )
            previous_end = end
