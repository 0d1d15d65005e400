from django.urls import path

from storedesk.customers import views

urlpatterns = [
    path("s/<slug:store_slug>/customers/", views.customer_list, name="customer-list"),
    path(
        "s/<slug:store_slug>/customers/<int:customer_id>/",
        views.customer_profile,
        name="customer-profile",
    ),
]
