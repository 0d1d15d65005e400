"""Signing in with two-factor: the password alone signs nobody in who has it on; the code
does, once, within a few minutes; wrong codes count like wrong passwords."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.test import Client

from storedesk.accounts.models import RecoveryCode, User
from storedesk.accounts.tests.two_factor_steps import NOW, Enrolment, enrol
from storedesk.core.models import Store

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"
VERIFY = "/login/verify/"


@pytest.fixture
def at_now() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def member(store: Store, agent: User) -> User:
    agent.set_password(PASSWORD)
    agent.save()
    return agent


@pytest.fixture
def enrolment(member: User) -> Enrolment:
    return enrol(member)


def sign_in(client: Client, user: User, next_page: str = "", password: str = PASSWORD) -> Any:
    data = {"username": user.email, "password": password}
    if next_page:
        data["next"] = next_page
    return client.post("/login/", data)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_a_member_without_two_factor_signs_in_with_the_password(store: Store, member: User) -> None:
    client = Client()

    response = sign_in(client, member, next_page=f"/s/{store.slug}/customers/")

    assert response["Location"] == f"/s/{store.slug}/customers/"
    assert signed_in(client)


def test_the_password_alone_does_not_sign_in_a_member_with_two_factor(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()

    response = sign_in(client, member)
    page = client.get(VERIFY)

    assert response["Location"] == VERIFY
    assert not signed_in(client)
    assert page.status_code == 200
    assert "Enter the 6-digit code your authenticator app shows for agent@moda.example." in (
        page.content.decode()
    )


def test_the_right_code_signs_in_and_goes_where_the_member_was_going(
    store: Store, member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()
    sign_in(client, member, next_page=f"/s/{store.slug}/orders/")

    response = client.post(VERIFY, {"code": enrolment.code()})

    assert response["Location"] == f"/s/{store.slug}/orders/"
    assert signed_in(client)
    assert client.get(f"/s/{store.slug}/orders/").status_code == 200
    assert client.get(VERIFY)["Location"] == "/login/"


def test_a_wrong_password_never_reaches_the_code_step(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()

    response = sign_in(client, member, password="wrong")

    assert response.status_code == 200
    assert client.get(VERIFY)["Location"] == "/login/"


def test_a_wrong_code_does_not_sign_in(member: User, enrolment: Enrolment, at_now: Any) -> None:
    client = Client()
    sign_in(client, member)

    response = client.post(VERIFY, {"code": "000001" if enrolment.code() != "000001" else "1"})

    assert response.status_code == 200
    assert "That code is not right." in response.content.decode()
    assert not signed_in(client)


def test_a_code_cannot_be_replayed_in_another_sign_in(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    first, second = Client(), Client()
    sign_in(first, member)
    sign_in(second, member)

    first.post(VERIFY, {"code": enrolment.code()})
    replayed = second.post(VERIFY, {"code": enrolment.code()})

    assert signed_in(first)
    assert replayed.status_code == 200
    assert not signed_in(second)


def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client, later = Client(), Client()
    sign_in(client, member)
    sign_in(later, member)
    code = enrolment.recovery_codes[0]

    response = client.post(VERIFY, {"code": code})
    reused = later.post(VERIFY, {"code": code})

    assert response.status_code == 302
    assert signed_in(client)
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "You signed in with a recovery code; 9 are left. If you lost your phone, set up "
        "two-factor again on your security page."
    ]
    assert not signed_in(later)
    assert "That code is not right." in reused.content.decode()
    assert RecoveryCode.objects.filter(user=member, used_at__isnull=False).count() == 1


def test_the_code_step_expires_after_five_minutes(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()
    sign_in(client, member)
    later = NOW + timedelta(minutes=5, seconds=1)

    with time_machine.travel(later, tick=False):
        response = client.post(VERIFY, {"code": enrolment.code(later)}, follow=True)

    assert response.redirect_chain == [("/login/", 302)]
    assert "Your sign-in took too long." in response.content.decode()
    assert not signed_in(client)


def test_a_password_changed_meanwhile_ends_the_code_step(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()
    sign_in(client, member)
    member.set_password("another long passphrase entirely")
    member.save()

    response = client.post(VERIFY, {"code": enrolment.code()})

    assert response["Location"] == "/login/"
    assert not signed_in(client)


def test_without_a_password_first_there_is_no_code_step(client: Client) -> None:
    assert client.get(VERIFY)["Location"] == "/login/"
    assert client.post(VERIFY, {"code": "123456"})["Location"] == "/login/"


def test_cancelling_forgets_the_password_step(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()
    sign_in(client, member)

    client.post(VERIFY, {"cancel": "1"})

    assert client.post(VERIFY, {"code": enrolment.code()})["Location"] == "/login/"
    assert not signed_in(client)


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_the_next_page_must_be_on_this_site(
    store: Store, member: User, enrolment: Enrolment, at_now: Any, target: str
) -> None:
    client = Client()
    sign_in(client, member, next_page=target)

    response = client.post(VERIFY, {"code": enrolment.code()})

    assert response["Location"] == "/"


def test_the_session_key_changes_at_each_step(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()
    client.get("/login/")
    client.session.save()
    keys = [client.session.session_key]

    sign_in(client, member)
    keys.append(client.session.session_key)
    client.post(VERIFY, {"code": enrolment.code()})
    keys.append(client.session.session_key)

    assert len(set(keys)) == 3


def test_five_wrong_codes_lock_the_account_out_like_wrong_passwords(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()
    sign_in(client, member)

    answers = [client.post(VERIFY, {"code": f"zz{n}"}).status_code for n in range(5)]
    with_the_right_code = client.post(VERIFY, {"code": enrolment.code()})
    with_the_password = sign_in(Client(), member)

    assert answers == [200, 200, 200, 200, 429]
    assert with_the_right_code.status_code == 429
    assert "Too many attempts" in with_the_right_code.content.decode()
    assert with_the_password.status_code == 429
    assert not signed_in(client)


def test_wrong_codes_count_against_the_address_like_wrong_passwords(
    store: Store, member: User, enrolment: Enrolment, at_now: Any, settings: Any
) -> None:
    settings.LOGIN_FAILURES_PER_ADDRESS = 2
    client = Client()
    sign_in(client, member)
    client.post(VERIFY, {"code": "zzzzzz"})
    sign_in(Client(), member, password="wrong")

    refused = client.post(VERIFY, {"code": enrolment.code()})
    password_refused = sign_in(Client(), member)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "590"
    assert "Too many wrong codes. Please try again in 10 minutes." in refused.content.decode()
    assert password_refused.status_code == 429
    assert not signed_in(client)


def test_a_right_code_after_wrong_ones_clears_the_lockout_count(
    member: User, enrolment: Enrolment, at_now: Any
) -> None:
    client = Client()
    sign_in(client, member)
    for _ in range(3):
        client.post(VERIFY, {"code": "zzzzzz"})

    client.post(VERIFY, {"code": enrolment.code()})
    client.post("/logout/")
    wrong_passwords = [sign_in(Client(), member, password="wrong").status_code for _ in range(4)]

    assert wrong_passwords == [200, 200, 200, 200]


def test_the_login_page_offers_a_password_reset(client: Client, store: Store) -> None:
    assert 'href="/password/reset/"' in client.get("/login/").content.decode()
