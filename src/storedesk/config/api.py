"""The REST API at /api/v1/: every app's router, one auth, one error shape."""

from ninja import NinjaAPI

from storedesk.accounts.api_audit import router as audit_log_router
from storedesk.accounts.auth import SessionActorAuth, TokenAuth
from storedesk.catalog.api import router as catalog_router
from storedesk.connectors.api import router as channels_router
from storedesk.core.api import JsonObjectParser, install_error_handlers
from storedesk.customers.api import router as customers_router
from storedesk.helpcenter.api import router as help_center_router
from storedesk.inbox.api import router as inbox_router
from storedesk.orders.api import router as orders_router
from storedesk.policies.api import router as policies_router
from storedesk.search.api import router as search_router

api = NinjaAPI(
    title="Storedesk API",
    version="1",
    description=(
        "Customers, catalog, orders, shipments, the inbox (conversations, messages, notes, "
        "canned replies) and the store policies (return and shipping rules, with the answers "
        "they give) of one store. Authenticate with a store's "
        "API token (`Authorization: Bearer sd_…`). Every error has the body "
        '`{"error": {"code": "...", "message": "...", "details": ...}}`.'
    ),
    auth=[TokenAuth(), SessionActorAuth()],
    parser=JsonObjectParser(),
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/customers", customers_router, tags=["customers"])
api.add_router("/products", catalog_router, tags=["products"])
api.add_router("/", orders_router, tags=["orders"])
api.add_router("/", inbox_router, tags=["inbox"])
api.add_router("/policies", policies_router, tags=["policies"])
api.add_router("/help/", help_center_router)
api.add_router("/help", search_router, tags=["search"])
api.add_router("/audit-log", audit_log_router, tags=["audit log"])
api.add_router("/channels", channels_router, tags=["channels"])
