from django.db import models

from storedesk.core.models import StoreScopedModel, unique_external_id
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, CURRENCY_MAX_LENGTH


class Category(StoreScopedModel):
    """A product category; policies (return windows, final sale) hang off it later."""

    slug = models.SlugField(max_length=80)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "slug"], name="category_slug_unique")
        ]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.slug


class CategoryTranslation(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    name = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "language"], name="category_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


class Product(StoreScopedModel):
    external_id = models.CharField(max_length=120, null=True, blank=True)
    handle = models.SlugField(max_length=200)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="products"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            unique_external_id("store", name="product_external_id_unique"),
            models.UniqueConstraint(fields=["store", "handle"], name="product_handle_unique"),
        ]

    def __str__(self) -> str:
        return self.handle


class ProductTranslation(models.Model):
    """A product's title and description in one language."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product", "language"], name="product_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class Variant(StoreScopedModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    external_id = models.CharField(max_length=120, null=True, blank=True)
    sku = models.CharField(max_length=120)
    options = models.JSONField(default=dict, blank=True, help_text='e.g. {"size": "42"}')
    price = models.DecimalField(max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES)
    currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)
    stock = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "sku"], name="variant_sku_unique"),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="variant_price_gte_0"),
        ]

    def __str__(self) -> str:
        return self.sku
