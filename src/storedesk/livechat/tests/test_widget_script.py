"""Guards on the widget script itself: its size budget, and that markup only ever comes
from its own constants (server data is inserted as text)."""

import gzip
import re
from pathlib import Path

import storedesk.livechat

WIDGET = Path(storedesk.livechat.__file__).parent / "static" / "livechat" / "widget.js"
BUDGET_BYTES = 50 * 1024


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
