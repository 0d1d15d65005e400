"""Reads about stores for the people who create and run them: whether the install has a store
yet, who may create another, the defaults a new store's form starts from, and the getting
started checklist."""

from dataclasses import dataclass
from zoneinfo import available_timezones

import icu
import pycountry
from django.db.models import QuerySet

from storedesk.accounts.actors import Actor
from storedesk.accounts.checklist import ChecklistProgress, checklist
from storedesk.accounts.models import Membership, SetupToken, User
from storedesk.accounts.permissions import Permission, Role
from storedesk.accounts.selectors import hash_token_secret, list_memberships
from storedesk.core.models import Store
from storedesk.core.money import ISO_4217_CURRENCIES
from storedesk.core.text import country_display_name

# ICU's region of zones that belong to no country (UTC, Etc/GMT+3): "the world".
_NO_COUNTRY = "001"
# Zones named after a place, the ones people pick; the aliases (US/Eastern, Etc/…) still
# validate when typed.
_PLACES = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Pacific/")
TIME_ZONES = (*sorted(zone for zone in available_timezones() if zone.startswith(_PLACES)), "UTC")
CURRENCIES = tuple(sorted(ISO_4217_CURRENCIES))


def any_store_exists() -> bool:
    """Whether this install has a store: until it has, the first-run page creates one."""
    return Store.objects.exists()


def setup_token_was_used(raw: str) -> bool:
    """Whether ``raw`` is a setup token that created the store already (a form sent twice)."""
    return SetupToken.objects.filter(
        token_hash=hash_token_secret(raw.strip()), used_at__isnull=False
    ).exists()


def can_create_store(user: User) -> bool:
    """An owner of any store may create further stores (a merchant with a second shop)."""
    return Membership.objects.filter(
        user=user, role=Role.OWNER.value, deactivated_at__isnull=True
    ).exists()


def list_other_memberships(user: User, store: Store) -> QuerySet[Membership]:
    """The user's memberships of stores other than ``store``."""
    return list_memberships(user).exclude(store=store)


def get_checklist_progress(actor: Actor) -> ChecklistProgress:
    """Where the store stands on the getting-started checklist."""
    actor.require(Permission.MANAGE_STORE)
    return checklist.progress(actor.store)


@dataclass(frozen=True, slots=True)
class StoreDefaults:
    """What a new store's form starts from; the person changes what does not fit."""

    default_language: str
    languages: tuple[str, ...]
    timezone: str
    country: str
    currency: str


def country_of_timezone(zone: str) -> str:
    """The ISO 3166 country a time zone belongs to ("Europe/Istanbul" is "TR"), or "" for
    zones of no country (UTC)."""
    try:
        region = str(icu.TimeZone.getRegion(zone) or "")
    except icu.ICUError:
        return ""
    if region == _NO_COUNTRY or pycountry.countries.get(alpha_2=region) is None:
        return ""
    return region


def currency_of_country(country: str) -> str:
    """The currency a country pays in ("TR" is "TRY"), or "" when unknown."""
    if not country:
        return ""
    formatter = icu.NumberFormat.createCurrencyInstance(icu.Locale(f"und_{country}"))
    currency = str(formatter.getCurrency() or "")
    return currency if currency in ISO_4217_CURRENCIES else ""


def get_store_defaults(*, language: str, timezone: str) -> StoreDefaults:
    """A new store's starting values for someone who uses ``language`` in ``timezone``."""
    country = country_of_timezone(timezone)
    return StoreDefaults(
        default_language=language,
        languages=(language,),
        timezone=timezone,
        country=country,
        currency=currency_of_country(country),
    )


def list_countries(language: str) -> list[tuple[str, str]]:
    """Every ISO 3166 country as (code, name in ``language``), in the order of the names."""
    names = [
        (country.alpha_2, country_display_name(country.alpha_2, in_language=language))
        for country in pycountry.countries
    ]
    collator = icu.Collator.createInstance(icu.Locale(language))
    return sorted(names, key=lambda pair: collator.getSortKey(pair[1]))
