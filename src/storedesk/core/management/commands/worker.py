from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from storedesk.core.scheduler import SchedulerThread


class Command(BaseCommand):
    help = (
        "Run background jobs (the database task worker) and the periodic jobs' scheduler. "
        "Start as many as you need."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        scheduler = SchedulerThread().start()
        try:
            call_command("db_worker", queue_name="*", interval=options["interval"], reload=False)
        finally:
            scheduler.stop()
