from django.urls import URLPattern, path

from storedesk.accounts.views import audit

urlpatterns: list[URLPattern] = [
    path("s/<slug:store_slug>/settings/audit/", audit.audit_log, name="audit-log"),
    path("s/<slug:store_slug>/settings/audit.csv", audit.audit_log_csv, name="audit-log-csv"),
]
