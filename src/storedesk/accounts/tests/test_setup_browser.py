"""The first-run page in a real browser against a real ``storedesk serve``: the link the
server logs on an empty install opens the page with its token filled in (and gone from the
address bar), the page speaks the browser's language, and the store it creates is the one
its owner lands in."""

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from storedesk.core.tests.processes import (
    copy_data_dir,
    environment,
    free_port,
    log_tail,
    start_storedesk,
    stop,
    wait_until_ready,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

PASSWORD = "kargo-takip-2026-ada"


def test_the_link_in_the_servers_log_creates_the_store_in_a_browser(
    migrated_data_dir: Path, tmp_path: Path, browser: "Browser"
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = environment(copy_data_dir(migrated_data_dir, tmp_path / "data"), STOREDESK_URL=url)
    log = tmp_path / "serve.log"
    process = start_storedesk(env, log, "serve", "--port", str(port))
    try:
        wait_until_ready(f"{url}/readyz", process, log)
        printed = re.search(r"Create the first one at (\S+) ", log.read_text())
        assert printed is not None, log_tail(log)
        link = printed.group(1)
        token = link.partition("#token=")[2]
        context = browser.new_context(locale="tr-TR")
        context.set_default_timeout(30_000)
        page = context.new_page()

        page.goto(link)

        assert page.locator("html").get_attribute("lang") == "tr"
        assert page.locator("#id_token").input_value() == token
        # The token leaves the address bar (and so the history) at once.
        assert page.url == f"{url}/setup/"
        page.locator("#id_name").fill("Kargo Dükkanı")
        page.locator("#id_slug").fill("kargo")
        page.locator("input[name=languages][value=en]").check()
        page.locator("#id_currency").fill("TRY")
        page.locator("#id_timezone").fill("Europe/Istanbul")
        page.locator("#id_country").select_option("TR")
        page.locator("#id_owner_name").fill("Ada Yılmaz")
        page.locator("#id_owner_email").fill("ada@example.com")
        page.locator("#id_owner_password").fill(PASSWORD)
        page.locator("#id_owner_password_again").fill(PASSWORD)
        page.locator("form.stacked button[type=submit]").click()

        page.wait_for_url(f"{url}/s/kargo/start/")
        assert page.locator("html").get_attribute("lang") == "tr"
        assert page.locator("#checklist-progress").get_attribute("max") == "5"
        # The first-run page is gone for good.
        gone = page.goto(f"{url}/setup/")
        assert gone is not None
        assert gone.status == 404
        context.close()
    finally:
        stop(process)
