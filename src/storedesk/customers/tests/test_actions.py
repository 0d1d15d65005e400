import pytest

from storedesk.accounts.actors import Actor
from storedesk.core.errors import Conflict, ValidationFailed
from storedesk.core.models import Store
from storedesk.customers.actions import (
    check_update_customer,
    do_add_identity,
    do_resolve_customer,
)
from storedesk.customers.models import Customer, CustomerIdentity, IdentityKind, Tag
from storedesk.customers.selectors import list_customers
from storedesk.customers.tests.factories import CustomerFactory


def test_turkish_tags_are_one_tag_whatever_their_case(store: Store, agent_actor: Actor) -> None:
    first = CustomerFactory(store=store)
    second = CustomerFactory(store=store)

    check_update_customer(agent_actor, first, {"tags": ["İlk alışveriş"]})
    check_update_customer(agent_actor, second, {"tags": ["ILK ALIŞVERIŞ"]})

    assert Tag.objects.get().name == "İlk alışveriş"
    assert set(list_customers(agent_actor, tag="ilk alisveris")) == {first, second}


def test_an_address_resolves_to_the_customer_who_has_it_in_their_profile(store: Store) -> None:
    known = CustomerFactory(store=store, email="zofia@example.pl", phone="+48601234567")

    by_email, created_by_email = do_resolve_customer(
        store, kind=IdentityKind.EMAIL, value=" Zofia@Example.PL "
    )
    by_phone, created_by_phone = do_resolve_customer(
        store, kind=IdentityKind.PHONE, value="+48 601 234 567"
    )

    assert (by_email, created_by_email, by_phone, created_by_phone) == (known, False, known, False)
    assert sorted(CustomerIdentity.objects.values_list("kind", "value")) == [
        ("email", "zofia@example.pl"),
        ("phone", "+48601234567"),
    ]


def test_an_unknown_visitor_becomes_a_contact_once(store: Store) -> None:
    first, created = do_resolve_customer(store, kind=IdentityKind.VISITOR, value="v-1")
    again, created_again = do_resolve_customer(store, kind=IdentityKind.VISITOR, value="v-1")

    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert (first.language, first.timezone) == (store.default_language, store.timezone)
    assert Customer.objects.count() == 1


def test_bad_addresses_are_refused(store: Store) -> None:
    for kind, value in (
        (IdentityKind.EMAIL, "not-an-address"),
        (IdentityKind.EMAIL, "a b@example.com"),
        (IdentityKind.PHONE, "12"),
        (IdentityKind.VISITOR, "   "),
        (IdentityKind.X, "x" * 255),
    ):
        with pytest.raises(ValidationFailed):
            do_resolve_customer(store, kind=kind, value=value)
    assert not Customer.objects.exists()


def test_an_address_of_another_customer_cannot_be_added(store: Store) -> None:
    owner = CustomerFactory(store=store)
    do_add_identity(owner, kind=IdentityKind.INSTAGRAM, value="moda.ayse")

    with pytest.raises(Conflict):
        do_add_identity(
            CustomerFactory(store=store), kind=IdentityKind.INSTAGRAM, value="moda.ayse"
        )
    assert do_add_identity(owner, kind=IdentityKind.INSTAGRAM, value="moda.ayse").customer == owner
