"""Every kind of page works under its Content-Security-Policy, in a real browser: the demo's
staff pages, the public help center and policies, the chat widget on its host pages and the
API documentation, without one violation report."""

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

# Every violation the page reports, collected before any script of the page runs.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""
STAFF_PAGES = [
    "/s/atlas/inbox/",
    "/s/atlas/customers/",
    "/s/atlas/orders/",
    "/s/atlas/help-center/",
    "/s/atlas/settings/",
    "/s/atlas/settings/canned-replies/new/",
    "/s/atlas/settings/policies/",
    "/s/atlas/settings/policies/returns/",
    "/s/atlas/settings/chat/",
    "/api/v1/docs",
]
PUBLIC_PAGES = [
    "/help/",
    "/help/tr/",
    "/help/tr/policies/returns/",
    "/help/tr/policies/shipping/",
    "/help/tr/contact/",
    "/chat-preview/atlas/",
    "/no-such-page/",
]


def test_no_page_breaks_its_content_security_policy(demo_url: str, browser: "Browser") -> None:
    from playwright.sync_api import expect

    violations: dict[str, list[str]] = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()

    def visit(path: str) -> None:
        page.goto(f"{demo_url}{path}", wait_until="networkidle")
        found = page.evaluate("window.__violations")
        if found:
            violations[path] = found

    for path in PUBLIC_PAGES:
        visit(path)
    # The widget works on its host page: it opens and shows its greeting.
    page.goto(f"{demo_url}/chat-preview/atlas/", wait_until="networkidle")
    page.locator("button.launcher").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    if found := page.evaluate("window.__violations"):
        violations["chat widget opened"] = found

    page.goto(f"{demo_url}/login/")
    page.get_by_label("Email").fill("owner@atlas.example")
    page.get_by_label("Password").fill("storedesk-demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/inbox/**")
    for path in STAFF_PAGES:
        visit(path)
    # A conversation, opened the way an agent does, with its live socket.
    page.goto(f"{demo_url}/s/atlas/inbox/", wait_until="networkidle")
    page.locator(".conversation-list a").first.click()
    expect(page.locator("#messages")).to_be_visible()
    page.wait_for_load_state("networkidle")
    if found := page.evaluate("window.__violations"):
        violations["conversation opened"] = found

    assert violations == {}
