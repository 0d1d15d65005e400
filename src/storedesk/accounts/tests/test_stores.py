"""Creating a store: what a new store starts with, every field checked with nothing written
when one is wrong, a second store for an owner (and for nobody else), and moving between
one's stores."""

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.actions.stores import (
    NewOwner,
    StoreDetails,
    StoreDetailsInvalid,
    check_create_store,
    do_create_store,
    suggest_slug,
)
from storedesk.accounts.models import Membership, RoleAuthority, Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.errors import PermissionDenied
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.helpcenter.models import HelpCenterSettings
from storedesk.livechat.models import ChatWidget
from storedesk.policies.models import ProsePolicy, ReturnPolicyVersion, ShippingPolicyVersion

pytestmark = pytest.mark.django_db

KARGO = StoreDetails(
    name="Kargo Dükkanı",
    slug="kargo",
    default_language="tr",
    languages=("tr", "en"),
    currency="TRY",
    timezone="Europe/Istanbul",
    country="TR",
)


def counts() -> dict[str, int]:
    """How many rows of each kind creating a store writes."""
    return {
        "stores": Store.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "teams": Team.objects.count(),
        "authorities": RoleAuthority.objects.count(),
        "audit": AuditLogEntry.objects.count(),
    }


# What a new store starts with ----------------------------------------------------------


def test_a_new_store_starts_with_its_owner_one_team_and_conservative_limits(db: None) -> None:
    created = do_create_store(KARGO, owner=NewOwner(email="Ada@Example.com", name="Ada Yılmaz"))

    store = created.store
    assert (store.name, store.slug, store.default_language, store.languages) == (
        "Kargo Dükkanı",
        "kargo",
        "tr",
        ["tr", "en"],
    )
    assert (store.default_currency, store.timezone, store.country) == (
        "TRY",
        "Europe/Istanbul",
        "TR",
    )
    owner = created.owner
    assert created.owner_is_new
    assert (owner.email, owner.name, owner.language, owner.timezone) == (
        "ada@example.com",
        "Ada Yılmaz",
        "tr",
        "Europe/Istanbul",
    )
    # No password until the owner chooses one through the one-time link.
    assert not owner.has_usable_password()
    assert created.owner_needs_password
    assert list(Membership.objects.filter(store=store).values_list("user", "role")) == [
        (owner.pk, "owner")
    ]
    team = Team.objects.get(store=store)
    assert team == created.team
    assert team.timezone == "Europe/Istanbul"
    assert team.working_hours == {str(day): [["09:00", "18:00"]] for day in range(1, 6)}
    assert team.holidays == []
    assert list(team.members.all()) == [owner]
    limits = {
        authority.role: (
            authority.currency,
            authority.max_refund,
            authority.max_discount_percent,
            authority.max_gift_card,
        )
        for authority in RoleAuthority.objects.filter(store=store)
    }
    assert limits == {
        "agent": ("TRY", Decimal(0), Decimal(0), Decimal(0)),
        "admin": ("TRY", Decimal(1000), Decimal(50), Decimal(250)),
        "owner": ("TRY", Decimal(1_000_000), Decimal(100), Decimal(1_000_000)),
    }


def test_nothing_else_is_switched_on_in_a_new_store(db: None) -> None:
    store = do_create_store(KARGO, owner=NewOwner(email="ada@example.com")).store

    assert not ChatWidget.objects.filter(store=store).exists()
    assert not HelpCenterSettings.objects.filter(store=store).exists()
    assert not ReturnPolicyVersion.objects.filter(store=store).exists()
    assert not ShippingPolicyVersion.objects.filter(store=store).exists()
    assert not ProsePolicy.objects.filter(store=store).exists()


def test_the_audit_log_records_who_created_the_store_and_its_defaults(db: None) -> None:
    by_command = do_create_store(KARGO, owner=NewOwner(email="ada@example.com"))
    by_owner = do_create_store(
        replace(KARGO, slug="kargo-iki"), owner=by_command.owner, created_by_owner=True
    )

    first = AuditLogEntry.objects.filter(store=by_command.store).order_by("id")
    second = AuditLogEntry.objects.filter(store=by_owner.store).order_by("id")
    assert [(entry.action, entry.target_type) for entry in first] == [
        ("store.created", "store"),
        ("team.created", "team"),
        ("role_authority.changed", "role_authority"),
        ("role_authority.changed", "role_authority"),
        ("role_authority.changed", "role_authority"),
    ]
    created = first[0]
    assert created.target_id == str(by_command.store.pk)
    assert created.details == {"name": "Kargo Dükkanı", "slug": "kargo", "owner": "ada@example.com"}
    assert {(entry.actor_user, entry.actor_label) for entry in first} == {(None, "system")}
    assert {(entry.actor_user, entry.actor_label) for entry in second} == {
        (by_command.owner, "ada@example.com")
    }


def test_the_default_language_is_always_offered_and_first(db: None) -> None:
    store = do_create_store(
        replace(KARGO, default_language="pl", languages=("en", "pl", "en")),
        owner=NewOwner(email="ada@example.com"),
    ).store

    assert store.languages == ["pl", "en"]


def test_codes_are_read_in_any_case_and_spaces_are_trimmed(db: None) -> None:
    store = do_create_store(
        StoreDetails(
            name="  Kargo   Dükkanı ",
            slug=" Kargo ",
            default_language="TR",
            languages=(" en",),
            currency="try",
            timezone=" Europe/Istanbul ",
            country="tr",
        ),
        owner=NewOwner(email=" ada@example.com "),
    ).store

    assert (store.name, store.slug, store.languages, store.default_currency, store.country) == (
        "Kargo Dükkanı",
        "kargo",
        ["tr", "en"],
        "TRY",
        "TR",
    )


def test_an_existing_account_becomes_the_owner_as_it_is(
    other_store: Store, make_staff: Callable[..., User]
) -> None:
    person = make_staff(other_store, Role.AGENT, email="ada@example.com", language="pl")
    person.set_password("an existing passphrase")
    person.save()

    created = do_create_store(KARGO, owner=NewOwner(email="ADA@example.com"))

    person.refresh_from_db()
    assert created.owner == person
    assert not created.owner_is_new
    assert not created.owner_needs_password
    assert person.check_password("an existing passphrase")
    assert person.language == "pl"


def test_a_switched_off_account_cannot_own_a_store(db: None) -> None:
    User.objects.create_user("ada@example.com", None, is_active=False)
    before = counts()

    with pytest.raises(StoreDetailsInvalid) as raised:
        do_create_store(KARGO, owner=NewOwner(email="ada@example.com"))

    assert raised.value.fields == {"owner_email": "The account with this email is switched off."}
    assert counts() == before


# Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "   "}, "name", "Give the store a name."),
        ({"name": "x" * 201}, "name", "A store's name may have at most 200 characters."),
        ({"slug": ""}, "slug", "Give the store an address, such as “kargo-dukkani”."),
        (
            {"slug": "Kargo Dükkanı"},
            "slug",
            "“Kargo Dükkanı” cannot be a store's address: use up to 60 lower-case letters a–z, "
            "digits and single hyphens, such as “kargo-dukkani”.",
        ),
        ({"slug": "kargo--shop"}, "slug", None),
        ({"slug": "-kargo"}, "slug", None),
        ({"slug": "kargo/../admin"}, "slug", None),
        ({"slug": "k" * 61}, "slug", None),
        ({"slug": "moda"}, "slug", "Another store has the address “moda”; choose another."),
        (
            {"languages": ("tr", "xx")},
            "languages",
            "“xx” is not a language Storedesk speaks; choose from en, tr, pl, de, fr, es.",
        ),
        ({"default_language": "ja", "languages": ("ja",)}, "default_language", None),
        ({"default_language": ""}, "default_language", "Choose the store's default language."),
        ({"currency": "XYZ"}, "currency", "'XYZ' is not an ISO 4217 currency code."),
        ({"currency": "TL"}, "currency", None),
        ({"currency": ""}, "currency", "Choose the store's currency, such as TRY or EUR."),
        (
            {"timezone": "Europe/Atlantis"},
            "timezone",
            "'Europe/Atlantis' is not an IANA time zone.",
        ),
        ({"timezone": "+03:00"}, "timezone", None),
        ({"country": "XX"}, "country", "'XX' is not an ISO 3166-1 alpha-2 country code."),
        ({"country": "Turkey"}, "country", None),
        ({"country": ""}, "country", "Choose the store's country."),
    ],
)
def test_each_bad_field_is_named_and_nothing_is_written(
    store: Store, changes: dict[str, Any], field: str, message: str | None
) -> None:
    before = counts()

    with pytest.raises(StoreDetailsInvalid) as raised:
        do_create_store(replace(KARGO, **changes), owner=NewOwner(email="ada@example.com"))

    assert list(raised.value.fields) == [field]
    if message is not None:
        assert raised.value.fields[field] == message
    assert counts() == before


@pytest.mark.parametrize("email", ["", "ada", "ada@", "@example.com", "a" * 250 + "@example.com"])
def test_a_bad_owner_email_is_refused(db: None, email: str) -> None:
    with pytest.raises(StoreDetailsInvalid) as raised:
        do_create_store(KARGO, owner=NewOwner(email=email))

    assert list(raised.value.fields) == ["owner_email"]
    assert counts()["stores"] == 0


def test_every_bad_field_is_named_at_once(db: None) -> None:
    with pytest.raises(StoreDetailsInvalid) as raised:
        do_create_store(
            StoreDetails(
                name="",
                slug="Kargo Dükkanı",
                default_language="xx",
                languages=(),
                currency="",
                timezone="Mars/Olympus",
                country="",
            ),
            owner=NewOwner(email="nobody"),
        )

    assert list(raised.value.fields) == [
        "name",
        "slug",
        "default_language",
        "currency",
        "timezone",
        "country",
        "owner_email",
    ]
    assert raised.value.status == 422
    assert not raised.value.only_slug_taken


def test_a_taken_slug_alone_is_told_apart(store: Store) -> None:
    with pytest.raises(StoreDetailsInvalid) as raised:
        do_create_store(replace(KARGO, slug=store.slug), owner=NewOwner(email="ada@example.com"))

    assert raised.value.only_slug_taken


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kargo Dükkanı", "kargo-dukkani"),
        ("Sklep Łódź", "sklep-lodz"),
        ("IĞDIR Çarşı", "igdir-carsi"),
        ("Ümit & Şükrü's  Shop", "umit-sukrus-shop"),
        ("!!!", "my-store"),
    ],
)
def test_the_suggested_slug_spells_every_letter(name: str, slug: str) -> None:
    assert suggest_slug(name) == slug


def test_errors_are_in_the_language_of_whoever_reads_them(db: None) -> None:
    from django.utils import translation

    with translation.override("tr"), pytest.raises(StoreDetailsInvalid) as raised:
        do_create_store(replace(KARGO, currency="XYZ"), owner=NewOwner(email="ada@example.com"))

    # An existing message of the catalog, so the test does not wait for new translations.
    assert raised.value.fields["currency"] != "'XYZ' is not an ISO 4217 currency code."


# A further store ------------------------------------------------------------------------


def test_an_owner_creates_a_second_store_and_owns_it(
    store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER)

    created = check_create_store(owner, replace(KARGO, slug="kargo-iki"))

    assert created.owner == owner
    assert not created.owner_is_new
    assert set(Membership.objects.filter(user=owner).values_list("store__slug", "role")) == {
        (store.slug, "owner"),
        ("kargo-iki", "owner"),
    }


@pytest.mark.parametrize("role", [Role.ADMIN, Role.AGENT, Role.VIEWER])
def test_only_an_owner_creates_another_store(
    store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    member = make_staff(store, role)
    before = counts()

    with pytest.raises(PermissionDenied):
        check_create_store(member, KARGO)

    assert counts() == before


def test_a_deactivated_owner_creates_no_store(
    store: Store, make_staff: Callable[..., User]
) -> None:
    from django.utils import timezone

    owner = make_staff(store, Role.OWNER)
    Membership.objects.filter(user=owner).update(deactivated_at=timezone.now())

    with pytest.raises(PermissionDenied):
        check_create_store(owner, KARGO)


def new_store_form(**changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "name": "Kargo Dükkanı",
        "slug": "kargo",
        "default_language": "tr",
        "languages": ["tr", "en"],
        "currency": "TRY",
        "timezone": "Europe/Istanbul",
        "country": "TR",
    }
    return form | changes


def test_the_new_store_page_creates_it_and_opens_its_checklist(
    store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER)
    client = logged_in(owner)

    response = client.post(reverse("store-create"), new_store_form())

    assert response.status_code == 302
    assert response["Location"] == "/s/kargo/start/"
    kargo = Store.objects.get(slug="kargo")
    assert Membership.objects.get(store=kargo).user == owner
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "The store “Kargo Dükkanı” is ready." in page.content.decode()


def test_the_new_store_page_starts_from_the_owners_language_and_zone(
    store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER, language="pl", timezone="Europe/Warsaw")

    page = logged_in(owner).get(reverse("store-create"))

    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="Europe/Warsaw"' in html
    assert 'value="PLN"' in html
    assert '<option value="PL" selected>' in html
    assert '<option value="pl" lang="pl" selected>' in html


def test_a_bad_new_store_is_shown_again_with_the_problem(
    store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER)
    before = counts()

    response = logged_in(owner).post(reverse("store-create"), new_store_form(slug="Kargo Dükkanı"))

    assert response.status_code == 422
    html = response.content.decode()
    assert "such as “kargo-dukkani”" in html
    assert 'value="Kargo Dükkanı"' in html
    assert counts() == before


def test_a_new_store_sent_twice_is_created_once(
    store: Store, make_staff: Callable[..., User]
) -> None:
    client = logged_in(make_staff(store, Role.OWNER))

    first = client.post(reverse("store-create"), new_store_form())
    second = client.post(reverse("store-create"), new_store_form())

    assert first.status_code == 302
    assert second.status_code == 422
    assert "Another store has the address “kargo”" in second.content.decode()
    assert Store.objects.filter(slug="kargo").count() == 1


@pytest.mark.parametrize("role", [Role.ADMIN, Role.AGENT, Role.VIEWER])
def test_the_new_store_page_is_for_owners(
    store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    client = logged_in(make_staff(store, role))

    assert client.get(reverse("store-create")).status_code == 403
    assert client.post(reverse("store-create"), new_store_form()).status_code == 403
    assert not Store.objects.filter(slug="kargo").exists()


def test_the_new_store_page_needs_a_login(client: Client, store: Store) -> None:
    response = client.post(reverse("store-create"), new_store_form())

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert not Store.objects.filter(slug="kargo").exists()


# Moving between stores ------------------------------------------------------------------


def test_a_member_of_two_stores_switches_between_them(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER)
    Membership.objects.create(store=other_store, user=owner, role=Role.AGENT.value)

    html = logged_in(owner).get(reverse("store-settings", args=[store.slug])).content.decode()

    assert 'class="menu store-switcher"' in html
    assert f'<a href="/s/{other_store.slug}/settings/">{other_store.name}</a>' in html
    assert f'<a href="/s/{store.slug}/settings/" aria-current="true">{store.name}</a>' in html
    assert f'href="{reverse("store-create")}"' in html


def test_a_member_of_one_store_sees_no_switcher(store: Store, agent_client: Client) -> None:
    html = agent_client.get(reverse("inbox", args=[store.slug])).content.decode()

    assert "store-switcher" not in html
    assert reverse("store-create") not in html


def test_home_offers_an_owner_of_several_stores_a_new_one(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER)
    agent = make_staff(store, Role.AGENT)
    for person in (owner, agent):
        Membership.objects.create(store=other_store, user=person, role=Role.AGENT.value)

    for_owner = logged_in(owner).get("/").content.decode()
    for_agent = logged_in(agent).get("/").content.decode()

    assert f'href="/s/{other_store.slug}/inbox/"' in for_owner
    assert f'href="{reverse("store-create")}"' in for_owner
    assert f'href="/s/{other_store.slug}/inbox/"' in for_agent
    assert reverse("store-create") not in for_agent


def test_the_settings_page_shows_an_owner_their_stores_and_the_checklist(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    owner = make_staff(store, Role.OWNER)
    Membership.objects.create(store=other_store, user=owner, role=Role.ADMIN.value)

    html = logged_in(owner).get(reverse("store-settings", args=[store.slug])).content.decode()

    section = html[html.index('id="stores"') :]
    assert f'href="{reverse("store-start", args=[store.slug])}"' in section
    assert "0 of 5 done" in section
    assert f'<a href="/s/{other_store.slug}/settings/">{other_store.name}</a>' in section
    assert f'href="{reverse("store-create")}"' in section


def test_the_settings_page_links_an_agent_to_nothing_they_may_not_open(
    store: Store, agent_client: Client
) -> None:
    html = agent_client.get(reverse("store-settings", args=[store.slug])).content.decode()

    assert 'id="stores"' not in html
    assert reverse("store-start", args=[store.slug]) not in html
    assert reverse("store-create") not in html
