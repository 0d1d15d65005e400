"""The policy specs: one shape and one set of rules, read the same way by the API, the
editor and the actions, with field errors in the staff member's language."""

from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.models import Store
from storedesk.policies.actions import (
    check_save_prose_policy,
    check_save_return_draft,
    check_save_shipping_draft,
)
from storedesk.policies.errors import PolicyValidationFailed
from storedesk.policies.forms import NEW_RULE_INITIAL, rule_initial
from storedesk.policies.models import ProsePolicy, ReturnPolicyVersion, ShippingPolicyVersion
from storedesk.policies.specs import (
    ProsePolicySpec,
    ReturnPolicySpec,
    ReturnRuleSpec,
    ShippingPolicySpec,
    parse,
)
from storedesk.policies.tests.factories import ReturnRuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_actor(store: Store, make_staff: Callable[..., User]) -> Actor:
    user = make_staff(store, Role.ADMIN)
    return Actor(store=store, user=user, role=Role.ADMIN, permissions=ROLE_PERMISSIONS[Role.ADMIN])


def _shape_errors(spec: type[ReturnPolicySpec | ShippingPolicySpec], data: Any) -> list[object]:
    with pytest.raises(PolicyValidationFailed) as error:
        parse(spec, data)
    return [(e.field, e.type) for e in error.value.errors]


# --- Shape ---------------------------------------------------------------------------


def test_a_spec_is_read_from_an_object_only() -> None:
    assert _shape_errors(ShippingPolicySpec, []) == [("", "model_type")]
    assert _shape_errors(ReturnPolicySpec, {"rules": [[]]}) == [("rules.0", "model_type")]
    assert _shape_errors(ShippingPolicySpec, {"zones": [None]}) == [("zones.0", "model_type")]


def test_strict_types_where_a_loose_reading_changes_the_meaning() -> None:
    errors = _shape_errors(
        ReturnPolicySpec,
        {"rules": [{"final_sale": 0, "offers_refund": "yes", "window_days": True}]},
    )

    assert errors == [
        ("rules.0.window_days", "int_type"),
        ("rules.0.offers_refund", "bool_type"),
        ("rules.0.final_sale", "bool_type"),
    ]
    assert _shape_errors(ShippingPolicySpec, {"holidays": [0, "2026-02-30", "1.1.2026"]}) == [
        ("holidays.0", "date"),
        ("holidays.1", "date"),
        ("holidays.2", "date"),
    ]
    assert _shape_errors(ShippingPolicySpec, {"dispatch_cutoff": 1400}) == [
        ("dispatch_cutoff", "time")
    ]


def test_unknown_fields_and_control_characters_are_refused() -> None:
    assert _shape_errors(ReturnPolicySpec, {"rules": [{"window": 3}], "notes": ""}) == [
        ("rules.0.window", "extra_forbidden"),
        ("notes", "extra_forbidden"),
    ]
    assert _shape_errors(
        ShippingPolicySpec,
        {"zones": [{"name": "EU\x00", "countries": ["DE"], "customs_note": {"en": "a\x07b"}}]},
    ) == [
        ("zones.0.name", "control_characters"),
        ("zones.0.customs_note.en", "control_characters"),
    ]


def test_the_shape_normalises_what_has_one_meaning() -> None:
    spec = parse(
        ShippingPolicySpec,
        {
            "dispatch_cutoff": " 09:30 ",
            "holidays": ["2026-05-01", date(2026, 1, 1)],
            "zones": [
                {
                    "name": "  Europe ",
                    "countries": ["de", " DE", "pl "],
                    "customs_note": {"en": " Paid on delivery. ", "tr": "  "},
                }
            ],
        },
    )

    assert spec.dispatch_cutoff == time(9, 30)
    assert spec.holidays == [date(2026, 5, 1), date(2026, 1, 1)]
    assert spec.zones is not None
    zone = spec.zones[0]
    assert (zone.name, zone.countries, zone.notes) == (
        "Europe",
        ["DE", "PL"],
        {"en": "Paid on delivery."},
    )


def test_shape_errors_are_in_the_staff_members_language() -> None:
    with translation.override("tr"), pytest.raises(PolicyValidationFailed) as error:
        parse(ShippingPolicySpec, {"zones": [{"countries": ["DE"]}]})

    # Django's own catalog says this one.
    assert error.value.fields == {"zones.0.name": "Bu alan zorunludur."}


# --- Rules ---------------------------------------------------------------------------


def test_every_broken_rule_is_reported_at_once() -> None:
    spec = ReturnPolicySpec.model_validate(
        {
            "note": "x" * 501,
            "rules": [
                {"window_days": 0, "final_sale": True},
                {"category_id": 7, "return_shipping_fee": Decimal("1.005")},
                {"window_days": 3651, "currency": "EUR", "refund_within_hours": 9000},
            ],
        }
    )

    errors = spec.errors(currency="TRY", categories={7})

    assert [(e.field, e.type) for e in errors] == [
        ("note", "invalid"),
        ("rules.0.window_days", "invalid"),
        ("rules.0.outcomes", "final_sale_outcomes"),
        ("rules.1.return_shipping_fee", "invalid"),
        ("rules.2.window_days", "invalid"),
        ("rules.2.currency", "currency_mismatch"),
        ("rules.2.refund_within_hours", "invalid"),
        ("rules.2.category_id", "duplicate"),
    ]


def test_shipping_rules_follow_the_policy_currency_the_spec_sets() -> None:
    spec = ShippingPolicySpec.model_validate(
        {
            "currency": "EUR",
            "working_days": [1, 1],
            "zones": [
                {
                    "name": "EU",
                    "countries": ["DE", "ZZ"],
                    "methods": [
                        {
                            "name": "A",
                            "cost": "4.90",
                            "currency": "EUR",
                            "min_days": 1,
                            "max_days": 2,
                        },
                        {"name": "B", "cost": "5", "currency": "TRY", "min_days": 3, "max_days": 2},
                    ],
                },
                {"name": "DE again", "countries": ["DE"], "duties_paid_by": "customer"},
            ],
        }
    )

    assert [(e.field, e.message) for e in spec.errors(currency="TRY")] == [
        (
            "working_days",
            "List each working weekday once, 1 (Monday) to 7 (Sunday); at least one.",
        ),
        ("zones.0.countries", "'ZZ' is not an ISO 3166-1 alpha-2 country code."),
        ("zones.0.methods.1.currency", "Costs are in the shipping policy's currency, EUR."),
        (
            "zones.0.methods.1.min_days",
            "The shortest delivery time cannot be longer than the longest.",
        ),
        ("zones.1.countries", "DE is already in zone 1; zones cannot overlap."),
        (
            "zones.1.duties_paid_by",
            "Duties included in the price are paid by the store, not the customer.",
        ),
    ]


def test_a_rule_error_is_in_the_staff_members_language() -> None:
    """Passes once the catalogs translate the specs' messages."""
    spec = ReturnPolicySpec.model_validate({"rules": [{"window_days": 0}]})

    with translation.override("tr"):
        (error,) = spec.errors(currency="TRY", categories=set())

    assert error.field == "rules.0.window_days"
    assert error.message != "The return window must be at least 1 day, or empty for no limit."


# --- The actions read through the specs ------------------------------------------------


def test_a_written_policy_cannot_take_a_rules_page_address(admin_actor: Actor) -> None:
    with pytest.raises(PolicyValidationFailed) as error:
        check_save_prose_policy(
            admin_actor,
            {
                "kind": "custom",
                "slug": "returns",
                "translations": {"tr": {"title": "İ", "body": "x"}},
            },
        )

    assert [(e.field, e.type) for e in error.value.errors] == [("slug", "reserved")]
    assert not ProsePolicy.objects.exists()


def test_a_long_note_is_refused_not_cut(admin_actor: Actor, store: Store) -> None:
    with pytest.raises(PolicyValidationFailed) as error:
        check_save_return_draft(admin_actor, {"note": "x" * 501})

    assert error.value.fields == {"note": "Use at most 500 characters."}
    assert not ReturnPolicyVersion.objects.filter(store=store).exists()


def test_a_category_id_no_database_can_hold_is_no_such_category(admin_actor: Actor) -> None:
    with pytest.raises(PolicyValidationFailed) as error:
        check_save_return_draft(admin_actor, {"rules": [{}, {"category_id": 2**70}]})

    assert error.value.fields == {"rules.1.category_id": "No such category in this store."}


def test_a_control_character_never_reaches_the_database(admin_actor: Actor) -> None:
    with pytest.raises(PolicyValidationFailed) as error:
        check_save_shipping_draft(
            admin_actor, {"zones": [{"name": "Tür\x00kiye", "countries": ["TR"]}]}
        )

    assert error.value.fields.keys() == {"zones.0.name"}
    assert not ShippingPolicyVersion.objects.exists()


def test_holidays_and_days_are_saved_in_order_once(admin_actor: Actor) -> None:
    version = check_save_shipping_draft(
        admin_actor,
        ShippingPolicySpec(
            working_days=[5, 1, 3],
            holidays=[date(2026, 5, 1), date(2026, 1, 1), date(2026, 5, 1)],
        ),
    )

    assert version.working_days == [1, 3, 5]
    assert version.holidays == ["2026-01-01", "2026-05-01"]


# --- The editor starts from the spec ---------------------------------------------------


def test_the_editor_shows_a_rule_and_a_new_rule_through_the_spec(store: Store) -> None:
    rule = ReturnRuleFactory(version__store=store, store=store, window_days=21, currency="TRY")

    assert rule_initial(rule) == {
        "category": "",
        "window_days": 21,
        "window_starts_at": "delivery",
        "offers_refund": True,
        "offers_exchange": True,
        "offers_store_credit": False,
        "store_credit_bonus_percent": Decimal("0.00"),
        "final_sale": False,
        "discounted_final_sale": False,
        "requires_unused": True,
        "requires_original_packaging": False,
        "return_shipping_paid_by": "store",
        "return_shipping_fee": Decimal("0.00"),
        "restocking_fee_kind": "none",
        "restocking_fee": Decimal("0.00"),
        "refund_within_hours": None,
    }
    assert _without_category(ReturnRuleSpec().model_dump()) | {"category": ""} == NEW_RULE_INITIAL


def _without_category(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in {"category_id", "currency"}}


def test_a_prose_spec_answers_at_its_address() -> None:
    builtin = ProsePolicySpec(kind="terms", slug="ignored", translations={})
    custom = ProsePolicySpec(kind="custom", slug="warranty", translations={})

    assert (builtin.address, custom.address) == ("terms", "warranty")
