from datetime import UTC, datetime, time
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.catalog.models import Category, Product, Variant
from storedesk.policies.models import (
    ProseKind,
    ProsePolicy,
    ProsePolicyTranslation,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingMethod,
    ShippingPolicyVersion,
    ShippingZone,
    VersionStatus,
)


class CategoryFactory(DjangoModelFactory[Category]):
    class Meta:
        model = Category

    store = factory.SubFactory(StoreFactory)
    slug = factory.Sequence(lambda n: f"category-{n}")


class ProductFactory(DjangoModelFactory[Product]):
    class Meta:
        model = Product

    store = factory.SubFactory(StoreFactory)
    handle = factory.Sequence(lambda n: f"product-{n}")


class VariantFactory(DjangoModelFactory[Variant]):
    class Meta:
        model = Variant

    product = factory.SubFactory(ProductFactory)
    store = factory.SelfAttribute("product.store")
    sku = factory.Sequence(lambda n: f"VAR-{n}")
    price = Decimal("500.00")
    currency = "TRY"


class PublishedVersionFactory[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    DjangoModelFactory[V]
):
    """A published version in force since 2026-01-01."""

    class Meta:
        abstract = True

    store = factory.SubFactory(StoreFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = VersionStatus.PUBLISHED
    effective_from = datetime(2026, 1, 1, tzinfo=UTC)
    published_at = datetime(2026, 1, 1, tzinfo=UTC)


class ReturnPolicyVersionFactory(PublishedVersionFactory[ReturnPolicyVersion]):
    class Meta:
        model = ReturnPolicyVersion


class ReturnRuleFactory(DjangoModelFactory[ReturnRule]):
    """The default rule: 14 days from delivery, refund or exchange."""

    class Meta:
        model = ReturnRule

    version = factory.SubFactory(ReturnPolicyVersionFactory)
    store = factory.SelfAttribute("version.store")
    window_days = 14
    currency = "TRY"


class ShippingPolicyVersionFactory(PublishedVersionFactory[ShippingPolicyVersion]):
    """Parcels leave Monday to Friday, cut-off 14:00."""

    class Meta:
        model = ShippingPolicyVersion

    dispatch_cutoff = time(14, 0)
    working_days = factory.LazyFunction(lambda: [1, 2, 3, 4, 5])
    holidays = factory.LazyFunction(list)
    currency = "TRY"


class ShippingZoneFactory(DjangoModelFactory[ShippingZone]):
    class Meta:
        model = ShippingZone

    version = factory.SubFactory(ShippingPolicyVersionFactory)
    store = factory.SelfAttribute("version.store")
    name = "Türkiye"
    countries = factory.LazyFunction(lambda: ["TR"])


class ShippingMethodFactory(DjangoModelFactory[ShippingMethod]):
    class Meta:
        model = ShippingMethod

    zone = factory.SubFactory(ShippingZoneFactory)
    store = factory.SelfAttribute("zone.store")
    name = "Standard"
    cost = Decimal("49.90")
    currency = "TRY"
    free_shipping_threshold = Decimal("750.00")
    min_days = 1
    max_days = 3


class ProsePolicyFactory(DjangoModelFactory[ProsePolicy]):
    class Meta:
        model = ProsePolicy

    store = factory.SubFactory(StoreFactory)
    kind = ProseKind.PRIVACY
    slug = factory.LazyAttribute(lambda p: p.kind)
    is_published = True


class ProsePolicyTranslationFactory(DjangoModelFactory[ProsePolicyTranslation]):
    class Meta:
        model = ProsePolicyTranslation

    policy = factory.SubFactory(ProsePolicyFactory)
    language = "tr"
    title = "Gizlilik politikası"
    body = "Verilerinizi **korumak** için..."
