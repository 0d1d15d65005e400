"""The shipping policy's dispatch cut-off is a wall-clock time in the store's time zone:
documented as the plain string it is, not as an RFC 3339 time, which needs an offset."""

from datetime import time

import pytest
from django.test import Client

from storedesk.core.models import Store
from storedesk.policies.tests.factories import ShippingMethodFactory, ShippingZoneFactory

pytestmark = pytest.mark.django_db


def test_the_dispatch_cutoff_is_documented_as_the_string_it_is(
    client: Client, api_client: Client, store: Store
) -> None:
    ShippingMethodFactory(
        zone=ShippingZoneFactory(version__store=store, version__dispatch_cutoff=time(14, 0))
    )
    document = client.get("/api/v1/openapi.json").json()

    response = api_client.get("/api/v1/policies/shipping")

    documented = document["components"]["schemas"]["ShippingVersionOut"]["properties"]
    assert documented["dispatch_cutoff"]["type"] == "string"
    assert "format" not in documented["dispatch_cutoff"]
    assert response.json()["dispatch_cutoff"] == "14:00:00"
