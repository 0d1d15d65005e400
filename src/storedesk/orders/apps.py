from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "storedesk.orders"
    label = "orders"
