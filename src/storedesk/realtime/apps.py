from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "storedesk.realtime"
    label = "realtime"
    verbose_name = "Real-time events"

    def ready(self) -> None:
        from storedesk.realtime import publisher

        publisher.connect()
