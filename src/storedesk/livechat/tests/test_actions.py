import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from storedesk.core.models import Store
from storedesk.livechat.actions import check_send_visitor_message, check_start_session
from storedesk.livechat.selectors import Visitor, read_visitor_token
from storedesk.livechat.tests.factories import ChatWidgetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor(store: Store) -> Visitor:
    widget = ChatWidgetFactory(store=store)
    session = check_start_session(
        key=widget.key, token=None, language="tr", identity=None, origin=None,
        client_address="127.0.0.1",
    )  # fmt: skip
    return read_visitor_token(session.token)


def queries_to_send(visitor: Visitor, client_id: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        check_send_visitor_message(visitor, client_id=client_id, text="Merhaba")
    return len(captured)


def test_a_message_in_an_open_chat_costs_a_few_queries_however_long_the_chat(
    visitor: Visitor,
) -> None:
    check_send_visitor_message(visitor, client_id="first", text="Merhaba")
    second = queries_to_send(visitor, "second")
    for number in range(10):
        check_send_visitor_message(visitor, client_id=f"m-{number}", text="Merhaba")

    later = queries_to_send(visitor, "later")

    assert later == second
    assert second <= 12  # savepoints included; the shopper → agent path is benchmarked


def test_resends_after_a_reconnect_are_answered_without_counting_against_the_limit(
    visitor: Visitor,
) -> None:
    for number in range(20):  # the whole minute's allowance
        check_send_visitor_message(visitor, client_id=f"m-{number}", text="Merhaba")

    resent = [
        check_send_visitor_message(visitor, client_id="m-19", text="Merhaba") for _ in range(3)
    ]

    assert {sent.created for sent in resent} == {False}
    assert queries_to_send(visitor, "m-19") <= 5
