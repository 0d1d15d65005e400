import factory
from django.contrib.auth.hashers import make_password
from factory.django import DjangoModelFactory

from storedesk.accounts.models import Membership, User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store


class StoreFactory(DjangoModelFactory[Store]):
    class Meta:
        model = Store

    name = factory.Sequence(lambda n: f"Store {n}")
    slug = factory.Sequence(lambda n: f"store-{n}")
    default_currency = "TRY"
    languages = factory.LazyFunction(lambda: ["tr", "en"])
    default_language = "tr"
    timezone = "Europe/Istanbul"
    country = "TR"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"agent{n}@example.com")
    name = factory.Sequence(lambda n: f"Agent {n}")
    # Unusable until a test sets one: staff log in only with passwords they chose.
    password = factory.LazyFunction(lambda: make_password(None))


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    store = factory.SubFactory(StoreFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.AGENT.value
