"""The agent socket's URL. config/asgi.py puts it behind the session login and the
same-origin check."""

from django.urls import URLPattern, path

from storedesk.realtime.consumers import AgentConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/agent/<slug:store_slug>/", AgentConsumer.as_asgi(), name="agent-socket"),
]
