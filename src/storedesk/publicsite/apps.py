from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    name = "storedesk.publicsite"
    label = "publicsite"
    verbose_name = "Public site"
