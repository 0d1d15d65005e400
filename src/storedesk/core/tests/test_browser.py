"""The newcomer's first minutes: run the demo, log in as the demo agent, find a Turkish
customer and read her shipment's tracking history, in a real browser."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from storedesk.core.tests.processes import (
    copy_data_dir,
    environment,
    free_port,
    start_storedesk,
    stop,
    wait_until_ready,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def demo_url(demo_data_dir: Path, tmp_path: Path) -> Iterator[str]:
    """``storedesk demo`` serving a private copy of the demo store loaded once per session:
    the command migrates and finds the store as on any later start, without the minute a
    busy machine takes to load it from scratch."""
    data = copy_data_dir(demo_data_dir, tmp_path / "data")
    port = free_port()
    log = tmp_path / "demo.log"
    process = start_storedesk(environment(data), log, "demo", "--port", str(port))
    try:
        wait_until_ready(f"http://127.0.0.1:{port}/readyz", process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def test_demo_agent_sees_a_turkish_customers_orders_and_tracking(
    demo_url: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
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
        browser.close()
