"""The public help center: categories and articles per language, feedback, contact page."""

from django.db import models

from storedesk.core.models import Store, StoreScopedModel

MAX_ARTICLE_LENGTH = 100_000


class HelpCenterSettings(models.Model):
    """How a store's public help center and contact page are reached and what they offer."""

    store = models.OneToOneField(Store, on_delete=models.CASCADE, related_name="help_center")
    # The host name shoppers use for the help center (help.shop.example); the site is also
    # served for the only store of an installation without one.
    public_host = models.CharField(max_length=253, blank=True)
    contact_email = models.EmailField(blank=True)
    phone_number = models.CharField(max_length=20, blank=True)  # E.164
    whatsapp_number = models.CharField(max_length=20, blank=True)  # E.164
    chat_enabled = models.BooleanField(default=True)
    contact_form_enabled = models.BooleanField(default=True)
    # The team whose working hours the contact page shows; none means the first team.
    support_team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the contact form's confirmation promises.
    expected_response_hours = models.PositiveSmallIntegerField(default=24)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["public_host"],
                condition=~models.Q(public_host=""),
                name="help_center_public_host_unique",
            )
        ]

    def __str__(self) -> str:
        return f"Help center of {self.store_id}"


class Category(StoreScopedModel):
    slug = models.SlugField(max_length=80)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "slug"], name="help_category_slug_unique")
        ]
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.slug


class CategoryTranslation(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "language"], name="help_category_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


class Article(StoreScopedModel):
    """One help article; its text lives in one translation per language."""

    category = models.ForeignKey(Category, on_delete=models.RESTRICT, related_name="articles")
    # One slug for every language, so a shopper switching language stays on the article.
    slug = models.SlugField(max_length=120)
    position = models.PositiveIntegerField(default=0)
    # Chosen by the editor; without any, related articles come from the same category.
    related = models.ManyToManyField("self", symmetrical=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "slug"], name="help_article_slug_unique")
        ]
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.slug


class ArticleTranslation(models.Model):
    """The article in one language: the draft being edited and the copy shoppers see.

    Publishing copies the draft over the published copy, so an edit in progress never
    reaches the public site half-written.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)  # Markdown draft
    published_title = models.CharField(max_length=200, blank=True)
    published_body = models.TextField(blank=True)  # Markdown as published
    published_html = models.TextField(blank=True)  # sanitised rendering of published_body
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="help_article_translation_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "published_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def has_unpublished_changes(self) -> bool:
        return self.title != self.published_title or self.body != self.published_body


class ArticleFeedback(StoreScopedModel):
    """One shopper's "Was this helpful?" answer, counted per article and language."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    language = models.CharField(max_length=8)
    helpful = models.BooleanField()
    # A keyed hash of the visitor's session, so one visitor counts once per article.
    visitor_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "visitor_hash"], name="help_feedback_once_per_visitor"
            )
        ]
