from django.urls import path

from storedesk.connectors import views

urlpatterns = [
    path("hooks/<slug:kind>/<str:key>/", views.webhook, name="connector-webhook"),
    path("s/<slug:store_slug>/settings/channels/new/", views.add_channel, name="channel-add"),
    path(
        "s/<slug:store_slug>/settings/channels/<int:connection_id>/toggle/",
        views.toggle_channel,
        name="channel-toggle",
    ),
    path(
        "s/<slug:store_slug>/settings/channels/<int:connection_id>/webhook/",
        views.register_channel_webhook,
        name="channel-webhook",
    ),
    path(
        "s/<slug:store_slug>/settings/channels/<int:connection_id>/delete/",
        views.delete_channel,
        name="channel-delete",
    ),
    path(
        "s/<slug:store_slug>/settings/channels/events/<int:event_id>/retry/",
        views.retry_event,
        name="channel-event-retry",
    ),
]
