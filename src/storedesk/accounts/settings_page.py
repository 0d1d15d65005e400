"""The store's settings page gathers one section from each part of accounts (and any other
app that registers one): the store and its other stores, staff, teams, sign-in security
and the audit log."""

from storedesk.core.models import Store
from storedesk.core.sections import PageSection, PageSections

settings_sections: PageSections[Store] = PageSections("store_settings")


def register_sections() -> None:
    from storedesk.accounts.views import audit, staff, stores, teams, two_factor

    for position, name, context in (
        (10, "stores", stores.settings_section),
        (20, "staff", staff.settings_section),
        (30, "teams", teams.settings_section),
        (50, "security", two_factor.settings_section),
        (60, "audit", audit.settings_section),
    ):
        settings_sections.register(
            PageSection(name, f"accounts/settings/_{name}.html", context, position)
        )
