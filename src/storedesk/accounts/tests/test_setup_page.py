"""The first-run page: on an install without a store, whoever holds the token the server
printed creates the first store and its owner, once; a wrong token, guessing, a second
store, bad details and a double submit change nothing they should not."""

import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from storedesk.accounts.actions.stores import (
    SETUP_TOKEN_FAILURES_PER_ADDRESS,
    do_issue_setup_token,
    setup_link,
)
from storedesk.accounts.models import Membership, SetupToken, Team, TwoFactorDevice, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import hash_token_secret
from storedesk.core.management.commands.serve import announce_first_run
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.redaction import RedactSecretsFilter
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db

PASSWORD = "kargo-takip-2026-ada"


def setup_form(token: str, **changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "token": token,
        "name": "Kargo Dükkanı",
        "slug": "kargo",
        "default_language": "tr",
        "languages": ["tr", "en"],
        "currency": "TRY",
        "timezone": "Europe/Istanbul",
        "country": "TR",
        "owner_name": "Ada Yılmaz",
        "owner_email": "ada@example.com",
        "owner_password": PASSWORD,
        "owner_password_again": PASSWORD,
    }
    return form | changes


def counts() -> tuple[int, int, int, int, int]:
    return (
        Store.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Team.objects.count(),
        AuditLogEntry.objects.count(),
    )


def token_is_unused(token: str) -> bool:
    return SetupToken.objects.filter(
        token_hash=hash_token_secret(token), used_at__isnull=True
    ).exists()


SETUP = "/setup/"


# Finding the page ------------------------------------------------------------------------


def test_a_fresh_install_leads_to_the_first_run_page(client: Client) -> None:
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == reverse("setup") == SETUP


def test_the_sign_in_page_of_a_fresh_install_leads_there_too(client: Client) -> None:
    assert client.get(reverse("login"))["Location"] == SETUP


def test_the_sign_in_page_stays_once_a_store_exists(client: Client, store: Store) -> None:
    assert client.get(reverse("login")).status_code == 200


def test_someone_signed_in_without_any_store_is_led_there_too(db: None) -> None:
    superuser = User.objects.create_superuser("root@example.com", "a long root passphrase")

    assert logged_in(superuser).get("/")["Location"] == SETUP


def test_the_page_speaks_the_browsers_language(client: Client) -> None:
    response = client.get(SETUP, headers={"Accept-Language": "tr-TR,tr;q=0.9,en;q=0.5"})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="tr">' in html
    assert "Parola" in html
    assert "Para birimi" in html
    assert '<option value="tr" lang="tr" selected>' in html
    assert '<input type="checkbox" name="languages" value="tr" checked>' in html
    # Countries are named in the page's language.
    assert '<option value="DE">Almanya</option>' in html


def test_the_token_in_the_address_fills_the_form(client: Client) -> None:
    response = client.get(SETUP, {"token": "from-the-log"})

    assert 'name="token" value="from-the-log"' in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_the_page_is_gone_once_a_store_exists(client: Client, store: Store) -> None:
    token = do_issue_setup_token()
    before = counts()

    assert client.get(SETUP).status_code == 404
    assert client.post(SETUP, setup_form(token)).status_code == 404
    assert counts() == before
    assert client.get("/")["Location"].startswith("/login/")


# Creating the store ----------------------------------------------------------------------


def test_the_first_run_page_creates_the_store_and_signs_its_owner_in(
    client: Client, settings: Any
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    token = do_issue_setup_token()

    response = client.post(SETUP, setup_form(token))

    assert response.status_code == 302
    assert response["Location"] == "/s/kargo/start/"
    store = Store.objects.get()
    assert (store.name, store.default_language, store.languages) == (
        "Kargo Dükkanı",
        "tr",
        ["tr", "en"],
    )
    owner = User.objects.get()
    assert (owner.email, owner.name, owner.language) == ("ada@example.com", "Ada Yılmaz", "tr")
    assert identify_hasher(owner.password).algorithm == "argon2"
    assert owner.check_password(PASSWORD)
    assert Membership.objects.get(store=store, user=owner).role == "owner"
    assert not token_is_unused(token)
    created = AuditLogEntry.objects.get(store=store, action="store.created")
    assert created.actor_user == owner
    start = client.get(response["Location"])
    assert start.status_code == 200
    assert '<html lang="tr">' in start.content.decode()


def test_the_form_sent_twice_creates_one_store(client: Client) -> None:
    token = do_issue_setup_token()

    first = client.post(SETUP, setup_form(token))
    second = Client().post(SETUP, setup_form(token))

    assert first.status_code == 302
    assert second.status_code == 302
    assert second["Location"] == "/"
    assert Store.objects.count() == 1


# The token -------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["", "wrong", "x" * 500])
def test_a_wrong_token_is_refused_and_nothing_is_written(client: Client, token: str) -> None:
    right = do_issue_setup_token()

    response = client.post(SETUP, setup_form(token))

    assert response.status_code == 422
    assert "This setup token is not valid." in response.content.decode()
    assert counts() == (0, 0, 0, 0, 0)
    assert token_is_unused(right)


def test_without_the_token_nothing_else_is_looked_at(client: Client) -> None:
    # The owner's password check must not answer someone without the token.
    User.objects.create_user("root@example.com", "a long root passphrase")
    do_issue_setup_token()

    response = client.post(
        SETUP, setup_form("wrong", owner_email="root@example.com", slug="Kargo Dükkanı")
    )

    html = response.content.decode()
    assert "This setup token is not valid." in html
    assert "enter its password" not in html
    assert "such as “kargo-dukkani”" not in html


def test_guessing_the_token_is_slowed_down(client: Client) -> None:
    right = do_issue_setup_token()
    for attempt in range(SETUP_TOKEN_FAILURES_PER_ADDRESS):
        assert client.post(SETUP, setup_form(f"guess-{attempt}")).status_code == 422

    refused = client.post(SETUP, setup_form(right))

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many wrong setup tokens" in refused.content.decode()
    assert counts() == (0, 0, 0, 0, 0)
    assert token_is_unused(right)
    # Another address is not held back.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(SETUP, setup_form(right)).status_code == 302


def test_a_token_from_an_earlier_start_no_longer_works(client: Client) -> None:
    earlier = do_issue_setup_token()
    latest = do_issue_setup_token()

    assert client.post(SETUP, setup_form(earlier)).status_code == 422
    assert client.post(SETUP, setup_form(latest)).status_code == 302


def test_only_a_hash_of_the_token_is_kept(db: None) -> None:
    token = do_issue_setup_token()

    kept = SetupToken.objects.get()
    assert kept.token_hash == hash_token_secret(token)
    assert token not in kept.token_hash
    assert len(token) >= 40


# Bad details -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "shown"),
    [
        ({"slug": "Kargo Dükkanı"}, "such as “kargo-dukkani”"),
        ({"currency": "LIRA"}, "is not an ISO 4217 currency code"),
        ({"timezone": "Europe/Atlantis"}, "is not an IANA time zone"),
        ({"country": "XX"}, "is not an ISO 3166-1 alpha-2 country code"),
        ({"default_language": "xx"}, "is not a language Storedesk speaks"),
        ({"owner_email": "ada"}, "Enter the owner&#x27;s email address"),
        ({"owner_password": "short", "owner_password_again": "short"}, "too short"),
        ({"owner_password": "password123", "owner_password_again": "password123"}, "too common"),
        ({"owner_password_again": "something else"}, "The two passwords are not the same."),
    ],
)
def test_bad_details_are_shown_again_and_the_token_still_works(
    client: Client, changes: dict[str, str], shown: str
) -> None:
    token = do_issue_setup_token()

    response = client.post(SETUP, setup_form(token, **changes))

    html = response.content.decode()
    assert response.status_code == 422
    assert shown in html
    # What was typed is there again, but never the password.
    assert 'value="Ada Yılmaz"' in html
    assert PASSWORD not in html
    assert f'value="{token}"' in html
    assert counts() == (0, 0, 0, 0, 0)
    assert token_is_unused(token)
    assert client.post(SETUP, setup_form(token)).status_code == 302


def test_an_existing_account_owns_the_store_with_its_own_password(
    client: Client, make_staff: Callable[..., User]
) -> None:
    # Someone who followed older instructions and ran `storedesk createsuperuser` first.
    root = User.objects.create_superuser("root@example.com", "a long root passphrase")
    token = do_issue_setup_token()

    wrong = client.post(SETUP, setup_form(token, owner_email="root@example.com"))
    right = client.post(
        SETUP,
        setup_form(
            token,
            owner_email="root@example.com",
            owner_password="a long root passphrase",
            owner_password_again="a long root passphrase",
        ),
    )

    assert wrong.status_code == 422
    assert "An account with this email exists already" in wrong.content.decode()
    assert right.status_code == 302
    assert Membership.objects.get().user == root
    root.refresh_from_db()
    assert root.check_password("a long root passphrase")
    assert User.objects.count() == 1
    assert Role(Membership.objects.get().role) is Role.OWNER


def test_an_existing_account_with_two_factor_signs_in_with_its_code(client: Client) -> None:
    root = User.objects.create_superuser("root@example.com", "a long root passphrase")
    TwoFactorDevice.objects.create(
        user=root, secret="JBSWY3DPEHPK3PXP", confirmed_at=timezone.now()
    )
    token = do_issue_setup_token()

    response = client.post(
        SETUP,
        setup_form(
            token,
            owner_email="root@example.com",
            owner_password="a long root passphrase",
            owner_password_again="a long root passphrase",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session
    assert Membership.objects.get().user == root


# The server's log ------------------------------------------------------------------------


def test_serve_logs_the_first_run_link_while_there_is_no_store(
    db: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        announce_first_run()

    [record] = caplog.records
    assert record.levelno == logging.WARNING
    token = SetupToken.objects.get()
    link = record.args[0] if isinstance(record.args, tuple) else None
    assert isinstance(link, str)
    assert link.startswith("http://127.0.0.1:8000/setup/#token=")
    assert hash_token_secret(link.rpartition("=")[2]) == token.token_hash
    # The log's redaction of secrets leaves the link whole.
    RedactSecretsFilter().filter(record)
    assert link in record.getMessage()


def test_serve_says_nothing_once_a_store_exists(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        announce_first_run()

    assert caplog.records == []
    assert not SetupToken.objects.exists()


def test_the_link_starts_with_the_configured_address(db: None, settings: Any) -> None:
    settings.STOREDESK_URL = "https://desk.example.com"

    assert setup_link("abc") == "https://desk.example.com/setup/#token=abc"
