"""The team editor in a real browser on a phone's screen: an admin adds a second interval to
Monday and a holiday with the page's own buttons, fills everything by its label, and sets an
agent's limits; the page never scrolls sideways."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from storedesk.core.tests.processes import serving, set_up_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

STORE = "kargo"
ADMIN_EMAIL = "emre@kargo.example"
PASSWORD = "ekip-saatleri-2026"

SETUP = f"""
import json
from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.teams import do_create_team
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.actions import do_create_store

store = do_create_store(
    name="Kargo Dükkanı", slug={STORE!r}, default_currency="TRY", languages=["tr", "en"],
    default_language="tr", timezone="Europe/Istanbul", country="TR",
)
admin = User.objects.create_user(
    {ADMIN_EMAIL!r}, {PASSWORD!r}, name="Emre Aydın", language="en", timezone="Europe/Istanbul"
)
do_add_member(store, user=admin, role=Role.ADMIN)
team = do_create_team(
    store, name="Destek", timezone="Europe/Istanbul",
    working_hours={{"1": [["09:00", "18:00"]]}}, members=[admin],
)
print(json.dumps({{"team_id": team.pk}}))
"""


@dataclass(frozen=True, slots=True)
class TeamServer:
    url: str
    team_id: int


@pytest.fixture(scope="module")
def team_server(
    migrated_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TeamServer]:
    folder = tmp_path_factory.mktemp("teams")
    env, created = set_up_server(migrated_data_dir, folder, SETUP)
    with serving(env, folder / "serve.log") as url:
        yield TeamServer(url=url, team_id=created["team_id"])


def log_in_on_a_phone(browser: "Browser", server: TeamServer) -> "Page":
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(f"{server.url}/login/")
    page.get_by_label("Email").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_url(f"**/s/{STORE}/**")
    return page


def scrolls_sideways(page: "Page") -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))


def test_an_admin_edits_hours_holidays_and_limits_on_a_phone(
    browser: "Browser", team_server: TeamServer
) -> None:
    page = log_in_on_a_phone(browser, team_server)
    page.goto(f"{team_server.url}/s/{STORE}/settings/teams/{team_server.team_id}/")
    assert not scrolls_sideways(page)

    # The empty second interval is there without JavaScript; the button adds a third.
    page.get_by_label("Monday, interval 1, until", exact=True).fill("12:00")
    page.get_by_label("Monday, interval 2, from", exact=True).fill("13:00")
    page.get_by_label("Monday, interval 2, until", exact=True).fill("17:00")
    page.get_by_role("button", name="Add hours on Monday").click()
    page.get_by_label("Monday, interval 3, from", exact=True).fill("19:00")
    page.get_by_label("Monday, interval 3, until", exact=True).fill("00:00")
    page.get_by_label("Saturday, interval 1, from", exact=True).fill("10:00")
    page.get_by_label("Saturday, interval 1, until", exact=True).fill("14:00")
    page.get_by_role("button", name="Save working hours").click()
    page.get_by_text("The working hours are saved.").wait_for()

    assert page.get_by_label("Monday, interval 3, until", exact=True).input_value() == "00:00"
    assert page.get_by_label("Saturday, interval 1, from", exact=True).input_value() == "10:00"

    page.get_by_label("Holiday 1: date", exact=True).fill("2030-10-29")
    page.get_by_label("Holiday 1: name", exact=True).fill("Cumhuriyet Bayramı")
    page.get_by_role("button", name="Add a holiday").click()
    page.get_by_label("Holiday 2: date", exact=True).fill("2030-04-23")
    page.get_by_role("button", name="Save holidays").click()
    page.get_by_text("The holidays are saved.").wait_for()

    # Saved in date order.
    assert page.get_by_label("Holiday 1: date", exact=True).input_value() == "2030-04-23"
    assert page.get_by_label("Holiday 2: name", exact=True).input_value() == "Cumhuriyet Bayramı"
    assert not scrolls_sideways(page)

    page.goto(f"{team_server.url}/s/{STORE}/settings/authority/")
    page.get_by_label("Agent: largest refund (TRY)").fill("1500")
    page.get_by_label("Agent: largest discount (percent)").fill("15")
    page.get_by_label("Agent: largest gift card (TRY)").fill("250.50")
    page.get_by_role("button", name="Save the limits of Agent").click()
    page.get_by_text("The limits of the role “Agent” are saved.").wait_for()

    assert page.get_by_label("Agent: largest gift card (TRY)").input_value() == "250.5"
    assert page.get_by_label("Owner: largest refund (TRY)").is_disabled()
    assert not scrolls_sideways(page)

    page.goto(f"{team_server.url}/s/{STORE}/settings/")
    hours = page.locator("#teams-heading").locator("..")
    assert "09:00–12:00, 13:00–17:00, 19:00–24:00" in hours.inner_text()
    page.context.close()
