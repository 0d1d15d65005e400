"""Writing the help center: categories, articles, their drafts and published copies.

Agents (EDIT_HELP_CENTER) create articles and save drafts; admins (PUBLISH_HELP_CENTER)
publish, unpublish, delete and arrange categories. Publishing copies the draft to the
published fields and, after commit, indexes the text for search.
"""

import re
from collections.abc import Collection, Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound
from storedesk.core.events import publish_event
from storedesk.core.markdown import render_markdown
from storedesk.core.tenancy import check_in_store
from storedesk.core.text import search_key
from storedesk.helpcenter.errors import (
    CategoryNotEmpty,
    FieldError,
    HelpCenterValidationFailed,
    SlugTaken,
)
from storedesk.helpcenter.events import ArticleEvent
from storedesk.helpcenter.models import (
    MAX_ARTICLE_LENGTH,
    Article,
    ArticleTranslation,
    Category,
    CategoryTranslation,
)
from storedesk.helpcenter.selectors.editor import plain_text, public_article_path
from storedesk.search.actions import do_index_document, do_remove_documents

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CATEGORY_SLUG_LENGTH = 80
ARTICLE_SLUG_LENGTH = 120
TITLE_LENGTH = 200
CATEGORY_NAME_LENGTH = 120
CATEGORY_DESCRIPTION_LENGTH = 300
MAX_RELATED = 10
# Pages of the public site that sit beside the category pages under /help/<language>/.
RESERVED_CATEGORY_SLUGS = frozenset({"search", "contact", "policies", "feedback", "sitemap"})
SEARCH_KIND = "article"


# Checks -------------------------------------------------------------------------------


def _check_slug(slug: str, *, max_length: int, errors: list[FieldError]) -> str:
    slug = slug.strip().lower()
    if not slug or len(slug) > max_length or not SLUG_PATTERN.match(slug):
        errors.append(
            FieldError(
                "slug",
                _(
                    "Use 1 to %(limit)s lower-case letters, digits and single hyphens "
                    "(for example return-policy)."
                )
                % {"limit": max_length},
            )
        )
    return slug


def _check_store_language(actor: Actor, language: str, field: str = "language") -> None:
    if language not in actor.store.languages:
        raise HelpCenterValidationFailed(
            [
                FieldError(
                    field,
                    _("%(language)s is not one of the store's languages (%(languages)s).")
                    % {
                        "language": repr(language[:16]),
                        "languages": ", ".join(actor.store.languages),
                    },
                    "unknown_language",
                )
            ]
        )


def _get_category(actor: Actor, category_id: int) -> Category:
    category = Category.objects.filter(store=actor.store, pk=category_id).first()
    if category is None:
        raise NotFound(_("No such category."), details={"category_id": category_id})
    return category


def slug_from_title(title: str) -> str:
    """An ASCII slug for ``title``: 'İade ve değişim' gives 'iade-ve-degisim'."""
    slug = slugify(search_key(title))[:ARTICLE_SLUG_LENGTH].strip("-")
    return re.sub(r"-{2,}", "-", slug) or "article"


def _free_article_slug(store_id: int, base: str) -> str:
    taken = set(
        Article.objects.filter(store_id=store_id, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: ARTICLE_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1


def _check_title(title: str, errors: list[FieldError]) -> str:
    title = " ".join(title.split())
    if not title:
        errors.append(FieldError("title", _("An article needs a title."), "required"))
    elif len(title) > TITLE_LENGTH:
        errors.append(
            FieldError(
                "title", _("A title has at most %(limit)s characters.") % {"limit": TITLE_LENGTH}
            )
        )
    return title


def _check_body(body: str, errors: list[FieldError]) -> str:
    # Browsers send a text box's line breaks as CRLF; Markdown is stored with LF.
    body = body.replace("\r\n", "\n")
    if len(body) > MAX_ARTICLE_LENGTH:
        errors.append(
            FieldError(
                "body",
                _("An article has at most %(limit)s characters (this one has %(length)s).")
                % {"limit": MAX_ARTICLE_LENGTH, "length": len(body)},
                "too_long",
            )
        )
    return body


# Categories ---------------------------------------------------------------------------


def check_save_category(
    actor: Actor,
    *,
    category: Category | None = None,
    slug: str,
    names: Mapping[str, str],
    descriptions: Mapping[str, str] | None = None,
    position: int | None = None,
) -> Category:
    """Create a category, or change one: its slug, and its name and description per
    language (a language left without a name loses its translation)."""
    actor.require(Permission.PUBLISH_HELP_CENTER)
    check_in_store(actor, category)
    errors: list[FieldError] = []
    slug = _check_slug(slug, max_length=CATEGORY_SLUG_LENGTH, errors=errors)
    if slug in RESERVED_CATEGORY_SLUGS:
        errors.append(
            FieldError(
                "slug", _("%(slug)s is the address of another help page.") % {"slug": repr(slug)}
            )
        )
    descriptions = descriptions or {}
    for language in [*names, *descriptions]:
        _check_store_language(actor, language, field=f"names.{language}")
    texts: dict[str, tuple[str, str]] = {}
    for language in actor.store.languages:
        name = " ".join(names.get(language, "").split())
        description = " ".join(descriptions.get(language, "").split())
        if len(name) > CATEGORY_NAME_LENGTH:
            errors.append(
                FieldError(
                    f"names.{language}",
                    _("At most %(limit)s characters.") % {"limit": CATEGORY_NAME_LENGTH},
                )
            )
        if len(description) > CATEGORY_DESCRIPTION_LENGTH:
            errors.append(
                FieldError(
                    f"descriptions.{language}",
                    _("At most %(limit)s characters.") % {"limit": CATEGORY_DESCRIPTION_LENGTH},
                )
            )
        if description and not name:
            errors.append(
                FieldError(
                    f"names.{language}",
                    _("Give the category a name in the same language as its description."),
                )
            )
        if name:
            texts[language] = (name, description)
    default = actor.store.default_language
    if default not in texts:
        errors.append(
            FieldError(
                f"names.{default}",
                _("A category needs a name in the store's default language (%(language)s).")
                % {"language": default},
                "required",
            )
        )
    if position is not None and not 0 <= position <= 100_000:
        errors.append(FieldError("position", _("A position must be between 0 and 100000.")))
    if errors:
        raise HelpCenterValidationFailed(errors)
    try:
        with transaction.atomic():
            return do_save_category(
                actor.store.pk, category=category, slug=slug, texts=texts, position=position
            )
    except IntegrityError as error:
        raise SlugTaken(
            _("Another category uses the slug %(slug)s.") % {"slug": repr(slug)}
        ) from error


def do_save_category(
    store_id: int,
    *,
    category: Category | None,
    slug: str,
    texts: Mapping[str, tuple[str, str]],
    position: int | None = None,
) -> Category:
    old_slug = category.slug if category is not None else slug
    with transaction.atomic():
        if category is None:
            category = Category(store_id=store_id)
        category.slug = slug
        if position is not None:
            category.position = position
        category.save()
        category.translations.all().delete()
        CategoryTranslation.objects.bulk_create(
            CategoryTranslation(
                category=category, language=language, name=name, description=description
            )
            for language, (name, description) in texts.items()
        )
        if old_slug != slug:
            # Article addresses contain the category's slug.
            for article in Article.objects.filter(category=category).select_related("category"):
                _reindex_after_commit(article)
    return category


def check_delete_category(actor: Actor, category: Category) -> None:
    actor.require(Permission.PUBLISH_HELP_CENTER)
    check_in_store(actor, category)
    with transaction.atomic():
        if Article.objects.filter(category=category).exists():
            raise CategoryNotEmpty(
                _("Move or delete the articles of this category first."),
                details={"category_id": category.pk},
            )
        category.delete()


# Articles -----------------------------------------------------------------------------


def check_create_article(
    actor: Actor,
    *,
    category_id: int,
    language: str,
    title: str,
    body: str = "",
    slug: str = "",
) -> Article:
    """A new article with its first draft; without a slug one is made from the title."""
    actor.require(Permission.EDIT_HELP_CENTER)
    category = _get_category(actor, category_id)
    _check_store_language(actor, language)
    errors: list[FieldError] = []
    title = _check_title(title, errors)
    body = _check_body(body, errors)
    given_slug = bool(slug.strip())
    if given_slug:
        slug = _check_slug(slug, max_length=ARTICLE_SLUG_LENGTH, errors=errors)
    if errors:
        raise HelpCenterValidationFailed(errors)
    if not given_slug:
        slug = _free_article_slug(actor.store.pk, slug_from_title(title))
    try:
        with transaction.atomic():
            article = Article.objects.create(
                store=actor.store,
                category=category,
                slug=slug,
                position=Article.objects.filter(category=category).count(),
            )
            do_save_translation(article, language=language, title=title, body=body, user=actor.user)
    except IntegrityError as error:
        raise SlugTaken(
            _("Another article uses the slug %(slug)s.") % {"slug": repr(slug)}
        ) from error
    return article


def check_update_article(
    actor: Actor,
    article: Article,
    *,
    category_id: int | None = None,
    slug: str | None = None,
    position: int | None = None,
) -> Article:
    """Move an article to another category, rename its slug or reorder it. Its public
    address changes with the first two, so the search index follows."""
    actor.require(Permission.EDIT_HELP_CENTER)
    check_in_store(actor, article)
    errors: list[FieldError] = []
    category = _get_category(actor, category_id) if category_id is not None else None
    if slug is not None:
        slug = _check_slug(slug, max_length=ARTICLE_SLUG_LENGTH, errors=errors)
    if position is not None and not 0 <= position <= 100_000:
        errors.append(FieldError("position", _("A position must be between 0 and 100000.")))
    if errors:
        raise HelpCenterValidationFailed(errors)
    moved = (category is not None and category.pk != article.category_id) or (
        slug is not None and slug != article.slug
    )
    try:
        with transaction.atomic():
            if category is not None:
                article.category = category
            if slug is not None:
                article.slug = slug
            if position is not None:
                article.position = position
            article.save()
            if moved:
                _reindex_after_commit(article)
    except IntegrityError as error:
        raise SlugTaken(
            _("Another article uses the slug %(slug)s.") % {"slug": repr(slug)}
        ) from error
    return article


def check_save_translation(
    actor: Actor, article: Article, *, language: str, title: str, body: str
) -> ArticleTranslation:
    """Save the draft in ``language``; what shoppers read changes only on publishing."""
    actor.require(Permission.EDIT_HELP_CENTER)
    check_in_store(actor, article)
    _check_store_language(actor, language)
    errors: list[FieldError] = []
    title = _check_title(title, errors)
    body = _check_body(body, errors)
    if errors:
        raise HelpCenterValidationFailed(errors)
    with transaction.atomic():
        return do_save_translation(
            article, language=language, title=title, body=body, user=actor.user
        )


def do_save_translation(
    article: Article, *, language: str, title: str, body: str, user: User | None
) -> ArticleTranslation:
    with transaction.atomic():
        translation, _created = ArticleTranslation.objects.update_or_create(
            article=article,
            language=language,
            defaults={"title": title, "body": body, "updated_by": user},
        )
        Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
    return translation


def _locked_translation(article: Article, language: str) -> ArticleTranslation:
    translation = (
        ArticleTranslation.objects.select_for_update()
        .filter(article=article, language=language)
        .first()
    )
    if translation is None:
        raise NotFound(
            _("The article has no %(language)s text.") % {"language": language[:16]},
            details={"language": language},
        )
    return translation


def check_publish_translation(
    actor: Actor, article: Article, *, language: str
) -> ArticleTranslation:
    """Make the draft in ``language`` what shoppers read."""
    actor.require(Permission.PUBLISH_HELP_CENTER)
    check_in_store(actor, article)
    _check_store_language(actor, language)
    with transaction.atomic():
        translation = _locked_translation(article, language)
        if not translation.body.strip():
            raise HelpCenterValidationFailed(
                [FieldError("body", _("Write the article before publishing it."), "required")]
            )
        return do_publish_translation(article, translation, user=actor.user)


def do_publish_translation(
    article: Article, translation: ArticleTranslation, *, user: User | None
) -> ArticleTranslation:
    with transaction.atomic():
        translation.published_title = translation.title
        translation.published_body = translation.body
        translation.published_html = render_markdown(translation.body)
        translation.published_at = timezone.now()
        translation.updated_by = user
        translation.save()
        _index_after_commit(article, translation)
        publish_event(
            ArticleEvent(
                op="published",
                store_id=article.store_id,
                article_id=article.pk,
                slug=article.slug,
                language=translation.language,
            )
        )
    return translation


def check_unpublish_translation(
    actor: Actor, article: Article, *, language: str
) -> ArticleTranslation:
    """Take the article in ``language`` off the public site; the draft stays."""
    actor.require(Permission.PUBLISH_HELP_CENTER)
    check_in_store(actor, article)
    _check_store_language(actor, language)
    with transaction.atomic():
        translation = _locked_translation(article, language)
        if not translation.is_published:
            return translation
        return do_unpublish_translation(article, translation, user=actor.user)


def do_unpublish_translation(
    article: Article, translation: ArticleTranslation, *, user: User | None
) -> ArticleTranslation:
    with transaction.atomic():
        translation.published_title = ""
        translation.published_body = ""
        translation.published_html = ""
        translation.published_at = None
        translation.updated_by = user
        translation.save()
        store_id, key, language = article.store_id, str(article.pk), translation.language
        transaction.on_commit(
            lambda: do_remove_documents(article.store, kind=SEARCH_KIND, key=key, language=language)
        )
        publish_event(
            ArticleEvent(
                op="unpublished",
                store_id=store_id,
                article_id=article.pk,
                slug=article.slug,
                language=language,
            )
        )
    return translation


def check_delete_article(actor: Actor, article: Article) -> None:
    actor.require(Permission.PUBLISH_HELP_CENTER)
    check_in_store(actor, article)
    do_delete_article(article)


def do_delete_article(article: Article) -> None:
    store, article_id, slug = article.store, article.pk, article.slug
    with transaction.atomic():
        article.delete()
        transaction.on_commit(
            lambda: do_remove_documents(store, kind=SEARCH_KIND, key=str(article_id))
        )
        publish_event(
            ArticleEvent(op="deleted", store_id=store.pk, article_id=article_id, slug=slug)
        )


def check_set_related_articles(
    actor: Actor, article: Article, related_ids: Collection[int]
) -> list[Article]:
    """The articles shown under ``article`` as related, in the store's order."""
    actor.require(Permission.EDIT_HELP_CENTER)
    check_in_store(actor, article)
    wanted = set(related_ids)
    if article.pk in wanted:
        raise HelpCenterValidationFailed(
            [FieldError("related", _("An article cannot be related to itself."))]
        )
    if len(wanted) > MAX_RELATED:
        raise HelpCenterValidationFailed(
            [
                FieldError(
                    "related",
                    _("Choose at most %(limit)s related articles.") % {"limit": MAX_RELATED},
                )
            ]
        )
    related = list(Article.objects.filter(store=actor.store, pk__in=wanted))
    if len(related) != len(wanted):
        raise NotFound(
            _("No such article."),
            details={"related": sorted(wanted - {other.pk for other in related})},
        )
    with transaction.atomic():
        article.related.set(related)
    return related


# Search index -------------------------------------------------------------------------


def _index_after_commit(article: Article, translation: ArticleTranslation) -> None:
    store = article.store
    key = str(article.pk)
    language = translation.language
    title = translation.published_title
    body = plain_text(translation.published_html)
    url = public_article_path(
        language=language, category_slug=article.category.slug, article_slug=article.slug
    )
    transaction.on_commit(
        lambda: do_index_document(
            store, kind=SEARCH_KIND, key=key, language=language, title=title, body=body, url=url
        )
    )


def _reindex_after_commit(article: Article) -> None:
    for translation in ArticleTranslation.objects.filter(
        article=article, published_at__isnull=False
    ):
        _index_after_commit(article, translation)


def check_save_and_publish_translation(
    actor: Actor, article: Article, *, language: str, title: str, body: str
) -> ArticleTranslation:
    """Save the draft and publish it at once, or neither."""
    actor.require(Permission.PUBLISH_HELP_CENTER)
    check_in_store(actor, article)
    with transaction.atomic():
        check_save_translation(actor, article, language=language, title=title, body=body)
        return check_publish_translation(actor, article, language=language)
