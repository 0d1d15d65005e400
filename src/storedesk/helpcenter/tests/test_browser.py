"""A shopper in the demo store's help center, in Turkish and in Polish, in a real browser:
search finds the return policy whatever the case, and Polish without diacritics."""

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser


def search(page: "Page", words: str) -> list[str]:
    """Search from the page's own search box, as a shopper would; the result titles."""
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*", wait_until="load")
    return results(page).get_by_role("link").all_inner_texts()


def results(page: "Page") -> "Locator":
    return page.get_by_role("main").get_by_role("list").first


def test_a_shopper_searches_the_help_center_in_turkish_and_polish(
    demo_url: str, browser: "Browser", tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    # JavaScript off: the help center needs none.
    context = browser.new_context(
        locale="tr-TR", java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()

    # A Turkish browser lands on the Turkish help center.
    page.goto(f"{demo_url}/help/")
    expect(page).to_have_url(f"{demo_url}/help/tr/")
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    page.screenshot(path=str(tmp_path / "help-tr.png"), full_page=True)

    # `iade` finds the return policy, and `İADE` finds exactly the same.
    lower = search(page, "iade")
    assert "İade ve para iadesi" in lower
    expect(results(page).get_by_role("link", name="İade ve para iadesi")).to_be_visible()
    page.screenshot(path=str(tmp_path / "search-tr.png"), full_page=True)
    upper = search(page, "İADE")
    assert upper == lower

    # The policy page it leads to states the rules in Turkish.
    results(page).get_by_role("link", name="İade ve para iadesi").click()
    page.wait_for_url("**/help/tr/policies/returns/", wait_until="load")
    expect(page.get_by_role("heading", level=1)).to_have_text("İade ve para iadesi")
    expect(page.get_by_role("table").first).to_be_visible()

    # A Polish shopper typing without diacritics finds "zwrot pieniędzy".
    page.goto(f"{demo_url}/help/pl/")
    titles = search(page, "zwrot pieniedzy")
    assert titles, "no results for 'zwrot pieniedzy'"
    expect(results(page)).to_contain_text("zwrot pieniędzy")
    page.set_viewport_size({"width": 360, "height": 740})
    page.screenshot(path=str(tmp_path / "search-pl-phone.png"), full_page=True)
