from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.core.pagination import paginate
from storedesk.core.views import next_page_query, render_list_page
from storedesk.customers.profile import profile_sections
from storedesk.customers.selectors import (
    access_customer,
    get_current_consents,
    list_customer_countries,
    list_customer_languages,
    list_customers,
    list_tags,
)
from storedesk.orders.selectors import get_customer_order_stats, list_customer_orders

PAGE_SIZE = 50
PROFILE_ORDERS = 10
FILTERS = ("q", "tag", "language", "country")


@store_view
def customer_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    filters = {name: request.GET.get(name, "").strip()[:200] for name in FILTERS}
    cursor = request.GET.get("cursor") or None
    customers, next_cursor = paginate(
        list_customers(
            actor,
            search=filters["q"],
            tag=filters["tag"],
            language=filters["language"],
            country=filters["country"],
        ),
        ordering=("-created_at", "-id"),
        cursor=cursor,
        limit=PAGE_SIZE,
    )
    context: dict[str, object] = {
        "section": "customers",
        "customers": customers,
        "filters": filters,
        "next_cursor": next_cursor,
        "next_query": next_page_query(request, next_cursor),
    }
    return render_list_page(
        request,
        "customers/customer_list.html",
        context,
        cursor=cursor,
        page_context=lambda: {
            "tags": list_tags(actor),
            "languages": list_customer_languages(actor),
            "countries": list_customer_countries(actor),
        },
    )


@store_view
def customer_profile(request: HttpRequest, actor: Actor, customer_id: int) -> HttpResponse:
    customer = access_customer(actor, customer_id)
    return render(
        request,
        "customers/customer_profile.html",
        {
            "section": "customers",
            "customer": customer,
            "orders": list_customer_orders(customer.pk, actor.store, limit=PROFILE_ORDERS),
            "stats": get_customer_order_stats(customer.pk, actor.store),
            "consents": get_current_consents(customer),
            # What other apps show of this customer (the inbox: their conversations).
            "sections": profile_sections.gather(actor, customer),
            "now": timezone.now(),
        },
    )
