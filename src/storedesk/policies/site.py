"""The store's policies as public pages: links for the help center, and what each page shows.

Every number on a returns or shipping page is read from the rules here, never typed into
a template: changing a rule and publishing it changes every language's page. The same
page data serves the public pages, the editor's preview of a draft and the search index.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal

import icu
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from storedesk.catalog.models import Category
from storedesk.core.models import Store
from storedesk.core.text import lower_for_language
from storedesk.policies.models import RETURNS_SLUG as RETURNS_SLUG  # the pages' addresses
from storedesk.policies.models import SHIPPING_SLUG as SHIPPING_SLUG
from storedesk.policies.models import (
    DutiesPayer,
    FeeKind,
    ProsePolicy,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingPayer,
    ShippingPolicyVersion,
    ShippingZone,
    VersionStatus,
    WindowStart,
)
from storedesk.policies.selectors import (
    DeliveryOption,
    RenderedPolicy,
    get_delivery_estimate,
    list_prose_policies,
    render_prose_policy,
)

# The "when would it arrive" lines: enough to show the idea without a long page.
ESTIMATE_ZONES = 3


@dataclass(frozen=True, slots=True)
class PolicyLink:
    slug: str
    title: str
    url: str


def returns_title() -> str:
    return gettext("Returns and refunds")


def shipping_title() -> str:
    return gettext("Shipping and delivery")


def returns_url(language: str) -> str:
    return reverse("policy-returns", kwargs={"language": language})


def shipping_url(language: str) -> str:
    return reverse("policy-shipping", kwargs={"language": language})


def prose_url(language: str, slug: str) -> str:
    return reverse("policy-page", kwargs={"language": language, "slug": slug})


def _published_in_force() -> Q:
    return Q(status=VersionStatus.PUBLISHED, effective_from__lte=timezone.now())


def public_policy_links(store: Store, language: str) -> list[PolicyLink]:
    """The store's public policy pages in ``language``: returns and shipping when rules are
    in force, then every published prose policy that has a text (in ``language`` or the
    store's default language)."""
    links: list[PolicyLink] = []
    with translation.override(language):
        if ReturnPolicyVersion.objects.filter(_published_in_force(), store=store).exists():
            links.append(PolicyLink(RETURNS_SLUG, returns_title(), returns_url(language)))
        if ShippingPolicyVersion.objects.filter(_published_in_force(), store=store).exists():
            links.append(PolicyLink(SHIPPING_SLUG, shipping_title(), shipping_url(language)))
    for policy in list_prose_policies(store, published_only=True):
        title = _prose_title(policy, language, store.default_language)
        if title:
            links.append(PolicyLink(policy.slug, title, prose_url(language, policy.slug)))
    return links


def _prose_title(policy: ProsePolicy, language: str, default_language: str) -> str:
    # Prefetched by list_prose_policies; a dict lookup keeps this free of queries.
    titles = {t.language: t.title for t in policy.translations.all()}
    return titles.get(language) or titles.get(default_language) or ""


# --- Formatting helpers ---------------------------------------------------------------


def format_money(amount: Decimal, currency: str, language: str) -> str:
    # The agent UI's filter, so shoppers and staff see amounts formatted the same way.
    from storedesk.core.templatetags.storedesk import money

    with translation.override(language):
        return money(amount, currency)


def country_display_name(code: str, language: str) -> str:
    from storedesk.core.templatetags.storedesk import country_name

    with translation.override(language):
        return country_name(code)


def time_zone_name(zone: str, language: str) -> str:
    """The store's time zone as shoppers know it ("Turkey Time"), with its IANA name."""
    tz = icu.TimeZone.createTimeZone(zone)
    name = str(tz.getDisplayName(False, icu.TimeZone.LONG_GENERIC, icu.Locale(language)))
    if not name or name.startswith("GMT"):
        return zone
    return f"{name} ({zone})"


def weekday_names(days: Iterable[int], language: str) -> list[str]:
    symbols = icu.DateFormatSymbols(icu.Locale(language)).getWeekdays()
    # ICU counts Sunday as 1; ISO counts Monday as 1 and Sunday as 7.
    return [str(symbols[(day % 7) + 1]) for day in sorted(set(days)) if 1 <= day <= 7]


def format_date(day: date, language: str) -> str:
    formatter = icu.DateFormat.createDateInstance(icu.DateFormat.FULL, icu.Locale(language))
    at = datetime.combine(day, time(12), tzinfo=UTC)
    # A calendar day, not a moment: format noon UTC in UTC so no zone shifts the day.
    formatter.setTimeZone(icu.TimeZone.getGMT())
    return str(formatter.format(at.timestamp()))


def format_clock(value: time, language: str) -> str:
    formatter = icu.DateFormat.createTimeInstance(icu.DateFormat.SHORT, icu.Locale(language))
    formatter.setTimeZone(icu.TimeZone.getGMT())
    at = datetime.combine(date(2000, 1, 3), value, tzinfo=UTC)
    return str(formatter.format(at.timestamp()))


def format_moment(value: datetime, store: Store, language: str) -> str:
    local = value.astimezone(store.zone)
    return format_date(local.date(), language)


# --- The returns page ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """One category's rule, in words."""

    category: str
    is_default: bool
    final_sale: bool
    window: str
    outcomes: list[str]
    conditions: list[str]
    return_shipping: str
    restocking_fee: str
    refund_timing: str


@dataclass(frozen=True, slots=True)
class ReturnsPage:
    title: str
    version_number: int
    effective_from: str
    is_draft: bool
    rows: list[ReturnRow]
    final_sale_categories: list[str]
    # The costs and timing, when every returnable category shares them; else per row.
    shared_costs: ReturnRow | None
    steps: list[str] = field(default_factory=list)


def category_names(store: Store, language: str) -> dict[int, str]:
    """Each category's name in ``language``, else the default language, else its slug."""
    names: dict[int, str] = {}
    categories = Category.objects.filter(store=store).prefetch_related("translations")
    for category in categories:
        by_language = {t.language: t.name for t in category.translations.all()}
        names[category.pk] = (
            by_language.get(language)
            or by_language.get(store.default_language)
            or category.slug.replace("-", " ").capitalize()
        )
    return names


def _window_text(rule: ReturnRule) -> str:
    if rule.final_sale:
        return gettext("Final sale: cannot be returned")
    if rule.window_days is None:
        return gettext("No time limit")
    if rule.window_starts_at == WindowStart.ORDER:
        return ngettext(
            "%(days)d day from the order date",
            "%(days)d days from the order date",
            rule.window_days,
        ) % {"days": rule.window_days}
    return ngettext(
        "%(days)d day from delivery", "%(days)d days from delivery", rule.window_days
    ) % {"days": rule.window_days}


def _percent(value: Decimal, language: str) -> str:
    formatter = icu.NumberFormat.createPercentInstance(icu.Locale(language))
    formatter.setMaximumFractionDigits(2)
    return str(formatter.format(float(value / 100)))


def _outcome_texts(rule: ReturnRule, language: str) -> list[str]:
    if rule.final_sale:
        return []
    texts: list[str] = []
    if rule.offers_refund:
        texts.append(gettext("Refund to the original payment method"))
    if rule.offers_exchange:
        texts.append(gettext("Exchange for another size or colour"))
    if rule.offers_store_credit:
        if rule.store_credit_bonus_percent > 0:
            texts.append(
                gettext("Store credit with a %(bonus)s bonus")
                % {"bonus": _percent(rule.store_credit_bonus_percent, language)}
            )
        else:
            texts.append(gettext("Store credit"))
    return texts


def _condition_texts(rule: ReturnRule) -> list[str]:
    if rule.final_sale:
        return []
    texts: list[str] = []
    if rule.requires_unused:
        texts.append(gettext("Unused and unworn, with tags attached"))
    if rule.requires_original_packaging:
        texts.append(gettext("In the original packaging"))
    if rule.discounted_final_sale:
        texts.append(gettext("Discounted items are final sale"))
    return texts


def _return_shipping_text(rule: ReturnRule, language: str) -> str:
    if rule.return_shipping_paid_by == ShippingPayer.STORE or rule.return_shipping_fee == 0:
        return gettext("Free: we pay the return shipping")
    return gettext("You pay %(fee)s for the return shipping") % {
        "fee": format_money(rule.return_shipping_fee, rule.currency, language)
    }


def _restocking_text(rule: ReturnRule, language: str) -> str:
    if rule.restocking_fee_kind == FeeKind.PERCENT and rule.restocking_fee > 0:
        return gettext("%(fee)s of the item price") % {
            "fee": _percent(rule.restocking_fee, language)
        }
    if rule.restocking_fee_kind == FeeKind.FIXED and rule.restocking_fee > 0:
        return gettext("%(fee)s per item") % {
            "fee": format_money(rule.restocking_fee, rule.currency, language)
        }
    return gettext("None")


def _refund_timing_text(rule: ReturnRule) -> str:
    hours = rule.refund_within_hours
    if hours is None:
        return gettext("As soon as we have checked the returned item")
    if hours % 24 == 0:
        days = hours // 24
        return ngettext(
            "Within %(days)d day of the return arriving",
            "Within %(days)d days of the return arriving",
            days,
        ) % {"days": days}
    return ngettext(
        "Within %(hours)d hour of the return arriving",
        "Within %(hours)d hours of the return arriving",
        hours,
    ) % {"hours": hours}


def _row(rule: ReturnRule, names: dict[int, str], language: str, only_rule: bool) -> ReturnRow:
    if rule.category_id is None:
        category = gettext("All items") if only_rule else gettext("All other items")
    else:
        category = names.get(rule.category_id, "")
    return ReturnRow(
        category=category,
        is_default=rule.category_id is None,
        final_sale=rule.final_sale,
        window=_window_text(rule),
        outcomes=_outcome_texts(rule, language),
        conditions=_condition_texts(rule),
        return_shipping=_return_shipping_text(rule, language),
        restocking_fee=_restocking_text(rule, language),
        refund_timing=_refund_timing_text(rule),
    )


def _steps(rules: list[ReturnRule], shared: ReturnRow | None, language: str) -> list[str]:
    returnable = [rule for rule in rules if not rule.final_sale]
    steps = [
        gettext(
            "Start your return through the contact page: tell us your order number and which "
            "items you are sending back, and whether you would like a refund, an exchange or "
            "store credit where offered."
        )
    ]
    if any(rule.requires_original_packaging for rule in returnable):
        steps.append(
            gettext(
                "Pack the items securely, in their original packaging where the table asks "
                "for it, and put a note with your order number inside."
            )
        )
    else:
        steps.append(
            gettext("Pack the items securely and put a note with your order number inside.")
        )
    if returnable and all(
        rule.return_shipping_paid_by == ShippingPayer.STORE or rule.return_shipping_fee == 0
        for rule in returnable
    ):
        steps.append(
            gettext(
                "Hand the parcel to the carrier with the prepaid return label we send you; "
                "the return shipping costs you nothing."
            )
        )
    else:
        steps.append(
            gettext(
                "Hand the parcel to the carrier with the return label we send you; the return "
                "shipping fee shown above is deducted from your refund."
            )
        )
    steps.append(
        gettext(
            "When the parcel arrives we check the items against the conditions above and "
            "email you the result."
        )
    )
    if shared is not None:
        steps.append(
            gettext("Refund: %(timing)s, to the payment method you chose at checkout.")
            % {"timing": _continuing_sentence(shared.refund_timing, language)}
        )
    else:
        steps.append(
            gettext(
                "We issue the refund, exchange or store credit within the time shown for "
                "the item's category."
            )
        )
    return steps


def build_returns_page(version: ReturnPolicyVersion, store: Store, language: str) -> ReturnsPage:
    """The returns page of ``version`` in ``language``; call inside no particular
    translation, the page language is switched here."""
    with translation.override(language):
        names = category_names(store, language)
        collator = icu.Collator.createInstance(icu.Locale(language))
        rules = sorted(
            version.rules.all(),
            # Named categories first, alphabetically in the page language; the default last.
            key=lambda rule: (
                rule.category_id is None,
                collator.getSortKey(names.get(rule.category_id, "") if rule.category_id else ""),
            ),
        )
        rows = [_row(rule, names, language, only_rule=len(rules) == 1) for rule in rules]
        returnable = [row for row in rows if not row.final_sale]
        costs = {(r.return_shipping, r.restocking_fee, r.refund_timing) for r in returnable}
        shared = returnable[0] if len(costs) == 1 else None
        return ReturnsPage(
            title=returns_title(),
            version_number=version.number,
            effective_from=format_moment(version.effective_from, store, language)
            if version.effective_from is not None
            else "",
            is_draft=version.status == VersionStatus.DRAFT,
            rows=rows,
            final_sale_categories=[row.category for row in rows if row.final_sale],
            shared_costs=shared,
            steps=_steps(rules, shared, language),
        )


# --- The shipping page -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MethodRow:
    name: str
    cost: str
    free_over: str
    delivery_time: str


@dataclass(frozen=True, slots=True)
class ZoneSection:
    name: str
    countries: list[str]
    methods: list[MethodRow]
    duties: str
    customs_note: str


@dataclass(frozen=True, slots=True)
class ArrivalLine:
    country: str
    method: str
    dispatch: str
    earliest: str
    latest: str


@dataclass(frozen=True, slots=True)
class ShippingPage:
    title: str
    version_number: int
    effective_from: str
    is_draft: bool
    zones: list[ZoneSection]
    cutoff: str
    time_zone: str
    working_days: list[str]
    holidays: list[str]
    arrivals: list[ArrivalLine]


def _delivery_time(min_days: int, max_days: int) -> str:
    if min_days == max_days:
        return ngettext("%(days)d business day", "%(days)d business days", max_days) % {
            "days": max_days
        }
    return gettext("%(min)d–%(max)d business days") % {"min": min_days, "max": max_days}


def _duties_text(zone: ShippingZone) -> str:
    if zone.duties_paid_by == DutiesPayer.CUSTOMER and not zone.duties_included:
        return gettext(
            "Customs duties and import taxes are not included; the carrier collects them "
            "from you on delivery."
        )
    if zone.duties_paid_by == DutiesPayer.STORE or (
        zone.duties_included and zone.duties_paid_by != DutiesPayer.NONE
    ):
        return gettext("Customs duties and import taxes are included in the price; we pay them.")
    return gettext("No customs duties apply.")


def _zone_section(zone: ShippingZone, store: Store, language: str) -> ZoneSection:
    countries = sorted(
        (country_display_name(code, language) for code in zone.countries),
        key=icu.Collator.createInstance(icu.Locale(language)).getSortKey,
    )
    methods = [
        MethodRow(
            name=method.name,
            cost=gettext("Free")
            if method.cost == 0
            else format_money(method.cost, method.currency, language),
            free_over=format_money(method.free_shipping_threshold, method.currency, language)
            if method.free_shipping_threshold is not None and method.cost > 0
            else "",
            delivery_time=_delivery_time(method.min_days, method.max_days),
        )
        for method in zone.methods.all()
    ]
    notes: dict[str, str] = zone.customs_note or {}
    return ZoneSection(
        name=zone.name,
        countries=countries,
        methods=methods,
        duties=_duties_text(zone),
        customs_note=notes.get(language) or notes.get(store.default_language) or "",
    )


def _arrival(country: str, option: DeliveryOption, language: str) -> ArrivalLine:
    return ArrivalLine(
        country=country_display_name(country, language),
        method=option.method_name,
        dispatch=format_date(option.dispatch_date, language),
        earliest=format_date(option.earliest_arrival, language),
        latest=format_date(option.latest_arrival, language),
    )


def _arrivals(version: ShippingPolicyVersion, store: Store, language: str) -> list[ArrivalLine]:
    """For the first zones, when an order placed now would arrive: the same service the
    assistant and the agents use, so the page never disagrees with them."""
    lines: list[ArrivalLine] = []
    for zone in list(version.zones.all())[:ESTIMATE_ZONES]:
        if not zone.countries:
            continue
        country = store.country if store.country in zone.countries else zone.countries[0]
        estimate = get_delivery_estimate(store, country, language=language)
        if estimate.ships and estimate.version_number == version.number and estimate.options:
            lines.append(_arrival(country, estimate.options[0], language))
    return lines


def build_shipping_page(
    version: ShippingPolicyVersion, store: Store, language: str
) -> ShippingPage:
    with translation.override(language):
        is_draft = version.status == VersionStatus.DRAFT
        return ShippingPage(
            title=shipping_title(),
            version_number=version.number,
            effective_from=format_moment(version.effective_from, store, language)
            if version.effective_from is not None
            else "",
            is_draft=is_draft,
            zones=[_zone_section(zone, store, language) for zone in version.zones.all()],
            cutoff=format_clock(version.dispatch_cutoff, language),
            time_zone=time_zone_name(store.timezone, language),
            working_days=weekday_names(version.working_days, language),
            holidays=[
                format_date(date.fromisoformat(str(day)), language)
                for day in sorted(version.holidays)
            ],
            # A draft is not in force: the service would answer for the published rules.
            arrivals=[] if is_draft else _arrivals(version, store, language),
        )


def get_prose_page(
    store: Store, slug: str, language: str
) -> tuple[ProsePolicy, RenderedPolicy] | None:
    """A published prose policy and its rendering in ``language`` (or the fallback)."""
    policy = list_prose_policies(store, published_only=True).filter(slug=slug).first()
    if policy is None:
        return None
    rendered = render_prose_policy(policy, language)
    if rendered is None:
        return None
    return policy, rendered


def _continuing_sentence(text: str, language: str) -> str:
    """``text``, which starts a sentence of its own, continuing another: only the first
    letter is lowered, so a German noun inside it keeps its capital."""
    return lower_for_language(text[:1], language) + text[1:]
