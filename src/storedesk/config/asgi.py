"""ASGI entry point: HTTP through Django, websockets through Channels."""

import gc
import os
import sys
from collections.abc import Callable
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storedesk.config.settings")
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import URLPattern  # noqa: E402

from storedesk.livechat.routing import websocket_urlpatterns as widget_routes  # noqa: E402
from storedesk.realtime.routing import websocket_urlpatterns as agent_routes  # noqa: E402


def _staff_only(application: Any) -> Any:
    # The agent socket trusts the session cookie, so only this site's own pages may open
    # it (a page elsewhere would ride on the agent's cookie).
    return AllowedHostsOriginValidator(AuthMiddlewareStack(application))


def _behind(wrapper: Callable[[Any], Any], routes: list[URLPattern]) -> list[URLPattern]:
    return [
        URLPattern(route.pattern, wrapper(route.callback), route.default_args, route.name)
        for route in routes
    ]


websocket_urlpatterns: list[URLPattern] = [*_behind(_staff_only, agent_routes), *widget_routes]

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": URLRouter(websocket_urlpatterns),
    }
)

# Everything imported so far lives as long as the process: moving it out of the garbage
# collector's generations spares every later full collection from walking it again (pauses
# of 100 ms and more under load without this).
gc.collect()
gc.freeze()

# All database work runs in one worker thread while the event loop serves every socket;
# both need the interpreter lock. With the default 5 ms switch interval a busy database
# thread held the loop off for whole intervals at a time, and chat messages queued behind
# it (p99 of 130 to 260 ms with a thousand chats; 35 to 46 ms at 1 ms).
sys.setswitchinterval(0.001)
