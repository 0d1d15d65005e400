from django.db.models import Prefetch, QuerySet

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.catalog.models import Category, Product, ProductTranslation, Variant
from storedesk.core.errors import NotFound
from storedesk.core.models import Store


def _products(store: Store) -> QuerySet[Product]:
    return (
        Product.objects.filter(store=store)
        .select_related("category")
        .prefetch_related(
            Prefetch("translations", queryset=ProductTranslation.objects.order_by("language")),
            Prefetch("variants", queryset=Variant.objects.order_by("id")),
        )
    )


def access_product(actor: Actor, product_id: int) -> Product:
    actor.require(Permission.VIEW_CATALOG)
    product = _products(actor.store).filter(pk=product_id).first()
    if product is None:
        raise NotFound("No such product.", details={"product_id": product_id})
    return product


def list_products(actor: Actor, *, category: str = "") -> QuerySet[Product]:
    actor.require(Permission.VIEW_CATALOG)
    products = _products(actor.store)
    if category:
        products = products.filter(category__slug=category)
    return products.order_by("-id")


def find_product(store: Store, *, external_id: str) -> Product | None:
    return Product.objects.filter(store=store, external_id=external_id).first()


def get_category(store: Store, slug: str) -> Category | None:
    return Category.objects.filter(store=store, slug=slug).first()


def get_variants_by_sku(store: Store, skus: list[str]) -> dict[str, Variant]:
    return {v.sku: v for v in Variant.objects.filter(store=store, sku__in=skus)}


def product_title(product: Product, language: str, fallback_language: str) -> str:
    """The product's title in ``language``, else the store's default, else any."""
    by_language = {t.language: t.title for t in product.translations.all()}
    return (
        by_language.get(language)
        or by_language.get(fallback_language)
        or next(iter(by_language.values()), product.handle)
    )
