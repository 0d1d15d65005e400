"""The newcomer's first minutes: run the demo, log in as the demo agent, find a Turkish
customer and read her shipment's tracking history, in a real browser."""

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def test_demo_agent_sees_a_turkish_customers_orders_and_tracking(
    demo_url: str, browser: "Browser", tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})

    page.goto(f"{demo_url}/")
    page.get_by_label("Email").fill("ayse@atlas.example")
    page.get_by_label("Password").fill("storedesk-demo")
    page.get_by_role("button", name="Log in").click()

    # Ayşe works in Turkish: the frame speaks it.
    page.get_by_role("link", name="Müşteriler").click()
    # The inbox she lands on has a search box too: wait for the customer list itself.
    page.wait_for_url("**/customers/", wait_until="load")
    page.get_by_role("searchbox").fill("YILDIZ")
    page.get_by_role("searchbox").press("Enter")
    page.get_by_role("link", name="Elif Yıldız").click()

    expect(page.get_by_role("heading", name="Elif Yıldız")).to_be_visible()
    orders = page.get_by_role("region", name="Siparişler")
    expect(orders.locator("article.order")).to_have_count(3)
    timeline = orders.get_by_role("list", name="Kargo hareketleri").first
    expect(timeline).to_contain_text("Gönderi kabul edildi")
    expect(timeline).to_contain_text("Transfer merkezinde")
    expect(timeline).to_contain_text("Dağıtım şubesine ulaştı")
    expect(page.get_by_text("Yolda").first).to_be_visible()
    page.screenshot(path=str(tmp_path / "customer-profile.png"), full_page=True)
