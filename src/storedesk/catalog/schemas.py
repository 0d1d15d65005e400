from datetime import datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from storedesk.catalog.models import Product
from storedesk.core.api import Amount, Currency, Flag, InputSchema, Text

MAX_VARIANTS = 250


class ProductTranslationIn(InputSchema):
    title: Annotated[str, Text(300, min_length=1)]
    description: Annotated[str, Text(20_000)] = ""


class VariantIn(InputSchema):
    sku: Annotated[str, Text(120, min_length=1)]
    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    options: dict[Annotated[str, Text(40, min_length=1)], Annotated[str, Text(120)]] = Field(
        default_factory=dict, max_length=10
    )
    price: Amount | None = Field(None, description="Required for a new variant.")
    currency: Currency | None = None
    stock: int = Field(0, ge=-1_000_000, le=1_000_000_000)


class ProductIn(InputSchema):
    """A product as a store platform sends it. A known ``external_id`` updates that product;
    variants are matched by SKU."""

    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    handle: Annotated[str, Text(200, min_length=1)] | None = Field(
        None, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
    )
    category: Annotated[str, Text(80, min_length=1)] | None = Field(
        None, description="The category's slug."
    )
    is_active: Flag = True
    translations: dict[Annotated[str, Text(8, min_length=2)], ProductTranslationIn] = Field(
        description="Title and description per language code.", min_length=1, max_length=20
    )
    variants: list[VariantIn] = Field(default_factory=list, max_length=MAX_VARIANTS)


class ProductPatch(InputSchema):
    """Only the fields present are changed; translations and variants are merged in."""

    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    handle: Annotated[str, Text(200, min_length=1)] | None = Field(
        None, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
    )
    category: Annotated[str, Text(80, min_length=1)] | None = None
    is_active: Flag | None = None
    translations: dict[Annotated[str, Text(8, min_length=2)], ProductTranslationIn] | None = Field(
        None, max_length=20
    )
    variants: list[VariantIn] | None = Field(None, max_length=MAX_VARIANTS)


class ProductTranslationOut(Schema):
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
    translations: list[ProductTranslationOut]
    variants: list[VariantOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_category(obj: Product) -> str | None:
        return obj.category.slug if obj.category else None


class ProductPage(Schema):
    items: list[ProductOut]
    next_cursor: str | None
