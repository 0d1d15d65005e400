"""Request bodies the API cannot even parse are the client's mistake: a 4xx, never a 500."""

import pytest
from django.conf import settings

from storedesk.accounts.models import User
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import Customer

pytestmark = pytest.mark.django_db
CSRF_SECRET = "f" * 32


def test_a_session_write_with_a_multipart_body_without_boundary_is_a_bad_request(
    agent: User,
) -> None:
    client = logged_in(agent, enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET

    response = client.generic(
        "POST",
        "/api/v1/customers",
        b'{"first_name": "Ay\xc5\x9fe"}',
        "multipart/form-data",
        headers={"X-CSRFToken": CSRF_SECRET},
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert not Customer.objects.exists()
