"""Property-based API testing: schemathesis generates valid and invalid requests for every
operation of the OpenAPI documents; none may cause a 5xx or a response that breaks the schema."""

import os
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from typing import Any

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.permissions import Role
from storedesk.accounts.tests.factories import MembershipFactory, StoreFactory, UserFactory
from storedesk.config.wsgi import application
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.helpcenter.tests.factories import make_article, make_category
from storedesk.livechat.tests.factories import ChatWidgetFactory
from storedesk.orders.tests.factories import LineItemFactory, OrderFactory, ShipmentFactory
from storedesk.policies.models import VersionStatus
from storedesk.policies.tests.factories import (
    ReturnPolicyVersionFactory,
    ReturnRuleFactory,
    ShippingMethodFactory,
    ShippingPolicyVersionFactory,
    ShippingZoneFactory,
)
from storedesk.search.actions import do_index_document

EXAMPLES_PER_OPERATION = int(os.environ.get("STOREDESK_FUZZ_EXAMPLES", "20"))
WIDGET_KEY = "wk_fuzz"
# Unmasked CSRF secrets are accepted in the header, as long as the cookie holds the same one.
CSRF_SECRET = "f" * 32
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

config = schemathesis.Config.from_dict(
    {
        "generation": {
            "mode": "all",
            "max-examples": EXAMPLES_PER_OPERATION,
            "deterministic": True,
            "database": "none",
        }
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=config)
# An integration token may not touch the help center or change policies, so its run only
# meets their 403s: staff who may do everything run those operations again.
editor_schema = schema.include(path_regex=r"^/api/v1/(policies|help)/")
widget_schema = schemathesis.openapi.from_wsgi(
    "/widget/v1/openapi.json", application, config=config
).include(path="/widget/v1/search")
hypothesis_settings = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


@dataclass
class Credentials:
    token: str
    owner_session: str
    # Values that name the store's records, for generated requests to go past the lookup.
    records: dict[str, object]


@pytest.fixture
def _keep_the_test_connection() -> Iterator[None]:
    # The WSGI handler closes database connections at the end of each request; inside a
    # test's transaction that would close the test's own connection (Django's test client
    # disconnects the same signals).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _fill(store: Store) -> dict[str, object]:
    """A little of everything, for generated ids and numbers to find."""
    for _ in range(3):
        order = OrderFactory(customer__store=store)
        line_item = LineItemFactory(order=order)
        ShipmentFactory(order=order)
    ReturnRuleFactory(version=ReturnPolicyVersionFactory(store=store, number=1))
    ReturnRuleFactory(
        version=ReturnPolicyVersionFactory(
            store=store, number=2, status=VersionStatus.DRAFT, effective_from=None,
            published_at=None,
        )
    )  # fmt: skip
    ShippingMethodFactory(
        zone=ShippingZoneFactory(version=ShippingPolicyVersionFactory(store=store, number=1))
    )
    ShippingMethodFactory(
        zone=ShippingZoneFactory(
            version=ShippingPolicyVersionFactory(
                store=store, number=2, status=VersionStatus.DRAFT, effective_from=None,
                published_at=None,
            )
        )
    )  # fmt: skip
    category = make_category(store, "iade", {"tr": "İade", "en": "Returns"})
    article = make_article(
        category,
        "iade-sureci",
        published={"tr": ("İade süreci", "14 gün içinde **iade** edebilirsiniz.")},
        drafts={"en": ("Returns", "Return within 14 days.")},
    )
    make_article(category, "kargo", drafts={"tr": ("Kargo", "| Firma | Süre |\n|---|---|")})
    for key, title, body in [
        ("returns", "İade politikası", "14 gün içinde ücretsiz iade. İADE kargosu bizden."),
        ("shipping", "Kargo ve teslimat", "Siparişler 1-3 iş gününde kargoya verilir."),
    ]:
        do_index_document(
            store, kind="policy", key=key, language="tr", title=title, body=body,
            url=f"/help/tr/policies/{key}",
        )  # fmt: skip
    ChatWidgetFactory(store=store, key=WIDGET_KEY)
    return {
        "article_id": article.pk, "category_id": category.pk, "order_id": order.pk,
        "line_item_id": line_item.pk, "language": "tr", "country": "TR",
    }  # fmt: skip


@pytest.fixture
def credentials(db: None, _keep_the_test_connection: None) -> Iterator[Credentials]:
    """A store with data, its API token and its owner's session."""
    store = StoreFactory(slug="fuzz")
    records = _fill(store)
    _, raw = do_create_api_token(store, name="fuzz")
    owner = UserFactory()
    MembershipFactory(store=store, user=owner, role=Role.OWNER.value)
    login = logged_in(owner)
    cache.clear()  # rate limits
    yield Credentials(raw, login.cookies[django_settings.SESSION_COOKIE_NAME].value, records)
    cache.clear()


@schema.parametrize()
@hypothesis_settings
def test_no_request_breaks_the_api(case: schemathesis.Case[Any], credentials: Credentials) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {credentials.token}"}, checks=CHECKS)


@editor_schema.parametrize()
@hypothesis_settings
def test_no_request_from_an_owner_breaks_the_help_center_or_policies(
    case: schemathesis.Case[Any], credentials: Credentials
) -> None:
    if next(_owner_cases) % 2:
        _name_real_records(case, credentials.records)
    case.call_and_validate(
        headers={"X-CSRFToken": CSRF_SECRET},
        cookies={
            django_settings.SESSION_COOKIE_NAME: credentials.owner_session,
            django_settings.CSRF_COOKIE_NAME: CSRF_SECRET,
        },
        checks=CHECKS,
    )


_owner_cases = count()


def _name_real_records(case: schemathesis.Case[Any], records: dict[str, object]) -> None:
    """Random ids, languages and countries rarely exist, which stops a request at the first
    lookup; every other case names real ones so that its other fields reach the actions."""
    for parameters in (case.path_parameters, case.query, case.body):
        if isinstance(parameters, dict):
            for name, value in records.items():
                if name in parameters and type(parameters[name]) is type(value):
                    parameters[name] = value


@widget_schema.parametrize()
@hypothesis_settings
def test_no_request_breaks_the_widget_search(
    case: schemathesis.Case[Any], credentials: Credentials
) -> None:
    # Random keys name no widget; a real one lets the rest of the query reach the search.
    if isinstance(case.query, dict) and isinstance(case.query.get("key"), str):
        case.query["key"] = WIDGET_KEY
    case.call_and_validate(checks=CHECKS)
