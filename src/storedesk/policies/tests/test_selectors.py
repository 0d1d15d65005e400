from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from storedesk.catalog.models import Category
from storedesk.core.models import Store
from storedesk.core.money import Money
from storedesk.orders.models import LineItem, OrderStatus, ShipmentStatus
from storedesk.orders.tests.factories import LineItemFactory, OrderFactory, ShipmentFactory
from storedesk.policies.errors import PolicyValidationFailed
from storedesk.policies.models import (
    DutiesPayer,
    FeeKind,
    ProseKind,
    ReturnPolicyVersion,
    ShippingPayer,
    ShippingPolicyVersion,
    VersionStatus,
    WindowStart,
)
from storedesk.policies.selectors import (
    ReturnPreset,
    ReturnReason,
    ShippingReason,
    get_delivery_estimate,
    get_prose_policy,
    get_return_eligibility,
    get_return_preset,
    get_shipping_quote,
    list_prose_policies,
    render_prose_policy,
)
from storedesk.policies.tests.factories import (
    CategoryFactory,
    ProductFactory,
    ProsePolicyFactory,
    ProsePolicyTranslationFactory,
    ReturnPolicyVersionFactory,
    ReturnRuleFactory,
    ShippingMethodFactory,
    ShippingPolicyVersionFactory,
    ShippingZoneFactory,
    VariantFactory,
)

ISTANBUL = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def version(store: Store) -> ReturnPolicyVersion:
    return ReturnPolicyVersionFactory(store=store, number=1)


def _item(
    store: Store,
    *,
    category: Category | None = None,
    placed_at: datetime = datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
    delivered_at: datetime | None = None,
    discount: Decimal = Decimal(0),
) -> LineItem:
    order = OrderFactory(customer__store=store, placed_at=placed_at)
    variant = VariantFactory(product=ProductFactory(store=store, category=category))
    item: LineItem = LineItemFactory(order=order, variant=variant, discount=discount)
    if delivered_at is not None:
        ShipmentFactory(order=order, status=ShipmentStatus.DELIVERED, delivered_at=delivered_at)
    return item


# --- Return eligibility --------------------------------------------------------------


def test_return_deadline_is_end_of_boundary_day_in_store_time_zone(
    store: Store, version: ReturnPolicyVersion
) -> None:
    ReturnRuleFactory(version=version, window_days=14)
    # 23:30 on 10 March in Istanbul is 20:30 UTC: the window counts from 10 March.
    item = _item(store, delivered_at=datetime(2026, 3, 10, 23, 30, tzinfo=ISTANBUL))

    last_moment = get_return_eligibility(item, at=datetime(2026, 3, 24, 23, 59, tzinfo=ISTANBUL))
    too_late = get_return_eligibility(item, at=datetime(2026, 3, 25, 0, 0, tzinfo=ISTANBUL))

    assert last_moment.eligible is True
    assert last_moment.reason == ReturnReason.WITHIN_WINDOW
    assert last_moment.deadline == datetime(2026, 3, 24, 23, 59, 59, 999999, tzinfo=ISTANBUL)
    assert last_moment.outcomes == ("refund", "exchange")
    assert too_late.eligible is False
    assert too_late.reason == ReturnReason.WINDOW_EXPIRED
    assert too_late.outcomes == ()


def test_delivery_after_midnight_local_counts_from_the_local_day(
    store: Store, version: ReturnPolicyVersion
) -> None:
    ReturnRuleFactory(version=version, window_days=14)
    # 00:30 on 11 March in Istanbul is still 10 March in UTC.
    item = _item(store, delivered_at=datetime(2026, 3, 10, 21, 30, tzinfo=UTC))

    decision = get_return_eligibility(item, at=datetime(2026, 3, 25, 12, 0, tzinfo=UTC))

    assert decision.eligible is True
    assert decision.deadline == datetime(2026, 3, 25, 23, 59, 59, 999999, tzinfo=ISTANBUL)


def test_window_counted_from_order_ignores_delivery(
    store: Store, version: ReturnPolicyVersion
) -> None:
    ReturnRuleFactory(version=version, window_days=30, window_starts_at=WindowStart.ORDER)
    item = _item(store, placed_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))

    decision = get_return_eligibility(item, at=datetime(2026, 3, 20, tzinfo=UTC))

    assert decision.eligible is True
    assert decision.deadline == datetime(2026, 3, 31, 23, 59, 59, 999999, tzinfo=ISTANBUL)


def test_not_delivered_yet_when_window_counts_from_delivery(
    store: Store, version: ReturnPolicyVersion
) -> None:
    ReturnRuleFactory(version=version, window_days=14)
    item = _item(store)

    decision = get_return_eligibility(item, at=datetime(2026, 3, 5, tzinfo=UTC), language="en")

    assert decision.eligible is False
    assert decision.reason == ReturnReason.NOT_DELIVERED_YET
    assert decision.deadline is None
    assert decision.explanation == (
        "The order has not been delivered yet; it can be returned within 14 days of delivery."
    )


def test_category_rule_beats_default_and_parent_category_rule_covers_children(
    store: Store, version: ReturnPolicyVersion
) -> None:
    shoes = CategoryFactory(store=store, slug="shoes")
    sneakers = CategoryFactory(store=store, slug="sneakers", parent=shoes)
    shirts = CategoryFactory(store=store, slug="shirts")
    ReturnRuleFactory(version=version, window_days=14)
    ReturnRuleFactory(version=version, category=shoes, window_days=60, offers_store_credit=True)
    delivered = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    at = datetime(2026, 4, 20, tzinfo=UTC)

    sneaker = get_return_eligibility(_item(store, category=sneakers, delivered_at=delivered), at=at)
    shirt = get_return_eligibility(_item(store, category=shirts, delivered_at=delivered), at=at)

    assert sneaker.eligible is True
    assert sneaker.outcomes == ("refund", "exchange", "store_credit")
    assert sneaker.rule is not None
    assert (sneaker.rule.category_slug, sneaker.rule.version_number) == ("shoes", 1)
    assert shirt.eligible is False
    assert shirt.rule is not None
    assert shirt.rule.is_default


def test_final_sale_category_cannot_be_returned(store: Store, version: ReturnPolicyVersion) -> None:
    hygiene = CategoryFactory(store=store, slug="hygiene")
    ReturnRuleFactory(version=version)
    ReturnRuleFactory(
        version=version,
        category=hygiene,
        final_sale=True,
        offers_refund=False,
        offers_exchange=False,
    )
    item = _item(store, category=hygiene, delivered_at=datetime(2026, 3, 2, tzinfo=UTC))

    decision = get_return_eligibility(item, at=datetime(2026, 3, 3, tzinfo=UTC), language="tr")

    assert decision.eligible is False
    assert decision.reason == ReturnReason.FINAL_SALE
    assert decision.outcomes == ()
    assert decision.rule is not None
    assert decision.rule.category_slug == "hygiene"


def test_discounted_items_final_sale_only_when_discounted(
    store: Store, version: ReturnPolicyVersion
) -> None:
    ReturnRuleFactory(version=version, discounted_final_sale=True)
    delivered = datetime(2026, 3, 2, tzinfo=UTC)
    at = datetime(2026, 3, 3, tzinfo=UTC)

    discounted = get_return_eligibility(
        _item(store, delivered_at=delivered, discount=Decimal("50.00")), at=at
    )
    full_price = get_return_eligibility(_item(store, delivered_at=delivered), at=at)

    assert discounted.reason == ReturnReason.DISCOUNTED_FINAL_SALE
    assert full_price.reason == ReturnReason.WITHIN_WINDOW


def test_unlimited_window_has_no_deadline(store: Store, version: ReturnPolicyVersion) -> None:
    ReturnRuleFactory(
        version=version,
        window_days=None,
        offers_refund=False,
        offers_exchange=False,
        offers_store_credit=True,
        store_credit_bonus_percent=Decimal("10.00"),
    )
    item = _item(store)

    decision = get_return_eligibility(item, at=datetime(2030, 1, 1, tzinfo=UTC), language="en")

    assert decision.eligible is True
    assert decision.reason == ReturnReason.UNLIMITED_WINDOW
    assert decision.deadline is None
    assert decision.outcomes == ("store_credit",)
    assert decision.store_credit_bonus_percent == Decimal("10.00")
    assert decision.explanation == "This item can be returned at any time."


def test_order_placed_before_a_change_keeps_the_old_window(store: Store) -> None:
    old = ReturnPolicyVersionFactory(
        store=store, number=1, effective_from=datetime(2026, 1, 1, tzinfo=UTC)
    )
    new = ReturnPolicyVersionFactory(
        store=store, number=2, effective_from=datetime(2026, 3, 15, tzinfo=UTC)
    )
    ReturnRuleFactory(version=old, window_days=30)
    ReturnRuleFactory(version=new, window_days=14)
    delivered = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
    at = datetime(2026, 4, 5, tzinfo=UTC)
    before = _item(store, placed_at=datetime(2026, 3, 14, tzinfo=UTC), delivered_at=delivered)
    after = _item(store, placed_at=datetime(2026, 3, 15, 0, 1, tzinfo=UTC), delivered_at=delivered)

    old_decision = get_return_eligibility(before, at=at)
    new_decision = get_return_eligibility(after, at=at)

    assert old_decision.eligible is True
    assert old_decision.rule is not None
    assert old_decision.rule.version_number == 1
    assert new_decision.eligible is False
    assert new_decision.rule is not None
    assert new_decision.rule.version_number == 2


def test_drafts_never_decide(store: Store, version: ReturnPolicyVersion) -> None:
    ReturnRuleFactory(version=version, window_days=14)
    draft = ReturnPolicyVersionFactory(
        store=store, number=2, status=VersionStatus.DRAFT, effective_from=None, published_at=None
    )
    ReturnRuleFactory(version=draft, window_days=365)
    item = _item(store, delivered_at=datetime(2026, 3, 2, tzinfo=UTC))

    decision = get_return_eligibility(item, at=datetime(2026, 5, 1, tzinfo=UTC))

    assert decision.reason == ReturnReason.WINDOW_EXPIRED
    assert decision.rule is not None
    assert decision.rule.version_number == 1


def test_no_policy_and_cancelled_order(store: Store) -> None:
    item = _item(store, delivered_at=datetime(2026, 3, 2, tzinfo=UTC))

    assert get_return_eligibility(item).reason == ReturnReason.NO_POLICY

    version = ReturnPolicyVersionFactory(store=store, number=1)
    ReturnRuleFactory(version=version)
    item.order.status = OrderStatus.CANCELLED
    item.order.save()
    assert get_return_eligibility(item).reason == ReturnReason.ORDER_CANCELLED


def test_decision_lists_fees_and_refund_time(store: Store, version: ReturnPolicyVersion) -> None:
    ReturnRuleFactory(
        version=version,
        return_shipping_paid_by=ShippingPayer.CUSTOMER,
        return_shipping_fee=Decimal("39.90"),
        restocking_fee_kind=FeeKind.PERCENT,
        restocking_fee=Decimal("10"),
        refund_within_hours=72,
    )
    item = _item(store, delivered_at=datetime(2026, 3, 2, tzinfo=UTC))

    decision = get_return_eligibility(item, at=datetime(2026, 3, 3, tzinfo=UTC))

    assert decision.return_shipping_paid_by == "customer"
    assert decision.return_shipping_fee == Money(Decimal("39.90"), "TRY")
    assert decision.restocking_fee == Money(Decimal("50.00"), "TRY")
    assert decision.refund_within_hours == 72


def test_explanation_follows_requested_language(store: Store, version: ReturnPolicyVersion) -> None:
    ReturnRuleFactory(version=version, window_days=14)
    item = _item(store, delivered_at=datetime(2026, 3, 2, 12, 0, tzinfo=UTC))

    def explanation(language: str) -> str:
        at = datetime(2026, 3, 3, tzinfo=UTC)
        return get_return_eligibility(item, at=at, language=language).explanation

    assert explanation("en") == "This item can be returned until the end of March 16, 2026."
    assert "16 Mart 2026" in explanation("tr")
    assert "16 marca 2026" in explanation("pl")
    assert "16. März 2026" in explanation("de")


def test_presets() -> None:
    assert get_return_preset("14")["window_days"] == 14
    assert get_return_preset(ReturnPreset.DAYS_90)["window_days"] == 90
    assert get_return_preset("unlimited")["window_days"] is None
    with pytest.raises(ValueError, match="is not a valid ReturnPreset"):
        get_return_preset("7")


# --- Delivery estimates --------------------------------------------------------------


@pytest.fixture
def shipping(store: Store) -> ShippingPolicyVersion:
    version: ShippingPolicyVersion = ShippingPolicyVersionFactory(
        store=store, number=1, dispatch_cutoff=time(14, 0), holidays=["2026-04-23"]
    )
    zone = ShippingZoneFactory(version=version, name="Türkiye", countries=["TR"])
    ShippingMethodFactory(zone=zone, name="Standard", min_days=1, max_days=3)
    ShippingMethodFactory(
        zone=zone, name="Express", cost=Decimal("99.00"), free_shipping_threshold=None,
        min_days=0, max_days=1,
    )  # fmt: skip
    abroad = ShippingZoneFactory(
        version=version,
        name="Europe",
        countries=["DE", "PL"],
        duties_included=False,
        duties_paid_by=DutiesPayer.CUSTOMER,
        customs_note={
            "en": "Import duties are paid on delivery.",
            "tr": "Gümrük vergisi alıcıya aittir.",
        },
    )
    ShippingMethodFactory(
        zone=abroad, name="International", cost=Decimal("400.00"),
        free_shipping_threshold=None, min_days=3, max_days=7,
    )  # fmt: skip
    return version


def test_order_just_before_cutoff_leaves_the_same_day(
    store: Store, shipping: ShippingPolicyVersion
) -> None:
    # Wednesday 2026-04-15, 13:59 in Istanbul.
    estimate = get_delivery_estimate(store, "tr", at=datetime(2026, 4, 15, 13, 59, tzinfo=ISTANBUL))

    assert estimate.ships is True
    assert estimate.country == "TR"
    standard, express = estimate.options
    assert standard.dispatch_date == date(2026, 4, 15)
    assert (standard.earliest_arrival, standard.latest_arrival) == (
        date(2026, 4, 16),
        date(2026, 4, 20),  # Friday + skip the weekend
    )
    assert (express.earliest_arrival, express.latest_arrival) == (
        date(2026, 4, 15),
        date(2026, 4, 16),
    )
    assert standard.rule.version_number == 1
    assert standard.rule.zone_name == "Türkiye"


def test_each_zone_answers_with_its_own_methods_and_times(
    store: Store, shipping: ShippingPolicyVersion
) -> None:
    # Wednesday 2026-04-15, 10:00 in Istanbul: every zone's parcel leaves the same day.
    at = datetime(2026, 4, 15, 10, 0, tzinfo=ISTANBUL)

    poland = get_delivery_estimate(store, "PL", at=at)
    turkey = get_delivery_estimate(store, "TR", at=at)

    (international,) = poland.options
    assert international.rule.zone_name == "Europe"
    assert international.dispatch_date == date(2026, 4, 15)
    # Three to seven business days, past a weekend and the 23 April holiday.
    assert (international.earliest_arrival, international.latest_arrival) == (
        date(2026, 4, 20),
        date(2026, 4, 27),
    )
    assert [option.rule.zone_name for option in turkey.options] == ["Türkiye", "Türkiye"]
    assert turkey.options[0].latest_arrival < international.latest_arrival


def test_order_at_or_after_cutoff_leaves_the_next_working_day(
    store: Store, shipping: ShippingPolicyVersion
) -> None:
    at_cutoff = get_delivery_estimate(store, "TR", at=datetime(2026, 4, 15, 14, 0, tzinfo=ISTANBUL))
    # Friday after the cut-off: leaves on Monday.
    friday = get_delivery_estimate(store, "TR", at=datetime(2026, 4, 17, 18, 0, tzinfo=ISTANBUL))
    saturday = get_delivery_estimate(store, "TR", at=datetime(2026, 4, 18, 9, 0, tzinfo=ISTANBUL))

    assert at_cutoff.options[0].dispatch_date == date(2026, 4, 16)
    assert friday.options[0].dispatch_date == date(2026, 4, 20)
    assert saturday.options[0].dispatch_date == date(2026, 4, 20)


def test_cutoff_is_in_store_time_zone(store: Store, shipping: ShippingPolicyVersion) -> None:
    # 11:30 UTC is 14:30 in Istanbul: after the cut-off.
    estimate = get_delivery_estimate(store, "TR", at=datetime(2026, 4, 15, 11, 30, tzinfo=UTC))

    assert estimate.options[0].dispatch_date == date(2026, 4, 16)


def test_holidays_are_skipped(store: Store, shipping: ShippingPolicyVersion) -> None:
    # Wednesday 22 April after the cut-off; 23 April is a holiday.
    estimate = get_delivery_estimate(store, "TR", at=datetime(2026, 4, 22, 15, 0, tzinfo=ISTANBUL))

    standard = estimate.options[0]
    assert standard.dispatch_date == date(2026, 4, 24)
    assert standard.latest_arrival == date(2026, 4, 29)


def test_unknown_country_is_not_shipped(store: Store, shipping: ShippingPolicyVersion) -> None:
    estimate = get_delivery_estimate(store, "US", language="en")

    assert estimate.ships is False
    assert estimate.reason == ShippingReason.NOT_SHIPPED
    assert estimate.options == ()
    assert estimate.explanation == "The store does not ship to United States."


def test_no_shipping_policy(store: Store) -> None:
    estimate = get_delivery_estimate(store, "TR")

    assert estimate.reason == ShippingReason.NO_POLICY


def test_invalid_country_is_a_field_error(store: Store, shipping: ShippingPolicyVersion) -> None:
    with pytest.raises(PolicyValidationFailed) as error:
        get_delivery_estimate(store, "XX")

    assert error.value.fields.keys() == {"country"}


# --- Shipping quotes -----------------------------------------------------------------


def test_quote_is_free_at_threshold(store: Store, shipping: ShippingPolicyVersion) -> None:
    below = get_shipping_quote(store, "TR", cart_total=Decimal("749.99"))
    at_threshold = get_shipping_quote(store, "TR", cart_total=Decimal("750.00"), currency="TRY")

    assert [o.cost for o in below.options] == [
        Money(Decimal("49.90"), "TRY"),
        Money(Decimal("99.00"), "TRY"),
    ]
    assert below.options[0].free_shipping_threshold == Money(Decimal("750.00"), "TRY")
    assert [o.cost for o in at_threshold.options] == [
        Money(Decimal("0.00"), "TRY"),
        Money(Decimal("99.00"), "TRY"),
    ]
    assert at_threshold.options[0].is_free is True
    assert at_threshold.duties_included is True


def test_quote_lists_duties_in_requested_language(
    store: Store, shipping: ShippingPolicyVersion
) -> None:
    quote = get_shipping_quote(store, "PL", cart_total=Decimal("100"), language="en")

    assert quote.duties_included is False
    assert quote.duties_paid_by == "customer"
    assert quote.duties_note == "Import duties are paid on delivery."
    assert quote.options[0].cost == Money(Decimal("400.00"), "TRY")


def test_quote_refuses_currency_mismatch_and_negative_total(
    store: Store, shipping: ShippingPolicyVersion
) -> None:
    with pytest.raises(PolicyValidationFailed) as error:
        get_shipping_quote(store, "TR", cart_total=Decimal("-1"), currency="EUR")

    assert error.value.fields.keys() == {"cart_total", "currency"}


def test_quote_for_unshipped_country(store: Store, shipping: ShippingPolicyVersion) -> None:
    quote = get_shipping_quote(store, "JP", cart_total=Decimal("100"))

    assert quote.ships is False
    assert quote.options == ()


# --- Prose ---------------------------------------------------------------------------


def test_prose_policy_renders_requested_language_with_fallback(store: Store) -> None:
    policy = ProsePolicyFactory(store=store, kind=ProseKind.PRIVACY)
    ProsePolicyTranslationFactory(policy=policy, language="tr", body="**Gizlilik**")
    ProsePolicyTranslationFactory(
        policy=policy, language="en", title="Privacy", body="# Hi\n<script>x</script>"
    )
    ProsePolicyFactory(store=store, kind=ProseKind.TERMS, is_published=False)

    english = render_prose_policy(get_prose_policy(store, "privacy"), "en")
    german = render_prose_policy(get_prose_policy(store, "privacy"), "de")

    assert english is not None

    assert english.title == "Privacy"
    assert "<h1>Hi</h1>" in english.html
    assert "<script>" not in english.html
    assert german is not None
    assert german.language == "tr"
    assert german.html == "<p><strong>Gizlilik</strong></p>\n"
    assert [p.slug for p in list_prose_policies(store)] == ["privacy"]
    assert [p.slug for p in list_prose_policies(store, published_only=False)] == [
        "privacy",
        "terms",
    ]
