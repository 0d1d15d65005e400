from django.urls import include, path, re_path

from storedesk.config.api import api
from storedesk.core import sections
from storedesk.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<path>.*)$", core_views.api_not_found),
    path("", include("storedesk.accounts.urls")),
    path("s/<slug:store_slug>/reports/", sections.reports, name="reports"),
    path("", include("storedesk.customers.urls")),
    path("", include("storedesk.orders.urls")),
    path("", include("storedesk.inbox.urls")),
    path("", include("storedesk.inbox.canned_urls")),
    path("", include("storedesk.inbox.routing_urls")),
    path("", include("storedesk.livechat.urls")),
    path("", include("storedesk.connectors.urls")),
    # Policy pages (/help/<lang>/policies/…) before the help center's category pages.
    path("", include("storedesk.policies.urls")),
    path("", include("storedesk.helpcenter.urls")),
    path("", include("storedesk.helpcenter.editor_urls")),
]
