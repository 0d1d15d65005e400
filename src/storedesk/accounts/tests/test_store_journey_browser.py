"""From an empty install to a working store, in a real browser against a real
``storedesk serve``: the link the server logs opens the first-run page with its token filled
in (and gone from the address bar); the page creates a Turkish store, its owner invites an agent,
the agent joins with a password of their own and lands in the store's empty inbox in
Turkish, the owner sets the team's hours and the agent's limits, and the audit log shows
every step.

The pages speak Turkish, and translations change: labels are looked up in the catalogue the
server reads, and only the proof that a page is Turkish is written out as Turkish text."""

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.utils import translation
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext, pgettext

from storedesk.accounts.audit_labels import action_label
from storedesk.core.templatetags.storedesk import money
from storedesk.core.tests.languages import in_language, in_turkish
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
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

STORE_NAME = "Kargo Dükkanı"
SLUG = "kargo-dukkani"
OWNER_NAME = "Ada Yılmaz"
OWNER_EMAIL = "ada@kargo.example"
OWNER_PASSWORD = "kargo-takip-2026-ada"
AGENT_NAME = "Deniz Kaya"
AGENT_EMAIL = "deniz@kargo.example"
AGENT_PASSWORD = "paket-yolda-2026-deniz"
SATURDAY = 6
# The steps recorded once each, as the actions name them, and who took them.
RECORDED_STEPS = (
    ("store.created", OWNER_NAME),
    ("invitation.created", OWNER_NAME),
    ("invitation.accepted", AGENT_NAME),
    ("team.members_changed", OWNER_NAME),
    ("team.hours_changed", OWNER_NAME),
)


def language_of(page: "Page") -> str:
    lang = page.locator("html").get_attribute("lang")
    assert lang is not None
    return lang


def assert_turkish(page: "Page") -> None:
    from playwright.sync_api import expect

    assert language_of(page) == "tr"
    # Written out: a catalogue that failed to load would turn the looked-up labels English.
    expect(page.locator("nav.nav").get_by_role("link", name="Gelen kutusu")).to_be_visible()


def test_a_merchant_starts_a_store_and_an_invited_agent_joins_it(
    migrated_data_dir: Path, tmp_path: Path, browser: "Browser"
) -> None:
    from playwright.sync_api import expect

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    store_url = f"{url}/s/{SLUG}"
    env = environment(copy_data_dir(migrated_data_dir, tmp_path / "data"), STOREDESK_URL=url)
    log = tmp_path / "serve.log"
    process = start_storedesk(env, log, "serve", "--port", str(port))
    try:
        wait_until_ready(f"{url}/readyz", process, log)
        printed = re.search(r"Create the first one at (\S+) ", log.read_text())
        assert printed is not None, log_tail(log)

        # The merchant, on a Turkish computer, creates the store on the first-run page.
        owner_context = browser.new_context(locale="tr-TR")
        owner_context.set_default_timeout(30_000)
        owner = owner_context.new_page()
        link = printed.group(1)
        owner.goto(link)
        assert language_of(owner) == "tr"
        token = link.partition("#token=")[2]
        assert owner.get_by_label(in_turkish("Setup token"), exact=True).input_value() == token
        # The token leaves the address bar (and so the history) at once.
        assert owner.url == f"{url}/setup/"
        owner.get_by_label(in_turkish("Store name"), exact=True).fill(STORE_NAME)
        owner.get_by_label(in_turkish("Address"), exact=True).fill(SLUG)
        owner.get_by_label(in_turkish("Default language"), exact=True).select_option("tr")
        owner.get_by_label("English", exact=True).check()
        owner.get_by_label(in_turkish("Currency"), exact=True).fill("TRY")
        owner.get_by_label(in_turkish("Time zone"), exact=True).fill("Europe/Istanbul")
        owner.get_by_label(in_turkish("Country"), exact=True).select_option("TR")
        owner.get_by_label(in_turkish("Your name"), exact=True).fill(OWNER_NAME)
        owner.get_by_label(in_turkish("Email"), exact=True).fill(OWNER_EMAIL)
        owner.get_by_label(in_turkish("Password"), exact=True).fill(OWNER_PASSWORD)
        owner.get_by_label(in_turkish("Password again"), exact=True).fill(OWNER_PASSWORD)
        owner.get_by_role("button", name=in_turkish("Create the store")).click()
        owner.wait_for_url(f"{store_url}/start/")
        assert_turkish(owner)
        assert owner.locator("#checklist-progress").get_attribute("max") == "5"
        # The first-run page is gone for good.
        gone = owner.goto(f"{url}/setup/")
        assert gone is not None
        assert gone.status == 404

        # The owner invites the agent from the staff page, and finds the link there.
        owner.goto(f"{store_url}/settings/")
        owner.get_by_role("link", name=in_turkish("Invite and manage staff")).click()
        owner.wait_for_url(f"{store_url}/settings/staff/")
        invite = owner.locator("#invite")
        invite.get_by_label(in_turkish("Email"), exact=True).fill(AGENT_EMAIL)
        invite.get_by_label(in_turkish("Role"), exact=True).select_option("agent")
        invite.get_by_role("button", name=in_turkish("Send the invitation")).click()
        expect(owner.locator("ul.messages")).to_contain_text(
            in_turkish("The invitation is on its way to %(email)s.", email=AGENT_EMAIL)
        )
        link = owner.locator("#invitation-link").inner_text().strip()
        assert link.startswith(f"{url}/invitations/")

        # The agent, someone else on an English computer, joins from the link.
        agent_context = browser.new_context(locale="en-US")
        agent_context.set_default_timeout(30_000)
        agent = agent_context.new_page()
        agent.goto(link)
        # The invitation speaks the store's language.
        assert language_of(agent) == "tr"
        agent.get_by_label(in_turkish("Your name"), exact=True).fill(AGENT_NAME)
        agent.get_by_label(in_turkish("Password"), exact=True).fill(AGENT_PASSWORD)
        agent.get_by_label(in_turkish("The password again"), exact=True).fill(AGENT_PASSWORD)
        agent.get_by_role("button", name=in_turkish("Join %(store)s", store=STORE_NAME)).click()
        agent.wait_for_url(f"{store_url}/inbox/")
        assert_turkish(agent)
        expect(agent.locator("#conversation-list .empty")).to_have_text(
            "Burada bir şey kalmadı. Tebrikler."
        )
        expect(agent.locator("#conversation-list .conversation-row")).to_have_count(0)

        # Signing out and in again proves the password is the agent's.
        agent.get_by_label(in_turkish("Your account and language")).click()
        agent.get_by_role("button", name=in_turkish("Log out")).click()
        agent.wait_for_url(f"{url}/login/")
        language = language_of(agent)
        agent.get_by_label(in_language(language, "Email"), exact=True).fill(AGENT_EMAIL)
        agent.get_by_label(in_language(language, "Password"), exact=True).fill(AGENT_PASSWORD)
        agent.locator("form.stacked").get_by_role(
            "button", name=in_language(language, "Log in")
        ).click()
        agent.wait_for_url(f"{store_url}/inbox/")
        assert_turkish(agent)
        expect(agent.locator("#conversation-list .empty")).to_have_text(
            "Burada bir şey kalmadı. Tebrikler."
        )
        agent_context.close()

        # The owner puts the agent in the store's team and opens it on Saturdays.
        with translation.override("tr"):
            team_name = pgettext("the team a new store starts with", "Support")
            saturday, saturday_short = str(WEEKDAYS[SATURDAY - 1]), str(WEEKDAYS_ABBR[SATURDAY - 1])
            agent_role = gettext("Agent")
            refund = money(Decimal(500), "TRY")
        owner.goto(f"{store_url}/settings/")
        owner.get_by_role("link", name=in_turkish("Manage teams")).click()
        owner.get_by_role("link", name=team_name, exact=True).click()
        owner.wait_for_url(re.compile(rf"{re.escape(store_url)}/settings/teams/\d+/$"))
        members = owner.locator("#members")
        members.get_by_label(AGENT_NAME).check()
        members.get_by_role("button", name=in_turkish("Save members")).click()
        expect(owner.locator("ul.messages")).to_contain_text(
            in_turkish("The team's members are saved.")
        )
        owner.get_by_label(
            in_turkish("%(day)s, interval %(number)s, from", day=saturday, number="1"), exact=True
        ).fill("10:00")
        owner.get_by_label(
            in_turkish("%(day)s, interval %(number)s, until", day=saturday, number="1"), exact=True
        ).fill("14:00")
        owner.get_by_role("button", name=in_turkish("Save working hours")).click()
        expect(owner.locator("ul.messages")).to_contain_text(
            in_turkish("The working hours are saved.")
        )

        # ... and lets agents refund up to 500 liras without asking.
        owner.goto(f"{store_url}/settings/")
        owner.get_by_role("link", name=in_turkish("Edit authority limits")).click()
        owner.get_by_label(
            in_turkish("%(role)s: largest refund (%(currency)s)", role=agent_role, currency="TRY"),
            exact=True,
        ).fill("500")
        owner.get_by_role(
            "button", name=in_turkish("Save the limits of %(role)s", role=agent_role)
        ).click()
        expect(owner.locator("ul.messages")).to_contain_text(
            in_turkish("The limits of the role “%(role)s” are saved.", role=agent_role)
        )

        owner.goto(f"{store_url}/settings/")
        team = owner.locator("#teams-heading").locator("..").locator(".team")
        expect(team.locator("dt", has_text=saturday_short)).to_have_count(1)
        expect(team.locator("dt", has_text=saturday_short).locator("+ dd")).to_have_text(
            "10:00–14:00"
        )
        expect(team).to_contain_text(AGENT_NAME)
        limits = owner.locator("#authority-heading").locator("..")
        agent_limits = limits.locator("tbody tr", has_text=agent_role)
        expect(agent_limits.locator("td").nth(1)).to_have_text(refund)

        # The audit log shows each step, and who took it.
        owner.get_by_role("link", name=in_turkish("Open the audit log")).click()
        owner.wait_for_url(f"{store_url}/settings/audit/")
        assert_turkish(owner)
        entries = owner.locator("#results tbody tr")

        def recorded(action: str) -> "Locator":
            exactly = re.compile(rf"^{re.escape(action)}$")
            return entries.filter(has=owner.locator("code", has_text=exactly))

        for action, person in RECORDED_STEPS:
            with translation.override("tr"):
                label = action_label(action)
            expect(recorded(action)).to_have_count(1)
            expect(recorded(action)).to_contain_text(label)
            expect(recorded(action)).to_contain_text(person)
        # The agent's limits: set with the store, then changed by the owner (newest first).
        agent_limit_changes = recorded("role_authority.changed").filter(has_text="#agent")
        expect(agent_limit_changes).to_have_count(2)
        expect(agent_limit_changes.first).to_contain_text(OWNER_NAME)

        # The page shortens what changed; the export has all of it.
        export = owner_context.request.get(f"{store_url}/settings/audit.csv")
        assert export.status == 200
        exported = list(csv.DictReader(io.StringIO(export.text().removeprefix("\ufeff"))))
        hours = next(row for row in exported if row["action"] == "team.hours_changed")
        assert json.loads(hours["details"])["new"][str(SATURDAY)] == [["10:00", "14:00"]]
        agent_limits_exported = [
            (row["actor_email"], json.loads(row["details"]))
            for row in exported
            if row["action"] == "role_authority.changed" and row["target_id"] == "agent"
        ]
        assert {
            (email, (details["old"] or {}).get("max_refund"), details["new"]["max_refund"])
            for email, details in agent_limits_exported
        } == {(OWNER_EMAIL, None, "0.00"), (OWNER_EMAIL, "0.00", "500.00")}
        owner_context.close()
    finally:
        stop(process)
