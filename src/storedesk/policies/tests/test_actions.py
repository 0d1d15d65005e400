from collections.abc import Callable
from datetime import UTC, datetime, time
from decimal import Decimal
from typing import Any

import pytest
import time_machine

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.errors import PermissionDenied
from storedesk.core.events import Event
from storedesk.core.models import AuditLogEntry, Store
from storedesk.policies.actions import (
    check_discard_draft,
    check_publish_return_version,
    check_publish_shipping_version,
    check_remove_return_rule,
    check_save_prose_policy,
    check_save_return_rule,
    check_set_prose_policy_published,
    check_start_return_draft,
    check_start_shipping_draft,
    check_update_return_draft,
    check_update_shipping_draft,
)
from storedesk.policies.errors import PolicyValidationFailed, VersionPublished
from storedesk.policies.events import PolicyEvent
from storedesk.policies.models import (
    ProseKind,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingPolicyVersion,
    VersionStatus,
)
from storedesk.policies.tests.factories import CategoryFactory

NOW = datetime(2026, 4, 15, 9, 0, tzinfo=UTC)


@pytest.fixture
def admin_actor(store: Store, make_staff: Callable[..., User]) -> Actor:
    user = make_staff(store, Role.ADMIN, email="admin@moda.example")
    return Actor(store=store, user=user, role=Role.ADMIN, permissions=ROLE_PERMISSIONS[Role.ADMIN])


@pytest.fixture(autouse=True)
def _frozen_clock() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def _errors(rules: list[dict[str, Any]], actor: Actor) -> dict[str, str]:
    draft = check_start_return_draft(actor)
    with pytest.raises(PolicyValidationFailed) as error:
        check_update_return_draft(actor, draft, {"rules": rules})
    assert error.value.status == 422
    assert not ReturnRule.objects.filter(version=draft).exists()
    return error.value.fields


# --- Return drafts and publishing ----------------------------------------------------


def test_publish_return_version_and_start_next_draft_as_copy(
    admin_actor: Actor,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    shoes = CategoryFactory(store=store, slug="shoes")
    draft = check_start_return_draft(admin_actor)
    draft = check_update_return_draft(
        admin_actor,
        draft,
        {
            "rules": [{"window_days": 14}, {"category_id": shoes.pk, "window_days": 60}],
            "note": "First policy",
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        published = check_publish_return_version(admin_actor, draft)
    second = check_start_return_draft(admin_actor)

    assert published.status == VersionStatus.PUBLISHED
    assert published.effective_from == NOW
    assert published.published_by == admin_actor.user
    assert captured_events == [
        PolicyEvent(
            op="published", store_id=store.pk, kind="returns", version_number=1, effective_from=NOW
        )
    ]
    assert AuditLogEntry.objects.filter(store=store, action="return_policy.published").count() == 1
    assert second.number == 2
    assert second.status == VersionStatus.DRAFT
    assert sorted((r.category_id or 0, r.window_days) for r in second.rules.all()) == [
        (0, 14),
        (shoes.pk, 60),
    ]
    # The copy is independent: the published rules stay.
    assert published.rules.count() == 2
    assert check_start_return_draft(admin_actor).pk == second.pk


def test_published_version_is_immutable(admin_actor: Actor) -> None:
    draft = check_update_return_draft(
        admin_actor, check_start_return_draft(admin_actor), {"rules": [{"window_days": 14}]}
    )
    published = check_publish_return_version(admin_actor, draft)

    with pytest.raises(VersionPublished):
        check_update_return_draft(admin_actor, published, {"rules": [{"window_days": 90}]})
    with pytest.raises(VersionPublished):
        check_save_return_rule(admin_actor, published, {"window_days": 90})
    with pytest.raises(VersionPublished):
        check_publish_return_version(admin_actor, published)
    with pytest.raises(VersionPublished):
        check_discard_draft(admin_actor, published)
    assert [r.window_days for r in ReturnRule.objects.filter(version=published)] == [14]


def test_save_and_remove_single_rule(admin_actor: Actor, store: Store) -> None:
    bags = CategoryFactory(store=store, slug="bags")
    draft = check_start_return_draft(admin_actor)

    draft = check_save_return_rule(admin_actor, draft, {"window_days": 30})
    draft = check_save_return_rule(admin_actor, draft, {"category_id": bags.pk, "window_days": 7})
    draft = check_save_return_rule(admin_actor, draft, {"window_days": 45})
    assert sorted((r.category_id or 0, r.window_days) for r in draft.rules.all()) == [
        (0, 45),
        (bags.pk, 7),
    ]

    draft = check_remove_return_rule(admin_actor, draft, category_id=bags.pk)
    assert [(r.category_id, r.window_days) for r in draft.rules.all()] == [(None, 45)]


def test_publish_needs_a_default_rule_and_no_backdating(admin_actor: Actor, store: Store) -> None:
    shoes = CategoryFactory(store=store, slug="shoes")
    draft = check_update_return_draft(
        admin_actor,
        check_start_return_draft(admin_actor),
        {"rules": [{"category_id": shoes.pk, "window_days": 30}]},
    )

    with pytest.raises(PolicyValidationFailed) as error:
        check_publish_return_version(
            admin_actor, draft, effective_from=datetime(2026, 1, 1, tzinfo=UTC)
        )

    assert error.value.fields.keys() == {"rules", "effective_from"}
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_future_version_does_not_change_current_and_next_must_be_later(admin_actor: Actor) -> None:
    first = check_update_return_draft(
        admin_actor, check_start_return_draft(admin_actor), {"rules": [{"window_days": 14}]}
    )
    check_publish_return_version(
        admin_actor, first, effective_from=datetime(2026, 6, 1, tzinfo=UTC)
    )
    second = check_update_return_draft(
        admin_actor, check_start_return_draft(admin_actor), {"rules": [{"window_days": 30}]}
    )

    with pytest.raises(PolicyValidationFailed) as error:
        check_publish_return_version(admin_actor, second)

    assert "effective_from" in error.value.fields


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({"window_days": 0}, "rules.0.window_days"),
        ({"window_days": -3}, "rules.0.window_days"),
        ({"window_starts_at": "payment"}, "rules.0.window_starts_at"),
        ({"final_sale": True}, "rules.0.outcomes"),
        (
            {"offers_refund": False, "offers_exchange": False, "offers_store_credit": False},
            "rules.0.outcomes",
        ),
        ({"store_credit_bonus_percent": Decimal("10")}, "rules.0.store_credit_bonus_percent"),
        (
            {"offers_store_credit": True, "store_credit_bonus_percent": Decimal("150")},
            "rules.0.store_credit_bonus_percent",
        ),
        ({"return_shipping_fee": Decimal("10")}, "rules.0.return_shipping_fee"),
        (
            {"return_shipping_paid_by": "customer", "return_shipping_fee": Decimal("-1")},
            "rules.0.return_shipping_fee",
        ),
        (
            {"restocking_fee_kind": "fixed", "restocking_fee": Decimal("-5")},
            "rules.0.restocking_fee",
        ),
        (
            {"restocking_fee_kind": "percent", "restocking_fee": Decimal("101")},
            "rules.0.restocking_fee",
        ),
        ({"restocking_fee": Decimal("5")}, "rules.0.restocking_fee"),
        ({"currency": "EUR"}, "rules.0.currency"),
        ({"refund_within_hours": -1}, "rules.0.refund_within_hours"),
    ],
)
def test_invalid_return_rule_is_a_field_error(
    admin_actor: Actor, rule: dict[str, Any], field: str
) -> None:
    assert field in _errors([rule], admin_actor)


def test_unknown_or_other_store_category_and_duplicates(
    admin_actor: Actor, other_store: Store, store: Store
) -> None:
    theirs = CategoryFactory(store=other_store, slug="theirs")
    mine = CategoryFactory(store=store, slug="mine")

    errors = _errors(
        [
            {"category_id": theirs.pk},
            {"category_id": mine.pk},
            {"category_id": mine.pk},
            {},
            {},
        ],
        admin_actor,
    )

    assert errors.keys() == {"rules.0.category_id", "rules.2.category_id", "rules.4.category_id"}


def test_agent_cannot_change_policies(agent_actor: Actor, admin_actor: Actor) -> None:
    draft = check_start_return_draft(admin_actor)

    with pytest.raises(PermissionDenied):
        check_start_return_draft(agent_actor)
    with pytest.raises(PermissionDenied):
        check_update_return_draft(agent_actor, draft, {"rules": [{"window_days": 14}]})
    with pytest.raises(PermissionDenied):
        check_publish_return_version(agent_actor, draft)


def test_discard_draft(admin_actor: Actor, store: Store) -> None:
    draft = check_start_return_draft(admin_actor)

    check_discard_draft(admin_actor, draft)

    assert not ReturnPolicyVersion.objects.filter(store=store).exists()


# --- Shipping ------------------------------------------------------------------------


def _zone(name: str, countries: list[str], **method: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": "Standard", "cost": Decimal("49.90"), "min_days": 1}
    fields.update({"max_days": 3}, **method)
    return {"name": name, "countries": countries, "methods": [fields]}


def test_shipping_draft_update_and_publish(
    admin_actor: Actor,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    draft = check_start_shipping_draft(admin_actor)
    assert (draft.dispatch_cutoff, draft.working_days, draft.currency) == (
        time(14, 0),
        [1, 2, 3, 4, 5],
        "TRY",
    )

    draft = check_update_shipping_draft(
        admin_actor,
        draft,
        {
            "dispatch_cutoff": "16:30",
            "working_days": [6, 1, 2, 3, 4, 5],
            "holidays": ["2026-04-23", "2026-05-01"],
            "zones": [
                _zone("Türkiye", ["tr"], free_shipping_threshold=Decimal("750")),
                {
                    **_zone("EU", ["DE", "PL"]),
                    "duties_included": False,
                    "duties_paid_by": "customer",
                    "customs_note": {"en": "Duties on delivery."},
                },
            ],
        },
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        published = check_publish_shipping_version(admin_actor, draft)
    copy = check_start_shipping_draft(admin_actor)

    assert published.dispatch_cutoff == time(16, 30)
    assert published.working_days == [1, 2, 3, 4, 5, 6]
    assert [(z.name, z.countries) for z in published.zones.all()] == [
        ("Türkiye", ["TR"]),
        ("EU", ["DE", "PL"]),
    ]
    assert captured_events == [
        PolicyEvent(
            op="published", store_id=store.pk, kind="shipping", version_number=1, effective_from=NOW
        )
    ]
    assert copy.number == 2
    assert [(z.name, [m.name for m in z.methods.all()]) for z in copy.zones.all()] == [
        ("Türkiye", ["Standard"]),
        ("EU", ["Standard"]),
    ]
    with pytest.raises(VersionPublished):
        check_update_shipping_draft(admin_actor, published, {"dispatch_cutoff": "10:00"})


def test_overlapping_zones_are_refused(admin_actor: Actor) -> None:
    draft = check_start_shipping_draft(admin_actor)

    with pytest.raises(PolicyValidationFailed) as error:
        check_update_shipping_draft(
            admin_actor, draft, {"zones": [_zone("A", ["DE", "FR"]), _zone("B", ["fr"])]}
        )

    assert error.value.details == [
        {
            "field": "zones.1.countries",
            "type": "overlapping_zones",
            "message": "FR is already in zone 1; zones cannot overlap.",
        }
    ]
    assert not ShippingPolicyVersion.objects.get(pk=draft.pk).zones.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"dispatch_cutoff": "25:00"}, "dispatch_cutoff"),
        ({"dispatch_cutoff": "noon"}, "dispatch_cutoff"),
        ({"working_days": []}, "working_days"),
        ({"working_days": [1, 8]}, "working_days"),
        ({"holidays": ["2026-02-30"]}, "holidays.0"),
        ({"currency": "XYZ"}, "currency"),
        ({"zones": [_zone("A", ["XX"])]}, "zones.0.countries"),
        ({"zones": [_zone("A", [])]}, "zones.0.countries"),
        ({"zones": [_zone("", ["DE"])]}, "zones.0.name"),
        ({"zones": [_zone("A", ["DE"], cost=Decimal("-1"))]}, "zones.0.methods.0.cost"),
        (
            {"zones": [_zone("A", ["DE"], free_shipping_threshold=Decimal("-1"))]},
            "zones.0.methods.0.free_shipping_threshold",
        ),
        ({"zones": [_zone("A", ["DE"], min_days=5, max_days=2)]}, "zones.0.methods.0.min_days"),
        ({"zones": [_zone("A", ["DE"], max_days=-1)]}, "zones.0.methods.0.max_days"),
        ({"zones": [_zone("A", ["DE"], currency="EUR")]}, "zones.0.methods.0.currency"),
        (
            {"zones": [{**_zone("A", ["DE"]), "duties_paid_by": "customer"}]},
            "zones.0.duties_paid_by",
        ),
    ],
)
def test_invalid_shipping_is_a_field_error(
    admin_actor: Actor, fields: dict[str, Any], field: str
) -> None:
    draft = check_start_shipping_draft(admin_actor)

    with pytest.raises(PolicyValidationFailed) as error:
        check_update_shipping_draft(admin_actor, draft, fields)

    assert field in error.value.fields


def test_shipping_publish_needs_zones_with_methods(admin_actor: Actor) -> None:
    draft = check_start_shipping_draft(admin_actor)

    with pytest.raises(PolicyValidationFailed) as error:
        check_publish_shipping_version(admin_actor, draft)
    assert error.value.fields.keys() == {"zones"}

    draft = check_update_shipping_draft(
        admin_actor, draft, {"zones": [{"name": "Empty", "countries": ["TR"], "methods": []}]}
    )
    with pytest.raises(PolicyValidationFailed) as error:
        check_publish_shipping_version(admin_actor, draft)
    assert error.value.fields.keys() == {"zones.0.methods"}


# --- Prose policies ------------------------------------------------------------------


def test_save_and_publish_prose_policies(
    admin_actor: Actor,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    privacy = check_save_prose_policy(
        admin_actor,
        {"kind": ProseKind.PRIVACY, "translations": {"tr": {"title": "Gizlilik", "body": "Metin"}}},
    )
    custom = check_save_prose_policy(
        admin_actor,
        {
            "kind": ProseKind.CUSTOM,
            "slug": "gift-cards",
            "translations": {"en": {"title": "Gift cards", "body": "Text"}},
        },
    )
    check_save_prose_policy(
        admin_actor,
        {"kind": ProseKind.PRIVACY, "translations": {"en": {"title": "Privacy", "body": "Text"}}},
        policy=privacy,
    )
    with django_capture_on_commit_callbacks(execute=True):
        check_set_prose_policy_published(admin_actor, custom, published=True)

    assert privacy.slug == "privacy"
    assert [t.language for t in privacy.translations.all()] == ["en"]
    assert custom.is_published is True
    assert captured_events == [
        PolicyEvent(op="published", store_id=store.pk, kind="prose", slug="gift-cards")
    ]


def test_invalid_prose_policy(admin_actor: Actor) -> None:
    terms = {"kind": "terms", "translations": {"tr": {"title": "Şartlar", "body": "Metin"}}}
    check_save_prose_policy(admin_actor, terms)

    with pytest.raises(PolicyValidationFailed) as error:
        check_save_prose_policy(
            admin_actor,
            {
                "kind": "custom",
                "slug": "Bad Slug",
                "translations": {
                    "ja": {"title": "x", "body": "y"},
                    "tr": {"title": "", "body": ""},
                },
            },
        )
    assert error.value.fields.keys() == {
        "slug",
        "translations.ja",
        "translations.tr.title",
        "translations.tr.body",
    }
    with pytest.raises(PolicyValidationFailed) as duplicate:
        check_save_prose_policy(admin_actor, terms)
    assert duplicate.value.fields.keys() == {"slug"}
