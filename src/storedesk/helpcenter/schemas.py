"""Typed input and output of the help-center REST API."""

from datetime import datetime
from typing import Annotated

from ninja import Field, Schema

from storedesk.core.api import InputSchema, ObjectId, PageQuery, Text
from storedesk.helpcenter.models import MAX_ARTICLE_LENGTH, Article, ArticleTranslation, Category
from storedesk.helpcenter.selectors.editor import (
    TranslationStatus,
    public_article_path,
    translation_status,
)

Language = Annotated[str, Text(16, min_length=2)]


class CategoryOut(Schema):
    id: int
    slug: str
    position: int
    names: dict[str, str]
    descriptions: dict[str, str]

    @staticmethod
    def resolve_names(obj: Category) -> dict[str, str]:
        return {t.language: t.name for t in obj.translations.all()}

    @staticmethod
    def resolve_descriptions(obj: Category) -> dict[str, str]:
        return {t.language: t.description for t in obj.translations.all() if t.description}


class TranslationOut(Schema):
    language: str
    status: TranslationStatus = Field(
        description="published; changed (published, with a newer draft); draft (never "
        "published or unpublished)."
    )
    title: str = Field(description="The draft's title.")
    body: str = Field(description="The draft's Markdown.")
    published_title: str
    published_body: str
    published_html: str = Field(description="The sanitised HTML shoppers read.")
    published_at: datetime | None
    updated_at: datetime

    @staticmethod
    def resolve_status(obj: ArticleTranslation) -> TranslationStatus:
        return translation_status(obj)


class ArticleOut(Schema):
    id: int
    slug: str
    category_id: int
    position: int
    related_ids: list[int]
    translations: list[TranslationOut]
    public_urls: dict[str, str] = Field(description="The public page per published language.")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_related_ids(obj: Article) -> list[int]:
        return sorted(other.pk for other in obj.related.all())

    @staticmethod
    def resolve_translations(obj: Article) -> list[ArticleTranslation]:
        return list(obj.translations.all())

    @staticmethod
    def resolve_public_urls(obj: Article) -> dict[str, str]:
        return {
            t.language: public_article_path(
                language=t.language, category_slug=obj.category.slug, article_slug=obj.slug
            )
            for t in obj.translations.all()
            if t.is_published
        }


class ArticlePage(Schema):
    items: list[ArticleOut]
    next_cursor: str | None


class ArticleQuery(PageQuery):
    category_id: ObjectId | None = None


class ArticleIn(InputSchema):
    category_id: ObjectId
    language: Language
    title: Annotated[str, Text(200)]
    body: Annotated[str, Text(MAX_ARTICLE_LENGTH)] = ""
    slug: Annotated[str, Text(120)] = Field("", description="Made from the title when empty.")


class TranslationIn(InputSchema):
    title: Annotated[str, Text(200)]
    body: Annotated[str, Text(MAX_ARTICLE_LENGTH)] = ""
