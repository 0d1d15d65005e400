from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "storedesk.inbox"
    label = "inbox"
    verbose_name = "Inbox"

    def ready(self) -> None:
        from storedesk.inbox import checklist as getting_started
        from storedesk.inbox import customer_profile

        customer_profile.connect()
        getting_started.register()

        from storedesk.accounts.settings_page import settings_sections
        from storedesk.core.sections import PageSection
        from storedesk.inbox import routing_views

        settings_sections.register(
            PageSection(
                "routing", "inbox/settings/_routing.html", routing_views.settings_section, 35
            )
        )

        from storedesk.inbox import staff_changes

        # A member who stops working in a store gives their conversations back to the queue.
        staff_changes.connect()
