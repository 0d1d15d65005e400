"""Latency of the inbox list, over the API and as the agent's page, at the loaded size.

    DATABASE_URL=... .venv/bin/python benchmarks/inbox_latency.py --store-slug bench

Needs a store from generate.py and generate_inbox.py. Starts `storedesk serve` on a free
port of 127.0.0.1 with the same environment, then sends sequential requests over one
keep-alive connection (after a warm-up) and prints p50, p95, p99 and mean in milliseconds
per request kind as JSON.
"""

import argparse
import json
import logging
import os
import random
import subprocess
import sys

import httpx
from _django import ROOT, machine, setup, source, source_environment
from api_latency import _free_port, _measure, _wait_ready

API_QUERIES = {
    "api_list_all_open": "/api/v1/conversations",
    "api_list_unassigned": "/api/v1/conversations?view=unassigned",
    "api_list_status_pending": "/api/v1/conversations?status=pending",
    "api_list_channel_whatsapp": "/api/v1/conversations?channel=whatsapp",
    "api_list_waiting_longest": "/api/v1/conversations?sort=waiting",
    "api_list_oldest": "/api/v1/conversations?sort=oldest",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store-slug", default="bench")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from django.db import connection

    from storedesk.inbox.models import Conversation, Message

    results_folder = ROOT / "benchmarks" / "results"
    token = (results_folder / f"{args.store_slug}.token").read_text().strip()
    agent_email = (results_folder / f"{args.store_slug}.agent").read_text().strip()
    conversations = Conversation.objects.filter(store__slug=args.store_slug)
    sizes = {
        "conversations": conversations.count(),
        "messages": Message.objects.filter(store__slug=args.store_slug).count(),
    }
    customer_ids = list(conversations.values_list("customer_id", flat=True).distinct()[:5_000])
    connection.close()
    rng = random.Random(args.seed)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "storedesk", "serve", "--port", str(port)],
        env=source_environment(os.environ | {"LOG_LEVEL": "WARNING"}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results: dict[str, object] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_ready(base)
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as api:
            for name, path in API_QUERIES.items():
                results[name] = _measure(api, lambda path=path: path, args)
            results["api_list_by_customer"] = _measure(
                api, lambda: f"/api/v1/conversations?customer_id={rng.choice(customer_ids)}", args
            )
        with httpx.Client(base_url=base) as browser:
            _log_in(browser, agent_email)
            page = f"/s/{args.store_slug}/inbox/"
            results["page_inbox_all"] = _measure(browser, lambda: page + "?view=all", args)
            results["page_inbox_mine"] = _measure(browser, lambda: page + "?view=mine", args)
    finally:
        server.terminate()
        server.wait(timeout=15)
    print(
        json.dumps(
            {
                "database": connection.vendor,
                **sizes,
                "requests_per_kind": args.requests,
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
