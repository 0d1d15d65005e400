from django.urls import path

from storedesk.orders import views

urlpatterns = [
    path("s/<slug:store_slug>/orders/", views.order_list, name="order-list"),
    path("s/<slug:store_slug>/orders/<int:order_id>/", views.order_detail, name="order-detail"),
]
