from django.urls import path

from storedesk.inbox import routing_views

urlpatterns = [
    path(
        "s/<slug:store_slug>/settings/routing/",
        routing_views.channel_routes,
        name="channel-routes-edit",
    ),
]
