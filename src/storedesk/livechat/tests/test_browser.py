"""The website chat end to end, in real browsers against a real server: a shopper writes in
Turkish from a shop page, an agent answers from the inbox with a canned reply, the shopper's
connection drops and the message written meanwhile arrives exactly once."""

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from storedesk.core.tests.processes import call_api, serving, set_up_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request, WebSocketRoute


pytestmark = pytest.mark.browser

STORE_SLUG = "moda"
STORE_NAME = "Moda Çarşı"
AGENT_EMAIL = "ayse@moda.example"
AGENT_PASSWORD = "kargo-takip-2026"
AGENT_NAME = "Ayşe Demir"
CANNED_NAME = "Sipariş nerede"
CANNED_TEXT = "Merhaba, siparişiniz kargoya verildi; yarın elinizde olacak."
WIDGET_SOCKET = re.compile(r"/ws/widget/")

# Run with `storedesk shell -c` in the server's own data folder: a Turkish store with a chat
# widget routed to a team, one agent (English UI, so the labels below stay put when the
# Turkish translations arrive), a Turkish canned reply and an API token for the checks.
SETUP = f"""
import json
from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.teams import do_create_team
from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.actors import system_actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.actions import do_create_store
from storedesk.inbox.actions.canned_replies import check_save_canned_reply
from storedesk.livechat.actions import do_create_widget

store = do_create_store(
    name={STORE_NAME!r}, slug={STORE_SLUG!r}, default_currency="TRY", languages=["tr", "en"],
    default_language="tr", timezone="Europe/Istanbul", country="TR",
)
agent = User.objects.create_user(
    {AGENT_EMAIL!r}, {AGENT_PASSWORD!r}, name={AGENT_NAME!r}, language="en",
    timezone="Europe/Istanbul",
)
do_add_member(store, user=agent, role=Role.AGENT)
team = do_create_team(
    store, name="Destek", timezone="Europe/Istanbul", working_hours={{}}, members=[agent]
)
do_create_widget(store, team=team, greeting={{"tr": "Merhaba! Size nasıl yardımcı olabiliriz?"}})
check_save_canned_reply(
    system_actor(store), name={CANNED_NAME!r}, shortcut="nerede", texts={{"tr": {CANNED_TEXT!r}}}
)
_, token = do_create_api_token(store, name="Browser test")
print(json.dumps({{"api_token": token}}))
"""


@dataclass(frozen=True, slots=True)
class ChatServer:
    url: str
    api_token: str

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        return call_api(self.url, self.api_token, method, path, body)

    def stored_texts(self, conversation_id: int) -> list[str]:
        page = self.api("GET", f"/conversations/{conversation_id}/messages?limit=200")
        return [message["text"] for message in page["items"]]


class SocketRelay:
    """Passes the widget's websocket through to the server, and cuts it the way a lost
    network would: open sockets close, new ones fail until the network is back."""

    def __init__(self, *, blocked: bool = False) -> None:
        self.blocked = blocked
        self.connections = 0
        self.open: list[tuple[WebSocketRoute, WebSocketRoute]] = []

    def __call__(self, route: "WebSocketRoute") -> None:
        if self.blocked:
            route.close(code=1001, reason="network unreachable")
            return
        server = route.connect_to_server()
        self.connections += 1
        self.open.append((route, server))

    def cut(self) -> None:
        self.blocked = True
        for page_side, server_side in self.open:
            page_side.close(code=1001, reason="network lost")
            server_side.close()
        self.open.clear()

    def restore(self) -> None:
        self.blocked = False


@pytest.fixture(scope="module")
def chat_server(
    migrated_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ChatServer]:
    folder = tmp_path_factory.mktemp("chat")
    env, created = set_up_server(migrated_data_dir, folder, SETUP)
    with serving(env, folder / "serve.log") as url:
        yield ChatServer(url=url, api_token=created["api_token"])


def open_shop(browser: "Browser", server: ChatServer, relay: SocketRelay) -> "Page":
    """A Turkish shopper on the store's sample page, their widget socket through ``relay``."""
    context = browser.new_context(locale="tr-TR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.route_web_socket(WIDGET_SOCKET, relay)
    page.goto(f"{server.url}/chat-preview/{STORE_SLUG}/")
    return page


def messages_posted_over_http(page: "Page") -> list["Request"]:
    """The widget's messages that ``page`` sends from now on by HTTP, not over its socket."""
    posted: list[Request] = []
    page.on(
        "request",
        lambda request: (
            posted.append(request)
            if request.method == "POST" and "/widget/v1/messages" in request.url
            else None
        ),
    )
    return posted


def test_shopper_and_agent_chat_live_and_a_message_written_offline_arrives_once(
    chat_server: ChatServer, browser: "Browser", tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    question = "Merhaba, siparişim nerede? İADE istiyorum"
    written_offline = "Bağlantım koptu; bu mesaj yalnızca bir kez gelmeli."

    # Given an agent with the inbox open (which also makes them available for live chat)
    agent = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    agent.goto(f"{chat_server.url}/")
    agent.get_by_label("Email").fill(AGENT_EMAIL)
    agent.get_by_label("Password").fill(AGENT_PASSWORD)
    agent.get_by_role("button", name="Log in").click()
    agent.wait_for_url(lambda url: "/login/" not in url)
    agent.goto(f"{chat_server.url}/s/{STORE_SLUG}/inbox/")
    expect(agent.get_by_role("heading", name="Conversations")).to_be_visible()
    agent.evaluate("window.stillTheSamePage = true")

    # and a shopper whose browser speaks Turkish, on the shop's page
    relay = SocketRelay()
    shop = open_shop(browser, chat_server, relay)
    shop.screenshot(path=str(tmp_path / "shop-closed.png"))
    launcher = shop.get_by_role("button", name="Bize yazın")

    # When the shopper opens the chat and writes
    launcher.click()
    chat = shop.get_by_role("dialog", name=STORE_NAME)
    expect(chat).to_be_visible()
    expect(chat.get_by_label("Mesaj", exact=True)).to_be_focused()
    chat.get_by_label("Mesaj", exact=True).fill(question)
    chat.get_by_role("button", name="Gönder", exact=True).click()

    # Then the server acknowledges it and the agent's inbox shows it without a reload
    expect(chat.locator(".msg.mine[data-id]", has_text=question)).to_have_count(1)
    row = agent.locator(".conversation-row", has_text=question)
    expect(row).to_have_count(1)
    assert agent.evaluate("window.stillTheSamePage") is True
    conversation_id = int(row.get_attribute("data-conversation-id") or 0)

    # When the agent opens it and answers with the canned reply
    row.get_by_role("link").click()
    thread = agent.locator("#messages")
    expect(thread.locator(".message", has_text=question)).to_have_count(1)
    agent.get_by_role("button", name="Canned replies").click()
    agent.get_by_role("button", name=CANNED_NAME).click()
    expect(agent.get_by_role("textbox", name="Reply")).to_have_value(CANNED_TEXT)
    agent.get_by_role("button", name="Send", exact=True).click()

    # Then the shopper sees the answer with the agent's name
    answer = chat.locator(".msg:not(.mine)", has_text=CANNED_TEXT)
    expect(answer).to_have_count(1)
    expect(answer.locator(".who")).to_have_text(AGENT_NAME)
    shop.screenshot(path=str(tmp_path / "shop-desktop.png"))

    # When the shopper's connection drops and they write while offline
    shop.context.set_offline(True)
    relay.cut()
    chat.get_by_label("Mesaj", exact=True).fill(written_offline)
    chat.get_by_role("button", name="Gönder", exact=True).click()
    waiting = chat.locator(".msg.mine.pending", has_text=written_offline)
    expect(waiting).to_contain_text("Bağlantı kurulunca gönderilecek")
    shop.screenshot(path=str(tmp_path / "shop-offline.png"))
    assert relay.connections == 1

    # and the connection comes back
    posted = messages_posted_over_http(shop)
    relay.restore()
    shop.context.set_offline(False)

    # Then the message arrives once, over a new socket, for the shopper, the agent and the
    # server
    expect(chat.locator(".msg.mine[data-id]", has_text=written_offline)).to_have_count(1)
    expect(chat.locator(".msg", has_text=written_offline)).to_have_count(1)
    expect(thread.locator(".message", has_text=written_offline)).to_have_count(1)
    assert relay.connections == 2
    assert posted == []
    assert chat_server.stored_texts(conversation_id) == [question, CANNED_TEXT, written_offline]
    shop.wait_for_timeout(1000)  # a late duplicate would have arrived by now
    expect(thread.locator(".message", has_text=written_offline)).to_have_count(1)
    expect(chat.locator(".msg", has_text=written_offline)).to_have_count(1)
    assert agent.evaluate("window.stillTheSamePage") is True
    agent.screenshot(path=str(tmp_path / "agent.png"))

    # On a phone the chat fills the screen; Escape closes it and gives the focus back
    shop.set_viewport_size({"width": 360, "height": 740})
    box = chat.bounding_box()
    assert box is not None
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 360, 740)
    shop.screenshot(path=str(tmp_path / "shop-phone.png"))
    shop.keyboard.press("Escape")
    expect(chat).to_be_hidden()
    expect(launcher).to_be_focused()
    shop.screenshot(path=str(tmp_path / "shop-phone-closed.png"))


def test_widget_falls_back_to_http_polling_when_websockets_are_blocked(
    chat_server: ChatServer, browser: "Browser", tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    question = "Merhaba, iade kargo kodumu nereden alırım?"
    reply = "Kodunuzu e-posta ile gönderdik."

    # Given a network that lets no websocket through
    relay = SocketRelay(blocked=True)
    shop = open_shop(browser, chat_server, relay)
    posted = messages_posted_over_http(shop)

    # When the shopper writes
    shop.get_by_role("button", name="Bize yazın").click()
    chat = shop.get_by_role("dialog", name=STORE_NAME)
    chat.get_by_label("Mesaj", exact=True).fill(question)
    chat.get_by_role("button", name="Gönder", exact=True).click()

    # Then it is sent over HTTP once the socket has failed three times
    expect(chat.locator(".msg.mine[data-id]", has_text=question)).to_have_count(1, timeout=15_000)
    assert len(posted) == 1
    assert relay.connections == 0
    token = shop.evaluate(
        "Object.entries(localStorage).find(([name]) => name.endsWith(':token'))[1]"
    )
    conversation_id = poll_as_visitor(chat_server, json.loads(token))[0]["conversation_id"]

    # When an agent answers through the REST API
    chat_server.api("POST", f"/conversations/{conversation_id}/messages", {"text": reply})

    # Then the polling widget shows the answer, and every message is stored once
    expect(chat.locator(".msg:not(.mine)", has_text=reply)).to_have_count(1, timeout=10_000)
    assert chat_server.stored_texts(conversation_id) == [question, reply]
    assert len(posted) == 1
    shop.screenshot(path=str(tmp_path / "shop-polling.png"))


def test_the_widget_speaks_the_pages_language_rather_than_the_browsers(
    chat_server: ChatServer, browser: "Browser"
) -> None:
    from playwright.sync_api import expect

    # Given a shopper whose browser prefers English, on the store's Turkish page
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 800})
    shop = context.new_page()
    shop.goto(f"{chat_server.url}/chat-preview/{STORE_SLUG}/")

    # Then the chat speaks Turkish, the page's language
    launcher = shop.get_by_role("button", name="Bize yazın")
    expect(launcher).to_be_visible()
    launcher.click()
    chat = shop.get_by_role("dialog", name=STORE_NAME)
    expect(chat.get_by_role("button", name="Gönder", exact=True)).to_be_visible()
    expect(chat.get_by_label("Mesaj", exact=True)).to_be_focused()
    context.close()


def poll_as_visitor(server: ChatServer, token: str) -> list[dict[str, Any]]:
    request = urllib.request.Request(  # noqa: S310  (loopback)
        server.url + "/widget/v1/messages?after=0",
        headers={"Authorization": f"Visitor {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        messages: list[dict[str, Any]] = json.loads(response.read())["messages"]
        return messages
