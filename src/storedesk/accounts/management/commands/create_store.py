import json
from argparse import ArgumentParser
from typing import Any, NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from storedesk.accounts.actions.stores import (
    CreatedStore,
    NewOwner,
    StoreDetails,
    StoreDetailsInvalid,
    do_create_store,
)
from storedesk.accounts.passwords import password_set_path
from storedesk.accounts.selectors.stores import country_of_timezone, currency_of_country

# Exit statuses besides 0 (created) and argparse's 2 (options missing or malformed).
INVALID = 1
SLUG_TAKEN = 3
# Where each field's problem came from on the command line.
_OPTIONS = {
    "name": "--name",
    "slug": "SLUG",
    "default_language": "--language",
    "languages": "--languages",
    "currency": "--currency",
    "timezone": "--timezone",
    "country": "--country",
    "owner_email": "--owner-email",
    "owner_name": "--owner-name",
}


class Command(BaseCommand):
    help = (
        "Create a store and its owner, without questions (for scripts and containers), and "
        "print a one-time link for a new owner to choose a password. Exits with 1 on invalid "
        "input and 3 when the slug is taken; nothing is written then."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("slug", help="the store's address: /s/SLUG/ (a-z, 0-9 and hyphens)")
        parser.add_argument("--name", required=True, help="the store's name")
        parser.add_argument(
            "--owner-email",
            required=True,
            help="the owner's email; an account is created for a new address",
        )
        parser.add_argument("--owner-name", default="", help="the new owner's name")
        parser.add_argument(
            "--language",
            default="",
            help="default language (default: the first of --languages, else en)",
        )
        parser.add_argument(
            "--languages",
            default="",
            help="languages offered, comma-separated, e.g. tr,en (the default one is added)",
        )
        parser.add_argument("--currency", default="", help="ISO 4217 (default: the country's)")
        parser.add_argument("--timezone", default="UTC", help="IANA time zone (default: UTC)")
        parser.add_argument(
            "--country", default="", help="ISO 3166 alpha-2 (default: the time zone's)"
        )
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object instead of text"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        languages = tuple(code for code in options["languages"].split(",") if code.strip())
        language = options["language"] or (languages[0] if languages else "en")
        country = options["country"] or country_of_timezone(options["timezone"].strip())
        currency = options["currency"] or currency_of_country(country.strip().upper())
        details = StoreDetails(
            name=options["name"],
            slug=options["slug"],
            default_language=language,
            languages=languages,
            currency=currency,
            timezone=options["timezone"],
            country=country,
        )
        owner = NewOwner(email=options["owner_email"], name=options["owner_name"])
        try:
            created = do_create_store(details, owner=owner)
        except StoreDetailsInvalid as error:
            self._fail(error, as_json=options["json"])
        link = _password_link(created)
        if options["json"]:
            self.stdout.write(json.dumps(_summary(created, link), ensure_ascii=False))
            return
        store = created.store
        self.stdout.write(
            f"Created the store {store.name!r} ({store.slug}): "
            f"{settings.STOREDESK_URL}{reverse('inbox', args=[store.slug])}"
        )
        if link is None:
            self.stdout.write(
                f"Its owner {created.owner.email} has an account already and signs in with "
                "their password."
            )
            return
        hours = settings.PASSWORD_RESET_TIMEOUT // 3600
        self.stdout.write(
            f"Its owner {created.owner.email} chooses a password at this link "
            f"(it works once, for {hours} hours):\n{link}"
        )

    def _fail(self, error: StoreDetailsInvalid, *, as_json: bool) -> NoReturn:
        status = SLUG_TAKEN if error.only_slug_taken else INVALID
        if as_json:
            code = "slug_taken" if status == SLUG_TAKEN else error.code
            self.stdout.write(
                json.dumps(
                    {"error": {"code": code, "message": error.message, "details": error.details}},
                    ensure_ascii=False,
                )
            )
        problems = "\n".join(
            f"  {_OPTIONS.get(problem.field, problem.field)}: {problem.message}"
            for problem in error.errors
        )
        raise CommandError(f"Nothing was created:\n{problems}", returncode=status)


def _password_link(created: CreatedStore) -> str | None:
    """The one-time link where a new owner (or one who never chose a password) sets it."""
    if not created.owner_needs_password:
        return None
    return f"{settings.STOREDESK_URL}{password_set_path(created.owner)}"


def _summary(created: CreatedStore, link: str | None) -> dict[str, Any]:
    store = created.store
    return {
        "store": {
            "id": store.pk,
            "slug": store.slug,
            "name": store.name,
            "url": f"{settings.STOREDESK_URL}{reverse('inbox', args=[store.slug])}",
        },
        "owner": {"email": created.owner.email, "new_account": created.owner_is_new},
        "password_link": link,
    }
