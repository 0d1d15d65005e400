"""The chat visitor's socket URL. It carries no cookie and runs on the store's own site,
so config/asgi.py adds no session or host check: the consumer checks the visitor token and
the widget's allowed origins itself."""

from django.urls import URLPattern, path

from storedesk.livechat.consumers import VisitorConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/widget/", VisitorConsumer.as_asgi(), name="widget-socket"),
]
