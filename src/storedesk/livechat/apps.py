from django.apps import AppConfig


class LivechatConfig(AppConfig):
    name = "storedesk.livechat"
    label = "livechat"
    verbose_name = "Website chat"
