"""Latency of the customer-profile and order-list API at the size of the loaded store.

    DATABASE_URL=... .venv/bin/python benchmarks/api_latency.py --store-slug bench

Starts `storedesk serve` on a free port of 127.0.0.1 with the same environment, waits for
/readyz, then sends sequential requests over one keep-alive connection (after a warm-up)
and prints p50, p95, p99 and mean in milliseconds per endpoint as JSON.
"""

import argparse
import json
import logging
import random
import socket
import subprocess
import sys
import time

import httpx
from _django import ROOT, machine, measure_requests, setup, source, source_environment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store-slug", default="bench")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from django.db import connection

    from storedesk.orders.models import Order

    token = (ROOT / "benchmarks" / "results" / f"{args.store_slug}.token").read_text().strip()
    store_orders = Order.objects.filter(store__slug=args.store_slug)
    customer_ids = list(store_orders.values_list("customer_id", flat=True).distinct()[:20_000])
    order_count = store_orders.count()
    connection.close()
    rng = random.Random(args.seed)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "storedesk", "serve", "--port", str(port)],
        env=source_environment() | {"LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base)
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as client:
            paths = {
                "customer_profile": lambda: f"/api/v1/customers/{rng.choice(customer_ids)}/profile",
                "order_list_first_page": lambda: "/api/v1/orders",
                "order_list_by_customer": lambda: (
                    f"/api/v1/orders?customer_id={rng.choice(customer_ids)}"
                ),
                "order_list_deep_page": _deep_pages(client),
            }
            results = {
                name: measure_requests(client, path, count=args.requests, warmup=args.warmup)
                for name, path in paths.items()
            }
    finally:
        server.terminate()
        server.wait(timeout=15)
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "orders": order_count,
                "requests_per_endpoint": args.requests,
                "latency_ms": results,
                "source": source(),
                "machine": machine(),
            },
            indent=2,
        )
    )


def _deep_pages(client: httpx.Client):  # type: ignore[no-untyped-def]
    """Cursor pages ten to thirty pages deep, walked once and then replayed."""
    cursors = []
    cursor = None
    for _ in range(30):
        page = client.get("/api/v1/orders", params={"cursor": cursor} if cursor else {}).json()
        cursor = page["next_cursor"]
        cursors.append(cursor)
    picks = iter(cursors[10:] * 10_000)
    return lambda: f"/api/v1/orders?cursor={next(picks)}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            response = httpx.get(f"{base}/readyz", timeout=2)
            if response.status_code == 200:
                return
            last = f"{response.status_code} {response.text}"
        except httpx.HTTPError as error:
            last = repr(error)
        time.sleep(0.3)
    raise SystemExit(f"storedesk serve did not become ready; /readyz: {last}")


if __name__ == "__main__":
    main()
