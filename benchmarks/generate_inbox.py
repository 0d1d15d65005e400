"""Bulk-load conversations and messages into a benchmark store made by generate.py.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/storedesk_bench \
        .venv/bin/python benchmarks/generate_inbox.py --conversations 100000 --messages 1000000

Conversations go to the store's customers on every channel, in every status, some assigned
to one of four benchmark agents, some to a team. Their messages are the demo's support
threads in six languages (where is my order, returns, sizes, damaged items, invoices,
thanks), filled in with the customer's own name, email and order numbers, a carrier, a
tracking link, a product, a company and a tax number: a realistic vocabulary, where a few
words are in most messages and most words (numbers, names, places) in very few. The total
is --messages, spread at random over the conversations.

On PostgreSQL the messages are written with COPY, each conversation's search text is made
from them in one statement, and the secondary indexes of both tables are built once at the
end, which is several times faster than keeping them up to date row by row. PostgreSQL's
tables are then vacuumed and analysed, as autovacuum would leave them.

Also creates the agents (password "benchmark-pass") and writes one agent's login to
benchmarks/results/<slug>.agent. Prints JSON.
"""

import argparse
import json
import random
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from _django import ROOT, machine, setup, source

BATCH = 5_000
CHANNELS = ["chat", "chat", "email", "email", "whatsapp", "instagram", "facebook", "contact_form"]
PRIORITIES = ["normal", "normal", "normal", "high", "low", "urgent"]
STATUSES = ["open", "open", "pending", "resolved", "resolved", "resolved", "snoozed"]
# Conversation languages, weighted like a store selling mostly in Turkey and Poland.
LANGUAGES = ["tr"] * 5 + ["pl"] * 3 + ["en"] * 3 + ["de", "fr", "es"]
TOPICS = ["where", "where", "return", "size", "damaged", "invoice", "thanks"]
MAX_RATIO = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store-slug", default="bench")
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 1 <= args.conversations <= args.messages <= MAX_RATIO * args.conversations:
        parser.error(f"need 1 <= conversations <= messages <= {MAX_RATIO} × conversations")
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


class _Fields(dict[str, str]):
    """Placeholders a thread line may use; one it does not know stays empty."""

    def __missing__(self, key: str) -> str:
        return ""


class Vocabulary:
    """The demo's support threads, and the words that fill them in."""

    def __init__(self, rng: random.Random) -> None:
        from storedesk.demo import inbox_vocabulary, vocabulary

        self.rng = rng
        self.threads = inbox_vocabulary.THREADS
        self.subjects = inbox_vocabulary.SUBJECTS
        self.companies = inbox_vocabulary.COMPANIES
        self.markets = {market.language: market for market in vocabulary.MARKETS}
        self.products = [names for _, _, _, names in vocabulary.PRODUCTS]

    def fields(self, language: str, customer: tuple[str, str, str], orders: list[str]) -> _Fields:
        rng = self.rng
        first_name, last_name, email = customer
        market = self.markets.get(language) or self.markets["en"]
        carrier, tracking = rng.choice(market.carriers)
        order = rng.choice(orders) if orders else str(rng.randrange(100_000, 999_999))
        product = rng.choice(self.products).get(language, "")
        company, tax_id = self.companies.get(language, self.companies["en"])
        return _Fields(
            order=order,
            first_name=first_name,
            last_name=last_name,
            email=email,
            carrier=carrier,
            tracking_url=tracking.format(number=f"{order}{rng.randrange(10_000, 99_999)}"),
            product=product[:1].lower() + product[1:],
            Product=product,
            company=company.format(last_name=last_name),
            tax_id=tax_id.format(
                digits8=f"{rng.randrange(10**8):08d}",
                digits9=f"{rng.randrange(10**9):09d}",
                digits10=f"{rng.randrange(10**10):010d}",
                digits11=f"{rng.randrange(10**11):011d}",
            ),
            return_code=f"R{rng.randrange(10**6):06d}",
        )

    def thread(self, topic: str, language: str, size: int, fields: _Fields) -> Iterator[str]:
        """``size`` lines, customer first, then agent, alternating. A thread longer than the
        topic's story goes on with lines of other topics in the same language."""
        lines = self.threads[topic].get(language) or self.threads[topic]["en"]
        for step in range(size):
            if step < len(lines):
                line = lines[step]
            else:
                other = self.threads[self.rng.choice(TOPICS)]
                others = other.get(language) or other["en"]
                line = others[self.rng.randrange(step % 2, len(others), 2)]
            yield line.format_map(fields)

    def subject(self, topic: str, language: str, fields: _Fields) -> str:
        return self.subjects.get(topic, {}).get(language, "").format_map(fields)


def load(args: argparse.Namespace, rng: random.Random) -> dict[str, int]:
    from django.db import connection, transaction

    from storedesk.accounts.models import Membership, Team, User
    from storedesk.core.selectors import get_store_by_slug
    from storedesk.customers.models import Customer
    from storedesk.inbox.models import Conversation
    from storedesk.orders.models import Order

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

    customers = {
        pk: (first, last, email or "")
        for pk, first, last, email in Customer.objects.filter(store=store).values_list(
            "pk", "first_name", "last_name", "email"
        )
    }
    customer_ids = list(customers)
    orders: dict[int, list[str]] = defaultdict(list)
    for customer_id, number in Order.objects.filter(store=store).values_list(
        "customer_id", "number"
    ):
        orders[customer_id].append(number)
    vocabulary = Vocabulary(rng)
    now = datetime(2026, 11, 25, tzinfo=UTC)
    # Spread the messages: every conversation gets one, the rest land at random.
    sizes = [1] * args.conversations
    for _ in range(args.messages - args.conversations):
        sizes[rng.randrange(args.conversations)] += 1
    totals = {"conversations": 0, "messages": 0}
    writer = _MessageWriter(connection, planned=args.messages)
    with writer:
        for start in range(0, args.conversations, BATCH // 2):
            conversations = []
            threads = []
            for index in range(start, min(start + BATCH // 2, args.conversations)):
                customer_id = rng.choice(customer_ids)
                language = rng.choice(LANGUAGES)
                topic = rng.choice(TOPICS)
                fields = vocabulary.fields(language, customers[customer_id], orders[customer_id])
                thread = list(vocabulary.thread(topic, language, sizes[index], fields))
                channel = rng.choice(CHANNELS)
                created = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 365))
                status = rng.choice(STATUSES)
                last = created + timedelta(minutes=10 * (sizes[index] - 1))
                waiting = status in {"open", "snoozed"} and rng.random() < 0.6
                conversations.append(
                    Conversation(
                        store=store,
                        customer_id=customer_id,
                        channel=channel,
                        status=status,
                        priority=rng.choice(PRIORITIES),
                        assignee=rng.choice([None, None, *agents]),
                        team=team if rng.random() < 0.5 else None,
                        language=language,
                        subject=vocabulary.subject(topic, language, fields)
                        if channel in {"email", "contact_form"}
                        else "",
                        last_message_at=last,
                        last_message_preview=thread[-1][:200],
                        message_count=sizes[index],
                        waiting_since=last if waiting else None,
                        snoozed_until=now + timedelta(days=1) if status == "snoozed" else None,
                        resolved_at=last if status == "resolved" else None,
                        created_at=created,
                    )
                )
                threads.append(thread)
            with transaction.atomic():
                Conversation.objects.bulk_create(conversations)
            for conversation, thread in zip(conversations, threads, strict=True):
                for step, text in enumerate(thread):
                    writer.add(store.pk, conversation, step, text)
            writer.flush()
            totals["conversations"] += len(conversations)
    totals["messages"] = writer.written
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return totals


class _MessageWriter:
    """Writes messages in batches: COPY on PostgreSQL (with the table's secondary indexes
    dropped while loading and built again at the end), bulk inserts elsewhere."""

    COLUMNS = (
        "store_id",
        "conversation_id",
        "direction",
        "author_type",
        "author_name",
        "text",
        "html",
        "channel",
        "delivery_status",
        "failure_reason",
        "search_key",
        "created_at",
    )

    def __init__(self, connection: Any, *, planned: int) -> None:
        from storedesk.core.text import search_key

        self.connection = connection
        self.search_key = search_key
        self.rows: list[tuple[object, ...]] = []
        self.written = 0
        self.indexes: list[tuple[str, str]] = []
        self.store_ids: set[int] = set()
        self.planned = planned

    def __enter__(self) -> "_MessageWriter":
        if self.connection.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'inbox_message'")
                if cursor.fetchone()[0] > self.planned:
                    # Rebuilding the indexes of a larger table costs more than it saves.
                    return self
                # Indexes that no constraint needs: cheaper built once than kept row by row.
                cursor.execute(
                    """
                    SELECT i.relname, pg_get_indexdef(i.oid)
                    FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN pg_class t ON t.oid = x.indrelid
                    WHERE t.relname IN ('inbox_message', 'inbox_conversationsearchtext')
                      AND NOT x.indisprimary AND NOT x.indisunique
                    """
                )
                self.indexes = cursor.fetchall()
                for name, _ in self.indexes:
                    cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()
        self._fill_search_texts()
        if self.connection.vendor == "postgresql" and self.indexes:
            with self.connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '1GB'")
                for _, definition in self.indexes:
                    cursor.execute(definition)

    def _fill_search_texts(self) -> None:
        """Each loaded conversation's search text, as the actions keep it: its messages'
        search keys, one line each."""
        if not self.store_ids:
            return
        if self.connection.vendor == "postgresql":
            joined = "string_agg(search_key, E'\\n' ORDER BY created_at, id)"
        else:
            joined = "group_concat(search_key, char(10))"
        with self.connection.cursor() as cursor:
            for store_id in self.store_ids:
                cursor.execute(
                    "INSERT INTO inbox_conversationsearchtext (conversation_id, store_id, text) "  # noqa: S608
                    f"SELECT conversation_id, store_id, {joined} FROM inbox_message "
                    "WHERE store_id = %s GROUP BY conversation_id, store_id",
                    [store_id],
                )

    def add(self, store_id: int, conversation: Any, step: int, text: str) -> None:
        inbound = step % 2 == 0
        self.store_ids.add(store_id)
        self.rows.append(
            (
                store_id,
                conversation.pk,
                "inbound" if inbound else "outbound",
                "customer" if inbound else "agent",
                "Customer" if inbound else "Agent",
                text,
                "",
                conversation.channel,
                "received" if inbound else "delivered",
                "",
                self.search_key(text),
                conversation.created_at + timedelta(minutes=10 * step),
            )
        )
        if len(self.rows) >= BATCH * 4:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        from django.db import transaction

        with transaction.atomic(), self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                columns = ", ".join(self.COLUMNS)
                with cursor.copy(f"COPY inbox_message ({columns}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                adapt = self.connection.ops.adapt_datetimefield_value
                placeholders = ", ".join("%s" for _ in self.COLUMNS)
                cursor.executemany(
                    f"INSERT INTO inbox_message ({', '.join(self.COLUMNS)}) "  # noqa: S608
                    f"VALUES ({placeholders})",
                    [(*row[:-1], adapt(row[-1])) for row in self.rows],
                )
        self.written += len(self.rows)
        self.rows = []


if __name__ == "__main__":
    main()
