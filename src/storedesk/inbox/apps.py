from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "storedesk.inbox"
    label = "inbox"
    verbose_name = "Inbox"

    def ready(self) -> None:
        from storedesk.inbox import customer_profile

        customer_profile.connect()
