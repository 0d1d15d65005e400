"""A write without valid credentials is a 401 in the one error shape, as documented: never
a 403 "CSRF check failed", which told a client with a revoked token to fix the wrong thing.

Django's test client skips CSRF checks unless asked; these clients enforce them, like a real
client over HTTP."""

import re
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client

from storedesk.accounts.actions.tokens import do_create_api_token, do_revoke_api_token
from storedesk.accounts.actors import system_actor
from storedesk.accounts.models import User
from storedesk.config.api import api
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import Customer

pytestmark = pytest.mark.django_db
CSRF_SECRET = "f" * 32
UNAUTHENTICATED = {
    "code": "not_authenticated",
    "message": "Send an API token (Authorization: Bearer sd_…) or log in.",
    "details": None,
}


def _writes() -> list[tuple[str, str]]:
    document = api.get_openapi_schema(path_prefix="")
    return [
        (method.upper(), "/api/v1" + re.sub(r"\{[^}]+\}", "1", path))
        for path, methods in document["paths"].items()
        for method in methods
        if method in {"post", "put", "patch", "delete"}
    ]


WRITES = _writes()


@pytest.fixture
def revoked_token(store: Store) -> str:
    token, raw = do_create_api_token(store, name="old")
    do_revoke_api_token(system_actor(store), token)
    return raw


def credentials(kind: str, revoked: str) -> dict[str, str]:
    return {
        "missing": {},
        "empty bearer": {"Authorization": "Bearer "},
        "malformed": {"Authorization": "Bearer not-a-token"},
        "unknown": {"Authorization": "Bearer sd_00000000_" + "x" * 43},
        "revoked": {"Authorization": f"Bearer {revoked}"},
    }[kind]


@pytest.mark.parametrize("kind", ["missing", "empty bearer", "malformed", "unknown", "revoked"])
def test_every_write_without_valid_credentials_is_a_401(
    settings: Any, revoked_token: str, kind: str
) -> None:
    # One address tries them all; throttling is tested on its own.
    settings.API_TOKEN_FAILURES_PER_ADDRESS = 10_000
    client = Client(enforce_csrf_checks=True, headers=credentials(kind, revoked_token))
    audit_entries = AuditLogEntry.objects.count()

    for method, path in WRITES:
        response = client.generic(method, path, b'{"first_name": "Ayse"}', "application/json")

        assert response.status_code == 401, (method, path, response.content)
        assert response.json() == {"error": UNAUTHENTICATED}, (method, path)
    assert len(WRITES) >= 25
    assert not Customer.objects.exists()
    assert AuditLogEntry.objects.count() == audit_entries


def test_a_session_write_without_the_csrf_token_is_still_refused_with_a_403(
    agent: User,
) -> None:
    client = logged_in(agent, enforce_csrf_checks=True)

    response = client.post(
        "/api/v1/customers", {"first_name": "Ayşe"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": "permission_denied",
        "message": "CSRF check failed: a session write needs the X-CSRFToken header with the "
        "csrftoken cookie's value.",
        "details": None,
    }
    assert not Customer.objects.exists()


def test_a_session_write_with_the_csrf_token_is_accepted(agent: User) -> None:
    client = logged_in(agent, enforce_csrf_checks=True)
    client.cookies[django_settings.CSRF_COOKIE_NAME] = CSRF_SECRET

    response = client.post(
        "/api/v1/customers",
        {"first_name": "Ayşe"},
        content_type="application/json",
        headers={"X-CSRFToken": CSRF_SECRET},
    )

    assert response.status_code == 201, response.content


def test_a_revoked_token_is_a_401_even_beside_a_logged_in_session(
    agent: User, revoked_token: str
) -> None:
    # A client that sends a token is judged by it: the cookie of a browser it happens to
    # share does not turn a revoked token into a CSRF failure, nor into the session's rights.
    client = logged_in(
        agent, enforce_csrf_checks=True, headers={"Authorization": f"Bearer {revoked_token}"}
    )
    client.cookies[django_settings.CSRF_COOKIE_NAME] = CSRF_SECRET

    for headers in ({}, {"X-CSRFToken": CSRF_SECRET}):
        response = client.post(
            "/api/v1/customers",
            {"first_name": "Ayşe"},
            content_type="application/json",
            headers=headers,
        )

        assert response.status_code == 401, response.content
        assert response.json() == {"error": UNAUTHENTICATED}
    assert not Customer.objects.exists()


def test_reads_without_credentials_are_401_too(revoked_token: str) -> None:
    for headers in ({}, {"Authorization": f"Bearer {revoked_token}"}):
        response: Any = Client(enforce_csrf_checks=True, headers=headers).get("/api/v1/customers")

        assert response.status_code == 401
        assert response.json() == {"error": UNAUTHENTICATED}
