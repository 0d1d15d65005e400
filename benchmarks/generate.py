"""Bulk-load a benchmark store of N orders into the configured database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/storedesk_bench \
        .venv/bin/python benchmarks/generate.py --orders 100000

Customers are about N/5; each order has one to three lines, and about 60 % have a shipment
with two to six tracking events. Prints JSON with the counts, the seconds taken and an API
token for the store (also written to benchmarks/results/<slug>.token).
"""

import argparse
import json
import random
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from _django import ROOT, machine, setup, source

BATCH = 5_000
STATUSES = ["in_transit", "in_transit", "out_for_delivery", "delivered", "delivered", "delivered"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--store-slug", default="bench")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 1 <= args.orders <= 5_000_000:
        parser.error("--orders must be between 1 and 5,000,000")
    setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    counts = load(args.orders, args.store_slug, random.Random(args.seed))
    seconds = time.perf_counter() - started
    token = create_token(args.store_slug)
    print(
        json.dumps(
            {
                "store": args.store_slug,
                **counts,
                "seconds": round(seconds, 1),
                "token_file": str(token),
                "source": source(),
                "machine": machine(),
            },
            indent=2,
        )
    )


def load(order_count: int, slug: str, rng: random.Random) -> dict[str, int]:
    from django.db import connection, transaction

    from storedesk.core.actions import do_create_store
    from storedesk.core.models import Store
    from storedesk.core.text import search_key
    from storedesk.customers.models import Customer
    from storedesk.orders.models import LineItem, Order, Shipment, ShipmentEvent

    if Store.objects.filter(slug=slug).exists():
        raise SystemExit(f"A store {slug!r} exists already; use another --store-slug.")
    store = do_create_store(
        name=f"Benchmark {slug}",
        slug=slug,
        default_currency="EUR",
        languages=["en", "tr", "pl"],
        default_language="en",
        timezone="Europe/Istanbul",
        country="TR",
    )
    customer_count = max(1, order_count // 5)
    now = datetime(2026, 11, 1, tzinfo=UTC)
    customers = []
    for index in range(customer_count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        customers.append(
            Customer(
                store=store,
                first_name=first,
                last_name=last,
                email=f"c{index}@bench.example",
                phone=f"+90532{index:07d}",
                language=rng.choice(["en", "tr", "pl"]),
                timezone="Europe/Istanbul",
                country="TR",
                search_key=search_key(f"{first} {last} c{index}@bench.example"),
            )
        )
    with transaction.atomic():
        Customer.objects.bulk_create(customers, batch_size=BATCH)
    customer_ids = [c.pk for c in customers]
    totals = {
        "customers": customer_count,
        "orders": 0,
        "line_items": 0,
        "shipments": 0,
        "shipment_events": 0,
    }
    for start in range(0, order_count, BATCH):
        orders, lines, shipments, events = [], [], [], []
        for number in range(start, min(start + BATCH, order_count)):
            placed = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 540))
            items = Decimal(rng.randrange(1_000, 500_000)) / 100
            orders.append(
                Order(
                    store=store,
                    number=str(100_000 + number),
                    customer_id=rng.choice(customer_ids),
                    status=rng.choice(["open", "completed", "completed", "cancelled"]),
                    financial_status="paid",
                    fulfillment_status="fulfilled",
                    currency="TRY",
                    items_total=items,
                    shipping_total=Decimal("29.90"),
                    placed_at=placed,
                    shipping_address={"city": "İstanbul", "country": "TR"},
                    payment_method="card",
                )
            )
        with transaction.atomic():
            Order.objects.bulk_create(orders)
            for order in orders:
                for line in range(rng.randrange(1, 4)):
                    lines.append(
                        LineItem(
                            store=store,
                            order=order,
                            sku=f"SKU-{line}",
                            title="Keten gömlek",
                            quantity=1,
                            unit_price=order.items_total,
                            currency="TRY",
                        )
                    )
                if rng.random() < 0.6:
                    shipments.append(
                        Shipment(
                            store=store,
                            order=order,
                            carrier="Yurtiçi Kargo",
                            tracking_number=f"YK{order.number}",
                            status="pending",
                        )
                    )
            LineItem.objects.bulk_create(lines)
            Shipment.objects.bulk_create(shipments)
            for shipment in shipments:
                placed = shipment.order.placed_at
                path = STATUSES[: rng.randrange(2, 7)]
                for step, status in enumerate(path):
                    events.append(
                        ShipmentEvent(
                            store=store,
                            shipment=shipment,
                            status=status,
                            message="Transfer merkezinde",
                            location="Ankara",
                            occurred_at=placed + timedelta(hours=8 * (step + 1)),
                        )
                    )
                shipment.status = path[-1]
                shipment.last_event_at = placed + timedelta(hours=8 * len(path))
            ShipmentEvent.objects.bulk_create(events)
            Shipment.objects.bulk_update(shipments, ["status", "last_event_at"])
        totals["orders"] += len(orders)
        totals["line_items"] += len(lines)
        totals["shipments"] += len(shipments)
        totals["shipment_events"] += len(events)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return totals


def create_token(slug: str) -> object:
    from storedesk.accounts.actions.tokens import do_create_api_token
    from storedesk.core.selectors import get_store_by_slug

    _, raw = do_create_api_token(get_store_by_slug(slug), name="benchmark")
    folder = ROOT / "benchmarks" / "results"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.token"
    path.write_text(raw)
    return path


FIRST = ["Ayşe", "Mehmet", "Elif", "Zofia", "Łukasz", "Jürgen", "Chloé", "José", "Emily"]
LAST = ["Yılmaz", "Kaya", "Nowak", "Wiśniewska", "Müller", "Dubois", "García", "Smith"]

if __name__ == "__main__":
    main()
