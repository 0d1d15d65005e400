import factory
from factory.django import DjangoModelFactory

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.livechat.models import ChatWidget


class ChatWidgetFactory(DjangoModelFactory[ChatWidget]):
    class Meta:
        model = ChatWidget

    store = factory.SubFactory(StoreFactory)
    key = factory.Sequence(lambda n: f"wk_test{n:04d}")
    identity_secret = factory.Sequence(lambda n: f"secret-{n:04d}-" + "s" * 40)
    greeting = factory.LazyFunction(lambda: {"tr": "Merhaba! Size nasıl yardımcı olabiliriz?"})
