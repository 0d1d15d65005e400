"""Tenancy is a mechanism: every ``check_*`` action that is handed a store-scoped object
passes it through ``core.tenancy.check_in_store``, a new action that forgets fails the
suite, and handing any of them another store's object reads as "not found" and changes
nothing."""

import ast
import inspect
import textwrap
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from django.apps import apps

from storedesk.accounts.actions.staff import (
    check_change_role,
    check_deactivate_member,
    check_reactivate_member,
    check_resend_invitation,
    check_revoke_invitation,
)
from storedesk.accounts.actions.teams import (
    check_delete_team,
    check_rename_team,
    check_set_holidays,
    check_set_team_members,
    check_set_team_timezone,
    check_set_working_hours,
    check_update_team,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Invitation, Team, User
from storedesk.accounts.permissions import Permission, Role
from storedesk.accounts.tests.factories import MembershipFactory
from storedesk.catalog.actions import check_update_product
from storedesk.catalog.models import Product
from storedesk.connectors.actions import (
    check_delete_connection,
    check_register_webhook,
    check_retry_event,
    check_update_connection,
)
from storedesk.connectors.models import ChannelConnection, InboundEvent
from storedesk.core.errors import NotFound
from storedesk.core.events import Event
from storedesk.core.models import Store, StoreScopedModel
from storedesk.core.tenancy import check_in_store
from storedesk.core.tests.action_modules import action_modules
from storedesk.customers.actions import check_record_consent, check_update_customer
from storedesk.customers.models import ConsentChannel, ConsentSource
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.helpcenter.actions.articles import (
    check_delete_article,
    check_delete_category,
    check_publish_translation,
    check_save_and_publish_translation,
    check_save_category,
    check_save_translation,
    check_set_related_articles,
    check_unpublish_translation,
    check_update_article,
)
from storedesk.helpcenter.tests.factories import ArticleTranslationFactory, CategoryFactory
from storedesk.inbox.actions.canned_replies import (
    check_delete_canned_reply,
    check_save_canned_reply,
)
from storedesk.inbox.actions.conversations import (
    check_assign_conversation,
    check_edit_conversation,
    check_link_orders,
    check_set_priority,
    check_set_status,
    check_set_tags,
    check_update_conversation,
)
from storedesk.inbox.actions.messages import (
    check_add_note,
    check_send_reply,
    check_send_reply_once,
    check_send_reply_with_files,
)
from storedesk.inbox.models import Channel, Conversation, ConversationStatus, Priority
from storedesk.inbox.routing import check_set_channel_route
from storedesk.inbox.tests.factories import CannedReplyTextFactory, ConversationFactory
from storedesk.orders.actions import (
    check_record_shipment_events,
    check_update_order,
    check_update_shipment,
    check_upsert_shipment,
)
from storedesk.orders.models import Order
from storedesk.orders.tests.factories import OrderFactory, ShipmentFactory

# The lint ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopedAction:
    """A ``check_*`` action with the parameters that take store-scoped objects."""

    function: Callable[..., object]
    parameters: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.function.__module__}.{self.function.__qualname__}"

    @property
    def app(self) -> str:
        return self.function.__module__.split(".")[1]


def _takes_store_scoped(hint: object) -> bool:
    """``hint`` is a store-scoped model, or contains one (``X | None``, ``Sequence[X]``)."""
    if isinstance(hint, type) and issubclass(hint, StoreScopedModel):
        return True
    return any(_takes_store_scoped(argument) for argument in typing.get_args(hint))


def store_scoped_parameters(function: Callable[..., object]) -> tuple[str, ...]:
    hints = typing.get_type_hints(inspect.unwrap(function))
    return tuple(
        name for name, hint in hints.items() if name != "return" and _takes_store_scoped(hint)
    )


def store_scoped_actions() -> list[ScopedAction]:
    found = []
    for module in action_modules():
        for name, function in vars(module).items():
            if (
                name.startswith("check_")
                and inspect.isfunction(function)
                and function.__module__ == module.__name__
                and (parameters := store_scoped_parameters(function))
            ):
                found.append(ScopedAction(function, parameters))
    return found


def _called_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def unchecked_parameters(function: Callable[..., object]) -> list[str]:
    """The store-scoped parameters of ``function`` that no ``check_in_store`` call in its
    body is given (as ``check_in_store(actor, thing)`` or ``check_in_store(actor, *things)``)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(inspect.unwrap(function))))
    checked = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node.func) == check_in_store.__name__:
            for argument in node.args[1:]:
                value = argument.value if isinstance(argument, ast.Starred) else argument
                if isinstance(value, ast.Name):
                    checked.add(value.id)
    return [name for name in store_scoped_parameters(function) if name not in checked]


def test_every_action_checks_the_store_of_the_objects_it_is_handed() -> None:
    unchecked = [
        f"{action.name}: {', '.join(missing)}"
        for action in store_scoped_actions()
        if (missing := unchecked_parameters(action.function))
    ]

    assert unchecked == []


def test_the_lint_finds_the_actions_of_every_app() -> None:
    names = {action.name for action in store_scoped_actions()}

    assert {
        "storedesk.catalog.actions.check_update_product",
        "storedesk.helpcenter.actions.articles.check_save_category",
        "storedesk.inbox.actions.conversations.check_set_tags",
        "storedesk.inbox.actions.canned_replies.check_save_canned_reply",
        "storedesk.livechat.actions.check_update_widget",
        "storedesk.policies.actions.check_set_prose_policy_published",
    } <= names
    assert "storedesk.inbox.actions.conversations.check_merge_customers" not in names


def _forgets(actor: Actor, conversation: Conversation, orders: Sequence[Order]) -> None:
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)


def _checks(actor: Actor, conversation: Conversation | None, orders: Sequence[Order]) -> None:
    check_in_store(actor, conversation, *orders)


def test_the_lint_names_each_store_scoped_parameter_left_unchecked() -> None:
    assert store_scoped_parameters(_forgets) == ("conversation", "orders")
    assert unchecked_parameters(_forgets) == ["orders"]
    assert unchecked_parameters(_checks) == []


# Another store's objects ---------------------------------------------------------------

Arguments = Callable[[Store], Mapping[str, Any]]


@dataclass(frozen=True)
class Case:
    """``action(actor, **arguments(other_store))``: the arguments hand the action another
    store's object and are otherwise valid, so only the store check can refuse them."""

    action: Callable[..., object]
    arguments: Arguments
    label: str = ""

    @property
    def name(self) -> str:
        name = f"{self.action.__module__}.{self.action.__qualname__}"
        return f"{name}[{self.label}]" if self.label else name


def _conversation(store: Store) -> dict[str, Any]:
    return {"conversation": ConversationFactory(store=store, customer__store=store)}


def _article(store: Store) -> dict[str, Any]:
    translation = ArticleTranslationFactory(
        article__category__store=store, article__store=store, language="tr", published=True
    )
    return {"article": translation.article}


def _team(store: Store) -> dict[str, Any]:
    return {"team": Team.objects.create(store=store, name="Zespół", timezone="Europe/Warsaw")}


def _invitation(store: Store) -> dict[str, Any]:
    invitation = Invitation.objects.create(
        store=store,
        email="ola@lodz.example",
        role=Role.AGENT.value,
        token_hash="0" * 64,
        sent_at=datetime(2026, 3, 1, 9, tzinfo=UTC),
        expires_at=datetime(2099, 1, 1, tzinfo=UTC),
    )
    return {"invitation": invitation}


def _channel(store: Store) -> dict[str, Any]:
    connection = ChannelConnection.objects.create(
        store=store, kind=Channel.TELEGRAM, name="Bot", webhook_key=f"key-{store.pk}"
    )
    return {"connection": connection}


def _dead_event(store: Store) -> dict[str, Any]:
    connection = _channel(store)["connection"]
    event = InboundEvent.objects.create(
        store=store,
        connection=connection,
        status="dead",
        received_at=datetime(2026, 3, 1, tzinfo=UTC),
    )
    return {"event": event}


# One row per store-scoped action; ``test_every_store_scoped_action_has_a_case`` says which
# are missing.
CASES: list[Case] = [
    Case(
        check_update_product,
        lambda other: {
            "product": Product.objects.create(store=other, handle="linen-shirt"),
            "fields": {"is_active": False},
        },
    ),
    Case(
        check_update_customer,
        lambda other: {"customer": CustomerFactory(store=other), "fields": {"notes": "VIP"}},
    ),
    Case(
        check_record_consent,
        lambda other: {
            "customer": CustomerFactory(store=other),
            "channel": ConsentChannel.EMAIL,
            "granted": True,
            "source": ConsentSource.AGENT,
        },
    ),
    Case(
        check_save_category,
        lambda other: {
            "category": CategoryFactory(store=other),
            "slug": "returns",
            "names": {"tr": "İadeler"},
        },
    ),
    Case(check_delete_category, lambda other: {"category": CategoryFactory(store=other)}),
    Case(check_update_article, lambda other: _article(other) | {"position": 3}),
    Case(
        check_save_translation,
        lambda other: _article(other) | {"language": "tr", "title": "İade", "body": "Metin"},
    ),
    Case(check_publish_translation, lambda other: _article(other) | {"language": "tr"}),
    Case(check_unpublish_translation, lambda other: _article(other) | {"language": "tr"}),
    Case(
        check_save_and_publish_translation,
        lambda other: _article(other) | {"language": "tr", "title": "İade", "body": "Metin"},
    ),
    Case(check_delete_article, _article),
    Case(check_set_related_articles, lambda other: _article(other) | {"related_ids": []}),
    Case(
        check_save_canned_reply,
        lambda other: {
            "reply": CannedReplyTextFactory(reply__store=other, store=other).reply,
            "name": "Kargo",
            "shortcut": "kargo",
            "texts": {"tr": "Kargonuz yolda."},
        },
    ),
    Case(
        check_delete_canned_reply,
        lambda other: {"reply": CannedReplyTextFactory(reply__store=other, store=other).reply},
    ),
    Case(
        check_assign_conversation,
        lambda other: _conversation(other) | {"assignee_id": None, "team_id": None},
    ),
    Case(
        check_set_status,
        lambda other: _conversation(other) | {"status": ConversationStatus.RESOLVED},
    ),
    Case(check_set_priority, lambda other: _conversation(other) | {"priority": Priority.HIGH}),
    Case(check_set_tags, lambda other: _conversation(other) | {"names": ["iade"]}),
    Case(check_link_orders, lambda other: _conversation(other) | {"order_ids": []}),
    Case(
        check_update_conversation,
        lambda other: _conversation(other) | {"subject": "Sipariş", "language": "tr"},
    ),
    Case(check_edit_conversation, lambda other: _conversation(other) | {"priority": "urgent"}),
    Case(check_send_reply, lambda other: _conversation(other) | {"text": "Merhaba"}),
    Case(check_send_reply_once, lambda other: _conversation(other) | {"text": "Merhaba"}),
    Case(
        check_send_reply_with_files,
        lambda other: _conversation(other) | {"text": "Merhaba", "files": []},
    ),
    Case(check_add_note, lambda other: _conversation(other) | {"text": "Bir not"}),
    Case(
        check_update_order,
        lambda other: {"order": OrderFactory(store=other, customer__store=other), "fields": {}},
    ),
    Case(
        check_upsert_shipment,
        lambda other: {
            "order": OrderFactory(store=other, customer__store=other),
            "fields": {"carrier": "Aras Kargo", "tracking_number": "AR1"},
        },
    ),
    Case(
        check_update_shipment,
        lambda other: {
            "shipment": ShipmentFactory(store=other, order__store=other),
            "fields": {"tracking_url": "https://example.com/t"},
        },
    ),
    Case(
        check_record_shipment_events,
        lambda other: {
            "shipment": ShipmentFactory(store=other, order__store=other),
            "events": [
                {"status": "delivered", "occurred_at": datetime(2026, 11, 21, 9, tzinfo=UTC)}
            ],
        },
    ),
    Case(check_rename_team, lambda other: _team(other) | {"name": "Destek"}),
    Case(
        check_update_team,
        lambda other: _team(other) | {"name": "Destek", "timezone": "Europe/Istanbul"},
    ),
    Case(check_set_team_timezone, lambda other: _team(other) | {"timezone": "Europe/Istanbul"}),
    Case(check_set_team_members, lambda other: _team(other) | {"member_ids": []}),
    Case(
        check_set_working_hours,
        lambda other: _team(other) | {"working_hours": {"1": [["09:00", "17:00"]]}},
    ),
    Case(check_set_holidays, lambda other: _team(other) | {"holidays": []}),
    Case(check_delete_team, _team),
    Case(check_set_channel_route, lambda other: _team(other) | {"channel": Channel.EMAIL}),
    Case(check_update_connection, lambda other: _channel(other) | {"changes": {"name": "x"}}),
    Case(check_delete_connection, _channel),
    Case(check_register_webhook, _channel),
    Case(check_retry_event, _dead_event),
    Case(check_resend_invitation, _invitation),
    Case(check_revoke_invitation, _invitation),
    Case(
        check_change_role,
        lambda other: {"membership": MembershipFactory(store=other), "role": Role.VIEWER},
    ),
    Case(check_deactivate_member, lambda other: {"membership": MembershipFactory(store=other)}),
    Case(
        check_reactivate_member,
        lambda other: {
            "membership": MembershipFactory(
                store=other, deactivated_at=datetime(2026, 3, 1, 9, tzinfo=UTC)
            )
        },
    ),
]

# Apps whose actions are still to be given rows in CASES; an app leaves this set with them.
APPS_WITHOUT_CASES = frozenset({"policies", "livechat"})


def test_every_store_scoped_action_has_a_case() -> None:
    with_a_case = {f"{case.action.__module__}.{case.action.__qualname__}" for case in CASES}

    without = sorted(
        action.name
        for action in store_scoped_actions()
        if action.app not in APPS_WITHOUT_CASES and action.name not in with_a_case
    )

    assert without == []


def _database() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, including the many-to-many ones."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


@pytest.fixture
def owner_actor(store: Store, make_staff: Callable[..., User]) -> Actor:
    """May do everything in ``store``: only the store check can refuse."""
    owner = make_staff(store, Role.OWNER, email="owner@moda.example")
    return Actor(store=store, user=owner, role=Role.OWNER, permissions=frozenset(Permission))


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_another_stores_object_is_not_found_and_nothing_changes(
    case: Case,
    owner_actor: Actor,
    other_store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    arguments = case.arguments(other_store)
    before = _database()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(NotFound) as raised:
        case.action(owner_actor, **arguments)

    assert raised.value.code == "not_found"
    assert raised.value.message == "Not found in this store."
    assert _database() == before
    assert captured_events == []


@pytest.mark.django_db
def test_check_in_store_passes_the_stores_own_objects_and_skips_none(
    store: Store, owner_actor: Actor
) -> None:
    conversation = ConversationFactory(store=store, customer__store=store)

    check_in_store(owner_actor, conversation, None)
    check_in_store(store, conversation)


@pytest.mark.django_db
def test_check_in_store_names_the_object_it_does_not_find(
    owner_actor: Actor, other_store: Store
) -> None:
    conversation = ConversationFactory(store=other_store, customer__store=other_store)

    with pytest.raises(NotFound) as raised:
        check_in_store(owner_actor, conversation)

    assert raised.value.message == "Not found in this store."
    assert raised.value.details == {"kind": "conversation", "id": conversation.pk}
