from django.urls import URLPattern, path

from storedesk.accounts.views import stores

urlpatterns: list[URLPattern] = [
    path("setup/", stores.setup, name="setup"),
    path("stores/new/", stores.store_create, name="store-create"),
    path("s/<slug:store_slug>/start/", stores.start, name="store-start"),
]
