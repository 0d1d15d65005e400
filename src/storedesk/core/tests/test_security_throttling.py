"""Guessing is throttled per client address: sign-in failures across every account (password
spraying, which the per-account lockout never sees), and requests with invalid API tokens."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.models import User
from storedesk.core.models import Store

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
ATTACKER = "203.0.113.7"
NEIGHBOUR = "203.0.113.8"
# The middle of a throttling window, so the test never straddles two.
NOW = datetime(2026, 11, 20, 9, 5, tzinfo=UTC)


@pytest.fixture
def limits(settings: Any) -> None:
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    settings.API_TOKEN_FAILURES_PER_ADDRESS = 3


# API tokens -----------------------------------------------------------------------------


def get_customers(token: str, address: str = ATTACKER) -> Any:
    return Client(REMOTE_ADDR=address).get(
        "/api/v1/customers", headers={"Authorization": f"Bearer {token}"}
    )


@time_machine.travel(NOW, tick=False)
def test_invalid_tokens_from_one_address_are_throttled(store: Store, limits: None) -> None:
    _, good = do_create_api_token(store, name="Platform sync")
    guesses = [f"sd_{good.split('_')[1]}_guess{n}" for n in range(3)] + ["sd_x_y", "nonsense"]

    answers = [get_customers(guess).status_code for guess in guesses[:3]]
    throttled = get_customers(guesses[3])
    even_the_right_one = get_customers(good)
    elsewhere = get_customers(good, address=NEIGHBOUR)

    assert answers == [401, 401, 401]
    assert throttled.status_code == 429
    assert throttled.json()["error"] == {
        "code": "rate_limited",
        "message": "Too many invalid API tokens from this address; try again later.",
        "details": {"retry_after": 600},
    }
    assert throttled["Retry-After"] == "600"
    # While the address waits, a right guess looks like any other: no oracle.
    assert even_the_right_one.status_code == 429
    assert elsewhere.status_code == 200


@time_machine.travel(NOW, tick=False)
def test_the_address_may_try_again_after_the_window(store: Store, limits: None) -> None:
    _, good = do_create_api_token(store, name="Platform sync")
    for n in range(3):
        get_customers(f"sd_bad_{n}")
    assert get_customers(good).status_code == 429

    with time_machine.travel(NOW + timedelta(minutes=11), tick=False):
        assert get_customers(good).status_code == 200


@time_machine.travel(NOW, tick=False)
def test_valid_tokens_are_never_counted(store: Store, limits: None) -> None:
    _, good = do_create_api_token(store, name="Platform sync")

    answers = {get_customers(good).status_code for _ in range(10)}

    assert answers == {200}


@time_machine.travel(NOW, tick=False)
def test_the_default_allows_thirty_invalid_tokens_per_fifteen_minutes(store: Store) -> None:
    answers = [get_customers(f"sd_bad_{n}").status_code for n in range(31)]

    assert answers == [401] * 30 + [429]


def test_the_openapi_document_lists_429_and_415(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    create_customer = document["paths"]["/api/v1/customers"]["post"]["responses"]

    assert {"415", "429"} <= create_customer.keys()


# Signing in -----------------------------------------------------------------------------


def sign_in(email: str, password: str, address: str = ATTACKER, **headers: str) -> Any:
    return Client(REMOTE_ADDR=address).post(
        "/login/", {"username": email, "password": password}, headers=headers
    )


@pytest.fixture
def staff(store: Store, make_staff: Callable[..., User]) -> list[User]:
    users = []
    for n in range(4):
        user = make_staff(store, email=f"agent{n}@moda.example")
        user.set_password(PASSWORD)
        user.save()
        users.append(user)
    return users


@time_machine.travel(NOW, tick=False)
def test_password_spraying_across_accounts_is_throttled_per_address(
    staff: list[User], limits: None
) -> None:
    # One guess per account: the per-account lockout (five failures) never trips.
    failures = [sign_in(user.email, "Winter2026!").status_code for user in staff[:3]]
    refused = sign_in(staff[3].email, PASSWORD)
    neighbour = sign_in(staff[3].email, PASSWORD, address=NEIGHBOUR)

    assert failures == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    page = refused.content.decode()
    assert "Too many failed sign-ins from your network. Please try again in 10 minutes." in page
    assert "do not match" not in page
    assert f'value="{staff[3].email}"' in page
    assert "_auth_user_id" not in refused.client.session
    assert neighbour.status_code == 302


@time_machine.travel(NOW, tick=False)
def test_successful_sign_ins_are_never_counted(staff: list[User], limits: None) -> None:
    answers = [sign_in(staff[0].email, PASSWORD).status_code for _ in range(5)]

    assert answers == [302] * 5


@time_machine.travel(NOW, tick=False)
def test_signing_in_works_again_after_the_window(staff: list[User], limits: None) -> None:
    for user in staff[:3]:
        sign_in(user.email, "Winter2026!")

    with time_machine.travel(NOW + timedelta(minutes=11), tick=False):
        assert sign_in(staff[3].email, PASSWORD).status_code == 302


@time_machine.travel(NOW, tick=False)
def test_the_throttle_message_is_in_the_users_language(staff: list[User], limits: None) -> None:
    for user in staff[:3]:
        sign_in(user.email, "Winter2026!")

    refused = sign_in(staff[3].email, PASSWORD, **{"Accept-Language": "tr"})

    assert refused.status_code == 429
    assert "Too many failed sign-ins" not in refused.content.decode()
