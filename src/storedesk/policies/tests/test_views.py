"""The policy editor in the store settings: drafts, presets, field errors, preview, publish."""

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.actors import system_actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.policies.actions import check_start_return_draft, check_update_return_draft
from storedesk.policies.models import (
    ProsePolicy,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingZone,
    VersionStatus,
)
from storedesk.policies.tests.factories import (
    CategoryFactory,
    ProsePolicyFactory,
    ProsePolicyTranslationFactory,
    ShippingMethodFactory,
)

pytestmark = pytest.mark.django_db


def url(name: str, store: Store, *args: int) -> str:
    return reverse(name, args=[store.slug, *args])


def rule_row(index: int, **fields: str | None) -> dict[str, str]:
    values: dict[str, str | None] = {
        "category": "",
        "window_days": "30",
        "window_starts_at": "delivery",
        "offers_refund": "on",
        "offers_exchange": "on",
        "requires_unused": "on",
        "return_shipping_paid_by": "store",
        "return_shipping_fee": "0",
        "restocking_fee_kind": "none",
        "restocking_fee": "0",
        "refund_within_hours": "",
    }
    values |= fields
    return {f"rule-{index}-{name}": value for name, value in values.items() if value is not None}


def rules_post(*rows: dict[str, str], note: str = "") -> dict[str, str]:
    """The rows, then the empty "add a rule" row the page always carries."""
    data = {"rule_count": str(len(rows) + 1), "note": note}
    for row in rows:
        data |= row
    data |= rule_row(len(rows))
    return data


def draft_rules(store: Store) -> list[tuple[int | None, int | None, bool]]:
    draft = ReturnPolicyVersion.objects.get(store=store, status=VersionStatus.DRAFT)
    rules = [
        (rule.category_id, rule.window_days, rule.final_sale)
        for rule in ReturnRule.objects.filter(version=draft)
    ]
    # The default rule first, on every database (NULLs sort differently).
    return sorted(rules, key=lambda rule: (rule[0] is not None, rule[0] or 0))


# Who may do what ---------------------------------------------------------------------------


def test_pages_need_a_login(client: Client, store: Store) -> None:
    response = client.get(url("policy-settings", store))

    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_everyone_in_the_store_can_read_but_only_admins_change(
    store: Store, admin_client: Client, agent_client: Client, viewer_client: Client
) -> None:
    for client in (admin_client, agent_client, viewer_client):
        assert client.get(url("policy-settings", store)).status_code == 200
        assert client.get(url("policy-returns-edit", store)).status_code == 200
        assert client.get(url("policy-shipping-edit", store)).status_code == 200

    for client in (agent_client, viewer_client):
        assert client.post(url("policy-returns-draft", store)).status_code == 403
        assert client.post(url("policy-shipping-draft", store)).status_code == 403
    assert not ReturnPolicyVersion.objects.exists()

    assert admin_client.post(url("policy-returns-draft", store)).status_code == 302
    assert ReturnPolicyVersion.objects.filter(store=store, status=VersionStatus.DRAFT).exists()


def test_an_agent_cannot_save_or_publish_a_draft(store: Store, agent_client: Client) -> None:
    check_start_return_draft(system_actor(store))

    saved = agent_client.post(url("policy-returns-edit", store), rules_post(rule_row(0)))
    published = agent_client.post(url("policy-returns-publish", store))

    assert saved.status_code == 403
    assert published.status_code == 403
    assert draft_rules(store) == []
    assert not ReturnPolicyVersion.objects.filter(status=VersionStatus.PUBLISHED).exists()


def test_another_stores_admin_gets_404(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    check_start_return_draft(system_actor(store))
    policy = ProsePolicyFactory(store=store)
    stranger = logged_in(make_staff(other_store, Role.ADMIN))

    assert stranger.get(url("policy-returns-edit", store)).status_code == 404
    assert stranger.get(url("policy-returns-preview", store)).status_code == 404
    assert stranger.post(url("policy-returns-publish", store)).status_code == 404
    # Their own store's address with this store's policy id is not found either.
    own = reverse("policy-prose-edit", args=[other_store.slug, policy.pk])
    assert stranger.get(own).status_code == 404
    assert (
        stranger.post(
            reverse("policy-prose-publish", args=[other_store.slug, policy.pk]), {"published": "0"}
        ).status_code
        == 404
    )
    assert ProsePolicy.objects.get(pk=policy.pk).is_published


# Editing return rules ------------------------------------------------------------------------


def test_saving_rules_replaces_the_drafts_rules(store: Store, admin_client: Client) -> None:
    shoes = CategoryFactory(store=store, slug="shoes")
    underwear = CategoryFactory(store=store, slug="underwear")
    admin_client.post(url("policy-returns-draft", store))

    response = admin_client.post(
        url("policy-returns-edit", store),
        rules_post(
            rule_row(0, window_days="30"),
            rule_row(1, category=str(shoes.pk), window_days="90"),
            rule_row(
                2,
                category=str(underwear.pk),
                window_days="",
                final_sale="on",
                offers_refund=None,
                offers_exchange=None,
            ),
        ),
    )

    assert response.status_code == 302
    assert draft_rules(store) == [
        (None, 30, False),
        (shoes.pk, 90, False),
        (underwear.pk, None, True),
    ]


def test_the_add_row_counts_only_when_ticked(store: Store, admin_client: Client) -> None:
    shoes = CategoryFactory(store=store, slug="shoes")
    admin_client.post(url("policy-returns-draft", store))
    data = rules_post(rule_row(0, window_days="30"))
    data |= rule_row(1, category=str(shoes.pk), window_days="45")

    admin_client.post(url("policy-returns-edit", store), data)
    assert draft_rules(store) == [(None, 30, False)]

    data["rule-1-add"] = "on"
    admin_client.post(url("policy-returns-edit", store), data)
    assert draft_rules(store) == [(None, 30, False), (shoes.pk, 45, False)]


@pytest.mark.parametrize(
    ("row", "errors"),
    [
        # Rules the actions enforce across fields.
        (
            {"final_sale": "on", "store_credit_bonus_percent": "10"},
            [
                "A final-sale category cannot offer a refund, exchange or store credit.",
                "Bonus credit needs store credit to be offered.",
            ],
        ),
        # Bad numbers: the return rules' spec says what is wrong, as it does to API clients.
        (
            {"window_days": "0", "return_shipping_fee": "-5"},
            [
                "The return window must be at least 1 day, or empty for no limit.",
                "Cannot be negative.",
                'aria-invalid="true"',
            ],
        ),
    ],
)
def test_rule_errors_are_shown_next_to_the_rule_and_save_nothing(
    store: Store, admin_client: Client, row: dict[str, str], errors: list[str]
) -> None:
    admin_client.post(url("policy-returns-draft", store))

    response = admin_client.post(url("policy-returns-edit", store), rules_post(rule_row(0, **row)))

    assert response.status_code == 422
    html = response.content.decode()
    assert [error for error in errors if error not in html] == []
    assert draft_rules(store) == []


def test_a_preset_fills_the_row_without_saving(store: Store, admin_client: Client) -> None:
    admin_client.post(url("policy-returns-draft", store))
    data = rules_post(rule_row(0, window_days="30")) | {"preset": "0:unlimited"}

    response = admin_client.post(url("policy-returns-edit", store), data)

    assert response.status_code == 200
    html = response.content.decode()
    # Unlimited: the window box is empty.
    assert '<input type="number" name="rule-0-window_days" min="1" aria' in html
    assert draft_rules(store) == []

    preset_90 = admin_client.post(
        url("policy-returns-edit", store), rules_post(rule_row(0)) | {"preset": "0:90"}
    )
    assert 'name="rule-0-window_days" value="90"' in preset_90.content.decode()
    assert 'name="rule-0-offers_store_credit" id="id_rule-0-offers_store_credit" checked' in (
        preset_90.content.decode()
    )

    bad = admin_client.post(
        url("policy-returns-edit", store), rules_post(rule_row(0)) | {"preset": "0:7"}
    )
    assert bad.status_code == 422


def test_preview_renders_the_draft_in_the_chosen_language(
    store: Store, viewer_client: Client
) -> None:
    actor = system_actor(store)
    draft = check_start_return_draft(actor)
    check_update_return_draft(actor, draft, {"rules": [{"category_id": None, "window_days": 57}]})

    response = viewer_client.get(url("policy-returns-preview", store) + "?language=en")

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert "57 days from delivery" in html
    assert 'name="robots" content="noindex"' in html
    unknown = viewer_client.get(url("policy-returns-preview", store) + "?language=xx")
    assert unknown["Content-Language"] == store.default_language
    assert (
        viewer_client.get(url("policy-returns-preview", store) + "?version=99").status_code == 404
    )
    assert viewer_client.get(url("policy-returns-preview", store) + "?version=x").status_code == 404


def test_publishing_makes_the_draft_the_policy_and_lists_it(
    store: Store, admin_client: Client
) -> None:
    admin_client.post(url("policy-returns-draft", store))
    admin_client.post(url("policy-returns-edit", store), rules_post(rule_row(0), note="First"))

    response = admin_client.post(url("policy-returns-publish", store), {"effective_from": ""})

    assert response.status_code == 302
    version = ReturnPolicyVersion.objects.get(store=store)
    assert version.status == VersionStatus.PUBLISHED
    page = admin_client.get(url("policy-returns-edit", store)).content.decode()
    assert "First" in page
    assert "Start a draft" in page
    overview = admin_client.get(url("policy-settings", store)).content.decode()
    assert "Version 1 is in force." in overview


def test_publish_errors_are_shown_and_nothing_is_published(
    store: Store, admin_client: Client
) -> None:
    admin_client.post(url("policy-returns-draft", store))

    past = admin_client.post(
        url("policy-returns-publish", store), {"effective_from": "2001-01-01T10:00"}
    )
    garbage = admin_client.post(url("policy-returns-publish", store), {"effective_from": "soon"})

    assert past.status_code == 422
    assert "A version cannot take effect in the past." in past.content.decode()
    assert garbage.status_code == 422
    assert "Enter the date and time the version takes effect." in garbage.content.decode()
    assert not ReturnPolicyVersion.objects.filter(status=VersionStatus.PUBLISHED).exists()


# Shipping ----------------------------------------------------------------------------------


def shipping_post(**zones: dict[str, str]) -> dict[str, str | list[str]]:
    data: dict[str, str | list[str]] = {
        "dispatch_cutoff": "14:00",
        "working_days": ["1", "2", "3", "4", "5"],
        "holidays": "2026-12-31",
        "note": "",
        "zone_count": str(len(zones) + 1),
    }
    for fields in zones.values():
        data |= fields
    return data


def zone(index: int, name: str, countries: str, cost: str = "49.90") -> dict[str, str]:
    return {
        f"zone-{index}-name": name,
        f"zone-{index}-countries": countries,
        f"zone-{index}-duties_included": "on",
        f"zone-{index}-duties_paid_by": "none",
        f"zone-{index}-method_count": "2",
        f"zone-{index}-method-0-name": "Standard",
        f"zone-{index}-method-0-cost": cost,
        f"zone-{index}-method-0-min_days": "1",
        f"zone-{index}-method-0-max_days": "3",
    }


def test_saving_shipping_zones_and_methods(store: Store, admin_client: Client) -> None:
    admin_client.post(url("policy-shipping-draft", store))

    response = admin_client.post(
        url("policy-shipping-edit", store),
        shipping_post(a=zone(0, "Türkiye", "tr"), b=zone(1, "Europe", "DE, PL", "350")),
    )

    assert response.status_code == 302
    saved = [
        (z.name, z.countries, [(m.name, m.cost) for m in z.methods.all()])
        for z in ShippingZone.objects.filter(store=store).order_by("position")
    ]
    assert saved == [
        ("Türkiye", ["TR"], [("Standard", Decimal("49.90"))]),
        ("Europe", ["DE", "PL"], [("Standard", Decimal("350.00"))]),
    ]


def test_overlapping_zones_are_a_field_error(store: Store, admin_client: Client) -> None:
    admin_client.post(url("policy-shipping-draft", store))

    response = admin_client.post(
        url("policy-shipping-edit", store),
        shipping_post(a=zone(0, "Türkiye", "TR"), b=zone(1, "Everywhere", "TR, XX")),
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "zones cannot overlap" in html
    assert "is not an ISO 3166-1 alpha-2 country code" in html
    assert not ShippingZone.objects.filter(store=store).exists()


def test_shipping_min_after_max_is_shown_next_to_the_method(
    store: Store, admin_client: Client
) -> None:
    admin_client.post(url("policy-shipping-draft", store))
    data = shipping_post(a=zone(0, "Türkiye", "TR")) | {"zone-0-method-0-min_days": "5"}

    response = admin_client.post(url("policy-shipping-edit", store), data)

    assert response.status_code == 422
    assert "The shortest delivery time cannot be longer than the longest." in (
        response.content.decode()
    )


def test_the_shipping_editor_shows_the_published_rules(store: Store, viewer_client: Client) -> None:
    ShippingMethodFactory(zone__version__store=store, zone__store=store, store=store)

    html = viewer_client.get(url("policy-shipping-edit", store)).content.decode()

    assert "Standard" in html
    assert "Only admins can change the shipping rules." in html


# Prose policies ------------------------------------------------------------------------------


def test_creating_a_custom_policy_and_editing_it(store: Store, admin_client: Client) -> None:
    response = admin_client.post(
        url("policy-prose-new", store), {"kind": "custom", "slug": "warranty"}
    )

    policy = ProsePolicy.objects.get(store=store, slug="warranty")
    assert response.status_code == 302
    assert response["Location"] == url("policy-prose-edit", store, policy.pk)
    assert not policy.is_published

    saved = admin_client.post(
        url("policy-prose-edit", store, policy.pk),
        {
            "title_tr": "Garanti",
            "body_tr": "İki yıl **garanti**.",
            "title_en": "Warranty",
            "body_en": "Two years.",
        },
    )
    assert saved.status_code == 302
    texts = {t.language: (t.title, t.body) for t in policy.translations.all()}
    assert texts == {"tr": ("Garanti", "İki yıl **garanti**."), "en": ("Warranty", "Two years.")}

    published = admin_client.post(url("policy-prose-publish", store, policy.pk), {"published": "1"})
    assert published.status_code == 302
    policy.refresh_from_db()
    assert policy.is_published


def test_reserved_and_duplicate_slugs_are_refused(store: Store, admin_client: Client) -> None:
    ProsePolicyFactory(store=store, kind="custom", slug="warranty")

    reserved = admin_client.post(
        url("policy-prose-new", store), {"kind": "custom", "slug": "returns"}
    )
    duplicate = admin_client.post(
        url("policy-prose-new", store), {"kind": "custom", "slug": "warranty"}
    )

    assert reserved.status_code == 422
    assert "This address is taken" in reserved.content.decode()
    assert duplicate.status_code == 422
    assert "Another policy already uses this address." in duplicate.content.decode()
    assert ProsePolicy.objects.filter(store=store).count() == 1


def test_prose_preview_renders_markdown_without_script(store: Store, admin_client: Client) -> None:
    policy = ProsePolicyFactory(store=store)
    body = "| Size | EU |\n|---|---|\n| M | 38 |\n\n<script>alert(1)</script>"
    data = {"title_en": "Privacy", "body_en": body}

    live = admin_client.post(
        url("policy-prose-preview", store, policy.pk), data, headers={"HX-Request": "true"}
    )
    no_js = admin_client.post(url("policy-prose-edit", store, policy.pk), data | {"preview": "1"})

    for response in (live, no_js):
        assert response.status_code == 200
        html = response.content.decode()
        assert "<table>" in html
        assert "<script>alert" not in html
    assert not policy.translations.filter(language="en").exists()


def test_prose_field_errors_are_shown(store: Store, admin_client: Client) -> None:
    policy = ProsePolicyFactory(store=store)
    ProsePolicyTranslationFactory(policy=policy, language="tr", title="Gizlilik", body="Metin")

    response = admin_client.post(
        url("policy-prose-edit", store, policy.pk), {"title_tr": "Gizlilik", "body_tr": " "}
    )

    assert response.status_code == 422
    assert "Write the policy" in response.content.decode()
    assert policy.translations.get().body == "Metin"


def test_an_agent_cannot_edit_prose_policies(store: Store, agent_client: Client) -> None:
    policy = ProsePolicyFactory(store=store, is_published=False)

    assert agent_client.get(url("policy-prose-edit", store, policy.pk)).status_code == 200
    saved = agent_client.post(
        url("policy-prose-edit", store, policy.pk), {"title_tr": "X", "body_tr": "Y"}
    )
    published = agent_client.post(url("policy-prose-publish", store, policy.pk), {"published": "1"})
    created = agent_client.post(url("policy-prose-new", store), {"kind": "terms"})

    assert [saved.status_code, published.status_code, created.status_code] == [403, 403, 403]
    policy.refresh_from_db()
    assert not policy.is_published
    assert ProsePolicy.objects.filter(store=store).count() == 1


def test_the_editors_show_a_drafts_form_to_admins(store: Store, admin_client: Client) -> None:
    CategoryFactory(store=store, slug="shoes")
    ShippingMethodFactory(zone__version__store=store, zone__store=store, store=store)
    admin_client.post(url("policy-returns-draft", store))
    admin_client.post(url("policy-shipping-draft", store))

    returns = admin_client.get(url("policy-returns-edit", store)).content.decode()
    shipping = admin_client.get(url("policy-shipping-edit", store)).content.decode()

    assert 'name="rule_count" value="1"' in returns
    assert 'value="0:14"' in returns
    assert "?language=tr" in returns
    assert 'name="zone-0-name"' in shipping
    assert 'name="zone-0-method-0-cost" value="49.90"' in shipping
    assert 'name="zone-1-name"' in shipping  # the empty zone for adding one
