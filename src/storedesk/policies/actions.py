"""Every write to store policies.

Return and shipping rules are edited as a draft version, a copy of the latest published
one, and then published with an ``effective_from``. Published versions are never changed:
orders are judged by the version in force when they were placed.
"""

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Literal, TypedDict

import pycountry
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.catalog.models import Category
from storedesk.core.errors import Conflict
from storedesk.core.events import publish_event
from storedesk.core.money import AMOUNT_MAX_DIGITS, is_currency
from storedesk.policies.errors import FieldError, PolicyValidationFailed, VersionPublished
from storedesk.policies.events import PolicyEvent
from storedesk.policies.models import (
    DutiesPayer,
    FeeKind,
    ProseKind,
    ProsePolicy,
    ProsePolicyTranslation,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingMethod,
    ShippingPayer,
    ShippingPolicyVersion,
    ShippingZone,
    VersionStatus,
    WindowStart,
)
from storedesk.policies.selectors import (
    get_latest_published_return_version,
    get_latest_published_shipping_version,
    get_return_draft,
    get_return_version,
    get_shipping_draft,
    get_shipping_version,
)

MAX_WINDOW_DAYS = 3650
MAX_TRANSIT_DAYS = 365
MAX_REFUND_HOURS = 24 * 365
MAX_ZONES = 100
MAX_METHODS_PER_ZONE = 20
MAX_HOLIDAYS = 400
DEFAULT_CUTOFF = time(14, 0)
DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5]
_MAX_AMOUNT = Decimal(10 ** (AMOUNT_MAX_DIGITS - 2))
_HH_MM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
# Clocks of the editor and the server differ a little; "now" may arrive slightly late.
_GRACE = timedelta(minutes=5)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ReturnRuleFields(TypedDict, total=False):
    category_id: int | None
    window_days: int | None
    window_starts_at: str
    offers_refund: bool
    offers_exchange: bool
    offers_store_credit: bool
    store_credit_bonus_percent: Decimal
    final_sale: bool
    discounted_final_sale: bool
    requires_unused: bool
    requires_original_packaging: bool
    return_shipping_paid_by: str
    return_shipping_fee: Decimal
    restocking_fee_kind: str
    restocking_fee: Decimal
    currency: str
    refund_within_hours: int | None


class ShippingMethodFields(TypedDict, total=False):
    name: str
    cost: Decimal
    currency: str
    free_shipping_threshold: Decimal | None
    min_days: int
    max_days: int


class ShippingZoneFields(TypedDict, total=False):
    name: str
    countries: list[str]
    duties_included: bool
    duties_paid_by: str
    customs_note: dict[str, str]
    methods: list[ShippingMethodFields]


class ShippingVersionFields(TypedDict, total=False):
    note: str
    dispatch_cutoff: time | str
    working_days: list[int]
    holidays: list[date | str]
    currency: str
    zones: list[ShippingZoneFields]


# --- Validation ----------------------------------------------------------------------


def _amount_error(value: object, field: str, *, percent: bool = False) -> FieldError | None:
    if not isinstance(value, Decimal | int) or isinstance(value, bool):
        return FieldError(field, "Enter an amount.")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return FieldError(field, "Enter an amount.")
    if not amount.is_finite():
        return FieldError(field, "Enter an amount.")
    if amount < 0:
        return FieldError(field, "Cannot be negative.", "negative")
    if percent and amount > 100:
        return FieldError(field, "A percentage cannot be above 100.")
    if amount >= _MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        return FieldError(field, "Use at most two decimal places and a sensible amount.")
    return None


def validate_return_rules(
    store_id: int, currency: str, rules: list[ReturnRuleFields]
) -> list[ReturnRuleFields]:
    """The rules with defaults filled in, or PolicyValidationFailed naming each bad field.

    Field names are ``rules.<index>.<field>`` so a form can point at the row.
    """
    errors: list[FieldError] = []
    cleaned: list[ReturnRuleFields] = []
    category_ids = {c for r in rules if (c := r.get("category_id")) is not None}
    known = set(
        Category.objects.filter(store_id=store_id, pk__in=category_ids).values_list("pk", flat=True)
    )
    seen: set[int | None] = set()
    for index, given in enumerate(rules):
        prefix = f"rules.{index}."
        rule: ReturnRuleFields = {
            "category_id": None,
            "window_days": 30,
            "window_starts_at": WindowStart.DELIVERY,
            "offers_refund": True,
            "offers_exchange": True,
            "offers_store_credit": False,
            "store_credit_bonus_percent": Decimal(0),
            "final_sale": False,
            "discounted_final_sale": False,
            "requires_unused": True,
            "requires_original_packaging": False,
            "return_shipping_paid_by": ShippingPayer.STORE,
            "return_shipping_fee": Decimal(0),
            "restocking_fee_kind": FeeKind.NONE,
            "restocking_fee": Decimal(0),
            "currency": currency,
            "refund_within_hours": None,
        }
        rule.update(given)
        errors.extend(_return_rule_errors(rule, prefix, currency, known, seen))
        seen.add(rule["category_id"])
        cleaned.append(rule)
    if errors:
        raise PolicyValidationFailed(errors)
    return cleaned


def _return_rule_errors(
    rule: ReturnRuleFields,
    prefix: str,
    currency: str,
    known_categories: set[int],
    seen: set[int | None],
) -> list[FieldError]:
    errors: list[FieldError] = []
    category_id = rule["category_id"]
    if category_id is not None and category_id not in known_categories:
        errors.append(FieldError(prefix + "category_id", "No such category in this store."))
    if category_id in seen:
        errors.append(
            FieldError(
                prefix + "category_id",
                "There is already a rule for this category."
                if category_id is not None
                else "There is already a default rule.",
                "duplicate",
            )
        )
    window = rule["window_days"]
    if window is not None and (
        isinstance(window, bool) or not isinstance(window, int) or window < 1
    ):
        errors.append(
            FieldError(
                prefix + "window_days",
                "The return window must be at least 1 day, or empty for no limit.",
            )
        )
    elif window is not None and window > MAX_WINDOW_DAYS:
        errors.append(
            FieldError(
                prefix + "window_days",
                f"Use at most {MAX_WINDOW_DAYS} days, or empty for no limit.",
            )
        )
    if rule["window_starts_at"] not in WindowStart.values:
        errors.append(
            FieldError(prefix + "window_starts_at", "Count from 'delivery' or from 'order'.")
        )
    offers = rule["offers_refund"] or rule["offers_exchange"] or rule["offers_store_credit"]
    if rule["final_sale"] and offers:
        errors.append(
            FieldError(
                prefix + "outcomes",
                "A final-sale category cannot offer a refund, exchange or store credit.",
                "final_sale_outcomes",
            )
        )
    if not rule["final_sale"] and not offers:
        errors.append(
            FieldError(
                prefix + "outcomes",
                "Offer at least one outcome, or mark the category final sale.",
                "no_outcomes",
            )
        )
    bonus_error = _amount_error(
        rule["store_credit_bonus_percent"], prefix + "store_credit_bonus_percent", percent=True
    )
    if bonus_error is not None:
        errors.append(bonus_error)
    elif rule["store_credit_bonus_percent"] > 0 and not rule["offers_store_credit"]:
        errors.append(
            FieldError(
                prefix + "store_credit_bonus_percent",
                "Bonus credit needs store credit to be offered.",
                "bonus_without_store_credit",
            )
        )
    if rule["return_shipping_paid_by"] not in ShippingPayer.values:
        errors.append(
            FieldError(prefix + "return_shipping_paid_by", "Choose 'store' or 'customer'.")
        )
    fee_error = _amount_error(rule["return_shipping_fee"], prefix + "return_shipping_fee")
    if fee_error is not None:
        errors.append(fee_error)
    elif (
        rule["return_shipping_fee"] > 0
        and rule["return_shipping_paid_by"] != ShippingPayer.CUSTOMER
    ):
        errors.append(
            FieldError(
                prefix + "return_shipping_fee",
                "A return shipping fee applies only when the customer pays for return shipping.",
            )
        )
    kind = rule["restocking_fee_kind"]
    if kind not in FeeKind.values:
        errors.append(
            FieldError(prefix + "restocking_fee_kind", "Choose 'none', 'percent' or 'fixed'.")
        )
    restocking_error = _amount_error(
        rule["restocking_fee"], prefix + "restocking_fee", percent=kind == FeeKind.PERCENT
    )
    if restocking_error is not None:
        errors.append(restocking_error)
    elif kind == FeeKind.NONE and rule["restocking_fee"] > 0:
        errors.append(
            FieldError(prefix + "restocking_fee", "Choose whether the fee is a percent or fixed.")
        )
    if rule["currency"] != currency:
        errors.append(
            FieldError(
                prefix + "currency",
                f"Fees are in the store's currency, {currency}.",
                "currency_mismatch",
            )
        )
    hours = rule["refund_within_hours"]
    if hours is not None and (
        isinstance(hours, bool) or not isinstance(hours, int) or not 0 <= hours <= MAX_REFUND_HOURS
    ):
        errors.append(
            FieldError(
                prefix + "refund_within_hours",
                f"Use 0 to {MAX_REFUND_HOURS} hours, or empty if not promised.",
            )
        )
    return errors


def _parse_cutoff(value: object) -> time | None:
    if isinstance(value, time):
        return value if value.tzinfo is None else None
    if isinstance(value, str):
        match = _HH_MM.match(value.strip())
        if match:
            return time(int(match.group(1)), int(match.group(2)))
    return None


def validate_shipping_fields(currency: str, fields: ShippingVersionFields) -> ShippingVersionFields:
    """Shipping settings and zones, normalised (country codes upper-cased, dates parsed),
    or PolicyValidationFailed naming each bad field (``zones.<i>.methods.<j>.<field>``)."""
    errors: list[FieldError] = []
    cleaned: ShippingVersionFields = {}
    if "note" in fields:
        cleaned["note"] = str(fields["note"])[:500]
    version_currency = fields.get("currency", currency)
    if not is_currency(version_currency):
        errors.append(FieldError("currency", f"{version_currency!r} is not an ISO 4217 code."))
    cleaned["currency"] = version_currency
    if "dispatch_cutoff" in fields:
        cutoff = _parse_cutoff(fields["dispatch_cutoff"])
        if cutoff is None:
            errors.append(
                FieldError("dispatch_cutoff", "Enter the cut-off as a time such as 14:00.")
            )
        else:
            cleaned["dispatch_cutoff"] = cutoff
    if "working_days" in fields:
        days = fields["working_days"]
        if (
            not isinstance(days, list)
            or not days
            or any(isinstance(d, bool) or d not in range(1, 8) for d in days)
            or len(set(days)) != len(days)
        ):
            errors.append(
                FieldError(
                    "working_days",
                    "List each working weekday once, 1 (Monday) to 7 (Sunday); at least one.",
                )
            )
        else:
            cleaned["working_days"] = sorted(days)
    if "holidays" in fields:
        holidays: list[date | str] = []
        raw_holidays = fields["holidays"]
        if not isinstance(raw_holidays, list) or len(raw_holidays) > MAX_HOLIDAYS:
            errors.append(FieldError("holidays", f"List at most {MAX_HOLIDAYS} dates."))
        else:
            for index, raw in enumerate(raw_holidays):
                try:
                    day = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
                except ValueError:
                    errors.append(FieldError(f"holidays.{index}", "Enter a date as YYYY-MM-DD."))
                    continue
                holidays.append(day.isoformat())
            cleaned["holidays"] = sorted(set(holidays), key=str)
    if "zones" in fields:
        cleaned["zones"] = _clean_zones(fields["zones"], version_currency, errors)
    if errors:
        raise PolicyValidationFailed(errors)
    return cleaned


def _clean_zones(
    zones: list[ShippingZoneFields], currency: str, errors: list[FieldError]
) -> list[ShippingZoneFields]:
    if len(zones) > MAX_ZONES:
        errors.append(FieldError("zones", f"Use at most {MAX_ZONES} zones."))
        return []
    owner: dict[str, int] = {}
    cleaned: list[ShippingZoneFields] = []
    for index, zone in enumerate(zones):
        prefix = f"zones.{index}."
        name = str(zone.get("name", "")).strip()
        if not name or len(name) > 120:
            errors.append(
                FieldError(prefix + "name", "Give the zone a name of 1 to 120 characters.")
            )
        countries: list[str] = []
        raw_countries = zone.get("countries", [])
        if not raw_countries:
            errors.append(FieldError(prefix + "countries", "List at least one country."))
        for raw in raw_countries:
            code = str(raw).strip().upper()
            if (
                len(code) != 2
                or not code.isascii()
                or pycountry.countries.get(alpha_2=code) is None
            ):
                errors.append(
                    FieldError(
                        prefix + "countries",
                        f"{raw!r} is not an ISO 3166-1 alpha-2 country code.",
                        "invalid_country",
                    )
                )
                continue
            if code in countries:
                continue
            if code in owner:
                errors.append(
                    FieldError(
                        prefix + "countries",
                        f"{code} is already in zone {owner[code] + 1}; zones cannot overlap.",
                        "overlapping_zones",
                    )
                )
                continue
            owner[code] = index
            countries.append(code)
        duties_paid_by = zone.get("duties_paid_by", DutiesPayer.NONE)
        if duties_paid_by not in DutiesPayer.values:
            errors.append(
                FieldError(prefix + "duties_paid_by", "Choose 'none', 'store' or 'customer'.")
            )
        duties_included = bool(zone.get("duties_included", True))
        if duties_included and duties_paid_by == DutiesPayer.CUSTOMER:
            errors.append(
                FieldError(
                    prefix + "duties_paid_by",
                    "Duties included in the price are paid by the store, not the customer.",
                )
            )
        note = zone.get("customs_note", {})
        if not isinstance(note, dict) or any(
            not isinstance(k, str) or not isinstance(v, str) or len(v) > 2000
            for k, v in note.items()
        ):
            errors.append(
                FieldError(
                    prefix + "customs_note", "Give one text per language, 2000 characters at most."
                )
            )
            note = {}
        methods = _clean_methods(zone.get("methods", []), prefix, currency, errors)
        cleaned.append(
            {
                "name": name,
                "countries": countries,
                "duties_included": duties_included,
                "duties_paid_by": duties_paid_by,
                "customs_note": {k: v.strip() for k, v in note.items() if v.strip()},
                "methods": methods,
            }
        )
    return cleaned


def _clean_methods(
    methods: list[ShippingMethodFields], zone_prefix: str, currency: str, errors: list[FieldError]
) -> list[ShippingMethodFields]:
    if len(methods) > MAX_METHODS_PER_ZONE:
        errors.append(
            FieldError(zone_prefix + "methods", f"Use at most {MAX_METHODS_PER_ZONE} methods.")
        )
        return []
    cleaned: list[ShippingMethodFields] = []
    for index, method in enumerate(methods):
        prefix = f"{zone_prefix}methods.{index}."
        name = str(method.get("name", "")).strip()
        if not name or len(name) > 120:
            errors.append(
                FieldError(prefix + "name", "Give the method a name of 1 to 120 characters.")
            )
        cost = method.get("cost", Decimal(0))
        cost_error = _amount_error(cost, prefix + "cost")
        if cost_error is not None:
            errors.append(cost_error)
        threshold = method.get("free_shipping_threshold")
        if threshold is not None:
            threshold_error = _amount_error(threshold, prefix + "free_shipping_threshold")
            if threshold_error is not None:
                errors.append(threshold_error)
        method_currency = method.get("currency", currency)
        if method_currency != currency:
            errors.append(
                FieldError(
                    prefix + "currency",
                    f"Costs are in the shipping policy's currency, {currency}.",
                    "currency_mismatch",
                )
            )
        min_days = method.get("min_days")
        max_days = method.get("max_days")
        days_valid = True
        for field, value in (("min_days", min_days), ("max_days", max_days)):
            if (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not 0 <= value <= MAX_TRANSIT_DAYS
            ):
                errors.append(
                    FieldError(prefix + field, f"Enter 0 to {MAX_TRANSIT_DAYS} business days.")
                )
                days_valid = False
        if days_valid and min_days is not None and max_days is not None and min_days > max_days:
            errors.append(
                FieldError(
                    prefix + "min_days",
                    "The shortest delivery time cannot be longer than the longest.",
                    "min_after_max",
                )
            )
        cleaned.append(
            {
                "name": name,
                "cost": Decimal(cost) if cost_error is None else Decimal(0),
                "currency": method_currency,
                "free_shipping_threshold": Decimal(threshold) if threshold is not None else None,
                "min_days": min_days if isinstance(min_days, int) else 0,
                "max_days": max_days if isinstance(max_days, int) else 0,
            }
        )
    return cleaned


# --- Drafts --------------------------------------------------------------------------


def _ensure_draft(version: ReturnPolicyVersion | ShippingPolicyVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise VersionPublished(
            "A published version cannot be changed; edit a new draft instead.",
            details={"number": version.number},
        )


def check_start_return_draft(actor: Actor) -> ReturnPolicyVersion:
    """The store's return draft, created as a copy of the latest published version."""
    actor.require(Permission.MANAGE_POLICIES)
    return do_start_return_draft(actor)


def do_start_return_draft(actor: Actor) -> ReturnPolicyVersion:
    existing = get_return_draft(actor.store)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            source = get_latest_published_return_version(actor.store)
            number = (
                ReturnPolicyVersion.objects.filter(store=actor.store).aggregate(n=Max("number"))[
                    "n"
                ]
                or 0
            ) + 1
            draft = ReturnPolicyVersion.objects.create(
                store=actor.store, number=number, status=VersionStatus.DRAFT
            )
            if source is not None:
                rules = list(source.rules.all())
                for rule in rules:
                    rule.pk = None
                    rule.version = draft
                ReturnRule.objects.bulk_create(rules)
    except IntegrityError:
        # Someone else started the draft at the same moment: theirs is the draft.
        existing = get_return_draft(actor.store)
        if existing is None:
            raise Conflict("The return policy changed meanwhile; try again.") from None
        return existing
    return get_return_version(actor.store, draft.number)


def check_update_return_draft(
    actor: Actor,
    version: ReturnPolicyVersion,
    *,
    rules: list[ReturnRuleFields] | None = None,
    note: str | None = None,
) -> ReturnPolicyVersion:
    """Replace the draft's rules (and note) with ``rules``, all validated first."""
    actor.require(Permission.MANAGE_POLICIES)
    _ensure_draft(version)
    cleaned = (
        validate_return_rules(actor.store.pk, actor.store.default_currency, rules)
        if rules is not None
        else None
    )
    return do_update_return_draft(actor, version, rules=cleaned, note=note)


@transaction.atomic
def do_update_return_draft(
    actor: Actor,
    version: ReturnPolicyVersion,
    *,
    rules: list[ReturnRuleFields] | None = None,
    note: str | None = None,
) -> ReturnPolicyVersion:
    locked = ReturnPolicyVersion.objects.select_for_update().get(pk=version.pk, store=actor.store)
    _ensure_draft(locked)
    if note is not None:
        locked.note = note[:500]
        locked.save(update_fields=["note", "updated_at"])
    if rules is not None:
        ReturnRule.objects.filter(version=locked).delete()
        ReturnRule.objects.bulk_create(
            ReturnRule(store=actor.store, version=locked, **rule) for rule in rules
        )
        locked.save(update_fields=["updated_at"])
    return get_return_version(actor.store, locked.number)


def check_save_return_draft(
    actor: Actor, *, rules: list[ReturnRuleFields] | None = None, note: str | None = None
) -> ReturnPolicyVersion:
    """Change the draft, starting it as a copy of the latest version if there is none;
    invalid input leaves no draft behind."""
    actor.require(Permission.MANAGE_POLICIES)
    cleaned = (
        validate_return_rules(actor.store.pk, actor.store.default_currency, rules)
        if rules is not None
        else None
    )
    with transaction.atomic():
        draft = do_start_return_draft(actor)
        return do_update_return_draft(actor, draft, rules=cleaned, note=note)


def check_save_return_rule(
    actor: Actor, version: ReturnPolicyVersion, fields: ReturnRuleFields
) -> ReturnPolicyVersion:
    """Add or replace the draft's rule for ``fields["category_id"]`` (None: the default)."""
    actor.require(Permission.MANAGE_POLICIES)
    _ensure_draft(version)
    category_id = fields.get("category_id")
    others: list[ReturnRuleFields] = [
        _rule_fields(rule) for rule in version.rules.all() if rule.category_id != category_id
    ]
    cleaned = validate_return_rules(actor.store.pk, actor.store.default_currency, [fields, *others])
    return do_update_return_draft(actor, version, rules=cleaned)


def check_remove_return_rule(
    actor: Actor, version: ReturnPolicyVersion, *, category_id: int | None
) -> ReturnPolicyVersion:
    actor.require(Permission.MANAGE_POLICIES)
    _ensure_draft(version)
    remaining = [_rule_fields(r) for r in version.rules.all() if r.category_id != category_id]
    return do_update_return_draft(actor, version, rules=remaining)


def _rule_fields(rule: ReturnRule) -> ReturnRuleFields:
    return {
        "category_id": rule.category_id,
        "window_days": rule.window_days,
        "window_starts_at": rule.window_starts_at,
        "offers_refund": rule.offers_refund,
        "offers_exchange": rule.offers_exchange,
        "offers_store_credit": rule.offers_store_credit,
        "store_credit_bonus_percent": rule.store_credit_bonus_percent,
        "final_sale": rule.final_sale,
        "discounted_final_sale": rule.discounted_final_sale,
        "requires_unused": rule.requires_unused,
        "requires_original_packaging": rule.requires_original_packaging,
        "return_shipping_paid_by": rule.return_shipping_paid_by,
        "return_shipping_fee": rule.return_shipping_fee,
        "restocking_fee_kind": rule.restocking_fee_kind,
        "restocking_fee": rule.restocking_fee,
        "currency": rule.currency,
        "refund_within_hours": rule.refund_within_hours,
    }


def check_start_shipping_draft(actor: Actor) -> ShippingPolicyVersion:
    """The store's shipping draft, created as a copy of the latest published version."""
    actor.require(Permission.MANAGE_POLICIES)
    return do_start_shipping_draft(actor)


def do_start_shipping_draft(actor: Actor) -> ShippingPolicyVersion:
    existing = get_shipping_draft(actor.store)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            source = get_latest_published_shipping_version(actor.store)
            number = (
                ShippingPolicyVersion.objects.filter(store=actor.store).aggregate(n=Max("number"))[
                    "n"
                ]
                or 0
            ) + 1
            draft = ShippingPolicyVersion.objects.create(
                store=actor.store,
                number=number,
                status=VersionStatus.DRAFT,
                dispatch_cutoff=source.dispatch_cutoff if source else DEFAULT_CUTOFF,
                working_days=list(source.working_days) if source else DEFAULT_WORKING_DAYS,
                holidays=list(source.holidays) if source else [],
                currency=source.currency if source else actor.store.default_currency,
            )
            if source is not None:
                _copy_zones(source, draft)
    except IntegrityError:
        existing = get_shipping_draft(actor.store)
        if existing is None:
            raise Conflict("The shipping policy changed meanwhile; try again.") from None
        return existing
    return get_shipping_version(actor.store, draft.number)


def _copy_zones(source: ShippingPolicyVersion, draft: ShippingPolicyVersion) -> None:
    for zone in source.zones.all():
        methods = list(zone.methods.all())
        zone.pk = None
        zone.version = draft
        zone.save()
        for method in methods:
            method.pk = None
            method.zone = zone
        ShippingMethod.objects.bulk_create(methods)


def check_update_shipping_draft(
    actor: Actor, version: ShippingPolicyVersion, fields: ShippingVersionFields
) -> ShippingPolicyVersion:
    """Change the draft's settings; ``zones``, when given, replaces every zone and method."""
    actor.require(Permission.MANAGE_POLICIES)
    _ensure_draft(version)
    cleaned = validate_shipping_fields(version.currency, fields)
    return do_update_shipping_draft(actor, version, cleaned)


@transaction.atomic
def do_update_shipping_draft(
    actor: Actor, version: ShippingPolicyVersion, fields: ShippingVersionFields
) -> ShippingPolicyVersion:
    locked = ShippingPolicyVersion.objects.select_for_update().get(pk=version.pk, store=actor.store)
    _ensure_draft(locked)
    for name in ("note", "dispatch_cutoff", "working_days", "holidays", "currency"):
        if name in fields:
            setattr(locked, name, fields[name])
    locked.save()
    if "zones" in fields:
        ShippingZone.objects.filter(version=locked).delete()
        for position, zone_fields in enumerate(fields["zones"]):
            zone = ShippingZone.objects.create(
                store=actor.store,
                version=locked,
                position=position,
                name=zone_fields["name"],
                countries=zone_fields["countries"],
                duties_included=zone_fields["duties_included"],
                duties_paid_by=zone_fields["duties_paid_by"],
                customs_note=zone_fields["customs_note"],
            )
            ShippingMethod.objects.bulk_create(
                ShippingMethod(store=actor.store, zone=zone, position=index, **method)
                for index, method in enumerate(zone_fields["methods"])
            )
    elif "currency" in fields:
        ShippingMethod.objects.filter(zone__version=locked).update(currency=fields["currency"])
    return get_shipping_version(actor.store, locked.number)


def check_save_shipping_draft(actor: Actor, fields: ShippingVersionFields) -> ShippingPolicyVersion:
    """Change the draft, starting it as a copy of the latest version if there is none;
    invalid input leaves no draft behind."""
    actor.require(Permission.MANAGE_POLICIES)
    existing = get_shipping_draft(actor.store) or get_latest_published_shipping_version(actor.store)
    currency = existing.currency if existing is not None else actor.store.default_currency
    cleaned = validate_shipping_fields(currency, fields)
    with transaction.atomic():
        draft = do_start_shipping_draft(actor)
        return do_update_shipping_draft(actor, draft, cleaned)


def check_discard_draft(actor: Actor, version: ReturnPolicyVersion | ShippingPolicyVersion) -> None:
    actor.require(Permission.MANAGE_POLICIES)
    _ensure_draft(version)
    with transaction.atomic():
        type(version).objects.filter(
            pk=version.pk, store=actor.store, status=VersionStatus.DRAFT
        ).delete()


# --- Publishing ----------------------------------------------------------------------


def _effective_from_errors(
    model: type[ReturnPolicyVersion] | type[ShippingPolicyVersion],
    actor: Actor,
    effective_from: datetime,
    now: datetime,
) -> list[FieldError]:
    if timezone.is_naive(effective_from):
        return [FieldError("effective_from", "Give a time with its time zone.")]
    # Backdating would change what past orders were promised.
    if effective_from < now - _GRACE:
        return [FieldError("effective_from", "A version cannot take effect in the past.")]
    latest = (
        model.objects.filter(store=actor.store, status=VersionStatus.PUBLISHED)
        .order_by("-effective_from")
        .values_list("effective_from", flat=True)
        .first()
    )
    if latest is not None and effective_from <= latest:
        return [
            FieldError(
                "effective_from",
                "A version must take effect after the latest published one "
                f"({latest.isoformat()}).",
            )
        ]
    return []


def check_publish_return_version(
    actor: Actor, version: ReturnPolicyVersion, *, effective_from: datetime | None = None
) -> ReturnPolicyVersion:
    """Publish the draft; it applies to orders placed from ``effective_from`` (default now)."""
    actor.require(Permission.MANAGE_POLICIES)
    _ensure_draft(version)
    now = timezone.now()
    effective_from = effective_from or now
    errors = _effective_from_errors(ReturnPolicyVersion, actor, effective_from, now)
    if not any(rule.category_id is None for rule in version.rules.all()):
        errors.append(
            FieldError(
                "rules",
                "Add a default rule: it applies to every item without a category rule.",
                "no_default_rule",
            )
        )
    if errors:
        raise PolicyValidationFailed(errors)
    return do_publish_return_version(actor, version, effective_from=effective_from)


def do_publish_return_version(
    actor: Actor, version: ReturnPolicyVersion, *, effective_from: datetime
) -> ReturnPolicyVersion:
    number = _publish_version(actor, ReturnPolicyVersion, version, effective_from, "returns")
    return get_return_version(actor.store, number)


def check_publish_shipping_version(
    actor: Actor, version: ShippingPolicyVersion, *, effective_from: datetime | None = None
) -> ShippingPolicyVersion:
    actor.require(Permission.MANAGE_POLICIES)
    _ensure_draft(version)
    now = timezone.now()
    effective_from = effective_from or now
    errors = _effective_from_errors(ShippingPolicyVersion, actor, effective_from, now)
    zones = list(version.zones.all())
    if not zones:
        errors.append(FieldError("zones", "Add at least one shipping zone.", "no_zones"))
    for index, zone in enumerate(zones):
        if not zone.methods.all():
            errors.append(FieldError(f"zones.{index}.methods", "Add at least one shipping method."))
    if errors:
        raise PolicyValidationFailed(errors)
    return do_publish_shipping_version(actor, version, effective_from=effective_from)


def do_publish_shipping_version(
    actor: Actor, version: ShippingPolicyVersion, *, effective_from: datetime
) -> ShippingPolicyVersion:
    number = _publish_version(actor, ShippingPolicyVersion, version, effective_from, "shipping")
    return get_shipping_version(actor.store, number)


_AUDIT_NAMES = {"returns": "return_policy", "shipping": "shipping_policy"}


@transaction.atomic
def _publish_version(
    actor: Actor,
    model: type[ReturnPolicyVersion] | type[ShippingPolicyVersion],
    version: ReturnPolicyVersion | ShippingPolicyVersion,
    effective_from: datetime,
    kind: Literal["returns", "shipping"],
) -> int:
    """Freeze the draft ``version`` of ``kind``, in force from ``effective_from``; its number."""
    locked = model.objects.select_for_update().get(pk=version.pk, store=actor.store)
    _ensure_draft(locked)
    locked.status = VersionStatus.PUBLISHED
    locked.effective_from = effective_from
    locked.published_at = timezone.now()
    locked.published_by = actor.user
    locked.save()
    actor.audit(
        f"{_AUDIT_NAMES[kind]}.published",
        f"{_AUDIT_NAMES[kind]}_version",
        locked.pk,
        number=locked.number,
        effective_from=effective_from.isoformat(),
    )
    publish_event(
        PolicyEvent(
            op="published",
            store_id=actor.store.pk,
            kind=kind,
            version_number=locked.number,
            effective_from=effective_from,
        )
    )
    return locked.number


# --- Prose policies ------------------------------------------------------------------


class ProseTranslationFields(TypedDict):
    title: str
    body: str


MAX_PROSE_BODY = 100_000


def check_save_prose_policy(
    actor: Actor,
    *,
    kind: str,
    slug: str = "",
    translations: dict[str, ProseTranslationFields],
    policy: ProsePolicy | None = None,
) -> ProsePolicy:
    """Create a prose policy (``policy`` None) or replace its texts.

    Built-in kinds use their kind as the slug; custom policies need their own slug.
    Languages missing from ``translations`` are removed.
    """
    actor.require(Permission.MANAGE_POLICIES)
    errors: list[FieldError] = []
    if kind not in ProseKind.values:
        errors.append(FieldError("kind", "Choose privacy, terms, cancellation or custom."))
    if kind != ProseKind.CUSTOM:
        slug = kind
    elif not _SLUG.match(slug) or len(slug) > 80 or slug in ProseKind.values:
        errors.append(
            FieldError(
                "slug",
                "Use lower-case letters, digits and dashes, not a built-in policy's name.",
            )
        )
    if not translations:
        errors.append(FieldError("translations", "Write the policy in at least one language."))
    for language, text in translations.items():
        if language not in actor.store.languages:
            errors.append(
                FieldError(f"translations.{language}", "This is not one of the store's languages.")
            )
            continue
        if not 1 <= len(text["title"].strip()) <= 200:
            errors.append(
                FieldError(f"translations.{language}.title", "Give a title of 1 to 200 characters.")
            )
        if not text["body"].strip() or len(text["body"]) > MAX_PROSE_BODY:
            errors.append(
                FieldError(
                    f"translations.{language}.body",
                    f"Write the policy, {MAX_PROSE_BODY} characters at most.",
                )
            )
    if errors:
        raise PolicyValidationFailed(errors)
    clash = ProsePolicy.objects.filter(store=actor.store, slug=slug)
    if policy is not None:
        clash = clash.exclude(pk=policy.pk)
    if clash.exists():
        raise PolicyValidationFailed(
            [FieldError("slug", "Another policy already uses this address.", "duplicate")]
        )
    return do_save_prose_policy(
        actor, kind=kind, slug=slug, translations=translations, policy=policy
    )


@transaction.atomic
def do_save_prose_policy(
    actor: Actor,
    *,
    kind: str,
    slug: str,
    translations: dict[str, ProseTranslationFields],
    policy: ProsePolicy | None = None,
) -> ProsePolicy:
    if policy is None:
        try:
            with transaction.atomic():
                policy = ProsePolicy.objects.create(store=actor.store, kind=kind, slug=slug)
        except IntegrityError:
            raise PolicyValidationFailed(
                [FieldError("slug", "Another policy already uses this address.", "duplicate")]
            ) from None
    else:
        policy.kind = kind
        policy.slug = slug
        policy.save()
    ProsePolicyTranslation.objects.filter(policy=policy).exclude(
        language__in=list(translations)
    ).delete()
    for language, text in translations.items():
        ProsePolicyTranslation.objects.update_or_create(
            policy=policy,
            language=language,
            defaults={"title": text["title"].strip(), "body": text["body"]},
        )
    actor.audit("prose_policy.saved", "prose_policy", policy.pk, slug=slug)
    return policy


@transaction.atomic
def check_set_prose_policy_published(
    actor: Actor, policy: ProsePolicy, *, published: bool
) -> ProsePolicy:
    actor.require(Permission.MANAGE_POLICIES)
    if policy.is_published == published:
        return policy
    policy.is_published = published
    policy.published_at = timezone.now() if published else policy.published_at
    policy.save(update_fields=["is_published", "published_at", "updated_at"])
    actor.audit(
        "prose_policy.published" if published else "prose_policy.unpublished",
        "prose_policy",
        policy.pk,
        slug=policy.slug,
    )
    publish_event(
        PolicyEvent(
            op="published" if published else "unpublished",
            store_id=actor.store.pk,
            kind="prose",
            slug=policy.slug,
        )
    )
    return policy


@transaction.atomic
def check_delete_prose_policy(actor: Actor, policy: ProsePolicy) -> None:
    actor.require(Permission.MANAGE_POLICIES)
    ProsePolicy.objects.filter(store=actor.store, pk=policy.pk).delete()
    actor.audit("prose_policy.deleted", "prose_policy", policy.pk, slug=policy.slug)
