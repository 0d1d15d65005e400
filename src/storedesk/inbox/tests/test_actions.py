from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
import time_machine
from django.utils import timezone

from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from storedesk.core.events import Event
from storedesk.core.models import AuditLogEntry, Store
from storedesk.customers.actions import do_add_identity, do_resolve_customer
from storedesk.customers.models import Customer, CustomerIdentity, IdentityKind
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.actions.attachments import do_store_attachment
from storedesk.inbox.actions.canned_replies import check_save_canned_reply
from storedesk.inbox.actions.conversations import (
    check_assign_conversation,
    check_edit_conversation,
    check_link_orders,
    check_merge_customers,
    check_set_priority,
    check_set_status,
    check_set_tags,
    check_update_conversation,
    do_set_priority,
    do_set_tags,
    do_update_conversation,
    do_wake_snoozed_conversations,
)
from storedesk.inbox.actions.messages import (
    Sender,
    check_add_note,
    check_send_reply,
    do_receive_message,
    do_update_delivery_status,
)
from storedesk.inbox.actions.presence import do_set_presence
from storedesk.inbox.events import ConversationEvent
from storedesk.inbox.models import (
    MAX_MESSAGE_LENGTH,
    AgentStatus,
    Channel,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Message,
    Presence,
    Priority,
)
from storedesk.inbox.selectors import (
    ConversationFilters,
    InboxView,
    Sort,
    list_conversations,
    pick_reply_text,
    render_reply_template,
    reply_variables,
)
from storedesk.inbox.tests.factories import ConversationFactory
from storedesk.orders.models import Order
from storedesk.orders.tests.factories import OrderFactory, ShipmentFactory

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
    b"5\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def email_sender(address: str = "elif@example.com", name: str = "Elif Yıldız") -> Sender:
    return Sender(kind=IdentityKind.EMAIL, value=address, name=name)


def actor_for(store: Store, user: User, role: Role = Role.AGENT) -> Actor:
    return Actor(store=store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])


def test_an_unknown_sender_becomes_a_new_customer_with_a_conversation(store: Store) -> None:
    received = do_receive_message(
        store, channel=Channel.EMAIL, text="Siparişim nerede?", sender=email_sender(),
        subject="Sipariş 1042", external_id="<m1@mail>",
    )  # fmt: skip

    customer = received.conversation.customer
    assert (customer.first_name, customer.last_name, customer.email) == (
        "Elif",
        "Yıldız",
        "elif@example.com",
    )
    assert CustomerIdentity.objects.get(customer=customer).value == "elif@example.com"
    conversation = Conversation.objects.get()
    assert (conversation.status, conversation.subject, conversation.message_count) == (
        ConversationStatus.OPEN,
        "Sipariş 1042",
        1,
    )
    assert conversation.waiting_since == received.message.created_at
    assert conversation.last_message_preview == "Siparişim nerede?"


def test_the_same_external_id_twice_stores_one_message(store: Store) -> None:
    first = do_receive_message(
        store, channel=Channel.EMAIL, text="Hello", sender=email_sender(), external_id="<m1@x>"
    )
    again = do_receive_message(
        store, channel=Channel.EMAIL, text="Hello", sender=email_sender(), external_id="<m1@x>"
    )

    assert (first.created, again.created) == (True, False)
    assert again.message.pk == first.message.pk
    assert Message.objects.count() == 1
    assert Conversation.objects.get().message_count == 1


def test_the_same_client_id_in_one_conversation_stores_one_message(store: Store) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    for _ in range(2):
        do_receive_message(
            store, channel=Channel.CHAT, text="Merhaba", conversation=conversation,
            client_id="c-1",
        )  # fmt: skip

    assert Message.objects.filter(conversation=conversation).count() == 1


def test_a_message_in_a_known_thread_joins_and_reopens_its_conversation(store: Store) -> None:
    first = do_receive_message(
        store, channel=Channel.WHATSAPP, text="Merhaba",
        sender=Sender(kind=IdentityKind.PHONE, value="0532 123 45 67"),
        external_thread_id="wa:905321234567",
    )  # fmt: skip
    do_set_status_resolved(first.conversation)

    second = do_receive_message(
        store, channel=Channel.WHATSAPP, text="Bir sorum daha var",
        sender=Sender(kind=IdentityKind.PHONE, value="+905321234567"),
        external_thread_id="wa:905321234567",
    )  # fmt: skip

    assert second.conversation.pk == first.conversation.pk
    second.conversation.refresh_from_db()
    assert second.conversation.status == ConversationStatus.OPEN
    assert second.conversation.resolved_at is None
    assert Customer.objects.get().phone == "+905321234567"


def do_set_status_resolved(conversation: Conversation) -> None:
    check_set_status(
        system_actor(conversation.store), conversation, status=ConversationStatus.RESOLVED
    )


def test_a_chat_visitor_who_later_emails_from_the_same_address_has_one_timeline(
    store: Store,
) -> None:
    visitor, _ = do_resolve_customer(store, kind=IdentityKind.VISITOR, value="v-123")
    chat = do_receive_message(store, channel=Channel.CHAT, text="Merhaba", customer=visitor)
    do_add_identity(visitor, kind=IdentityKind.EMAIL, value="Deniz@Example.com")

    email = do_receive_message(
        store, channel=Channel.EMAIL, text="Mail ile yazıyorum",
        sender=email_sender("deniz@example.com", "Deniz"),
    )  # fmt: skip

    assert email.conversation.customer_id == chat.conversation.customer_id == visitor.pk
    assert Customer.objects.count() == 1


def test_empty_and_oversized_messages_are_refused_and_nothing_is_stored(store: Store) -> None:
    for text in ("", "   \n", "x" * (MAX_MESSAGE_LENGTH + 1)):
        with pytest.raises(ValidationFailed):
            do_receive_message(store, channel=Channel.EMAIL, text=text, sender=email_sender())

    assert (Customer.objects.count(), Conversation.objects.count(), Message.objects.count()) == (
        0,
        0,
        0,
    )


def test_inbound_html_is_sanitised(store: Store) -> None:
    received = do_receive_message(
        store, channel=Channel.EMAIL, text="Hi", sender=email_sender(),
        html='<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:y()">l</a></p>',
    )  # fmt: skip

    assert received.message.html == '<p>Hi<a rel="noopener noreferrer nofollow">l</a></p>'


def test_receiving_publishes_the_message_and_the_new_conversation(
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
        received = do_receive_message(
            store, channel=Channel.EMAIL, text="Merhaba", sender=email_sender()
        )

    assert [(e.type, e.op) for e in captured_events] == [
        ("customer", "created"),
        ("message", "created"),
        ("conversation", "created"),
    ]
    message_event = captured_events[1]
    assert message_event.message.id == received.message.pk  # type: ignore[attr-defined]
    assert message_event.conversation.customer_name == "Elif Yıldız"  # type: ignore[attr-defined]


def test_an_agents_first_reply_answers_assigns_and_stops_the_wait(
    store: Store, agent: User, agent_actor: Actor
) -> None:
    received = do_receive_message(store, channel=Channel.EMAIL, text="?", sender=email_sender())

    reply = check_send_reply(agent_actor, received.conversation, text="Kargoda, yarın elinizde.")

    conversation = Conversation.objects.get()
    assert (reply.direction, reply.author_user, reply.delivery_status) == (
        Direction.OUTBOUND,
        agent,
        DeliveryStatus.QUEUED,
    )
    assert conversation.first_response_at == reply.created_at
    assert conversation.waiting_since is None
    assert conversation.assignee == agent
    assert conversation.message_count == 2


def test_a_chat_reply_is_sent_at_once(store: Store, agent_actor: Actor) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    reply = check_send_reply(agent_actor, conversation, text="Merhaba!")

    assert reply.delivery_status == DeliveryStatus.SENT


def test_a_viewer_cannot_reply_and_another_store_cannot_touch_the_conversation(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    viewer = actor_for(store, make_staff(store, Role.VIEWER), Role.VIEWER)
    stranger = actor_for(other_store, make_staff(other_store, Role.ADMIN), Role.ADMIN)

    with pytest.raises(PermissionDenied):
        check_send_reply(viewer, conversation, text="Hi")
    with pytest.raises(NotFound):
        check_send_reply(stranger, conversation, text="Hi")
    with pytest.raises(NotFound):
        check_set_tags(stranger, conversation, names=["x"])
    assert not Message.objects.exists()


def test_delivery_status_moves_only_forward_but_failure_is_always_recorded(
    store: Store, agent_actor: Actor
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store), channel="email")
    reply = check_send_reply(agent_actor, conversation, text="Hi")

    do_update_delivery_status(reply, status=DeliveryStatus.READ)
    do_update_delivery_status(reply, status=DeliveryStatus.DELIVERED)
    assert Message.objects.get(pk=reply.pk).delivery_status == DeliveryStatus.READ

    do_update_delivery_status(reply, status=DeliveryStatus.FAILED, reason="mailbox full")
    reply.refresh_from_db()
    assert (reply.delivery_status, reply.failure_reason) == (DeliveryStatus.FAILED, "mailbox full")


def test_a_note_mentions_colleagues_by_name_or_email(
    store: Store,
    agent_actor: Actor,
    make_staff: Callable[..., User],
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    selin = make_staff(store, Role.AGENT, name="Selin Kaya", email="selin@moda.example")
    irem = make_staff(store, Role.ADMIN, name="İrem Ak", email="irem@moda.example")
    make_staff(store, Role.VIEWER, name="Veli Okur", email="veli@moda.example")
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
        note = check_add_note(
            agent_actor, conversation, text="@selin ve @IREM bakabilir mi? @veli @nobody"
        )

    assert note.direction == Direction.INTERNAL
    assert {m.user for m in note.mentions.all()} == {selin, irem}
    assert sorted(e.user_id for e in captured_events if e.type == "mention") == sorted(  # type: ignore[attr-defined]
        [selin.pk, irem.pk]
    )
    assert Conversation.objects.get().waiting_since is None


def test_assignment_checks_the_agent_and_team_belong_to_the_store(
    store: Store,
    other_store: Store,
    agent: User,
    agent_actor: Actor,
    make_staff: Callable[..., User],
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    outsider = make_staff(other_store, Role.AGENT)
    viewer = make_staff(store, Role.VIEWER)
    foreign_team = Team.objects.create(store=other_store, name="Warszawa", timezone="UTC")

    for assignee_id, team_id in ((outsider.pk, None), (viewer.pk, None), (None, foreign_team.pk)):
        with pytest.raises(ValidationFailed):
            check_assign_conversation(
                agent_actor, conversation, assignee_id=assignee_id, team_id=team_id
            )

    team = Team.objects.create(store=store, name="İstanbul", timezone="Europe/Istanbul")
    check_assign_conversation(agent_actor, conversation, assignee_id=agent.pk, team_id=team.pk)
    conversation.refresh_from_db()
    assert (conversation.assignee, conversation.team) == (agent, team)
    assert AuditLogEntry.objects.filter(action="conversation.assigned").count() == 1


def test_round_robin_gives_new_conversations_to_online_agents_in_turn_within_their_cap(
    store: Store, make_staff: Callable[..., User]
) -> None:
    team = Team.objects.create(store=store, name="Destek", timezone="Europe/Istanbul")
    ayse, mehmet, offline = (make_staff(store, Role.AGENT) for _ in range(3))
    team.members.add(ayse, mehmet, offline)
    for user in (ayse, mehmet):
        do_set_presence(store, user, presence=Presence.ONLINE)
    AgentStatus.objects.filter(user=mehmet).update(max_open_conversations=1)

    assignees = [
        do_receive_message(
            store, channel=Channel.EMAIL, text="?", team=team,
            sender=email_sender(f"c{n}@example.com"),
        ).conversation.assignee_id
        for n in range(4)
    ]  # fmt: skip

    assert assignees[0] != assignees[1]
    assert set(assignees[:2]) == {ayse.pk, mehmet.pk}
    assert assignees[2:] == [ayse.pk, ayse.pk]  # Mehmet is at his cap of one


def test_agents_silent_for_too_long_are_not_given_conversations(
    store: Store, make_staff: Callable[..., User]
) -> None:
    team = Team.objects.create(store=store, name="Destek", timezone="Europe/Istanbul")
    agent = make_staff(store, Role.AGENT)
    team.members.add(agent)
    with time_machine.travel(datetime(2026, 11, 25, 9, 0, tzinfo=UTC)):
        do_set_presence(store, agent, presence=Presence.ONLINE)
    with time_machine.travel(datetime(2026, 11, 25, 9, 5, tzinfo=UTC)):
        received = do_receive_message(
            store, channel=Channel.EMAIL, text="?", team=team, sender=email_sender()
        )

    assert received.conversation.assignee_id is None


def test_snoozing_needs_a_future_time_and_wakes_up_when_it_passes(
    store: Store, agent_actor: Actor
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    with pytest.raises(ValidationFailed):
        check_set_status(
            agent_actor, conversation, status=ConversationStatus.SNOOZED,
            snoozed_until=timezone.now() - timedelta(minutes=1),
        )  # fmt: skip

    until = timezone.now() + timedelta(hours=2)
    check_set_status(
        agent_actor, conversation, status=ConversationStatus.SNOOZED, snoozed_until=until
    )
    assert do_wake_snoozed_conversations(now=until - timedelta(seconds=1)) == 0
    assert do_wake_snoozed_conversations(now=until) == 1

    conversation.refresh_from_db()
    assert (conversation.status, conversation.snoozed_until) == (ConversationStatus.OPEN, None)


def test_tags_are_replaced_and_matched_without_case(store: Store, agent_actor: Actor) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    check_set_tags(agent_actor, conversation, names=["İade", "kargo", " "])
    check_set_tags(agent_actor, conversation, names=["iade", "VIP"])

    assert sorted(t.name for t in conversation.tags.all()) == ["VIP", "İade"]
    with pytest.raises(ValidationFailed):
        check_set_tags(agent_actor, conversation, names=["x" * 61])


def test_only_the_stores_orders_can_be_linked(
    store: Store, other_store: Store, agent_actor: Actor
) -> None:
    customer = CustomerFactory(store=store)
    conversation = ConversationFactory(customer=customer)
    order = OrderFactory(customer=customer)
    foreign = OrderFactory(customer=CustomerFactory(store=other_store))

    with pytest.raises(NotFound):
        check_link_orders(agent_actor, conversation, order_ids=[order.pk, foreign.pk])
    assert not conversation.orders.exists()

    check_link_orders(agent_actor, conversation, order_ids=[order.pk])
    assert list(conversation.orders.all()) == [order]


def test_merging_moves_conversations_orders_and_identities_and_is_audited(
    store: Store, agent_actor: Actor
) -> None:
    visitor, _ = do_resolve_customer(store, kind=IdentityKind.VISITOR, value="v-9")
    chat = do_receive_message(store, channel=Channel.CHAT, text="Merhaba", customer=visitor)
    known = CustomerFactory(store=store, email="elif@example.com", phone="")
    order = OrderFactory(customer=known)
    stray_order = OrderFactory(customer=visitor)

    merged = check_merge_customers(agent_actor, source_id=visitor.pk, target_id=known.pk)

    assert merged.pk == known.pk
    assert not Customer.objects.filter(pk=visitor.pk).exists()
    assert Conversation.objects.get(pk=chat.conversation.pk).customer_id == known.pk
    assert set(Order.objects.filter(customer=known)) == {order, stray_order}
    assert CustomerIdentity.objects.get(kind=IdentityKind.VISITOR).customer_id == known.pk
    entry = AuditLogEntry.objects.get(action="customer.merged")
    assert (entry.target_id, entry.details["merged_customer_id"]) == (str(known.pk), visitor.pk)


def test_merging_another_stores_customer_is_not_found(
    store: Store, other_store: Store, agent_actor: Actor
) -> None:
    mine = CustomerFactory(store=store)
    theirs = CustomerFactory(store=other_store)

    with pytest.raises(NotFound):
        check_merge_customers(agent_actor, source_id=theirs.pk, target_id=mine.pk)
    assert Customer.objects.filter(pk=theirs.pk).exists()


def test_attachments_are_recognised_by_content_not_by_name(store: Store) -> None:
    image = do_store_attachment(store, filename="../../etc/foto.jpg", content=PNG)
    assert (image.content_type, image.filename, image.size) == ("image/png", "foto.png", len(PNG))

    for name, content in (("x.png", b"<html><script>alert(1)</script>"), ("a.exe", b"MZ\x90\x00")):
        with pytest.raises(ValidationFailed):
            do_store_attachment(store, filename=name, content=content)
    with pytest.raises(ValidationFailed):
        do_store_attachment(store, filename="big.png", content=PNG + b"\0" * (10 * 1024 * 1024))


def test_an_attachment_is_sent_once_and_only_by_its_uploader(
    store: Store, agent: User, agent_actor: Actor, make_staff: Callable[..., User]
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    upload = do_store_attachment(store, filename="f.png", content=PNG, uploaded_by=agent)
    colleague = actor_for(store, make_staff(store, Role.AGENT))

    with pytest.raises(NotFound):
        check_send_reply(colleague, conversation, text="", attachment_tokens=[upload.token])
    message = check_send_reply(agent_actor, conversation, text="", attachment_tokens=[upload.token])
    assert [a.pk for a in message.attachments.all()] == [upload.pk]
    with pytest.raises(NotFound):
        check_send_reply(agent_actor, conversation, text="again", attachment_tokens=[upload.token])


def test_canned_replies_render_in_the_customers_language_with_safe_variables(
    store: Store, agent: User, make_staff: Callable[..., User]
) -> None:
    admin = actor_for(store, make_staff(store, Role.ADMIN), Role.ADMIN)
    reply = check_save_canned_reply(
        admin, name="Kargo", shortcut="kargo",
        texts={
            "tr": "Merhaba {{ customer.first_name }}, {{order.number}} kargoda: "
            "{{ order.tracking_url }}",
            "en": "Hi {{ customer.first_name }}",
        },
    )  # fmt: skip
    customer = CustomerFactory(store=store, first_name="<b>Ayşe</b>", language="tr")
    order = OrderFactory(customer=customer, number="1042")
    ShipmentFactory(order=order, tracking_url="https://kargo.example/t/1")
    conversation = ConversationFactory(customer=customer, language="tr")

    text = pick_reply_text(reply, "tr", store)
    assert text is not None
    rendered = render_reply_template(text.body, reply_variables(conversation, agent=agent))
    assert rendered == "Merhaba <b>Ayşe</b>, 1042 kargoda: https://kargo.example/t/1"
    fallback = pick_reply_text(reply, "pl", store)
    assert fallback is not None
    assert fallback.language == "tr"


def test_canned_replies_refuse_unknown_variables_and_duplicate_shortcuts(
    store: Store, agent_actor: Actor, make_staff: Callable[..., User]
) -> None:
    admin = actor_for(store, make_staff(store, Role.ADMIN), Role.ADMIN)
    with pytest.raises(PermissionDenied):
        check_save_canned_reply(agent_actor, name="x", shortcut="x", texts={"tr": "x"})
    with pytest.raises(ValidationFailed):
        check_save_canned_reply(
            admin, name="x", shortcut="x", texts={"tr": "{{ customer.password }}"}
        )
    check_save_canned_reply(admin, name="x", shortcut="x", texts={"tr": "x"})
    with pytest.raises(Conflict):
        check_save_canned_reply(admin, name="y", shortcut="x", texts={"tr": "y"})


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("IĞDIR", True),
        ("igdir", True),
        ("iade", True),
        ("İADE", True),
        ("lodz", True),
        ("zzz", False),
    ],
)
def test_search_finds_messages_and_customers_without_case_or_accents(
    store: Store, agent_actor: Actor, text: str, matches: bool
) -> None:
    do_receive_message(
        store, channel=Channel.EMAIL, text="Iğdır'a İade kargosu",
        sender=email_sender("a@example.com", "Łucja Łódź"),
    )  # fmt: skip

    found = list_conversations(agent_actor, ConversationFilters(search=text))

    assert len(found) == (1 if matches else 0)


def test_views_and_sorts_list_the_right_conversations(
    store: Store, agent: User, agent_actor: Actor
) -> None:
    base = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    mine = ConversationFactory(
        customer=CustomerFactory(store=store), assignee=agent, last_message_at=base,
        waiting_since=base,
    )  # fmt: skip
    waiting = ConversationFactory(
        customer=CustomerFactory(store=store), last_message_at=base + timedelta(hours=1),
        waiting_since=base - timedelta(hours=5),
    )  # fmt: skip
    answered = ConversationFactory(
        customer=CustomerFactory(store=store), last_message_at=base + timedelta(hours=2)
    )
    ConversationFactory(customer=CustomerFactory(store=store), status="resolved")

    def ids(**filters: object) -> list[int]:
        return [c.pk for c in list_conversations(agent_actor, ConversationFilters(**filters))]  # type: ignore[arg-type]

    assert ids(view=InboxView.MINE) == [mine.pk]
    assert sorted(ids(view=InboxView.UNASSIGNED)) == sorted([waiting.pk, answered.pk])
    assert [c.pk for c in list_conversations(
        agent_actor, ConversationFilters(sort=Sort.NEWEST)
    ).order_by("-last_message_at", "-id")] == [answered.pk, waiting.pk, mine.pk]  # fmt: skip
    assert [c.pk for c in list_conversations(
        agent_actor, ConversationFilters(sort=Sort.WAITING)
    ).order_by("waiting_since", "id")] == [waiting.pk, mine.pk]  # fmt: skip
    assert len(ids(status="resolved")) == 1


def _audit_trail() -> list[tuple[str, str, str, dict[str, object]]]:
    return [
        (entry.action, entry.actor_label, entry.target_id, entry.details)
        for entry in AuditLogEntry.objects.order_by("id")
    ]


def _conversation_events(events: list[Event]) -> list[tuple[str, str, int | None]]:
    assert all(isinstance(event, ConversationEvent) for event in events), events
    return [(e.type, e.op, e.actor_user_id) for e in events if isinstance(e, ConversationEvent)]


def test_priority_tags_orders_and_subject_are_each_audited_and_published(
    store: Store,
    agent: User,
    agent_actor: Actor,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    customer = CustomerFactory(store=store)
    conversation = ConversationFactory(customer=customer)
    order = OrderFactory(customer=customer)
    target = str(conversation.pk)

    with django_capture_on_commit_callbacks(execute=True):
        check_set_priority(agent_actor, conversation, priority=Priority.URGENT)
        check_set_tags(agent_actor, conversation, names=["İade", "kargo"])
        check_link_orders(agent_actor, conversation, order_ids=[order.pk])
        check_link_orders(agent_actor, conversation, order_ids=[order.pk], unlink=True)
        check_update_conversation(agent_actor, conversation, subject="Kargo", language="en")

    conversation.refresh_from_db()
    assert (conversation.priority, conversation.subject, conversation.language) == (
        Priority.URGENT, "Kargo", "en",
    )  # fmt: skip
    assert sorted(tag.name for tag in conversation.tags.all()) == ["kargo", "İade"]
    assert not conversation.orders.exists()
    by = "agent@moda.example"
    assert _audit_trail() == [
        ("conversation.priority_changed", by, target, {"priority": "urgent"}),
        ("conversation.tagged", by, target, {"tags": ["İade", "kargo"]}),
        ("conversation.orders_linked", by, target, {"order_ids": [order.pk]}),
        ("conversation.orders_unlinked", by, target, {"order_ids": [order.pk]}),
        ("conversation.updated", by, target, {"fields": ["subject", "language"]}),
    ]
    assert _conversation_events(captured_events) == [
        ("conversation", "priority_changed", agent.pk),
        ("conversation", "tagged", agent.pk),
        ("conversation", "orders_linked", agent.pk),
        ("conversation", "orders_linked", agent.pk),
        ("conversation", "updated", agent.pk),
    ]
    summaries = [e.conversation for e in captured_events if isinstance(e, ConversationEvent)]
    assert summaries[0].priority == "urgent"
    assert sorted(summaries[1].tags) == ["kargo", "İade"]
    assert (summaries[4].subject, summaries[4].language) == ("Kargo", "en")


def test_the_writes_behind_the_checks_audit_and_publish_for_trusted_callers(
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    system = system_actor(store)

    with django_capture_on_commit_callbacks(execute=True):
        do_set_priority(system, conversation, priority=Priority.HIGH)
        tagged = do_set_tags(system, conversation, names=["VIP"])
        do_update_conversation(system, conversation, subject=None, language=None)

    assert [tag.name for tag in tagged.tags.all()] == ["VIP"]
    assert [(a, label, details) for a, label, _target, details in _audit_trail()] == [
        ("conversation.priority_changed", "system", {"priority": "high"}),
        ("conversation.tagged", "system", {"tags": ["VIP"]}),
    ]
    assert _conversation_events(captured_events) == [
        ("conversation", "priority_changed", None),
        ("conversation", "tagged", None),
    ]


def test_an_edit_of_several_fields_writes_each_change_once_audited_and_published(
    store: Store,
    agent: User,
    agent_actor: Actor,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store), subject="Kargo")

    with django_capture_on_commit_callbacks(execute=True):
        check_edit_conversation(
            agent_actor, conversation, status=ConversationStatus.RESOLVED,
            priority=Priority.HIGH, subject="Kargo", language="en", tags=["VIP"],
        )  # fmt: skip

    assert [action for action, *_rest in _audit_trail()] == [
        "conversation.status_changed",
        "conversation.priority_changed",
        "conversation.updated",
        "conversation.tagged",
    ]
    assert AuditLogEntry.objects.get(action="conversation.updated").details == {
        "fields": ["language"]
    }
    assert _conversation_events(captured_events) == [
        ("conversation", "status_changed", agent.pk),
        ("conversation", "priority_changed", agent.pk),
        ("conversation", "updated", agent.pk),
        ("conversation", "tagged", agent.pk),
    ]


def test_an_edit_with_one_bad_value_writes_audits_and_publishes_nothing(
    store: Store,
    agent_actor: Actor,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationFailed):
        check_edit_conversation(
            agent_actor, conversation, priority=Priority.HIGH, subject="Kargo",
            tags=[f"t{n}" for n in range(21)],
        )  # fmt: skip

    after = Conversation.objects.get(pk=conversation.pk)
    assert (after.priority, after.subject) == (Priority.NORMAL, "")
    assert not AuditLogEntry.objects.exists()
    assert captured_events == []


def test_an_unknown_priority_is_refused(store: Store, agent_actor: Actor) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    with pytest.raises(ValidationFailed, match="A priority is one of: low, normal, high, urgent"):
        check_set_priority(agent_actor, conversation, priority=cast(Priority, "critical"))

    assert Conversation.objects.get(pk=conversation.pk).priority == Priority.NORMAL
