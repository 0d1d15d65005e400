"""Fixtures shared by every app's tests: stores, staff of each role, API clients."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from storedesk.accounts.actions import do_create_api_token
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.accounts.tests.factories import MembershipFactory, StoreFactory, UserFactory
from storedesk.core.events import Event, subscribe
from storedesk.core.models import Store


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Argon2 is what production uses; tests that are not about hashing need not pay for it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def store(db: None) -> Store:
    return StoreFactory(name="Moda Çarşı", slug="moda")


@pytest.fixture
def other_store(db: None) -> Store:
    return StoreFactory(
        name="Sklep Łódź",
        slug="lodz",
        default_currency="PLN",
        languages=["pl"],
        default_language="pl",
        timezone="Europe/Warsaw",
        country="PL",
    )


@pytest.fixture
def make_staff(db: None) -> Callable[..., User]:
    def make(store: Store, role: Role = Role.AGENT, **fields: Any) -> User:
        user = UserFactory(**fields)
        MembershipFactory(store=store, user=user, role=role.value)
        return user

    return make


@pytest.fixture
def agent(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.AGENT, email="agent@moda.example")


@pytest.fixture
def agent_actor(store: Store, agent: User) -> Actor:
    return Actor(store=store, user=agent, role=Role.AGENT, permissions=ROLE_PERMISSIONS[Role.AGENT])


@pytest.fixture
def api_client(store: Store) -> Client:
    """A client authenticated with an integration token of ``store``."""
    _, raw = do_create_api_token(store, name="Platform sync")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def other_api_client(other_store: Store) -> Client:
    _, raw = do_create_api_token(other_store, name="Other platform")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def captured_events() -> Iterator[list[Event]]:
    """Every event delivered while the test runs; wrap the action in
    ``django_capture_on_commit_callbacks(execute=True)`` so that commits deliver them."""
    events: list[Event] = []
    unsubscribe = subscribe(events.append)
    yield events
    unsubscribe()
