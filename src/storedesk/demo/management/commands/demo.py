import logging
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from storedesk.core.runner import new_task_worker, serve, start_worker_thread
from storedesk.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Create and migrate the database, load the demo store (once), then serve Storedesk "
        "with its task worker in this one process."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="load the demo store and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 < options["port"] < 65536:
            raise CommandError("--port must be between 1 and 65535.")
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        summary = load_demo()
        # Loading queued background work (the policy pages' search index): finish it before
        # anyone looks, so the first search already finds every page.
        run_queued_tasks()
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(
            ("Loaded" if summary.created else "Found") + f" the demo store {summary.store_name!r}"
            f" ({summary.customers} customers, {summary.orders} orders)."
        )
        if options["no_serve"]:
            return
        self.stdout.write(f"\nStoredesk is running at {url}")
        self.stdout.write(f"  Inbox: {url}s/{summary.store_slug}/inbox/")
        self.stdout.write(
            f"  A shop page with the chat widget: {url}chat-preview/{summary.store_slug}/"
        )
        self.stdout.write(f"  Help center for shoppers: {url}help/")
        self.stdout.write(f"  API documentation: {url}api/v1/docs")
        self.stdout.write(f"  Demo logins (password: {summary.password}):")
        for email, role in summary.logins:
            self.stdout.write(f"    {email:<32} {role}")
        self.stdout.write("Press Ctrl+C to stop.\n")
        self.stdout.flush()
        start_worker_thread()
        serve(host=options["host"], port=options["port"])


def run_queued_tasks() -> None:
    """Run every task that is due now, in this process, then return."""
    worker = new_task_worker("demo", interval=0, batch=True)
    # A line per task would bury the demo's addresses and logins; failures still show.
    loggers = [logging.getLogger(name) for name in ("django.tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        worker.run()
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
