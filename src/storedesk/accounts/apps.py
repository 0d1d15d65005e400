from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "storedesk.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from storedesk.accounts.settings_page import register_sections

        register_sections()
