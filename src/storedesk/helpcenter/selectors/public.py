"""Reads of the public help center. Only published translations are ever returned; an
article missing in the requested language is shown in the store's default language."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from storedesk.accounts.models import Team
from storedesk.core.errors import NotFound
from storedesk.core.models import Store
from storedesk.helpcenter.models import (
    Article,
    ArticleFeedback,
    ArticleTranslation,
    Category,
    CategoryTranslation,
    HelpCenterSettings,
)

MAX_RELATED_ARTICLES = 5


@dataclass(frozen=True, slots=True)
class ArticleLink:
    slug: str
    title: str
    url: str
    # The language the title is in; differs from the page's when it fell back.
    language: str


@dataclass(slots=True)
class PublicCategory:
    id: int
    slug: str
    name: str
    description: str
    url: str
    articles: list[ArticleLink] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PublicArticle:
    article: Article
    category: PublicCategory
    # The language the text is in: the requested one, or the store's default.
    language: str
    fell_back: bool
    title: str
    html: str
    published_at: datetime | None
    # Every language this article is published in, for hreflang links.
    languages: tuple[str, ...]
    related: tuple[ArticleLink, ...]


@dataclass(frozen=True, slots=True)
class FeedbackCounts:
    helpful: int
    not_helpful: int

    @property
    def total(self) -> int:
        return self.helpful + self.not_helpful


@dataclass(frozen=True, slots=True)
class SitemapArticle:
    category_slug: str
    slug: str
    languages: tuple[str, ...]
    last_modified: datetime | None


def get_help_center_settings(store: Store) -> HelpCenterSettings:
    """The store's help-center settings; an unsaved default when it has none yet."""
    try:
        return store.help_center
    except HelpCenterSettings.DoesNotExist:
        return HelpCenterSettings(store=store)


def _languages(store: Store, language: str) -> list[str]:
    return list(dict.fromkeys([language, store.default_language]))


def _category_url(language: str, category_slug: str) -> str:
    return reverse("help-category", args=[language, category_slug])


def article_url(language: str, category_slug: str, article_slug: str) -> str:
    return reverse("help-article", args=[language, category_slug, article_slug])


def _pick(
    translations: dict[str, ArticleTranslation], store: Store, language: str
) -> ArticleTranslation | None:
    return translations.get(language) or translations.get(store.default_language)


def _published_translations(store: Store, language: str) -> QuerySet[ArticleTranslation]:
    return (
        ArticleTranslation.objects.filter(
            article__store=store,
            language__in=_languages(store, language),
            published_at__isnull=False,
        )
        .select_related("article__category")
        .only(
            "language",
            "published_title",
            "published_at",
            "article__id",
            "article__slug",
            "article__position",
            "article__category__id",
            "article__category__slug",
        )
        .order_by("article__position", "article__id")
    )


def _links(
    translations: QuerySet[ArticleTranslation], store: Store, language: str
) -> list[tuple[Article, ArticleLink]]:
    """One link per article, in the page language when published in it."""
    by_article: dict[int, dict[str, ArticleTranslation]] = defaultdict(dict)
    articles: dict[int, Article] = {}
    for translation in translations:
        by_article[translation.article_id][translation.language] = translation
        articles[translation.article_id] = translation.article
    links = []
    for article_id, article in articles.items():
        chosen = _pick(by_article[article_id], store, language)
        if chosen is None:
            continue
        links.append(
            (
                article,
                ArticleLink(
                    slug=article.slug,
                    title=chosen.published_title,
                    url=article_url(language, article.category.slug, article.slug),
                    language=chosen.language,
                ),
            )
        )
    return links


def _category_names(
    store: Store, language: str, category_ids: list[int] | None = None
) -> dict[int, CategoryTranslation]:
    rows = CategoryTranslation.objects.filter(
        category__store=store, language__in=_languages(store, language)
    )
    if category_ids is not None:
        rows = rows.filter(category_id__in=category_ids)
    by_category: dict[int, dict[str, CategoryTranslation]] = defaultdict(dict)
    for row in rows:
        by_category[row.category_id][row.language] = row
    chosen: dict[int, CategoryTranslation] = {}
    for category_id, names in by_category.items():
        name = names.get(language) or names.get(store.default_language)
        if name is not None:
            chosen[category_id] = name
    return chosen


def _public_category(
    category: Category, names: dict[int, CategoryTranslation], language: str
) -> PublicCategory:
    name = names.get(category.id)
    return PublicCategory(
        id=category.id,
        slug=category.slug,
        name=name.name if name else category.slug.replace("-", " ").capitalize(),
        description=name.description if name else "",
        url=_category_url(language, category.slug),
    )


def list_public_categories(store: Store, language: str) -> list[PublicCategory]:
    """The categories that have an article to show in ``language``, each with its articles."""
    categories = list(Category.objects.filter(store=store).order_by("position", "id"))
    names = _category_names(store, language)
    result = {category.id: _public_category(category, names, language) for category in categories}
    for article, link in _links(_published_translations(store, language), store, language):
        result[article.category_id].articles.append(link)
    return [category for category in result.values() if category.articles]


def get_public_category(store: Store, language: str, slug: str) -> PublicCategory:
    category = Category.objects.filter(store=store, slug=slug).first()
    if category is None:
        raise NotFound("No such help-center category.")
    names = _category_names(store, language, [category.id])
    result = _public_category(category, names, language)
    translations = _published_translations(store, language).filter(article__category=category)
    result.articles = [link for _article, link in _links(translations, store, language)]
    if not result.articles:
        raise NotFound("No such help-center category.")
    return result


def get_public_article(store: Store, language: str, slug: str) -> PublicArticle:
    """The published article ``slug`` in ``language``, else in the store's default language."""
    translations = {
        translation.language: translation
        for translation in ArticleTranslation.objects.filter(
            article__store=store, article__slug=slug, published_at__isnull=False
        )
        .select_related("article__category")
        .defer("body", "published_body")
    }
    chosen = _pick(translations, store, language)
    if chosen is None:
        raise NotFound("No such help-center article.")
    article = chosen.article
    names = _category_names(store, language, [article.category_id])
    return PublicArticle(
        article=article,
        category=_public_category(article.category, names, language),
        language=chosen.language,
        fell_back=chosen.language != language,
        title=chosen.published_title,
        html=chosen.published_html,
        published_at=chosen.published_at,
        languages=tuple(sorted(translations)),
        related=tuple(_related(store, article, language)),
    )


def _related(store: Store, article: Article, language: str) -> list[ArticleLink]:
    chosen_ids = list(
        Article.related.through.objects.filter(from_article=article).values_list(
            "to_article_id", flat=True
        )
    )
    translations = _published_translations(store, language).exclude(article=article)
    if chosen_ids:
        translations = translations.filter(article_id__in=chosen_ids)
    else:
        translations = translations.filter(article__category_id=article.category_id)
    links = [link for _article, link in _links(translations, store, language)]
    return links[:MAX_RELATED_ARTICLES]


def get_feedback_counts(store: Store, article: Article) -> FeedbackCounts:
    counts = ArticleFeedback.objects.filter(store=store, article=article).aggregate(
        yes=Count("id", filter=Q(helpful=True)),
        no=Count("id", filter=Q(helpful=False)),
    )
    return FeedbackCounts(helpful=counts["yes"], not_helpful=counts["no"])


def get_visitor_feedback(store: Store, article: Article, visitor_hash: str) -> bool | None:
    """The visitor's answer to "Was this helpful?" for ``article``, or None."""
    answer = (
        ArticleFeedback.objects.filter(store=store, article=article, visitor_hash=visitor_hash)
        .values_list("helpful", flat=True)
        .first()
    )
    return answer


def get_published_article_id(store: Store, slug: str) -> int:
    """The id of the article ``slug`` when any translation of it is published."""
    article_id = (
        Article.objects.filter(store=store, slug=slug, translations__published_at__isnull=False)
        .values_list("id", flat=True)
        .first()
    )
    if article_id is None:
        raise NotFound("No such help-center article.")
    return article_id


def list_sitemap_articles(store: Store) -> list[SitemapArticle]:
    """Every article with a published translation, with the languages it is published in."""
    rows = (
        ArticleTranslation.objects.filter(article__store=store, published_at__isnull=False)
        .order_by("article__category__position", "article__position", "article_id", "language")
        .values_list("article_id", "article__slug", "article__category__slug", "language",
                     "published_at")
    )  # fmt: skip
    articles: dict[int, SitemapArticle] = {}
    for article_id, slug, category_slug, language, published_at in rows:
        known = articles.get(article_id)
        if known is None:
            articles[article_id] = SitemapArticle(category_slug, slug, (language,), published_at)
            continue
        latest = max(filter(None, [known.last_modified, published_at]), default=None)
        articles[article_id] = SitemapArticle(
            category_slug, slug, (*known.languages, language), latest
        )
    return list(articles.values())


def list_sitemap_categories(store: Store) -> dict[str, tuple[str, ...]]:
    """Category slugs with the languages their pages have something to show in."""
    languages = [code for code in store.languages if code] or [store.default_language]
    rows = (
        ArticleTranslation.objects.filter(article__store=store, published_at__isnull=False)
        .values_list("article__category__slug", "language")
        .distinct()
    )
    published: dict[str, set[str]] = defaultdict(set)
    for slug, language in rows:
        published[slug].add(language)
    result: dict[str, tuple[str, ...]] = {}
    for slug in Category.objects.filter(store=store).values_list("slug", flat=True):
        have = published.get(slug, set())
        if not have:
            continue
        # A category page shows fallback articles too, so every language has it once the
        # default language does.
        shown = languages if store.default_language in have else [c for c in languages if c in have]
        if shown:
            result[slug] = tuple(shown)
    return result


def get_support_team(store: Store, settings: HelpCenterSettings) -> Team | None:
    """The team whose working hours the contact page shows."""
    if settings.support_team_id is not None:
        team = Team.objects.filter(store=store, id=settings.support_team_id).first()
        if team is not None:
            return team
    return Team.objects.filter(store=store).order_by("name", "id").first()
