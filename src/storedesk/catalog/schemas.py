from datetime import datetime
from decimal import Decimal

from ninja import Field, Schema

from storedesk.catalog.models import Product
from storedesk.core.api import Amount, Currency, Text

MAX_VARIANTS = 250


class TranslationIn(Schema):
    title: Text(300, min_length=1)  # type: ignore[valid-type]
    description: Text(20_000) = ""  # type: ignore[valid-type]


class VariantIn(Schema):
    sku: Text(120, min_length=1)  # type: ignore[valid-type]
    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    options: dict[Text(40, min_length=1), Text(120)] = Field(default_factory=dict, max_length=10)  # type: ignore[valid-type]
    price: Amount | None = Field(None, description="Required for a new variant.")
    currency: Currency | None = None
    stock: int = Field(0, ge=-1_000_000, le=1_000_000_000)


class ProductIn(Schema):
    """A product as a store platform sends it. A known ``external_id`` updates that product;
    variants are matched by SKU."""

    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    handle: Text(200, min_length=1) | None = Field(None, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # type: ignore[valid-type]
    category: Text(80, min_length=1) | None = Field(None, description="The category's slug.")  # type: ignore[valid-type]
    is_active: bool = True
    translations: dict[Text(8, min_length=2), TranslationIn] = Field(  # type: ignore[valid-type]
        description="Title and description per language code.", min_length=1, max_length=20
    )
    variants: list[VariantIn] = Field(default_factory=list, max_length=MAX_VARIANTS)


class ProductPatch(Schema):
    """Only the fields present are changed; translations and variants are merged in."""

    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    handle: Text(200, min_length=1) | None = Field(None, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # type: ignore[valid-type]
    category: Text(80, min_length=1) | None = None  # type: ignore[valid-type]
    is_active: bool | None = None
    translations: dict[Text(8, min_length=2), TranslationIn] | None = Field(None, max_length=20)  # type: ignore[valid-type]
    variants: list[VariantIn] | None = Field(None, max_length=MAX_VARIANTS)


class TranslationOut(Schema):
    language: str
    title: str
    description: str


class VariantOut(Schema):
    id: int
    sku: str
    external_id: str | None
    options: dict[str, str]
    price: Decimal
    currency: str
    stock: int


class ProductOut(Schema):
    id: int
    external_id: str | None
    handle: str
    category: str | None
    is_active: bool
    translations: list[TranslationOut]
    variants: list[VariantOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_category(obj: Product) -> str | None:
        return obj.category.slug if obj.category else None


class ProductPage(Schema):
    items: list[ProductOut]
    next_cursor: str | None
