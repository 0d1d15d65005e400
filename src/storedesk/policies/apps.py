from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "storedesk.policies"
    label = "policies"
    verbose_name = "Store policies"

    def ready(self) -> None:
        from storedesk.policies import indexing

        indexing.connect()
