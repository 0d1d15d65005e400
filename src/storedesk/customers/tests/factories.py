import factory
from factory.django import DjangoModelFactory

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.core.text import search_key
from storedesk.customers.models import Customer


class CustomerFactory(DjangoModelFactory[Customer]):
    class Meta:
        model = Customer

    store = factory.SubFactory(StoreFactory)
    first_name = "Ayşe"
    last_name = factory.Sequence(lambda n: f"Yılmaz {n}")
    email = factory.Sequence(lambda n: f"customer{n}@example.com")
    language = "tr"
    timezone = "Europe/Istanbul"
    country = "TR"
    search_key = factory.LazyAttribute(
        lambda c: search_key(f"{c.first_name} {c.last_name} {c.email or ''}")
    )
