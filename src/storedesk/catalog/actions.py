from decimal import Decimal
from typing import TypedDict

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.catalog.events import ProductEvent
from storedesk.catalog.models import (
    Category,
    CategoryTranslation,
    Product,
    ProductTranslation,
    Variant,
)
from storedesk.catalog.selectors import find_product, get_category
from storedesk.core.errors import Conflict, ValidationFailed
from storedesk.core.events import publish_event
from storedesk.core.models import Store
from storedesk.core.tenancy import check_in_store
from storedesk.core.validation import check_currency, check_language


class TranslationFields(TypedDict, total=False):
    title: str
    description: str


class VariantFields(TypedDict, total=False):
    sku: str
    external_id: str | None
    options: dict[str, str]
    price: Decimal
    currency: str
    stock: int


class ProductFields(TypedDict, total=False):
    external_id: str | None
    handle: str
    category: str | None
    is_active: bool
    translations: dict[str, TranslationFields]
    variants: list[VariantFields]


@transaction.atomic
def do_create_category(
    store: Store, *, slug: str, names: dict[str, str], parent: Category | None = None
) -> Category:
    category = Category.objects.create(store=store, slug=slug, parent=parent)
    CategoryTranslation.objects.bulk_create(
        CategoryTranslation(category=category, language=language, name=name)
        for language, name in names.items()
    )
    return category


def check_upsert_product(actor: Actor, fields: ProductFields) -> tuple[Product, bool]:
    """Create a product, or update the one with the same external id."""
    actor.require(Permission.EDIT_CATALOG)
    external_id = fields.get("external_id")
    existing = find_product(actor.store, external_id=external_id) if external_id else None
    if existing is not None:
        return do_update_product(actor, existing, fields), False
    if not fields.get("translations"):
        raise ValidationFailed(_("A new product needs a title in at least one language."))
    return do_create_product(actor, fields), True


def check_update_product(actor: Actor, product: Product, fields: ProductFields) -> Product:
    actor.require(Permission.EDIT_CATALOG)
    check_in_store(actor, product)
    return do_update_product(actor, product, fields)


@transaction.atomic
def do_create_product(actor: Actor, fields: ProductFields) -> Product:
    product = Product(store=actor.store)
    _write_product(actor.store, product, fields)
    publish_event(ProductEvent(op="created", store_id=actor.store.pk, product_id=product.pk))
    return product


@transaction.atomic
def do_update_product(actor: Actor, product: Product, fields: ProductFields) -> Product:
    _write_product(actor.store, product, fields)
    publish_event(ProductEvent(op="updated", store_id=actor.store.pk, product_id=product.pk))
    return product


def _write_product(store: Store, product: Product, fields: ProductFields) -> None:
    if "external_id" in fields:
        product.external_id = fields["external_id"]
    if "is_active" in fields:
        product.is_active = fields["is_active"]
    if "category" in fields:
        slug = fields["category"]
        category = get_category(store, slug) if slug else None
        if slug and category is None:
            raise ValidationFailed(
                _("No category %(slug)s in this store.") % {"slug": repr(slug)},
                details={"category": slug},
            )
        product.category = category
    translations = fields.get("translations", {})
    if "handle" in fields:
        product.handle = fields["handle"]
    elif not product.handle:
        first_title = next((t.get("title", "") for t in translations.values()), "")
        product.handle = slugify(first_title, allow_unicode=False) or "product"
    try:
        with transaction.atomic():
            product.save()
    except IntegrityError as error:
        raise Conflict(
            _("Another product of this store has the same handle or external id."),
            details={"handle": product.handle, "external_id": product.external_id},
        ) from error
    for language, translation in translations.items():
        check_language(language)
        ProductTranslation.objects.update_or_create(
            product=product, language=language, defaults=dict(translation)
        )
    for variant in fields.get("variants", []):
        _upsert_variant(store, product, variant)


def _upsert_variant(store: Store, product: Product, fields: VariantFields) -> None:
    sku = fields.get("sku")
    if not sku:
        raise ValidationFailed(_("Every variant needs a SKU."))
    variant = Variant.objects.filter(store=store, sku=sku).first()
    if variant is not None and variant.product_id != product.pk:
        raise Conflict(
            _("SKU %(sku)s belongs to another product.") % {"sku": repr(sku)}, details={"sku": sku}
        )
    if variant is None:
        if "price" not in fields:
            raise ValidationFailed(
                _("Variant %(sku)s needs a price.") % {"sku": repr(sku)}, details={"sku": sku}
            )
        variant = Variant(store=store, product=product, sku=sku, currency=store.default_currency)
    for name in ("external_id", "options", "price", "currency", "stock"):
        if name in fields and not (name == "currency" and fields[name] is None):
            setattr(variant, name, fields[name])
    check_currency(variant.currency)
    if variant.price < 0:
        raise ValidationFailed(_("A price cannot be negative."), details={"sku": sku})
    variant.save()
