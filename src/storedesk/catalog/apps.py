from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "storedesk.catalog"
    label = "catalog"
