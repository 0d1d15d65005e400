"""The agent inbox in a real browser against a real server: every filter applies at once,
the view counts follow new conversations and assignments live, the page reconnects within
seconds of a server restart and catches up, the tabs show whole on a desktop and a phone,
and the reply box takes canned replies by their shortcut."""

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from storedesk.core.tests.processes import (
    call_api,
    free_port,
    run_storedesk,
    set_up_server,
    start_storedesk,
    stop,
    wait_until_ready,
)

if TYPE_CHECKING:
    import subprocess

    from playwright.sync_api import Browser, FloatRect, Locator, Page

pytestmark = pytest.mark.browser

STORE = "moda"
PASSWORD = "kargo-takip-2026"
AGENT = "agent@moda.example"  # English UI: the labels below stay put when translations change
TURKISH_AGENT = "ayse@moda.example"
# A restarted server is answering: the page should be live again within this many seconds
# (the longest back-off step is 4 s, plus a second for the socket and the page's work).
RECONNECT_WITHIN = 6.0

# Run with `storedesk shell -c` in the server's data folder before it starts.
SETUP = f"""
import json
from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.teams import do_create_team
from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.actors import system_actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.actions import do_create_store
from storedesk.customers.models import IdentityKind
from storedesk.inbox.actions.canned_replies import check_save_canned_reply
from storedesk.inbox.actions.conversations import check_set_priority, check_set_tags
from storedesk.inbox.actions.messages import Sender, do_receive_message
from storedesk.inbox.models import Channel, Priority

store = do_create_store(
    name="Moda Çarşı", slug={STORE!r}, default_currency="TRY", languages=["tr", "en", "pl"],
    default_language="tr", timezone="Europe/Istanbul", country="TR",
)
agent = User.objects.create_user(
    {AGENT!r}, {PASSWORD!r}, name="Emily Carter", language="en", timezone="Europe/Istanbul"
)
ayse = User.objects.create_user(
    {TURKISH_AGENT!r}, {PASSWORD!r}, name="Ayşe Demir", language="tr",
    timezone="Europe/Istanbul",
)
for user in (agent, ayse):
    do_add_member(store, user=user, role=Role.AGENT)
team = do_create_team(
    store, name="Destek", timezone="Europe/Istanbul", working_hours={{}}, members=[agent, ayse]
)
system = system_actor(store)


def receive(channel, kind, value, name, text, language):
    return do_receive_message(
        store, channel=channel, text=text, language=language,
        sender=Sender(kind=kind, value=value, name=name),
    ).conversation


urgent = receive(Channel.EMAIL, IdentityKind.EMAIL, "emma@example.com", "Emma Brown",
                 "Where is order #10234?", "en")
check_set_priority(system, urgent, priority=Priority.URGENT)
receive(Channel.WHATSAPP, IdentityKind.PHONE, "+48601234567", "Ola Nowak",
        "Gdzie jest moja paczka?", "pl")
tagged = receive(Channel.CHAT, IdentityKind.VISITOR, "v-elif", "Elif Yıldız",
                 "Merhaba, iade etmek istiyorum", "tr")
check_set_tags(system, tagged, names=["iade"])
check_save_canned_reply(
    system, name="İade süreci", shortcut="iade",
    texts={{"en": "Returns are free within 30 days.", "tr": "30 gün içinde iade ücretsiz."}},
)
check_save_canned_reply(
    system, name="Where is my order", shortcut="where",
    texts={{"en": "Your order: {{{{ order.shipping_status }}}}", "tr": "Siparişiniz yolda."}},
)
_, token = do_create_api_token(store, name="Browser test")
print(json.dumps({{"api_token": token, "agent_id": agent.pk}}))
"""


@dataclass
class InboxServer:
    env: dict[str, str]
    port: int
    log: Path
    api_token: str
    agent_id: int
    process: "subprocess.Popen[bytes] | None" = field(default=None)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> float:
        self.process = start_storedesk(self.env, self.log, "serve", "--port", str(self.port))
        return wait_until_ready(f"{self.url}/readyz", self.process, self.log)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None

    def api(self, method: str, path: str, body: dict[str, Any]) -> Any:
        return call_api(self.url, self.api_token, method, path, body)

    def inbound(self, name: str, email: str, text: str) -> int:
        answer = self.api(
            "POST",
            "/conversations/inbound",
            {
                "channel": "email",
                "sender": {"kind": "email", "value": email, "name": name},
                "text": text,
                "language": "en",
            },
        )
        conversation_id: int = answer["conversation"]["id"]
        return conversation_id


@pytest.fixture(scope="module")
def server(
    migrated_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InboxServer]:
    root = tmp_path_factory.mktemp("inbox-browser")
    env, created = set_up_server(migrated_data_dir, root, SETUP)
    running = InboxServer(
        env=env,
        port=free_port(),
        log=root / "server.log",
        api_token=created["api_token"],
        agent_id=created["agent_id"],
    )
    running.start()
    try:
        yield running
    finally:
        running.stop()


def log_in(browser: "Browser", server: InboxServer, email: str, width: int = 1280) -> "Page":
    context = browser.new_context(viewport={"width": width, "height": 820})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(f"{server.url}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("form.stacked button[type=submit]").click()
    # After logging in an agent lands in the inbox.
    page.wait_for_url(f"**/s/{STORE}/inbox/")
    page.locator('#inbox[data-live="true"]').wait_for(state="attached")
    return page


def box_of(locator: "Locator") -> "FloatRect":
    box = locator.bounding_box()
    assert box is not None
    return box


def rows(page: "Page") -> "Locator":
    return page.locator("#conversation-list .conversation-row .row-name")


def count(page: "Page", view: str) -> "Locator":
    return page.locator(f'#inbox-views a[data-view="{view}"] .count')


def test_every_filter_applies_at_once_and_the_counts_follow_live(
    browser: "Browser", server: InboxServer
) -> None:
    from playwright.sync_api import expect

    page = log_in(browser, server, AGENT)
    expect(rows(page)).to_have_text(["Elif Yıldız", "Ola Nowak", "Emma Brown"])
    page.get_by_text("Filters and order").click()

    def choose(name: str, value: str) -> None:
        page.locator(f'#inbox-filters select[name="{name}"]').select_option(value)

    expectations = [
        ("channel", "email", ["Emma Brown"]),
        ("tag", "iade", ["Elif Yıldız"]),
        ("language", "pl", ["Ola Nowak"]),
        ("priority", "urgent", ["Emma Brown"]),
        ("sort", "oldest", ["Emma Brown", "Ola Nowak", "Elif Yıldız"]),
        ("status", "pending", []),
    ]
    for name, value, names in expectations:
        choose(name, value)
        # No search typed, no button pressed: the list follows the select.
        expect(rows(page)).to_have_text(names)
        if not names:
            expect(page.locator("#conversation-list .empty")).to_have_text(
                "No conversation matches these filters."
            )
        choose(name, "")
        expect(rows(page)).to_have_count(3)
    # The language filter names languages in the reader's language.
    expect(page.locator('#inbox-filters select[name="language"] option[value="pl"]')).to_have_text(
        "Polish"
    )

    expect(count(page, "unassigned")).to_have_text("3")
    expect(count(page, "all")).to_have_text("3")
    expect(count(page, "mine")).to_have_text("0")
    # A new conversation arrives, then one is assigned: no reload, the counts follow.
    new_id = server.inbound("Nora Quinn", "nora@example.com", "Hello, is my parcel lost?")
    expect(count(page, "unassigned")).to_have_text("4")
    expect(count(page, "all")).to_have_text("4")
    expect(rows(page).first).to_have_text("Nora Quinn")
    server.api(
        "POST",
        f"/conversations/{new_id}/assignment",
        {"assignee_id": server.agent_id, "team_id": None},
    )
    expect(count(page, "mine")).to_have_text("1")
    expect(count(page, "unassigned")).to_have_text("3")
    expect(count(page, "all")).to_have_text("4")
    page.context.close()


def test_after_a_server_restart_the_inbox_is_live_again_within_seconds_and_catches_up(
    browser: "Browser", server: InboxServer
) -> None:
    from playwright.sync_api import expect

    page = log_in(browser, server, AGENT, width=1024)
    live = page.locator("#live-status")
    before = int(count(page, "all").inner_text())

    server.stop()
    page.locator('#inbox[data-live="false"]').wait_for(state="attached")
    expect(live).to_be_visible()
    expect(live).to_have_text("Reconnecting…")
    # The badge wraps inside the list's header; it pushes nothing out of the pane.
    head = box_of(page.locator(".inbox-list-head"))
    pane = box_of(page.locator(".inbox-list"))
    for box in (box_of(live), box_of(page.locator("#conversations-heading")),
                box_of(page.locator("#presence-form"))):  # fmt: skip
        assert box["x"] >= pane["x"]
        assert box["x"] + box["width"] <= pane["x"] + pane["width"] + 0.5
        assert head["y"] <= box["y"] <= head["y"] + head["height"]
    assert page.evaluate(
        "() => { const h = document.querySelector('.inbox-list-head');"
        " return h.scrollWidth <= h.clientWidth; }"
    )
    # Written while the server was down: the page has never heard of it.
    run_storedesk(
        server.env,
        "shell",
        "--no-imports",
        "-c",
        "from storedesk.core.models import Store\n"
        "from storedesk.customers.models import IdentityKind\n"
        "from storedesk.inbox.actions.messages import Sender, do_receive_message\n"
        "from storedesk.inbox.models import Channel\n"
        f"do_receive_message(Store.objects.get(slug={STORE!r}), channel=Channel.EMAIL,"
        " text='Written while you were away', language='en',"
        " sender=Sender(kind=IdentityKind.EMAIL, value='late@example.com', name='Lena Late'))",
    )
    time.sleep(5)  # long enough for the back-off to have grown, as in a real restart

    server.start()
    ready = time.monotonic()
    page.locator('#inbox[data-live="true"]').wait_for(
        state="attached", timeout=RECONNECT_WITHIN * 1000
    )
    reconnected = time.monotonic() - ready
    expect(live).to_be_hidden()
    # Caught up: the list and its counts hold what happened meanwhile.
    expect(rows(page).first).to_have_text("Lena Late")
    expect(count(page, "all")).to_have_text(str(before + 1))
    assert reconnected < RECONNECT_WITHIN
    print(f"reconnected {reconnected:.1f} s after the restarted server answered")  # noqa: T201
    page.context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_every_view_tab_shows_whole_on_a_desktop_and_a_phone(
    browser: "Browser", server: InboxServer, width: int
) -> None:
    from playwright.sync_api import expect

    # Turkish labels are the longest the tabs have had to hold ("Tümü" showed as "T").
    page = log_in(browser, server, TURKISH_AGENT, width=width)
    nav = page.locator("#inbox-views")
    box = nav.bounding_box()
    assert box is not None
    for view in ("mine", "unassigned", "teams", "all"):
        tab = nav.locator(f'a[data-view="{view}"]')
        expect(tab).to_be_visible()
        tab_box = tab.bounding_box()
        assert tab_box is not None
        assert tab_box["x"] >= box["x"] - 0.5
        assert tab_box["x"] + tab_box["width"] <= box["x"] + box["width"] + 0.5
    assert page.evaluate(
        "() => { const n = document.getElementById('inbox-views');"
        " return n.scrollWidth <= n.clientWidth; }"
    )
    expect(nav.locator('a[data-view="all"]')).to_contain_text("Tümü")
    page.context.close()


def test_the_reply_box_takes_a_canned_reply_by_its_shortcut(
    browser: "Browser", server: InboxServer
) -> None:
    from playwright.sync_api import expect

    page = log_in(browser, server, AGENT)
    rows(page).filter(has_text="Emma Brown").click()
    reply = page.locator("#reply-text")
    reply.click()
    reply.press_sequentially("Hello! /iade")
    reply.press("Tab")
    expect(reply).to_have_value("Hello! Returns are free within 30 days.")

    # The picker's search folds like the server's: "IADE" finds "İade süreci".
    page.locator("#canned-button").click()
    page.locator(".canned-filter").fill("IADE")
    expect(page.locator(".canned-list li:visible .canned-choice")).to_have_text(["İade süreci"])
    page.context.close()
