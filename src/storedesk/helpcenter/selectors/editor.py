"""Reads for the help-center editor (agent UI and API): drafts included, always one store's."""

import html
import re
from dataclasses import dataclass
from enum import StrEnum

import nh3
from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound
from storedesk.core.models import Store
from storedesk.helpcenter.models import (
    Article,
    ArticleTranslation,
    Category,
    CategoryTranslation,
    HelpCenterSettings,
)


class TranslationStatus(StrEnum):
    PUBLISHED = "published"
    # Published, and the draft has edits shoppers do not see yet.
    CHANGED = "changed"
    DRAFT = "draft"
    MISSING = "missing"


def translation_status(translation: ArticleTranslation | None) -> TranslationStatus:
    if translation is None:
        return TranslationStatus.MISSING
    if not translation.is_published:
        return TranslationStatus.DRAFT
    if translation.has_unpublished_changes:
        return TranslationStatus.CHANGED
    return TranslationStatus.PUBLISHED


def store_languages(store: Store) -> list[str]:
    """The store's languages, its default first."""
    return [store.default_language] + [
        code for code in store.languages if code != store.default_language
    ]


def public_article_path(*, language: str, category_slug: str, article_slug: str) -> str:
    """Where shoppers read the article in ``language``."""
    try:
        return reverse(
            "help-article",
            kwargs={
                "language": language,
                "category_slug": category_slug,
                "article_slug": article_slug,
            },
        )
    except NoReverseMatch:
        # The public site's routes are optional in a trimmed URL configuration; the shape is
        # fixed by the public site, so the path is still right.
        return f"/help/{language}/{category_slug}/{article_slug}/"


_TAG_START = re.compile(r"<")


def plain_text(rendered_html: str) -> str:
    """The readable text of sanitised HTML, for the search index: no tags, entities decoded,
    table cells and paragraphs kept apart by a space."""
    text = nh3.clean(_TAG_START.sub(" <", rendered_html), tags=set())
    return " ".join(html.unescape(text).split())


# Access -------------------------------------------------------------------------------


def _translations_prefetch() -> Prefetch[str]:
    return Prefetch("translations", queryset=ArticleTranslation.objects.order_by("language"))


def access_category(actor: Actor, category_id: int) -> Category:
    # Any member of the store may read its help content; writes check their permission.
    category = (
        Category.objects.filter(store=actor.store, pk=category_id)
        .prefetch_related("translations")
        .first()
    )
    if category is None:
        raise NotFound("No such category.")
    return category


def access_article(actor: Actor, article_id: int) -> Article:
    article = (
        Article.objects.filter(store=actor.store, pk=article_id)
        .select_related("category")
        .prefetch_related(_translations_prefetch(), "category__translations", "related")
        .first()
    )
    if article is None:
        raise NotFound("No such article.")
    return article


def get_translation(article: Article, language: str) -> ArticleTranslation | None:
    """The article's translation in ``language`` (from the prefetched ones when loaded)."""
    for translation in article.translations.all():
        if translation.language == language:
            return translation
    return None


# Lists --------------------------------------------------------------------------------


def list_categories(actor: Actor) -> QuerySet[Category]:
    return Category.objects.filter(store=actor.store).prefetch_related(
        Prefetch("translations", queryset=CategoryTranslation.objects.order_by("language"))
    )


def list_articles(actor: Actor, *, category_id: int | None = None) -> QuerySet[Article]:
    """The store's articles with their translations, for a paginated list."""
    articles = Article.objects.filter(store=actor.store)
    if category_id is not None:
        articles = articles.filter(category_id=category_id)
    return articles.select_related("category").prefetch_related(_translations_prefetch(), "related")


def category_name(category: Category, language: str, store: Store) -> str:
    """The category's name in ``language``, else the store default's, else its slug."""
    names = {t.language: t.name for t in category.translations.all()}
    return names.get(language) or names.get(store.default_language) or category.slug


def article_title(article: Article, language: str, store: Store) -> str:
    titles = {t.language: t.title for t in article.translations.all()}
    return (
        titles.get(language)
        or titles.get(store.default_language)
        or next(iter(titles.values()), article.slug)
    )


@dataclass(frozen=True, slots=True)
class LanguageState:
    language: str
    status: TranslationStatus
    public_url: str | None  # set when shoppers can read it


@dataclass(frozen=True, slots=True)
class ArticleRow:
    article: Article
    title: str
    languages: list[LanguageState]


@dataclass(frozen=True, slots=True)
class CategoryRow:
    category: Category
    name: str
    articles: list[ArticleRow]


def article_languages(article: Article, languages: list[str]) -> list[LanguageState]:
    by_language = {t.language: t for t in article.translations.all()}
    states = []
    for code in languages:
        translation = by_language.get(code)
        status = translation_status(translation)
        url = (
            public_article_path(
                language=code, category_slug=article.category.slug, article_slug=article.slug
            )
            if translation is not None and translation.is_published
            else None
        )
        states.append(LanguageState(code, status, url))
    return states


def list_editor_home(actor: Actor, *, language: str | None = None) -> list[CategoryRow]:
    """Every category with its articles and each article's state per language (only
    ``language`` when given). A fixed number of queries however many articles there are."""
    store = actor.store
    languages = [language] if language else store_languages(store)
    display_language = language or store.default_language
    categories = list(list_categories(actor))
    articles = list(
        Article.objects.filter(store=store)
        .select_related("category")
        .prefetch_related(_translations_prefetch())
    )
    by_category: dict[int, list[ArticleRow]] = {c.pk: [] for c in categories}
    for article in articles:
        by_category[article.category_id].append(
            ArticleRow(
                article,
                article_title(article, display_language, store),
                article_languages(article, languages),
            )
        )
    return [
        CategoryRow(
            category, category_name(category, display_language, store), by_category[category.pk]
        )
        for category in categories
    ]


def list_related_candidates(actor: Actor, article: Article) -> list[tuple[int, str]]:
    """Every other article of the store as (id, title), for the related-articles picker."""
    actor.require(Permission.EDIT_HELP_CENTER)
    others = (
        Article.objects.filter(store=actor.store)
        .exclude(pk=article.pk)
        .prefetch_related(_translations_prefetch())
    )
    return [
        (other.pk, article_title(other, actor.store.default_language, actor.store))
        for other in others
    ]


# Settings -----------------------------------------------------------------------------


def get_help_center_settings(store: Store) -> HelpCenterSettings:
    """The store's settings, or unsaved defaults when it never changed them."""
    settings = HelpCenterSettings.objects.filter(store=store).first()
    return settings if settings is not None else HelpCenterSettings(store=store)


def list_store_teams(actor: Actor) -> QuerySet[Team]:
    return Team.objects.filter(store=actor.store).order_by("name")
