"""Reads of store policies, and the one service that answers policy questions.

Public pages, the agent UI, the assistant and the returns portal all ask here: "can this
item be returned?", "when will it arrive?", "what does shipping cost?". Every answer is a
frozen dataclass that names the rule (and version) that decided it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

import pycountry
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, ngettext

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.catalog.models import Category
from storedesk.core.errors import NotFound
from storedesk.core.markdown import render_markdown
from storedesk.core.models import Store
from storedesk.core.money import Money, quantize
from storedesk.core.text import country_display_name
from storedesk.orders.models import LineItem, Order, OrderStatus
from storedesk.orders.selectors import access_order
from storedesk.policies.errors import FieldError, PolicyValidationFailed
from storedesk.policies.models import (
    FeeKind,
    ProsePolicy,
    ProsePolicyTranslation,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingMethod,
    ShippingPolicyVersion,
    ShippingZone,
    VersionStatus,
    WindowStart,
)

# --- Versions ------------------------------------------------------------------------


def _return_versions(store: Store) -> QuerySet[ReturnPolicyVersion]:
    return ReturnPolicyVersion.objects.filter(store=store).prefetch_related(
        Prefetch(
            "rules",
            queryset=ReturnRule.objects.select_related("category").order_by("category__slug", "id"),
        )
    )


def _shipping_versions(store: Store) -> QuerySet[ShippingPolicyVersion]:
    return ShippingPolicyVersion.objects.filter(store=store).prefetch_related(
        Prefetch(
            "zones",
            queryset=ShippingZone.objects.order_by("position", "id").prefetch_related(
                Prefetch("methods", queryset=ShippingMethod.objects.order_by("position", "id"))
            ),
        )
    )


def _in_force(at: datetime | None) -> Q:
    return Q(status=VersionStatus.PUBLISHED, effective_from__lte=at or timezone.now())


def get_return_version_in_force(
    store: Store, *, at: datetime | None = None
) -> ReturnPolicyVersion | None:
    """The published return rules that apply at ``at`` (default now), with their rules."""
    return (
        _return_versions(store).filter(_in_force(at)).order_by("-effective_from", "-number").first()
    )


def get_shipping_version_in_force(
    store: Store, *, at: datetime | None = None
) -> ShippingPolicyVersion | None:
    """The published shipping rules that apply at ``at`` (default now), with zones and methods."""
    return (
        _shipping_versions(store)
        .filter(_in_force(at))
        .order_by("-effective_from", "-number")
        .first()
    )


def get_latest_published_return_version(store: Store) -> ReturnPolicyVersion | None:
    """The newest published version, even if it takes effect only later: drafts copy it."""
    return (
        _return_versions(store).filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    )


def get_latest_published_shipping_version(store: Store) -> ShippingPolicyVersion | None:
    return (
        _shipping_versions(store).filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    )


def get_return_draft(store: Store) -> ReturnPolicyVersion | None:
    return _return_versions(store).filter(status=VersionStatus.DRAFT).first()


def get_shipping_draft(store: Store) -> ShippingPolicyVersion | None:
    return _shipping_versions(store).filter(status=VersionStatus.DRAFT).first()


def list_return_versions(store: Store) -> QuerySet[ReturnPolicyVersion]:
    """Every version, newest first, the draft (if any) included."""
    return _return_versions(store).select_related("published_by").order_by("-number")


def list_shipping_versions(store: Store) -> QuerySet[ShippingPolicyVersion]:
    return _shipping_versions(store).select_related("published_by").order_by("-number")


def get_return_version(store: Store, number: int) -> ReturnPolicyVersion:
    version = _return_versions(store).filter(number=number).first()
    if version is None:
        raise NotFound(gettext("No such return policy version."), details={"number": number})
    return version


def get_shipping_version(store: Store, number: int) -> ShippingPolicyVersion:
    version = _shipping_versions(store).filter(number=number).first()
    if version is None:
        raise NotFound(gettext("No such shipping policy version."), details={"number": number})
    return version


def access_return_version(actor: Actor, number: int) -> ReturnPolicyVersion:
    actor.require(Permission.VIEW_ORDERS)
    return get_return_version(actor.store, number)


def access_shipping_version(actor: Actor, number: int) -> ShippingPolicyVersion:
    actor.require(Permission.VIEW_ORDERS)
    return get_shipping_version(actor.store, number)


def list_store_categories(store: Store) -> QuerySet[Category]:
    """The categories a return rule may name, with their names for labels."""
    return Category.objects.filter(store=store).prefetch_related("translations").order_by("slug")


# Larger numbers cannot be database keys (and PostgreSQL refuses them in a query).
_MAX_ID = 2**63 - 1


def get_category_ids(store: Store, ids: Iterable[int]) -> set[int]:
    """Which of ``ids`` are categories of ``store``."""
    wanted = [pk for pk in ids if 1 <= pk <= _MAX_ID]
    return set(Category.objects.filter(store=store, pk__in=wanted).values_list("pk", flat=True))


# --- Presets -------------------------------------------------------------------------


class ReturnPreset(StrEnum):
    DAYS_14 = "14"
    DAYS_30 = "30"
    DAYS_90 = "90"
    UNLIMITED = "unlimited"


def get_return_preset(preset: ReturnPreset | str) -> dict[str, object]:
    """Rule values for a common return window; the editor offers them as starting points.

    14 days from delivery is the EU legal minimum for distance sales, so every preset is
    counted from delivery.
    """
    chosen = ReturnPreset(preset)
    window_days = None if chosen is ReturnPreset.UNLIMITED else int(chosen.value)
    return {
        "window_days": window_days,
        "window_starts_at": WindowStart.DELIVERY.value,
        "offers_refund": True,
        "offers_exchange": True,
        "offers_store_credit": chosen in (ReturnPreset.DAYS_90, ReturnPreset.UNLIMITED),
        "store_credit_bonus_percent": Decimal(0),
        "final_sale": False,
        "discounted_final_sale": False,
        "requires_unused": True,
        "requires_original_packaging": chosen is not ReturnPreset.DAYS_14,
    }


# --- Return eligibility --------------------------------------------------------------


class ReturnReason(StrEnum):
    WITHIN_WINDOW = "within_window"
    UNLIMITED_WINDOW = "unlimited_window"
    WINDOW_EXPIRED = "window_expired"
    FINAL_SALE = "final_sale"
    DISCOUNTED_FINAL_SALE = "discounted_final_sale"
    NOT_DELIVERED_YET = "not_delivered_yet"
    ORDER_CANCELLED = "order_cancelled"
    NO_POLICY = "no_policy"


@dataclass(frozen=True, slots=True)
class RuleReference:
    """Which rule decided: a category's rule or the default rule, of which version."""

    version_number: int
    category_id: int | None
    category_slug: str | None

    @property
    def is_default(self) -> bool:
        return self.category_id is None


@dataclass(frozen=True, slots=True)
class ReturnDecision:
    eligible: bool
    reason: ReturnReason
    outcomes: tuple[str, ...]
    # The last moment a return may be started: the end of the boundary day in the
    # store's time zone. None when there is no limit or it cannot be known yet.
    deadline: datetime | None
    rule: RuleReference | None
    explanation: str
    store_credit_bonus_percent: Decimal = Decimal(0)
    requires_unused: bool = False
    requires_original_packaging: bool = False
    return_shipping_paid_by: str = ""
    return_shipping_fee: Money | None = None
    restocking_fee: Money | None = None
    refund_within_hours: int | None = None


def access_line_item(actor: Actor, order_id: int, line_item_id: int) -> LineItem:
    """A line item of one of the actor's store's orders; anything else is not found."""
    order = access_order(actor, order_id)
    for item in order.line_items.all():
        if item.pk == line_item_id:
            item.order = order
            return item
    raise NotFound(gettext("No such line item."), details={"line_item_id": line_item_id})


def _category_chain(line_item: LineItem) -> list[Category]:
    """The item's category, then its parents: a rule for "Shoes" covers "Sneakers"."""
    variant = line_item.variant
    if variant is None or variant.product.category_id is None:
        return []
    chain: list[Category] = []
    category: Category | None = variant.product.category
    seen: set[int] = set()
    while category is not None and category.pk not in seen:
        seen.add(category.pk)
        chain.append(category)
        category = category.parent
    return chain


def _choose_rule(version: ReturnPolicyVersion, line_item: LineItem) -> ReturnRule | None:
    rules = list(version.rules.all())
    by_category = {rule.category_id: rule for rule in rules}
    for category in _category_chain(line_item):
        if category.pk in by_category:
            return by_category[category.pk]
    return by_category.get(None)


def _end_of_day(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.max, tzinfo=zone)


def _delivered_at(order: Order) -> datetime | None:
    # Shipments do not list their items, so the latest delivery of the order counts: a
    # shopper whose parcels arrived on different days is never cut short.
    delivered = [s.delivered_at for s in order.shipments.all() if s.delivered_at is not None]
    return max(delivered) if delivered else None


def get_return_eligibility(
    line_item: LineItem, *, at: datetime | None = None, language: str | None = None
) -> ReturnDecision:
    """Can ``line_item`` be returned at ``at`` (default now), and for which outcomes?

    The order is judged by the return rules in force when it was placed. The window's
    last day counts in full, in the store's time zone.
    """
    at = at or timezone.now()
    order = line_item.order
    store = order.store
    language = language or store.default_language
    version = get_return_version_in_force(store, at=order.placed_at)
    with translation.override(language):
        if version is None:
            return ReturnDecision(
                eligible=False,
                reason=ReturnReason.NO_POLICY,
                outcomes=(),
                deadline=None,
                rule=None,
                explanation=gettext("The store had no return policy when this order was placed."),
            )
        rule = _choose_rule(version, line_item)
        if rule is None:
            return ReturnDecision(
                eligible=False,
                reason=ReturnReason.NO_POLICY,
                outcomes=(),
                deadline=None,
                rule=None,
                explanation=gettext("No return rule covers this item."),
            )
        return _decide(rule, version, line_item, order, at)


def _decide(
    rule: ReturnRule,
    version: ReturnPolicyVersion,
    line_item: LineItem,
    order: Order,
    at: datetime,
) -> ReturnDecision:
    zone = order.store.zone
    reference = RuleReference(
        version_number=version.number,
        category_id=rule.category_id,
        category_slug=rule.category.slug if rule.category is not None else None,
    )

    def decision(
        eligible: bool, reason: ReturnReason, explanation: str, deadline: datetime | None = None
    ) -> ReturnDecision:
        return ReturnDecision(
            eligible=eligible,
            reason=reason,
            outcomes=rule.outcomes if eligible else (),
            deadline=deadline,
            rule=reference,
            explanation=explanation,
            store_credit_bonus_percent=rule.store_credit_bonus_percent
            if rule.offers_store_credit
            else Decimal("0.00"),
            requires_unused=rule.requires_unused,
            requires_original_packaging=rule.requires_original_packaging,
            return_shipping_paid_by=rule.return_shipping_paid_by,
            return_shipping_fee=Money(rule.return_shipping_fee, rule.currency)
            if rule.return_shipping_fee
            else None,
            restocking_fee=_restocking_fee(rule, line_item),
            refund_within_hours=rule.refund_within_hours,
        )

    if order.status == OrderStatus.CANCELLED:
        return decision(False, ReturnReason.ORDER_CANCELLED, gettext("This order was cancelled."))
    if rule.final_sale:
        return decision(
            False,
            ReturnReason.FINAL_SALE,
            gettext("This item is final sale and cannot be returned."),
        )
    if rule.discounted_final_sale and line_item.discount > 0:
        return decision(
            False,
            ReturnReason.DISCOUNTED_FINAL_SALE,
            gettext("Discounted items are final sale and cannot be returned."),
        )
    if rule.window_days is None:
        return decision(
            True,
            ReturnReason.UNLIMITED_WINDOW,
            gettext("This item can be returned at any time."),
        )
    if rule.window_starts_at == WindowStart.DELIVERY:
        start = _delivered_at(order)
        if start is None:
            return decision(
                False,
                ReturnReason.NOT_DELIVERED_YET,
                ngettext(
                    "The order has not been delivered yet; it can be returned within %(days)d "
                    "day of delivery.",
                    "The order has not been delivered yet; it can be returned within %(days)d "
                    "days of delivery.",
                    rule.window_days,
                )
                % {"days": rule.window_days},
            )
    else:
        start = order.placed_at
    last_day = start.astimezone(zone).date() + timedelta(days=rule.window_days)
    deadline = _end_of_day(last_day, zone)
    shown = date_format(last_day, "DATE_FORMAT")
    if at <= deadline:
        return decision(
            True,
            ReturnReason.WITHIN_WINDOW,
            gettext("This item can be returned until the end of %(date)s.") % {"date": shown},
            deadline,
        )
    return decision(
        False,
        ReturnReason.WINDOW_EXPIRED,
        gettext("The return window for this item ended at the end of %(date)s.") % {"date": shown},
        deadline,
    )


def _restocking_fee(rule: ReturnRule, line_item: LineItem) -> Money | None:
    if rule.restocking_fee_kind == FeeKind.FIXED and rule.restocking_fee > 0:
        return Money(rule.restocking_fee, rule.currency)
    if rule.restocking_fee_kind == FeeKind.PERCENT and rule.restocking_fee > 0:
        line_total = line_item.unit_price * line_item.quantity - line_item.discount
        return Money(quantize(line_total * rule.restocking_fee / 100), line_item.currency)
    return None


# --- Delivery estimates and shipping quotes ------------------------------------------


class ShippingReason(StrEnum):
    SHIPPED = "shipped"
    NOT_SHIPPED = "not_shipped"
    NO_POLICY = "no_policy"


@dataclass(frozen=True, slots=True)
class ShippingRuleReference:
    version_number: int
    zone_id: int
    zone_name: str
    method_id: int


@dataclass(frozen=True, slots=True)
class DeliveryOption:
    method_name: str
    dispatch_date: date
    earliest_arrival: date
    latest_arrival: date
    min_days: int
    max_days: int
    rule: ShippingRuleReference


@dataclass(frozen=True, slots=True)
class DeliveryEstimate:
    country: str
    ships: bool
    reason: ShippingReason
    options: tuple[DeliveryOption, ...]
    explanation: str
    version_number: int | None = None


@dataclass(frozen=True, slots=True)
class ShippingCost:
    method_name: str
    cost: Money
    regular_cost: Money
    free_shipping_threshold: Money | None
    is_free: bool
    min_days: int
    max_days: int
    rule: ShippingRuleReference


@dataclass(frozen=True, slots=True)
class ShippingQuote:
    country: str
    ships: bool
    reason: ShippingReason
    options: tuple[ShippingCost, ...]
    duties_included: bool
    duties_paid_by: str
    duties_note: str
    explanation: str
    version_number: int | None = None


@dataclass(frozen=True, slots=True)
class _Calendar:
    """When a store works: dispatch and transit skip non-working weekdays and holidays."""

    working_days: frozenset[int]
    holidays: frozenset[date]

    def is_working_day(self, day: date) -> bool:
        return day.isoweekday() in self.working_days and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        # A year of closures would be a misconfiguration; stop rather than loop forever.
        for _ in range(400):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        return day

    def add_working_days(self, day: date, count: int) -> date:
        for _ in range(count):
            day = self.next_working_day(day)
        return day


def _calendar(version: ShippingPolicyVersion) -> _Calendar:
    return _Calendar(
        working_days=frozenset(int(d) for d in version.working_days),
        holidays=frozenset(date.fromisoformat(str(h)) for h in version.holidays),
    )


def dispatch_date(version: ShippingPolicyVersion, placed_at: datetime, zone: ZoneInfo) -> date:
    """The day an order placed at ``placed_at`` leaves: the same working day before the
    cut-off, else the next working day."""
    calendar = _calendar(version)
    local = placed_at.astimezone(zone)
    today = local.date()
    if calendar.is_working_day(today) and local.time() < version.dispatch_cutoff:
        return today
    return calendar.next_working_day(today)


def _normalise_country(country: str) -> str:
    code = country.strip().upper()
    if len(code) != 2 or not code.isascii() or pycountry.countries.get(alpha_2=code) is None:
        raise PolicyValidationFailed(
            [
                FieldError(
                    "country",
                    gettext("'%(code)s' is not an ISO 3166-1 alpha-2 country code.")
                    % {"code": country},
                )
            ]
        )
    return code


def _find_zone(version: ShippingPolicyVersion, country: str) -> ShippingZone | None:
    for zone in version.zones.all():
        if country in zone.countries:
            return zone
    return None


def _country_name(code: str) -> str:
    return country_display_name(code, in_language=get_language() or "en")


def _not_shipped_explanation(version: ShippingPolicyVersion | None, country: str) -> str:
    if version is None:
        return gettext("The store has no shipping policy yet.")
    return gettext("The store does not ship to %(country)s.") % {"country": _country_name(country)}


def get_delivery_estimate(
    store: Store, country: str, *, at: datetime | None = None, language: str | None = None
) -> DeliveryEstimate:
    """When would an order placed at ``at`` (default now) arrive in ``country``, by method?"""
    at = at or timezone.now()
    code = _normalise_country(country)
    version = get_shipping_version_in_force(store, at=at)
    with translation.override(language or store.default_language):
        zone = _find_zone(version, code) if version is not None else None
        if version is None or zone is None:
            return DeliveryEstimate(
                country=code,
                ships=False,
                reason=ShippingReason.NO_POLICY if version is None else ShippingReason.NOT_SHIPPED,
                options=(),
                explanation=_not_shipped_explanation(version, code),
                version_number=version.number if version is not None else None,
            )
        calendar = _calendar(version)
        leaves = dispatch_date(version, at, store.zone)
        options = tuple(
            DeliveryOption(
                method_name=method.name,
                dispatch_date=leaves,
                earliest_arrival=calendar.add_working_days(leaves, method.min_days),
                latest_arrival=calendar.add_working_days(leaves, method.max_days),
                min_days=method.min_days,
                max_days=method.max_days,
                rule=_shipping_reference(version, zone, method),
            )
            for method in zone.methods.all()
        )
        return DeliveryEstimate(
            country=code,
            ships=True,
            reason=ShippingReason.SHIPPED,
            options=options,
            explanation=gettext("Orders placed now leave on %(date)s.")
            % {"date": date_format(leaves, "DATE_FORMAT")},
            version_number=version.number,
        )


def get_shipping_quote(
    store: Store,
    country: str,
    *,
    cart_total: Decimal,
    currency: str | None = None,
    at: datetime | None = None,
    language: str | None = None,
) -> ShippingQuote:
    """What shipping to ``country`` costs, by method, for goods worth ``cart_total``."""
    at = at or timezone.now()
    code = _normalise_country(country)
    errors: list[FieldError] = []
    if cart_total < 0:
        errors.append(FieldError("cart_total", gettext("The cart total cannot be negative.")))
    version = get_shipping_version_in_force(store, at=at)
    if version is not None and currency is not None and currency != version.currency:
        errors.append(
            FieldError(
                "currency",
                gettext("The store's shipping costs are in %(policy)s, not %(given)s.")
                % {"policy": version.currency, "given": currency},
                "currency_mismatch",
            )
        )
    if errors:
        raise PolicyValidationFailed(errors)
    language = language or store.default_language
    with translation.override(language):
        zone = _find_zone(version, code) if version is not None else None
        if version is None or zone is None:
            return ShippingQuote(
                country=code,
                ships=False,
                reason=ShippingReason.NO_POLICY if version is None else ShippingReason.NOT_SHIPPED,
                options=(),
                duties_included=False,
                duties_paid_by="",
                duties_note="",
                explanation=_not_shipped_explanation(version, code),
                version_number=version.number if version is not None else None,
            )
        options = tuple(_cost(version, zone, method, cart_total) for method in zone.methods.all())
        return ShippingQuote(
            country=code,
            ships=True,
            reason=ShippingReason.SHIPPED,
            options=options,
            duties_included=zone.duties_included,
            duties_paid_by=zone.duties_paid_by,
            duties_note=_pick_language(zone.customs_note, language, store.default_language),
            explanation=gettext("Shipping to %(country)s.") % {"country": _country_name(code)},
            version_number=version.number,
        )


def _cost(
    version: ShippingPolicyVersion, zone: ShippingZone, method: ShippingMethod, total: Decimal
) -> ShippingCost:
    threshold = method.free_shipping_threshold
    is_free = method.cost == 0 or (threshold is not None and total >= threshold)
    return ShippingCost(
        method_name=method.name,
        cost=Money(Decimal("0.00") if is_free else method.cost, method.currency),
        regular_cost=Money(method.cost, method.currency),
        free_shipping_threshold=Money(threshold, method.currency)
        if threshold is not None
        else None,
        is_free=is_free,
        min_days=method.min_days,
        max_days=method.max_days,
        rule=_shipping_reference(version, zone, method),
    )


def _shipping_reference(
    version: ShippingPolicyVersion, zone: ShippingZone, method: ShippingMethod
) -> ShippingRuleReference:
    return ShippingRuleReference(
        version_number=version.number, zone_id=zone.pk, zone_name=zone.name, method_id=method.pk
    )


def _pick_language(texts: dict[str, str], language: str, fallback: str) -> str:
    return texts.get(language) or texts.get(fallback) or next(iter(texts.values()), "")


# --- Prose policies ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RenderedPolicy:
    slug: str
    kind: str
    language: str
    title: str
    html: str
    updated_at: datetime


def list_prose_policies(store: Store, *, published_only: bool = True) -> QuerySet[ProsePolicy]:
    policies = ProsePolicy.objects.filter(store=store)
    if published_only:
        policies = policies.filter(is_published=True)
    return policies.prefetch_related(
        Prefetch("translations", queryset=ProsePolicyTranslation.objects.order_by("language"))
    ).order_by("position", "slug")


def get_prose_policy(store: Store, slug: str, *, published_only: bool = True) -> ProsePolicy:
    policy = list_prose_policies(store, published_only=published_only).filter(slug=slug).first()
    if policy is None:
        raise NotFound(gettext("No such policy."), details={"slug": slug})
    return policy


def access_prose_policy(actor: Actor, policy_id: int) -> ProsePolicy:
    actor.require(Permission.VIEW_ORDERS)
    policy = list_prose_policies(actor.store, published_only=False).filter(pk=policy_id).first()
    if policy is None:
        raise NotFound(gettext("No such policy."), details={"policy_id": policy_id})
    return policy


def prose_address_taken(store: Store, slug: str, *, besides: ProsePolicy | None = None) -> bool:
    """Whether another of the store's prose policies than ``besides`` answers at ``slug``."""
    policies = ProsePolicy.objects.filter(store=store, slug=slug)
    if besides is not None:
        policies = policies.exclude(pk=besides.pk)
    return policies.exists()


def render_prose_policy(policy: ProsePolicy, language: str) -> RenderedPolicy | None:
    """The policy in ``language``, else the store's default language, as safe HTML."""
    translations = {t.language: t for t in policy.translations.all()}
    chosen = translations.get(language) or translations.get(policy.store.default_language)
    if chosen is None and translations:
        chosen = next(iter(translations.values()))
    if chosen is None:
        return None
    return RenderedPolicy(
        slug=policy.slug,
        kind=policy.kind,
        language=chosen.language,
        title=chosen.title,
        html=render_markdown(chosen.body),
        updated_at=chosen.updated_at,
    )
