"""Guards on the widget script itself: its size budget, and that markup only ever comes
from its own constants (server data is inserted as text)."""

import gzip
import re
from pathlib import Path

import storedesk.livechat
from storedesk.livechat.selectors import widget_strings

WIDGET = Path(storedesk.livechat.__file__).parent / "static" / "livechat" / "widget.js"
BUDGET_BYTES = 50 * 1024
# Every word the widget shows, as the session payload names them (widget.strings).
WIDGET_STRING_NAMES = {
    "unread", "close", "messages", "placeholder", "message", "send", "attach", "remove", "you",
    "team", "sending", "queued", "failed", "typing", "reconnecting", "outside_hours",
    "no_agent_online", "email", "save", "email_saved", "email_invalid", "transcript",
    "transcript_sent", "too_large", "bad_type", "too_long", "too_many", "too_fast", "error",
    "uploading",
}  # fmt: skip


def test_widget_script_stays_within_its_gzipped_size_budget() -> None:
    size = len(gzip.compress(WIDGET.read_bytes(), compresslevel=9))

    assert size < BUDGET_BYTES


def test_widget_script_parses_markup_only_from_its_own_constants() -> None:
    source = WIDGET.read_text()

    assignments = re.findall(r"\.innerHTML\s*=\s*([^;]+);", source)

    assert assignments == ["SHELL", "ICON_CLOSE"]
    assert "insertAdjacentHTML" not in source
    assert "outerHTML" not in source
    assert "document.write" not in source
    assert "eval(" not in source


def test_widget_script_requests_nothing_but_its_own_server() -> None:
    source = WIDGET.read_text()

    addresses = re.findall(r"https?://[^\s\"'<>]+", source)

    # Only the embedding example in the opening comment names a host.
    assert addresses == ["https://desk.example/static/livechat/widget.js"]


def test_widget_script_carries_no_translations_and_uses_only_the_words_it_is_served() -> None:
    source = WIDGET.read_text()

    called = set(re.findall(r"\bt\(\s*\"(\w+)\"", source))
    mapped = {
        name
        for table in re.findall(r"var known = \{([^}]*)\}", source)
        for name in re.findall(r":\s*\"(\w+)\"", table)
    }

    assert called | mapped <= WIDGET_STRING_NAMES
    assert {"too_long", "bad_type", "too_large"} <= mapped
    assert set(widget_strings("en")) == WIDGET_STRING_NAMES
    # The words come from the catalogues; the script has none of its own, in any language.
    for text in ("Write a message", "Bize yazın", "Mesajınızı yazın", "Czat z nami", "Escríbanos"):
        assert text not in source
