"""``storedesk receive_email``: the mail gateway for an MTA's pipe transport, and the
importer of a folder of saved mail. Exit statuses follow sysexits.h, which MTAs read."""

import json
import logging
import sys
from argparse import ArgumentParser
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from storedesk.connectors.email.intake import (
    MAX_EMAIL_BYTES,
    EmailOutcome,
    Outcome,
    do_receive_email,
)
from storedesk.core.errors import NotFound
from storedesk.core.models import Store
from storedesk.core.selectors import get_store_by_slug

EX_OK = 0
EX_USAGE = 64  # unknown store, a missing file
EX_DATAERR = 65  # some mail was rejected: the MTA bounces it to its sender
EX_TEMPFAIL = 75  # the database is away: the MTA keeps the mail and tries again
_CHUNK = 1024 * 1024
logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Receive mail into a store's inbox: one RFC 822 message from each FILE (a folder: "
        "every file in it, by name), or from standard input when no FILE is given (an MTA's "
        "pipe). Prints one JSON line per message. Exits 0 when every message was stored or "
        "deliberately ignored, 65 when some were rejected, 75 on a temporary failure, 64 "
        f"for bad arguments. Messages over {MAX_EMAIL_BYTES // (1024 * 1024)} MB are rejected."
    )
    # In-process callers (tests) hand the bytes that stdin would carry.
    stealth_options = ("stdin",)
    # Run once per mail by the MTA: the system checks would cost every mail their time, and
    # reach for the database before a failure could be told apart as temporary.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--store", required=True, help="the store's slug")
        parser.add_argument("files", nargs="*", metavar="FILE", help="a mail file or folder")

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        # argparse exits with 2 on bad arguments; an MTA understands EX_USAGE.
        parser.error = partial(_usage_error, parser)  # type: ignore[method-assign]
        return parser

    def execute(self, *args: Any, **options: Any) -> str | None:
        # BaseCommand turns a CommandError into exit status 1; an MTA needs EX_USAGE.
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if error.returncode == 1:
                error.returncode = EX_USAGE
            raise
        except DatabaseError as error:
            self.stderr.write(f"The database is not available: {error}")
            raise SystemExit(EX_TEMPFAIL) from error

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            store = get_store_by_slug(options["store"])
        except NotFound as error:
            raise CommandError(
                f"No store has the address “{options['store']}”.", returncode=EX_USAGE
            ) from error
        sources = _sources([Path(name) for name in options["files"]])
        status = EX_OK
        if not sources:
            stdin = options.get("stdin")
            raw = stdin if isinstance(stdin, bytes) else _read(sys.stdin.buffer)
            status = self._receive(store, "-", raw)
        for path in sources:
            try:
                with path.open("rb") as handle:
                    raw = _read(handle)
            except OSError as error:
                self._print(str(path), EmailOutcome(Outcome.REJECTED, reason=str(error)))
                status = max(status, EX_DATAERR)
                continue
            status = max(status, self._receive(store, str(path), raw))
        if status != EX_OK:
            raise SystemExit(status)

    def _receive(self, store: Store, name: str, raw: bytes | None) -> int:
        if raw is None:
            limit = MAX_EMAIL_BYTES // (1024 * 1024)
            reason = f"The email is larger than {limit} MB."
            self._print(name, EmailOutcome(Outcome.REJECTED, reason=reason))
            return EX_DATAERR
        try:
            outcome = do_receive_email(store, raw)
        except (DatabaseError, OSError) as error:
            self._print_failure(name, f"temporary failure: {type(error).__name__}: {error}")
            return EX_TEMPFAIL
        except Exception as error:
            # The process boundary to the MTA: whatever went wrong, the mail must wait in
            # its queue (75) rather than bounce, until the operator has seen the log.
            logger.exception("Receiving %s failed", name)
            self._print_failure(name, f"temporary failure: {type(error).__name__}")
            return EX_TEMPFAIL
        self._print(name, outcome)
        return EX_DATAERR if outcome.outcome == Outcome.REJECTED else EX_OK

    def _print(self, name: str, outcome: EmailOutcome) -> None:
        line: dict[str, Any] = {
            "file": name,
            "outcome": outcome.outcome.value,
            "conversation_id": outcome.conversation_id,
            "message_id": outcome.message_id,
        }
        if outcome.reason:
            line["reason"] = outcome.reason
        if outcome.bounced_message_id:
            line["bounced_message_id"] = outcome.bounced_message_id
        self.stdout.write(json.dumps(line, ensure_ascii=False))

    def _print_failure(self, name: str, reason: str) -> None:
        line = {"file": name, "outcome": "failed", "conversation_id": None, "message_id": None}
        self.stdout.write(json.dumps({**line, "reason": reason}, ensure_ascii=False))


def _sources(paths: list[Path]) -> list[Path]:
    """Every file to read: the files named, and the files in each folder named, by name."""
    sources: list[Path] = []
    for path in paths:
        if path.is_dir():
            sources.extend(sorted(child for child in path.iterdir() if child.is_file()))
        elif path.is_file():
            sources.append(path)
        else:
            raise CommandError(f"No such file or folder: {path}", returncode=EX_USAGE)
    return sources


def _read(handle: BinaryIO) -> bytes | None:
    """The whole input, or None when it is larger than a mail may be. The rest of a larger
    input is read and dropped, so that the MTA writing it does not see a broken pipe."""
    data = handle.read(MAX_EMAIL_BYTES + 1)
    if len(data) <= MAX_EMAIL_BYTES:
        return data
    while handle.read(_CHUNK):
        pass
    return None


def _usage_error(parser: CommandParser, message: str) -> NoReturn:
    if not parser.called_from_command_line:
        raise CommandError(f"Error: {message}", returncode=EX_USAGE)
    parser.print_usage(sys.stderr)
    parser.exit(EX_USAGE, f"{parser.prog}: error: {message}\n")
