"""The newcomer's first minutes: run the demo, log in as the demo agent, find a Turkish
customer and read her shipment's tracking history, in a real browser."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_ready(url: str, process: subprocess.Popen[str], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"storedesk exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310  (loopback)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(f"storedesk was not ready at {url} within {timeout} s")


@pytest.fixture
def demo_url(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment["STOREDESK_DATA_DIR"] = str(tmp_path / "data")
    process = subprocess.Popen(  # noqa: S603  (our own command)
        [sys.executable, "-m", "storedesk", "demo", "--port", str(port)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_ready(f"http://127.0.0.1:{port}/readyz", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


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
