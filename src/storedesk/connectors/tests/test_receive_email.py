"""Receiving mail into the inbox, through ``do_receive_email`` and the ``receive_email``
command: the whole corpus, threading, duplicates, ignored mail, files, garbage, and the
exit statuses an MTA reads."""

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from storedesk.connectors.email.addressing import reply_token
from storedesk.connectors.email.intake import (
    MAX_EMAIL_BYTES,
    EmailOutcome,
    Outcome,
    do_receive_email,
    do_receive_email_for_store,
)
from storedesk.connectors.tests.email_corpus import (
    CORPUS,
    MAIL_DIR,
    PDF,
    PNG,
    STOREDESK_URL,
    SUPPORT,
    file_part,
    mail,
    multipart,
    text_part,
)
from storedesk.core.models import Store
from storedesk.core.tests.languages import in_turkish
from storedesk.core.tests.processes import COMMAND_TIMEOUT, environment, run_storedesk
from storedesk.customers.models import Customer
from storedesk.inbox.models import (
    MAX_MESSAGE_LENGTH,
    Attachment,
    Channel,
    Conversation,
    Direction,
    Message,
)


@pytest.fixture(autouse=True)
def _our_address(settings: Any) -> None:
    settings.STOREDESK_URL = STOREDESK_URL


def _mail(
    text: str = "Where is my parcel?",
    *,
    sender: str = "Emma Brown <emma@example.com>",
    to: str = SUPPORT,
    subject: str = "Parcel",
    message_id: str | None = "<parcel-1@example.com>",
    extra: tuple[str, ...] = (),
) -> bytes:
    envelope = [f"From: {sender}", f"To: {to}", f"Subject: {subject}", *extra]
    if message_id:
        envelope.append(f"Message-ID: {message_id}")
    return mail(envelope, text_part(text, transfer="8bit"))


def _message(outcome: EmailOutcome) -> Message:
    assert outcome.message_id is not None, outcome
    return Message.objects.get(pk=outcome.message_id)


def _conversation(outcome: EmailOutcome) -> Conversation:
    assert outcome.conversation_id is not None, outcome
    return Conversation.objects.get(pk=outcome.conversation_id)


def _nothing_written() -> bool:
    return not (
        Message.objects.exists()
        or Conversation.objects.exists()
        or Customer.objects.exists()
        or Attachment.objects.exists()
    )


# The corpus ----------------------------------------------------------------------------


def test_every_corpus_mail_lands_where_it_belongs(store: Store) -> None:
    outcomes: dict[str, EmailOutcome] = {}

    for name in CORPUS:
        outcomes[name] = do_receive_email(store, (MAIL_DIR / name).read_bytes())

    for name, (_build, expected) in CORPUS.items():
        outcome = outcomes[name]
        assert outcome.outcome == expected.outcome, (name, outcome)
        if expected.outcome != "stored":
            assert outcome.conversation_id is None
            assert outcome.message_id is None
            assert outcome.bounced_message_id == expected.bounced_message_id, name
            continue
        message = _message(outcome)
        assert message.store_id == store.pk
        assert message.channel == Channel.EMAIL
        assert message.direction == Direction.INBOUND
        assert expected.phrase in message.text, name
        assert "\ufffd" not in message.text, name
        assert "???" not in message.text, name
        if expected.absent:
            assert expected.absent not in message.text, name
        if expected.thread_to:
            assert outcome.conversation_id == outcomes[expected.thread_to].conversation_id, name
        else:
            assert (
                Message.objects.filter(
                    conversation=_conversation(outcome), direction=Direction.INBOUND
                ).first()
                == message
            ), f"{name} joined an earlier conversation"
        if expected.subject and not expected.thread_to:
            assert message.conversation.subject == expected.subject
        if expected.customer:
            assert message.conversation.customer.email == expected.customer
        kept = sorted(a.filename for a in message.attachments.all())
        assert kept == sorted(expected.attachments), name
        notes = Message.objects.filter(
            conversation=_conversation(outcome), direction=Direction.INTERNAL
        )
        assert notes.exists() == expected.note, name
    stored = [name for name, (_b, e) in CORPUS.items() if e.outcome == "stored"]
    assert Message.objects.filter(direction=Direction.INBOUND).count() == len(stored)
    assert Conversation.objects.count() == len(
        [name for name in stored if not CORPUS[name][1].thread_to]
    )


def test_the_whole_corpus_again_is_all_duplicates_or_ignored(store: Store) -> None:
    for name in CORPUS:
        do_receive_email(store, (MAIL_DIR / name).read_bytes())
    messages = Message.objects.count()

    again = [do_receive_email(store, (MAIL_DIR / name).read_bytes()) for name in CORPUS]

    assert {o.outcome for o in again} <= {Outcome.DUPLICATE, Outcome.AUTO_REPLY, Outcome.BOUNCE}
    assert Message.objects.count() == messages


def test_html_mail_is_kept_sanitised_and_plain_history_kept_under_the_new_text(
    store: Store,
) -> None:
    html_mail = do_receive_email(
        store, (MAIL_DIR / "de_shop_notification_html_only_bulk.eml").read_bytes()
    )
    reply = do_receive_email(store, (MAIL_DIR / "en_gmail_reply_wrote.eml").read_bytes())

    html = _message(html_mail).html
    assert "Kundenfrage zu Artikel" in html
    assert "<script" not in html
    assert "onclick" not in html
    quoted = _message(reply)
    assert quoted.text == "Thanks, that works for me."
    assert "<blockquote>" in quoted.html
    assert "It has been a week." in quoted.html


# Threading -----------------------------------------------------------------------------


def test_a_reply_finds_its_conversation_by_the_token_in_its_address(store: Store) -> None:
    first = do_receive_email(store, _mail())
    conversation = _conversation(first)
    token = reply_token(conversation)

    answer = do_receive_email(
        store,
        _mail("Any news?", to=f"destek+{token}@moda.example", message_id="<parcel-2@example.com>"),
    )
    delivered = do_receive_email(
        store,
        _mail(
            "And now?",
            message_id="<parcel-3@example.com>",
            extra=(f"Delivered-To: destek+{token.upper()}@moda.example",),
        ),
    )

    assert answer.conversation_id == first.conversation_id
    assert delivered.conversation_id == first.conversation_id


def test_a_forged_or_foreign_token_starts_a_new_conversation(
    store: Store, other_store: Store
) -> None:
    theirs = do_receive_email(other_store, _mail())
    token = reply_token(_conversation(theirs))
    ours = do_receive_email(store, _mail(message_id="<mine@example.com>"))
    forged = f"c{ours.conversation_id}-{'0' * 20}"

    with_foreign = do_receive_email(
        store, _mail(to=f"destek+{token}@moda.example", message_id="<a@example.com>")
    )
    with_forged = do_receive_email(
        store, _mail(to=f"destek+{forged}@moda.example", message_id="<b@example.com>")
    )

    assert len({theirs.conversation_id, ours.conversation_id, with_foreign.conversation_id,
                with_forged.conversation_id}) == 4  # fmt: skip
    assert _conversation(with_foreign).store == store


def test_another_stores_message_ids_thread_nothing(store: Store, other_store: Store) -> None:
    theirs = do_receive_email(other_store, _mail())

    reply = do_receive_email(
        store,
        _mail("Re", message_id="<r@example.com>", extra=("In-Reply-To: <parcel-1@example.com>",)),
    )

    assert reply.outcome == Outcome.STORED
    assert reply.conversation_id != theirs.conversation_id
    assert _conversation(reply).store == store


def test_the_same_mail_in_two_stores_is_stored_in_each(store: Store, other_store: Store) -> None:
    assert do_receive_email(store, _mail()).outcome == Outcome.STORED
    assert do_receive_email(other_store, _mail()).outcome == Outcome.STORED


# Duplicates ----------------------------------------------------------------------------


def test_the_same_mail_twice_is_one_message(store: Store) -> None:
    first = do_receive_email(store, _mail())

    second = do_receive_email(store, _mail())

    assert second == EmailOutcome(
        Outcome.DUPLICATE,
        conversation_id=first.conversation_id,
        message_id=first.message_id,
        reason="Message-ID stored before",
    )
    assert Message.objects.count() == 1


def test_a_mail_without_message_id_is_recognised_by_its_bytes(store: Store) -> None:
    raw = _mail(message_id=None)

    first = do_receive_email(store, raw)
    second = do_receive_email(store, raw)
    other = do_receive_email(store, _mail("Something else", message_id=None))

    assert first.outcome == Outcome.STORED
    assert second.outcome == Outcome.DUPLICATE
    assert second.message_id == first.message_id
    assert other.outcome == Outcome.STORED
    external_id = _message(first).external_id
    assert external_id is not None
    assert external_id.endswith("@no-message-id.storedesk")


# Files -------------------------------------------------------------------------------------


def _with_files(*parts: bytes) -> bytes:
    return mail(
        ["From: Emma <emma@example.com>", f"To: {SUPPORT}", "Subject: Files",
         "Message-ID: <files-1@example.com>"],
        multipart("mixed", "files-boundary", text_part("Files attached."), *parts),
    )  # fmt: skip


def test_a_file_over_the_limit_is_left_out_with_a_note_for_the_agent(
    store: Store, settings: Any
) -> None:
    settings.STOREDESK_MAX_UPLOAD_BYTES = 1000
    big = PDF + b"%" * 2000

    outcome = do_receive_email(
        store,
        _with_files(
            file_part(big, "application/pdf", filename_header='filename="büyük fatura.pdf"'),
            file_part(PNG, "image/png", filename_header='filename="küçük.png"'),
        ),
    )

    message = _message(outcome)
    assert [a.filename for a in message.attachments.all()] == ["küçük.png"]
    note = Message.objects.get(conversation=_conversation(outcome), direction="internal")
    assert "büyük fatura.pdf" in note.text
    # The note speaks the store's language (Turkish).
    assert in_turkish("larger than %(limit)s") % {"limit": ""} in note.text


def test_the_note_is_in_the_stores_language(store: Store) -> None:
    store.default_language = "tr"
    store.save(update_fields=["default_language"])

    outcome = do_receive_email(
        store,
        _with_files(
            file_part(b"BEGIN:VCALENDAR", "text/calendar", filename_header="filename=a.ics")
        ),
    )

    note = Message.objects.get(conversation=_conversation(outcome), direction="internal")
    assert "a.ics" in note.text
    assert note.author_type == "system"


# Ignored mail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [name for name, (_b, expected) in CORPUS.items() if expected.outcome != "stored"],
)
def test_automatic_mail_creates_nothing(store: Store, name: str) -> None:
    outcome = do_receive_email(store, (MAIL_DIR / name).read_bytes())

    assert outcome.outcome in {Outcome.AUTO_REPLY, Outcome.BOUNCE}
    assert outcome.reason
    assert _nothing_written()


def test_an_autoresponder_answering_our_every_mail_makes_no_storm(store: Store) -> None:
    for number in range(20):
        do_receive_email(
            store,
            _mail(
                "I am away.",
                subject="Automatic reply: Re: Parcel",
                message_id=f"<away-{number}@example.com>",
                extra=("X-Autoreply: yes",),
            ),
        )

    assert _nothing_written()


# Garbage -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00" * 1000,
        bytes(range(256)) * 100,
        b"%PDF-1.4 not a mail",
        b"Subject: no sender\r\n\r\nHello",
        b"From: not an address\r\nSubject: x\r\n\r\nHello",
    ],
)
def test_garbage_is_rejected_and_writes_nothing(store: Store, raw: bytes) -> None:
    outcome = do_receive_email(store, raw)

    assert outcome.outcome == Outcome.REJECTED
    assert outcome.reason
    assert _nothing_written()


def test_a_mail_over_the_size_limit_is_rejected(store: Store) -> None:
    raw = _mail("x" * (MAX_EMAIL_BYTES + 10))

    outcome = do_receive_email(store, raw)

    assert outcome.outcome == Outcome.REJECTED
    assert "25 MB" in outcome.reason
    assert _nothing_written()


def test_a_store_that_does_not_exist_is_rejected(db: None) -> None:
    outcome = do_receive_email_for_store("nowhere", _mail())

    assert outcome.outcome == Outcome.REJECTED
    assert "nowhere" in outcome.reason


# The command ---------------------------------------------------------------------------


def _run(*arguments: str, stdin: bytes | None = None) -> tuple[int, list[dict[str, Any]], str]:
    out, err = io.StringIO(), io.StringIO()
    options: dict[str, Any] = {"stdout": out, "stderr": err}
    if stdin is not None:
        options["stdin"] = stdin
    try:
        call_command("receive_email", *arguments, **options)
        status = 0
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    return status, lines, err.getvalue()


def test_the_command_reads_files_and_folders_and_prints_a_json_line_each(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "b.eml").write_bytes(_mail("second", message_id="<b@example.com>"))
    (folder / "a.eml").write_bytes(_mail("first", message_id="<a@example.com>"))
    bounce = MAIL_DIR / "en_bounce_postfix_dsn.eml"

    status, lines, _err = _run("--store", "moda", str(folder), str(bounce))

    assert status == 0
    assert [line["file"] for line in lines] == [
        str(folder / "a.eml"), str(folder / "b.eml"), str(bounce),
    ]  # fmt: skip
    assert [line["outcome"] for line in lines] == ["stored", "stored", "bounce"]
    first = Message.objects.get(external_id="a@example.com")
    assert lines[0]["message_id"] == first.pk
    assert lines[0]["conversation_id"] == first.conversation_id
    assert lines[2]["conversation_id"] is None
    assert lines[2]["message_id"] is None


def test_the_command_reads_stdin_and_says_duplicate_the_second_time(store: Store) -> None:
    status, lines, _err = _run("--store", "moda", stdin=_mail())
    again, repeated, _err = _run("--store", "moda", stdin=_mail())

    assert (status, again) == (0, 0)
    assert lines[0]["file"] == "-"
    assert lines[0]["outcome"] == "stored"
    assert repeated[0]["outcome"] == "duplicate"
    assert repeated[0]["message_id"] == lines[0]["message_id"]


def test_the_command_exits_65_when_a_mail_is_rejected(store: Store, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)))
    good = tmp_path / "good.eml"
    good.write_bytes(_mail())

    status, lines, _err = _run("--store", "moda", str(garbage), str(good))

    assert status == 65
    assert [line["outcome"] for line in lines] == ["rejected", "stored"]
    assert lines[0]["reason"]


def test_the_command_rejects_a_30_mb_input_without_storing_it(store: Store, tmp_path: Path) -> None:
    huge = tmp_path / "huge.eml"
    huge.write_bytes(_mail("x" * (30 * 1024 * 1024)))

    status, lines, _err = _run("--store", "moda", str(huge))

    assert status == 65
    assert lines[0]["outcome"] == "rejected"
    assert "25 MB" in lines[0]["reason"]
    assert _nothing_written()


@pytest.mark.parametrize(
    "arguments",
    [("--store", "nowhere"), ("--store", "moda", "/no/such/file.eml"), ()],
)
def test_the_command_exits_64_on_bad_arguments(store: Store, arguments: tuple[str, ...]) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as raised:
        call_command("receive_email", *arguments, stdin=_mail())

    assert raised.value.returncode == 64
    assert _nothing_written() or not Message.objects.exists()


# As an MTA runs it ---------------------------------------------------------------------


def _pipe(env: dict[str, str], raw: bytes, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603  (our own command)
        [sys.executable, "-m", "storedesk", "receive_email", *arguments],
        input=raw,
        env=env,
        capture_output=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )


@pytest.fixture
def mta_env(migrated_data_dir: Path, tmp_path: Path) -> dict[str, str]:
    from storedesk.core.tests.processes import copy_data_dir

    env = environment(copy_data_dir(migrated_data_dir, tmp_path / "data"))
    run_storedesk(
        env, "create_store", "moda", "--name", "Moda", "--owner-email", "o@moda.example",
        "--country", "TR", "--currency", "TRY", "--timezone", "Europe/Istanbul",
    )  # fmt: skip
    return env


def test_an_mta_pipes_mail_into_the_command(mta_env: dict[str, str]) -> None:
    raw = (MAIL_DIR / "tr_windows1254_outlook_new.eml").read_bytes()

    stored = _pipe(mta_env, raw, "--store", "moda")
    again = _pipe(mta_env, raw, "--store", "moda")
    unknown = _pipe(mta_env, raw, "--store", "nowhere")
    garbage = _pipe(mta_env, b"\x00\x01\x02", "--store", "moda")

    assert stored.returncode == 0, stored.stderr
    line = json.loads(stored.stdout)
    assert line["file"] == "-"
    assert line["outcome"] == "stored"
    assert isinstance(line["conversation_id"], int)
    assert isinstance(line["message_id"], int)
    assert json.loads(again.stdout)["outcome"] == "duplicate"
    assert again.returncode == 0
    assert unknown.returncode == 64
    assert b"nowhere" in unknown.stderr
    assert garbage.returncode == 65
    assert json.loads(garbage.stdout)["outcome"] == "rejected"
    assert b"Traceback" not in garbage.stderr + unknown.stderr


def test_an_unreachable_database_asks_the_mta_to_try_again(tmp_path: Path) -> None:
    env = environment(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:9/storedesk_none")

    done = _pipe(env, _mail(), "--store", "moda")

    assert done.returncode == 75, done.stderr


def test_a_text_longer_than_a_message_may_be_is_cut_and_kept_whole_in_the_html(
    store: Store,
) -> None:
    long_text = "Çok uzun bir mesaj. " * 1000

    message = _message(do_receive_email(store, _mail(long_text)))

    assert len(message.text) <= MAX_MESSAGE_LENGTH
    assert (
        in_turkish("[The email is longer: the inbox shows its first %(count)s characters.]")
        % {"count": 9700}
        in message.text
    )
    assert message.html.count("Çok uzun bir mesaj.") == 1000


def test_a_mail_without_any_text_is_stored_with_its_subject_or_a_placeholder(
    store: Store,
) -> None:
    with_subject = _message(do_receive_email(store, _mail(" ", subject="Order 10234?")))
    bare = _message(do_receive_email(store, _mail(" ", subject="", message_id="<bare@x.example>")))

    assert with_subject.text == "Order 10234?"
    assert bare.text == in_turkish("(The email has no text.)")
