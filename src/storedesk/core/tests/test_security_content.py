"""Opening a message fetches nothing the agent did not choose to load, and every page sends a
Content-Security-Policy that its own scripts and styles satisfy."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.html import sanitize_html
from storedesk.core.markdown import render_markdown
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import IdentityKind
from storedesk.inbox.actions.messages import Sender, do_receive_message
from storedesk.inbox.models import Channel
from storedesk.livechat.tests.factories import ChatWidgetFactory

PACKAGE = Path(__file__).resolve().parents[2]
TRACKED_EMAIL = (
    '<p>Merhaba,</p><img src="https://track.example/open.gif?u=42" width="1" height="1" alt="">'
    '<img src="/s/moda/settings/" alt="same site"><img src="cid:logo@shop" alt="logo">'
    '<img src="//cdn.example/x.png" alt="scheme-relative">'
    '<img src="http://shop.example/banner.png" alt="Kampanya"><p>İade süreci</p>'
)


# Remote content in mail ---------------------------------------------------------------


def test_remote_images_of_outside_html_are_blocked_until_asked_for() -> None:
    cleaned = sanitize_html(TRACKED_EMAIL)

    assert cleaned == (
        "<p>Merhaba,</p>"
        '<img data-blocked-src="https://track.example/open.gif?u=42" width="1" height="1" alt="">'
        '<img alt="same site"><img alt="logo"><img alt="scheme-relative">'
        '<img data-blocked-src="http://shop.example/banner.png" alt="Kampanya">'
        "<p>İade süreci</p>"
    )
    assert " src=" not in cleaned


def test_blocking_keeps_attribute_values_and_text_intact() -> None:
    html = (
        '<p title="a &quot;b&quot; &lt;c&gt;">x &amp; y &lt;z&gt; &#39;q&#39;</p>'
        '<img alt="a &gt; src=&quot;https://evil.example&quot;" src="https://a.example/i.png?a=1&amp;b=2">'
        "<br/><table><tr><td colspan=2>Ç</td></tr></table>"
    )

    cleaned = sanitize_html(html)

    assert cleaned == (
        "<p title=\"a &quot;b&quot; &lt;c&gt;\">x &amp; y &lt;z&gt; 'q'</p>"
        '<img alt="a &gt; src=&quot;https://evil.example&quot;"'
        ' data-blocked-src="https://a.example/i.png?a=1&amp;b=2">'
        '<br><table><tbody><tr><td colspan="2">Ç</td></tr></tbody></table>'
    )


def test_staff_markdown_keeps_its_images() -> None:
    html = render_markdown(
        "![Kargo](https://cdn.shop.example/kargo.png) ve ![Logo](/static/logo.png)"
    )

    assert html == (
        '<p><img src="https://cdn.shop.example/kargo.png" alt="Kargo"> ve '
        '<img src="/static/logo.png" alt="Logo"></p>\n'
    )


@pytest.mark.django_db
def test_an_email_opened_in_the_inbox_loads_no_image_until_the_agent_asks(
    store: Store, make_staff: Callable[..., User]
) -> None:
    received = do_receive_message(
        store,
        channel=Channel.EMAIL,
        text="Merhaba, İade süreci",
        html=TRACKED_EMAIL,
        sender=Sender(kind=IdentityKind.EMAIL, value="elif@example.com", name="Elif"),
    )
    client = logged_in(make_staff(store, Role.AGENT))

    page = client.get(f"/s/{store.slug}/inbox/{received.message.conversation_id}/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "track.example" in html  # kept, for the agent to load
    assert not re.search(r'\ssrc="https://track\.example', html)
    assert not re.search(r'\ssrc="/s/moda/settings/', html)
    assert "data-load-remote-images" in html
    assert "Load remote images" in html


# Content-Security-Policy ---------------------------------------------------------------


def policy_of(response: object) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]  # type: ignore[index]
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in header.split("; ")
        if directive.strip()
    }


@pytest.mark.django_db
def test_every_kind_of_page_sends_the_policy(
    store: Store, make_staff: Callable[..., User], client: Client
) -> None:
    staff = logged_in(make_staff(store, Role.ADMIN))
    pages = [
        client.get("/login/"),
        client.get("/healthz"),
        client.get("/api/v1/docs"),
        client.get("/no-such-page/"),
        staff.get(f"/s/{store.slug}/inbox/"),
        staff.get(f"/s/{store.slug}/customers/"),
        staff.get(f"/s/{store.slug}/settings/"),
        staff.get(f"/s/{store.slug}/settings/canned-replies/new/"),
    ]

    for response in pages:
        policy = policy_of(response)
        assert policy["default-src"] == ["'self'"], response
        assert policy["script-src"][0] == "'self'"
        assert "'unsafe-inline'" not in policy["script-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["connect-src"] == ["'self'"]


@pytest.mark.django_db
def test_inline_scripts_and_styles_carry_the_pages_nonce(
    store: Store, make_staff: Callable[..., User]
) -> None:
    staff = logged_in(make_staff(store, Role.ADMIN))

    for path in (f"/s/{store.slug}/inbox/", f"/s/{store.slug}/settings/canned-replies/new/"):
        response = staff.get(path)
        html = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        assert nonce is not None, path
        # Data blocks (type="application/json") are never run, so need no nonce.
        inline = re.findall(
            r"<(?:script|style)(?![^>]*\s(?:src=|type=\"application/json))([^>]*)>", html
        )
        assert inline, path
        assert [a for a in inline if f'nonce="{nonce.group(1)}"' not in a] == [], path


@pytest.mark.django_db
def test_pages_that_host_the_chat_widget_allow_its_inline_styles_only(
    store: Store, client: Client
) -> None:
    ChatWidgetFactory(store=store)
    preview = client.get(f"/chat-preview/{store.slug}/")

    policy = policy_of(preview)
    assert preview.status_code == 200
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["connect-src"] == ["'self'"]


def test_no_template_has_an_inline_script_style_or_handler_without_a_nonce() -> None:
    problems = []
    for template in sorted(PACKAGE.glob("*/templates/**/*.html")):
        text = template.read_text()
        name = str(template.relative_to(PACKAGE))
        for match in re.finditer(r"<(script|style)\b([^>]*)>", text):
            attributes = match.group(2)
            if not re.search(r'src=|nonce=|type="application/json"', attributes):
                problems.append(f"{name}: <{match.group(1)}> without a nonce")
        for match in re.finditer(r"\son[a-z]+\s*=", text):
            problems.append(f"{name}: inline event handler {match.group(0).strip()}")
        if "javascript:" in text:
            problems.append(f"{name}: javascript: URL")

    assert problems == []
