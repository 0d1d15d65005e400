from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.core.pagination import paginate
from storedesk.core.views import next_page_query, render_list_page
from storedesk.customers.selectors import access_customer
from storedesk.orders.models import FinancialStatus, FulfillmentStatus, OrderStatus
from storedesk.orders.selectors import access_order, list_orders

PAGE_SIZE = 50
# Each filter with the values it accepts; anything else is ignored.
STATUS_FILTERS = {
    "status": OrderStatus.values,
    "financial_status": FinancialStatus.values,
    "fulfillment_status": FulfillmentStatus.values,
}


@store_view
def order_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    filters = {
        name: value if (value := request.GET.get(name, "")) in allowed else ""
        for name, allowed in STATUS_FILTERS.items()
    }
    filters["number"] = request.GET.get("number", "").strip()[:40]
    customer_id = request.GET.get("customer", "")
    customer = access_customer(actor, int(customer_id)) if customer_id.isdigit() else None
    cursor = request.GET.get("cursor") or None
    orders, next_cursor = paginate(
        list_orders(
            actor,
            status=filters["status"],
            financial_status=filters["financial_status"],
            fulfillment_status=filters["fulfillment_status"],
            number=filters["number"],
            customer_id=customer.pk if customer else None,
        ),
        ordering=("-placed_at", "-id"),
        cursor=cursor,
        limit=PAGE_SIZE,
    )
    context: dict[str, object] = {
        "section": "orders",
        "orders": orders,
        "next_cursor": next_cursor,
        "next_query": next_page_query(request, next_cursor),
    }

    def page_context() -> dict[str, object]:
        without_customer = request.GET.copy()
        without_customer.pop("customer", None)
        without_customer.pop("cursor", None)
        return {
            "customer": customer,
            "filters": filters,
            "without_customer": without_customer.urlencode(),
            "statuses": OrderStatus.values,
            "financial_statuses": FinancialStatus.values,
            "fulfillment_statuses": FulfillmentStatus.values,
        }

    return render_list_page(
        request, "orders/order_list.html", context, cursor=cursor, page_context=page_context
    )


@store_view
def order_detail(request: HttpRequest, actor: Actor, order_id: int) -> HttpResponse:
    return render(
        request,
        "orders/order_detail.html",
        {"section": "orders", "order": access_order(actor, order_id)},
    )
