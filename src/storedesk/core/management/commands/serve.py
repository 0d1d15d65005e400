from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from storedesk.core.runner import serve, start_worker_thread


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
        if options["with_worker"]:
            start_worker_thread()
        serve(host=options["host"], port=options["port"], workers=options["workers"])
