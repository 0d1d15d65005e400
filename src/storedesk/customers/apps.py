from django.apps import AppConfig


class CustomersConfig(AppConfig):
    name = "storedesk.customers"
    label = "customers"
