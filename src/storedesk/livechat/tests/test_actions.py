import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

import storedesk.livechat
from storedesk.accounts.actors import Actor, system_actor
from storedesk.core.errors import NotFound, StoredeskError
from storedesk.core.models import AuditLogEntry, Store
from storedesk.inbox.actions.messages import check_send_reply
from storedesk.inbox.models import Channel
from storedesk.inbox.tests.factories import ConversationFactory
from storedesk.livechat.actions import (
    check_rotate_identity_secret,
    check_send_visitor_message,
    check_start_session,
    check_update_widget,
)
from storedesk.livechat.models import ChatWidget
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


# One rule for message text ------------------------------------------------------------


def _outcome(send: Callable[[], str]) -> tuple[str, str]:
    """("stored", the text stored) or ("refused", the error's code)."""
    try:
        return ("stored", send())
    except StoredeskError as error:
        return ("refused", error.code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merhaba", ("stored", "Merhaba")),
        ("  İade istiyorum \n", ("stored", "İade istiyorum")),
        ("Satır bir\n\tsatır iki\r\n", ("stored", "Satır bir\n\tsatır iki")),
        # Decomposed "é" (e + combining accent) is stored composed, by both.
        ("Cafe\u0301", ("stored", "Café")),
        ("x" * 10_000, ("stored", "x" * 10_000)),
        # 10,002 code points as typed, 10,000 once trimmed.
        (" " + "x" * 10_000 + " ", ("stored", "x" * 10_000)),
        # 20,000 code points as typed, 10,000 characters once composed.
        ("e\u0301" * 10_000, ("stored", "é" * 10_000)),
        ("", ("refused", "message_empty")),
        (" \n\t ", ("refused", "message_empty")),
        ("x" * 10_001, ("refused", "message_too_long")),
        ("a\u0000b", ("refused", "validation_error")),
        ("zil sesi \u0007", ("refused", "validation_error")),
        ("\u001b[31mkırmızı", ("refused", "validation_error")),
    ],
)
def test_a_chat_message_and_an_agent_reply_accept_and_refuse_the_same_texts(
    store: Store, agent_actor: Actor, text: str, expected: tuple[str, str]
) -> None:
    widget = ChatWidgetFactory(store=store)
    visitor = read_visitor_token(
        check_start_session(
            key=widget.key, token=None, language="tr", identity=None, origin=None,
            client_address="198.51.100.7",
        ).token
    )  # fmt: skip
    conversation = ConversationFactory(customer__store=store, channel=Channel.CHAT)

    chat = _outcome(
        lambda: check_send_visitor_message(visitor, client_id="c-1", text=text).message.text
    )
    reply = _outcome(lambda: check_send_reply(agent_actor, conversation, text=text).text)

    assert chat == expected
    assert reply == expected


# Tenancy --------------------------------------------------------------------------------


def _update(actor: Actor, widget: ChatWidget) -> ChatWidget:
    return check_update_widget(
        actor, widget, enabled=False, team_id=None, allowed_origins=["https://evil.example"],
        greeting={}, accent_color="#000000",
    )  # fmt: skip


@pytest.mark.parametrize("act", [_update, check_rotate_identity_secret])
def test_another_stores_widget_is_not_found_and_stays_as_it_was(
    store: Store, other_store: Store, act: Callable[[Actor, ChatWidget], ChatWidget]
) -> None:
    admin = system_actor(store)
    theirs = ChatWidgetFactory(store=other_store, allowed_origins=["https://lodz.example"])
    before = model_to_dict(ChatWidget.objects.get(pk=theirs.pk))

    with pytest.raises(NotFound):
        act(admin, theirs)

    assert model_to_dict(ChatWidget.objects.get(pk=theirs.pk)) == before
    assert not AuditLogEntry.objects.filter(store=store).exists()


# Reading the inbox ----------------------------------------------------------------------

# The inbox's vocabulary and the types of what its selectors return; its tables are read
# only through inbox.selectors and written only through inbox.actions.
INBOX_NAMES_LIVECHAT_MAY_IMPORT = {
    "Attachment", "Channel", "Conversation", "ConversationStatus", "Direction",
}  # fmt: skip


def test_livechat_reads_the_inbox_only_through_its_selectors_and_actions() -> None:
    package = Path(storedesk.livechat.__file__).parent
    imported: dict[str, set[str]] = {}
    queried: list[str] = []
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        names = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "storedesk.inbox.models"
            for alias in node.names
        }
        imported[path.name] = names
        queried += [
            f"{path.name}: {node.value.id}.{node.attr}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and node.attr in {"objects", "_default_manager", "_base_manager"}
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ]

    assert queried == []
    assert {name for names in imported.values() for name in names} <= (
        INBOX_NAMES_LIVECHAT_MAY_IMPORT
    )
