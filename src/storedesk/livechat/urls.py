from django.urls import URLPattern, URLResolver, path

from storedesk.livechat import site, views
from storedesk.livechat.api import widget_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("widget/v1/", widget_api.urls),
    path("s/<slug:store_slug>/settings/chat/", views.widget_settings, name="chat-widget-settings"),
    path(
        "s/<slug:store_slug>/settings/chat/create/",
        views.create_widget,
        name="chat-widget-create",
    ),
    path(
        "s/<slug:store_slug>/settings/chat/rotate-secret/",
        views.rotate_identity_secret,
        name="chat-widget-rotate-secret",
    ),
    path("chat-preview/<slug:store_slug>/", site.preview, name="chat-preview"),
]
