"""Finding customers: words anywhere in the name or address, an address exactly."""

import pytest
from pytest_django import DjangoAssertNumQueries

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.models import Store
from storedesk.customers.actions import do_add_identity
from storedesk.customers.models import IdentityKind
from storedesk.customers.selectors import Contact, list_customers, parse_contact
from storedesk.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(store: Store, agent: User) -> Actor:
    return Actor(store=store, user=agent, role=Role.AGENT, permissions=ROLE_PERMISSIONS[Role.AGENT])


def emails(actor: Actor, search: str) -> list[str]:
    return sorted(c.email or "" for c in list_customers(actor, search=search))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ela@Example.com", Contact(IdentityKind.EMAIL, "ela@example.com")),
        (" +90 532 123 45 67 ", Contact(IdentityKind.PHONE, "+905321234567")),
        ("0532 123 4567", Contact(IdentityKind.PHONE, "+905321234567")),
        ("(0532) 123-45-67", Contact(IdentityKind.PHONE, "+905321234567")),
        ("ela@", None),
        ("ela @example.com", None),
        ("10234", None),
        ("532 123", None),
        ("Ayşe Yılmaz", None),
    ],
)
def test_an_email_or_a_phone_number_is_recognised_in_its_stored_form(
    store: Store, text: str, expected: Contact | None
) -> None:
    assert parse_contact(store, text) == expected


def test_an_email_is_found_exactly_not_inside_another_address(store: Store, actor: Actor) -> None:
    CustomerFactory(store=store, email="ela@example.com")
    CustomerFactory(store=store, email="bela@example.com")

    assert emails(actor, "ELA@example.com") == ["ela@example.com"]
    assert emails(actor, "ela") == ["bela@example.com", "ela@example.com"]


def test_an_address_finds_a_customer_through_their_identities(store: Store, actor: Actor) -> None:
    customer = CustomerFactory(store=store, email="ela@example.com", phone="")
    do_add_identity(customer, kind=IdentityKind.EMAIL, value="ela.work@example.org")
    do_add_identity(customer, kind=IdentityKind.PHONE, value="+48 601 234 567")

    assert emails(actor, "ela.work@example.org") == ["ela@example.com"]
    assert emails(actor, "+48601234567") == ["ela@example.com"]


def test_a_phone_number_is_found_however_it_is_typed(store: Store, actor: Actor) -> None:
    CustomerFactory(store=store, email="a@example.com", phone="+905321234567")
    CustomerFactory(store=store, email="b@example.com", phone="+905321234568")

    assert emails(actor, "0532 123 45 67") == ["a@example.com"]


def test_an_address_of_another_store_is_not_found(
    store: Store, other_store: Store, actor: Actor
) -> None:
    CustomerFactory(store=other_store, email="ela@example.com")

    assert emails(actor, "ela@example.com") == []


def test_an_address_is_one_lookup_and_one_list_query(
    store: Store, actor: Actor, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    CustomerFactory(store=store, email="ela@example.com")

    # The exact lookup (customer record and identities in one query), then the list with
    # its tags.
    with django_assert_num_queries(3):
        assert emails(actor, "ela@example.com") == ["ela@example.com"]
