from django.apps import AppConfig


class LivechatConfig(AppConfig):
    name = "storedesk.livechat"
    label = "livechat"
    verbose_name = "Website chat"

    def ready(self) -> None:
        from storedesk.livechat import checklist as getting_started

        getting_started.register()
