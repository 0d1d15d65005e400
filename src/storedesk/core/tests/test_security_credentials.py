"""No credential reaches a log line: a store's token, a visitor's token or a password sent in
an Authorization scheme the API does not take is refused (401) and never logged."""

import base64
import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.models import User
from storedesk.core.models import Store
from storedesk.core.redaction import RedactSecretsFilter
from storedesk.livechat.tests.factories import ChatWidgetFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"

# Each wrong way to send a secret, made from (API token, visitor token, email).
WRONG_SCHEMES: dict[str, Callable[[str, str, str], str]] = {
    "Token scheme": lambda token, visitor, email: f"Token {token}",
    "lower-case token scheme": lambda token, visitor, email: f"token {token}",
    "no scheme": lambda token, visitor, email: token,
    "no space": lambda token, visitor, email: f"Bearer{token}",
    "visitor token": lambda token, visitor, email: f"Visitor {visitor}",
    "HTTP Basic": lambda token, visitor, email: (
        "Basic " + base64.b64encode(f"{email}:{PASSWORD}".encode()).decode()
    ),
    "garbage": lambda token, visitor, email: f"Garbage {token} {PASSWORD}",
}
ENDPOINTS = [
    ("GET", "/api/v1/customers"),
    ("POST", "/api/v1/customers"),
    ("GET", "/api/v1/conversations"),
    ("PATCH", "/api/v1/orders/1"),
    ("GET", "/api/v1/help/articles"),
    ("GET", "/widget/v1/messages"),
]


@pytest.fixture
def every_log_record(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every record of every logger, at DEBUG and above."""
    names = ["", *logging.root.manager.loggerDict]
    for name in names:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.fixture
def secrets(store: Store, agent: User) -> tuple[str, str, str]:
    _, token = do_create_api_token(store, name="Platform sync")
    widget = ChatWidgetFactory(store=store)
    visitor = Client().post(
        "/widget/v1/sessions", {"key": widget.key}, content_type="application/json"
    )
    return token, visitor.json()["token"], agent.email


@pytest.mark.parametrize("debug", [False, True], ids=["debug off", "debug on"])
@pytest.mark.parametrize("scheme", WRONG_SCHEMES, ids=str)
def test_a_credential_in_another_scheme_is_refused_and_never_logged(
    settings: Any,
    secrets: tuple[str, str, str],
    every_log_record: pytest.LogCaptureFixture,
    scheme: str,
    debug: bool,
) -> None:
    settings.DEBUG = debug
    token, visitor, email = secrets
    header = WRONG_SCHEMES[scheme](token, visitor, email)
    client = Client(enforce_csrf_checks=True, headers={"Authorization": header})

    for method, path in ENDPOINTS:
        if scheme == "visitor token" and path.startswith("/widget/"):
            continue  # the widget's own scheme, rightly accepted there
        response = client.generic(method, path, b"{}", "application/json")
        assert response.status_code == 401, (path, response.content)

    logged = every_log_record.text + "".join(
        f"{record.msg}{record.args}" for record in every_log_record.records
    )
    for secret in (header, token, token.split("_")[-1], visitor, PASSWORD):
        assert secret not in logged


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        (
            "Unexpected auth - 'Token sd_3f9c2a1b_Zm9vYmFy-x'",
            "Unexpected auth - 'Token sd_[redacted]'",
        ),
        ("Authorization: Bearer sd_3f9c2a1b_Zm9vYmFy", "Authorization: Bearer [redacted]"),
        ("Authorization: Basic YWdlbnRAbW9kYTpzM2NyZXQ=", "Authorization: Basic [redacted]"),
        ("Visitor v1.eyJ2IjoxMjN9.c2lnbmF0dXJl refused", "Visitor [redacted] refused"),
        ("Visitor 42 connected", "Visitor 42 connected"),
        ("GET /ws/chat/?token=v1.secret&lang=tr", "GET /ws/chat/?token=[redacted]&lang=tr"),
    ],
)
def test_the_log_filter_redacts_secrets_any_library_might_log(line: str, shown: str) -> None:
    for record in (
        logging.LogRecord("django", logging.ERROR, __file__, 1, line, (), None),
        logging.LogRecord("django", logging.ERROR, __file__, 1, "%s", (line,), None),
        logging.LogRecord("django", logging.ERROR, __file__, 1, "%(l)s", ({"l": line},), None),
    ):
        RedactSecretsFilter().filter(record)

        assert record.getMessage() == shown


def test_the_configured_console_log_redacts(settings: Any) -> None:
    console = settings.LOGGING["handlers"]["console"]

    assert console["filters"] == ["redact_secrets"]
    assert settings.LOGGING["filters"]["redact_secrets"] == {
        "()": "storedesk.core.redaction.RedactSecretsFilter"
    }
