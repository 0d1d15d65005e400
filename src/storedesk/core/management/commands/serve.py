import logging
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from storedesk.accounts.actions.stores import do_issue_setup_token, setup_link
from storedesk.accounts.selectors.stores import any_store_exists
from storedesk.core.runner import serve, start_worker_thread

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Serve Storedesk (HTTP and websockets) with uvicorn."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help="also run the background task worker in this process",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 < options["port"] < 65536:
            raise CommandError("--port must be between 1 and 65535.")
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        announce_first_run()
        if options["with_worker"]:
            start_worker_thread()
        serve(host=options["host"], port=options["port"], workers=options["workers"])


def announce_first_run() -> None:
    """On an install without a store, log the first-run page's one-time link.

    Whoever can read the server's log is whoever runs it: the token in the link is what lets
    them, and nobody else on the network, create the first store. Once a store exists this
    costs one query.
    """
    try:
        if any_store_exists():
            return
        token = do_issue_setup_token()
    except DatabaseError as error:
        # Not migrated yet, or not reachable: /readyz tells the load balancer, this line the
        # person starting the server.
        logger.warning(
            "Could not look for a store in the database (%s). A new database needs "
            "`storedesk migrate` first.",
            error,
        )
        return
    logger.warning(
        "No store yet. Create the first one at %s (the link works once; a restart prints a "
        "new one). Or run `storedesk create_store`.",
        setup_link(token),
    )
