from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.core.errors import NotFound
from storedesk.core.selectors import get_store_by_slug


class Command(BaseCommand):
    help = "Create an API token for a store's integration and print it (shown only once)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--store", required=True, help="the store's slug")
        parser.add_argument("--name", required=True, help="what the token is for, e.g. 'Shopify'")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["name"].strip()
        if not name or len(name) > 120:
            raise CommandError("--name must be 1 to 120 characters.")
        try:
            store = get_store_by_slug(options["store"])
        except NotFound as error:
            raise CommandError(f"No store with the slug {options['store']!r}.") from error
        token, raw = do_create_api_token(store, name=name)
        self.stdout.write(raw)
        self.stderr.write(
            f"Created token {token.prefix}… for {store.name}. "
            "Keep it secret: it is not shown again."
        )
