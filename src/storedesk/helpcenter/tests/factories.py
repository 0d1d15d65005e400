"""Help-center test data: categories, articles and their translations, draft or published.

``publish_translation`` writes the published copy directly (rendered with core.markdown),
so tests of the public site need not go through the editor's actions.
"""

from collections.abc import Mapping

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from storedesk.accounts.tests.factories import StoreFactory
from storedesk.core.markdown import render_markdown
from storedesk.core.models import Store
from storedesk.helpcenter.models import (
    Article,
    ArticleTranslation,
    Category,
    CategoryTranslation,
    HelpCenterSettings,
)


class HelpCenterSettingsFactory(DjangoModelFactory[HelpCenterSettings]):
    class Meta:
        model = HelpCenterSettings

    store = factory.SubFactory(StoreFactory)


class CategoryFactory(DjangoModelFactory[Category]):
    class Meta:
        model = Category

    store = factory.SubFactory(StoreFactory)
    slug = factory.Sequence(lambda n: f"category-{n}")
    position = factory.Sequence(lambda n: n)


class CategoryTranslationFactory(DjangoModelFactory[CategoryTranslation]):
    class Meta:
        model = CategoryTranslation

    category = factory.SubFactory(CategoryFactory)
    language = "en"
    name = factory.Sequence(lambda n: f"Category {n}")


class ArticleFactory(DjangoModelFactory[Article]):
    class Meta:
        model = Article

    category = factory.SubFactory(CategoryFactory)
    store = factory.SelfAttribute("category.store")
    slug = factory.Sequence(lambda n: f"article-{n}")
    position = factory.Sequence(lambda n: n)


class ArticleTranslationFactory(DjangoModelFactory[ArticleTranslation]):
    """A draft translation; pass ``published=True`` to publish it as written."""

    class Meta:
        model = ArticleTranslation

    class Params:
        published = factory.Trait(
            published_title=factory.SelfAttribute("title"),
            published_body=factory.SelfAttribute("body"),
            published_html=factory.LazyAttribute(lambda o: render_markdown(o.body)),
            published_at=factory.LazyFunction(timezone.now),
        )

    article = factory.SubFactory(ArticleFactory)
    language = "en"
    title = factory.Sequence(lambda n: f"Article {n}")
    body = "Some **helpful** text."


def publish_translation(translation: ArticleTranslation) -> ArticleTranslation:
    """Publish ``translation`` as it stands, like the editor's publish does."""
    translation.published_title = translation.title
    translation.published_body = translation.body
    translation.published_html = render_markdown(translation.body)
    translation.published_at = timezone.now()
    translation.save()
    return translation


def make_category(store: Store, slug: str, names: Mapping[str, str]) -> Category:
    """A category of ``store`` named in each language of ``names``."""
    category = CategoryFactory(store=store, slug=slug)
    for language, name in names.items():
        CategoryTranslationFactory(category=category, language=language, name=name)
    return category


def make_article(
    category: Category,
    slug: str,
    published: Mapping[str, tuple[str, str]] = {},
    drafts: Mapping[str, tuple[str, str]] = {},
) -> Article:
    """An article with ``{language: (title, markdown)}`` translations, published or draft."""
    article = ArticleFactory(category=category, store=category.store, slug=slug)
    for language, (title, body) in published.items():
        ArticleTranslationFactory(
            article=article, language=language, title=title, body=body, published=True
        )
    for language, (title, body) in drafts.items():
        ArticleTranslationFactory(article=article, language=language, title=title, body=body)
    return article
