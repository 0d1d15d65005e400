"""The email parser on its own: the corpus of real-world-shaped mail, charsets that lie,
quoted history, headers, garbage, and our own marks (Message-IDs, reply tokens)."""

from typing import Any

import pytest

from storedesk.connectors.email.addressing import (
    conversation_id_of_token,
    is_own_message_id,
    make_message_id,
    tokens_in_addresses,
)
from storedesk.connectors.email.charsets import decode_bytes
from storedesk.connectors.email.htmltext import html_to_text
from storedesk.connectors.email.parsing import (
    Automatic,
    NotAnEmail,
    decode_header_value,
    parse_email,
)
from storedesk.connectors.email.quotes import split_reply
from storedesk.connectors.tests.email_corpus import (
    CORPUS,
    MAIL_DIR,
    OWN_DOMAIN,
    STOREDESK_URL,
    build,
)


@pytest.fixture(autouse=True)
def _our_address(settings: Any) -> None:
    settings.STOREDESK_URL = STOREDESK_URL


def test_the_corpus_is_large_and_its_files_are_what_its_module_builds() -> None:
    files = sorted(path.name for path in MAIL_DIR.glob("*.eml"))

    assert len(files) >= 45
    assert files == sorted(CORPUS)
    assert [name for name in files if (MAIL_DIR / name).read_bytes() != build(name)] == []


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_corpus_mail_parses_into_readable_text(name: str) -> None:
    expected = CORPUS[name][1]

    parsed = parse_email((MAIL_DIR / name).read_bytes())

    outcome = "stored" if parsed.automatic is None else parsed.automatic.value
    assert outcome.replace("loop", "auto_reply") == expected.outcome
    for text in (parsed.text, parsed.new_text, parsed.subject, parsed.from_name):
        assert "\ufffd" not in text
        assert "???" not in text
    if expected.outcome == "stored":
        assert expected.phrase in parsed.new_text
        assert parsed.new_text.strip()
    else:
        assert expected.phrase in parsed.subject
    if expected.absent:
        assert expected.absent not in parsed.new_text
    if expected.subject:
        assert parsed.subject == expected.subject
    assert set(expected.attachments) <= {a.filename for a in parsed.attachments}
    assert parsed.bounced_message_id == expected.bounced_message_id


def test_the_corpus_covers_every_charset_and_client_case() -> None:
    names = " ".join(CORPUS)

    for marker in (
        "windows1254", "iso88599", "iso88592", "windows1250", "koi8r", "iso2022jp",
        "wrong_charset", "missing_charset", "outlook", "gmail", "apple", "thunderbird",
        "yandex", "iphone", "bounce", "out_of_office", "loop", "forward", "tnef", "calendar",
        "cid", "html_only", "shop",
    ):  # fmt: skip
        assert marker in names, marker


# Charsets --------------------------------------------------------------------------------

TURKISH = "Merhaba, siparişim hâlâ gelmedi. İade istiyorum. Teşekkürler, Ayşe Yılmaz"
POLISH = "Dzień dobry, zamówienie nie dotarło. Proszę o zwrot za żółtą bluzkę. Łukasz"
RUSSIAN = "Здравствуйте! Мой заказ до сих пор не пришёл."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (TURKISH, "cp1254"),
        (TURKISH, "iso-8859-9"),
        (TURKISH, "utf-8"),
        (POLISH, "iso-8859-2"),
        (POLISH, "cp1250"),
        (RUSSIAN, "koi8-r"),
        (RUSSIAN, "cp1251"),
        ("Größe passt nicht, bitte Rückerstattung.", "cp1252"),
        ("¿Dónde está mi pedido? Gracias, Muñoz", "iso-8859-1"),
        ("注文した商品がまだ届いていません。", "iso-2022-jp"),
        ("注文した商品がまだ届いていません。", "shift_jis"),
        ("İade", "cp1254"),
        ("Łódź", "iso-8859-2"),
    ],
)
@pytest.mark.parametrize("declared", ["right", "iso-8859-1", "us-ascii", "utf-8", None, "x-bogus"])
def test_text_decodes_whatever_charset_is_declared(
    text: str, encoding: str, declared: str | None
) -> None:
    data = text.encode(encoding)

    decoded = decode_bytes(data, encoding if declared == "right" else declared)

    assert decoded == text


def test_utf8_that_was_encoded_twice_is_repaired() -> None:
    doubled = "Siparişim nerede? Çok güzel".encode().decode("cp1252").encode()

    assert decode_bytes(doubled, "utf-8") == "Siparişim nerede? Çok güzel"


def test_a_utf8_body_with_a_stray_windows1252_byte_keeps_both() -> None:
    data = "Teşekkürler, ".encode() + b"M\xfcller"

    assert decode_bytes(data, "utf-8") == "Teşekkürler, Müller"


def test_encoded_words_split_inside_a_character_join_before_decoding() -> None:
    first, rest = "İade".encode()[:1], "İade".encode()[1:]
    header = f"=?UTF-8?Q?{_quoted(first)}?= =?UTF-8?Q?{_quoted(rest)}?="

    assert decode_header_value(header) == "İade"


def _quoted(data: bytes) -> str:
    return "".join(f"={byte:02X}" for byte in data)


def test_an_encoded_word_that_lies_about_its_charset_still_reads() -> None:
    assert decode_header_value("=?iso-8859-1?Q?=DDade_talebi?=") == "İade talebi"


def test_raw_8bit_headers_are_decoded() -> None:
    parsed = parse_email(
        b"From: Mehmet \xd6zt\xfcrk <m@yandex.com.tr>\r\nSubject: Kap\xfdda \xf6deme\r\n\r\nx\r\n"
    )

    assert parsed.subject == "Kapıda ödeme"
    assert parsed.from_name == "Mehmet Öztürk"


# Quoted history --------------------------------------------------------------------------


def test_a_reply_whose_every_line_is_quoted_is_kept_whole() -> None:
    assert split_reply("> everything\n> quoted") == ("> everything\n> quoted", "")


def test_answers_written_between_the_quotes_are_all_new_text() -> None:
    text = "> Is it red?\nYes, red.\n> Size?\nM please."

    assert split_reply(text) == (text, "")


def test_a_line_that_only_looks_like_an_attribution_stays() -> None:
    text = "Mój brat pisze:\nże paczka dotarła uszkodzona."

    assert split_reply(text) == (text, "")


def test_a_forward_keeps_what_it_forwards() -> None:
    text = "FYI\n\n-----Original Message-----\nFrom: a\nSent: b\n\nthe point"

    assert split_reply(text, forwarded=True) == (text, "")


def test_html_becomes_readable_text_without_scripts_and_with_quotes_marked() -> None:
    text = html_to_text(
        "<html><head><style>p{}</style><script>alert(1)</script></head><body><p>Merhaba "
        "<b>Ayşe</b>,</p><blockquote>eski</blockquote><ul><li>bir</li></ul></body></html>"
    )

    assert text == "Merhaba Ayşe,\n\n> eski\n\n- bir"


# Not mail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \r\n\r\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)) * 10,
        b"just some words, no headers at all\n",
        b"Subject: x\x00\x00\r\n\r\nbody",
    ],
)
def test_input_that_is_not_mail_is_refused(raw: bytes) -> None:
    with pytest.raises(NotAnEmail):
        parse_email(raw)


def test_a_mail_bomb_of_nested_parts_is_read_without_recursing_forever() -> None:
    raw = b"From: a@b.example\r\nSubject: bomb\r\n"
    for depth in range(60):
        raw += f'Content-Type: multipart/mixed; boundary="b{depth}"\r\n\r\n--b{depth}\r\n'.encode()
    raw += b"Content-Type: text/plain\r\n\r\ndeep\r\n"

    parsed = parse_email(raw)

    assert parsed.subject == "bomb"


# Our own marks -------------------------------------------------------------------------


def test_our_message_ids_carry_our_domain() -> None:
    message_id = make_message_id()

    assert message_id.endswith(f"@{OWN_DOMAIN}>")
    assert is_own_message_id(message_id)
    assert is_own_message_id(message_id.strip("<>"))
    assert not is_own_message_id("<abc@mail.gmail.com>")


def test_a_mail_with_our_message_id_is_a_loop_but_a_reference_to_ours_is_a_reply() -> None:
    ours = make_message_id()
    looped = parse_email(f"From: a@b.example\r\nMessage-ID: {ours}\r\n\r\nx".encode())
    answer = parse_email(
        f"From: a@b.example\r\nMessage-ID: <1@b.example>\r\nIn-Reply-To: {ours}\r\n"
        f"References: {ours}\r\n\r\nThanks".encode()
    )

    assert looped.automatic == Automatic.LOOP
    assert answer.automatic is None
    assert answer.thread_ids == [ours.strip("<>")]


def test_reply_token_addresses_are_found_in_any_recipient() -> None:
    assert tokens_in_addresses(["destek+c12-abc@moda.example", "plain@moda.example"]) == ["c12-abc"]
    assert conversation_id_of_token(1, "c12-" + "0" * 20) is None
    assert conversation_id_of_token(1, "not a token") is None
