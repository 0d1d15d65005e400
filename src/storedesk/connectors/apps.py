from django.apps import AppConfig


class ConnectorsConfig(AppConfig):
    """The channels shoppers write in from outside (email, messaging platforms, an API
    channel): one package per platform, all delivering into the inbox's actions."""

    name = "storedesk.connectors"
    label = "connectors"
    verbose_name = "Channel connectors"

    def ready(self) -> None:
        from storedesk.accounts.settings_page import settings_sections
        from storedesk.connectors import tasks, views
        from storedesk.connectors.registry import register_connector
        from storedesk.connectors.telegram.connector import TelegramConnector
        from storedesk.core.sections import PageSection
        from storedesk.inbox.views import composer_notices

        register_connector(TelegramConnector())
        settings_sections.register(
            PageSection("channels", "connectors/_settings.html", views.settings_section, 37)
        )
        composer_notices.register(
            PageSection("channel", "connectors/_composer_notice.html", views.composer_notice)
        )
        # Agents' replies on a connected channel go out through the worker.
        tasks.connect()
