"""Latency of the agent's inbox at the loaded size: the list over the API and as the page,
searches for common, rare and absent words and for a customer's email, phone or order
number, and one conversation's page (whole, the part a click loads, and the list the page
loads beside it).

    DATABASE_URL=... .venv/bin/python benchmarks/inbox_latency.py --store-slug bench

Needs a store from generate.py and generate_inbox.py. Starts `storedesk serve` on a free
port of 127.0.0.1 with the same environment, then sends sequential requests over one
keep-alive connection (after a warm-up) and prints p50, p95, p99 and mean in milliseconds
per request kind as JSON, with how many messages hold each searched word and the load
average before and after. `--only` measures the kinds whose name contains one of its words
(`--only search` for the searches alone).
"""

import argparse
import json
import logging
import os
import random
import subprocess
import sys
from collections.abc import Callable
from urllib.parse import quote

import httpx
from _django import ROOT, machine, measure_requests, setup, source, source_environment
from api_latency import _free_port, _wait_ready

# A slow search on a busy machine is a figure to report, not a failure.
TIMEOUT = 120

API_QUERIES = {
    "api_list_all_open": "/api/v1/conversations",
    "api_list_unassigned": "/api/v1/conversations?view=unassigned",
    "api_list_status_pending": "/api/v1/conversations?status=pending",
    "api_list_channel_whatsapp": "/api/v1/conversations?channel=whatsapp",
    "api_list_waiting_longest": "/api/v1/conversations?sort=waiting",
    "api_list_oldest": "/api/v1/conversations?sort=oldest",
}
# Words of the generated threads, from the most common to none at all: Turkish "order"
# (about one message in eight), English "order", German "invoice" (one in two hundred),
# and words no message holds. Rare words are drawn per request (order numbers, tax ids).
SEARCH_WORDS = {
    "common_siparis": "siparis",
    "common_order": "order",
    "medium_rechnung": "rechnung",
    "absent_reklamacja": "reklamacja",
    "absent_two_words": "reklamacja rechnung",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store-slug", default="bench")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--search-requests", type=int, default=200, help="requests per search kind")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from django.db import connection

    from storedesk.customers.models import Customer
    from storedesk.inbox.models import Conversation, Message
    from storedesk.orders.models import Order

    results_folder = ROOT / "benchmarks" / "results"
    token = (results_folder / f"{args.store_slug}.token").read_text().strip()
    agent_email = (results_folder / f"{args.store_slug}.agent").read_text().strip()
    conversations = Conversation.objects.filter(store__slug=args.store_slug)
    messages = Message.objects.filter(store__slug=args.store_slug)
    sizes = {"conversations": conversations.count(), "messages": messages.count()}
    rng = random.Random(args.seed)
    conversation_ids = list(conversations.order_by("?").values_list("pk", flat=True)[:5_000])
    customer_ids = list(conversations.values_list("customer_id", flat=True).distinct()[:5_000])
    customers = list(
        Customer.objects.filter(store__slug=args.store_slug, pk__in=customer_ids).values_list(
            "email", "phone"
        )
    )
    order_numbers = list(
        Order.objects.filter(store__slug=args.store_slug)
        .order_by("?")
        .values_list("number", flat=True)[:5_000]
    )
    word_counts = {
        word: messages.filter(search_key__contains=word).count()
        for word in {w for words in SEARCH_WORDS.values() for w in words.split()}
    }
    connection.close()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "storedesk", "serve", "--port", str(port)],
        env=source_environment(os.environ | {"LOG_LEVEL": "WARNING"}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    kinds: dict[str, tuple[str, Callable[[], str], int]] = {}
    for name, path in API_QUERIES.items():
        kinds[name] = ("api", lambda path=path: path, args.requests)
    kinds["api_list_by_customer"] = (
        "api",
        lambda: f"/api/v1/conversations?customer_id={rng.choice(customer_ids)}",
        args.requests,
    )
    search = "/api/v1/conversations?search="
    for name, words in SEARCH_WORDS.items():
        kinds[f"search_{name}"] = ("api", lambda w=words: search + quote(w), args.search_requests)
    kinds["search_rare_order_number_in_text"] = (
        "api",
        lambda: search + quote(f"numarali {rng.choice(order_numbers)}"),
        args.search_requests,
    )
    kinds["search_customer_email"] = (
        "api",
        lambda: search + quote(rng.choice(customers)[0]),
        args.search_requests,
    )
    kinds["search_customer_phone"] = (
        "api",
        lambda: search + quote(rng.choice(customers)[1]),
        args.search_requests,
    )
    kinds["search_order_number"] = (
        "api",
        lambda: search + quote("#" + rng.choice(order_numbers)),
        args.search_requests,
    )
    page = f"/s/{args.store_slug}/inbox/"
    kinds["page_inbox_all"] = ("page", lambda: page + "?view=all", args.requests)
    kinds["page_inbox_mine"] = ("page", lambda: page + "?view=mine", args.requests)
    kinds["page_inbox_search_absent"] = (
        "page",
        lambda: page + "?view=all&q=reklamacja",
        args.search_requests,
    )
    kinds["page_conversation"] = (
        "page",
        lambda: f"{page}{rng.choice(conversation_ids)}/",
        args.requests,
    )
    kinds["page_conversation_partial"] = (
        "partial",
        lambda: f"{page}{rng.choice(conversation_ids)}/",
        args.requests,
    )
    # The list a conversation's page loads beside it (and a live refresh reloads).
    kinds["page_conversation_list"] = ("list", lambda: page + "?view=all", args.requests)
    if args.only:
        kinds = {k: v for k, v in kinds.items() if any(word in k for word in args.only)}
    results: dict[str, object] = {}
    load_before = os.getloadavg()
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base)
        api = httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT
        )
        browser = httpx.Client(base_url=base, timeout=TIMEOUT)
        partial = httpx.Client(
            base_url=base,
            headers={"HX-Request": "true", "HX-Target": "conversation-area"},
            timeout=TIMEOUT,
        )
        listing = httpx.Client(base_url=base, headers={"HX-Request": "true"}, timeout=TIMEOUT)
        with api, browser, partial, listing:
            _log_in(browser, agent_email)
            partial.cookies = browser.cookies
            listing.cookies = browser.cookies
            clients = {"api": api, "page": browser, "partial": partial, "list": listing}
            for name, (client, next_path, count) in kinds.items():
                results[name] = measure_requests(
                    clients[client], next_path, count=count, warmup=args.warmup
                )
    finally:
        server.terminate()
        server.wait(timeout=15)
    print(
        json.dumps(
            {
                "database": connection.vendor,
                **sizes,
                "messages_holding_word": word_counts,
                "load_average": {"before": load_before, "after": os.getloadavg()},
                "latency_ms": results,
                "source": source(),
                "machine": machine(),
            },
            indent=2,
        )
    )


def _log_in(client: httpx.Client, email: str) -> None:
    login = client.get("/login/")
    client.post(
        "/login/",
        data={
            "username": email,
            "password": "benchmark-pass",
            "csrfmiddlewaretoken": login.cookies.get("csrftoken", ""),
        },
        headers={"Referer": f"{client.base_url}/login/"},
    )
    if "sessionid" not in client.cookies:
        raise SystemExit("Could not log in as the benchmark agent.")


if __name__ == "__main__":
    main()
