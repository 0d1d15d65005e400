"""Bulk-load conversations and messages into a benchmark store made by generate.py.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/storedesk_bench \
        .venv/bin/python benchmarks/generate_inbox.py --conversations 100000 --messages 1000000

Conversations go to the store's customers on every channel, in every status, some assigned
to one of four benchmark agents, some to a team, with one to twenty messages in three
languages (the total is --messages). Also creates the agents (password "benchmark-pass")
and writes one agent's login to benchmarks/results/<slug>.agent. Prints JSON.
"""

import argparse
import json
import random
import time
from datetime import UTC, datetime, timedelta

from _django import ROOT, machine, setup, source

BATCH = 5_000
CHANNELS = ["chat", "chat", "email", "email", "whatsapp", "instagram", "facebook", "contact_form"]
STATUSES = ["open", "open", "pending", "resolved", "resolved", "resolved", "snoozed"]
TEXTS = [
    "Merhaba, siparişim nerede? Kargo takip numarası çalışmıyor.",
    "İade etmek istiyorum, beden küçük geldi. Iğdır'dan yazıyorum.",
    "Dzień dobry, kiedy dotrze moja paczka do Łodzi?",
    "Chcę zwrócić buty, jak mogę otrzymać zwrot pieniędzy?",
    "Hi, the jacket arrived damaged. Can I get a replacement?",
    "Could you send me the invoice for my last order please?",
    "Teşekkürler, ürün çok güzel!",
    "Do you ship to Germany and how long does it take?",
]
REPLIES = [
    "Merhaba, siparişiniz kargoda, yarın teslim edilecek.",
    "Dzień dobry, paczka jest w drodze, dotrze jutro.",
    "Hi, we are sorry! A replacement is on its way.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store-slug", default="bench")
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 1 <= args.conversations <= args.messages <= 20 * args.conversations:
        parser.error("need 1 <= conversations <= messages <= 20 × conversations")
    setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    counts = load(args, random.Random(args.seed))
    print(
        json.dumps(
            {
                "store": args.store_slug,
                **counts,
                "seconds": round(time.perf_counter() - started, 1),
                "source": source(),
                "machine": machine(),
            },
            indent=2,
        )
    )


def load(args: argparse.Namespace, rng: random.Random) -> dict[str, int]:
    from django.db import connection, transaction

    from storedesk.accounts.models import Membership, Team, User
    from storedesk.core.selectors import get_store_by_slug
    from storedesk.core.text import search_key
    from storedesk.customers.models import Customer
    from storedesk.inbox.models import Conversation, Message

    store = get_store_by_slug(args.store_slug)
    if Conversation.objects.filter(store=store).exists():
        raise SystemExit(f"The store {args.store_slug!r} has conversations already.")
    agents = []
    for index in range(4):
        email = f"agent{index}@{args.store_slug}.bench.example"
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email, "benchmark-pass", name=f"Agent {index}"
        )
        Membership.objects.get_or_create(store=store, user=user, defaults={"role": "agent"})
        agents.append(user)
    team, _ = Team.objects.get_or_create(
        store=store, name="Europe", defaults={"timezone": "Europe/Istanbul"}
    )
    team.members.add(*agents)
    folder = ROOT / "benchmarks" / "results"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{args.store_slug}.agent").write_text(agents[0].email)

    customer_ids = list(Customer.objects.filter(store=store).values_list("pk", flat=True))
    now = datetime(2026, 11, 25, tzinfo=UTC)
    # Spread the messages: every conversation gets one, the rest land at random.
    extra = args.messages - args.conversations
    sizes = [1] * args.conversations
    for _ in range(extra):
        sizes[rng.randrange(args.conversations)] += 1
    totals = {"conversations": 0, "messages": 0}
    for start in range(0, args.conversations, BATCH // 2):
        conversations = []
        for index in range(start, min(start + BATCH // 2, args.conversations)):
            created = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 365))
            status = rng.choice(STATUSES)
            last = created + timedelta(minutes=10 * (sizes[index] - 1))
            waiting = status in {"open", "snoozed"} and rng.random() < 0.6
            conversations.append(
                Conversation(
                    store=store,
                    customer_id=rng.choice(customer_ids),
                    channel=rng.choice(CHANNELS),
                    status=status,
                    priority=rng.choice(["normal", "normal", "normal", "high", "low", "urgent"]),
                    assignee=rng.choice([None, None, *agents]),
                    team=team if rng.random() < 0.5 else None,
                    language=rng.choice(["tr", "pl", "en"]),
                    last_message_at=last,
                    last_message_preview=TEXTS[index % len(TEXTS)][:200],
                    message_count=sizes[index],
                    waiting_since=last if waiting else None,
                    snoozed_until=now + timedelta(days=1) if status == "snoozed" else None,
                    resolved_at=last if status == "resolved" else None,
                    created_at=created,
                )
            )
        with transaction.atomic():
            Conversation.objects.bulk_create(conversations)
            messages = []
            for conversation, size in zip(conversations, sizes[start:], strict=False):
                for step in range(size):
                    inbound = step % 2 == 0
                    text = rng.choice(TEXTS if inbound else REPLIES)
                    messages.append(
                        Message(
                            store=store,
                            conversation=conversation,
                            direction="inbound" if inbound else "outbound",
                            author_type="customer" if inbound else "agent",
                            author_name="Customer" if inbound else "Agent",
                            text=text,
                            channel=conversation.channel,
                            delivery_status="received" if inbound else "delivered",
                            search_key=search_key(text),
                            created_at=conversation.created_at + timedelta(minutes=10 * step),
                        )
                    )
                if len(messages) >= BATCH:
                    Message.objects.bulk_create(messages)
                    totals["messages"] += len(messages)
                    messages = []
            Message.objects.bulk_create(messages)
            totals["messages"] += len(messages)
        totals["conversations"] += len(conversations)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return totals


if __name__ == "__main__":
    main()
