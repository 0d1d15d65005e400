"""REST API of the help-center editor: categories, articles, drafts and publishing."""

from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.responses import Status

from storedesk.accounts.auth import request_actor
from storedesk.core.api import ERROR_STATUSES, ErrorResponse, ObjectId
from storedesk.core.pagination import paginate
from storedesk.helpcenter.actions.articles import (
    check_create_article,
    check_publish_translation,
    check_save_translation,
    check_unpublish_translation,
)
from storedesk.helpcenter.models import Article, ArticleTranslation, Category
from storedesk.helpcenter.schemas import (
    ArticleIn,
    ArticleOut,
    ArticlePage,
    ArticleQuery,
    CategoryOut,
    Language,
    TranslationIn,
    TranslationOut,
)
from storedesk.helpcenter.selectors.editor import access_article, list_articles, list_categories

router = Router(tags=["help center"])


@router.get("/categories", response={200: list[CategoryOut], ERROR_STATUSES: ErrorResponse})
def list_categories_endpoint(request: HttpRequest) -> list[Category]:
    return list(list_categories(request_actor(request)))


@router.get("/articles", response={200: ArticlePage, ERROR_STATUSES: ErrorResponse})
def list_articles_endpoint(request: HttpRequest, query: Query[ArticleQuery]) -> dict[str, object]:
    """Every article with its drafts and published copies, oldest first."""
    articles = list_articles(request_actor(request), category_id=query.category_id)
    items, next_cursor = paginate(
        articles, ordering=("id",), cursor=query.cursor, limit=query.limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post("/articles", response={201: ArticleOut, ERROR_STATUSES: ErrorResponse})
def create_article(request: HttpRequest, payload: ArticleIn) -> Status[Article]:
    """A new article with its first draft; a slug is made from the title when none is given."""
    actor = request_actor(request)
    article = check_create_article(
        actor,
        category_id=payload.category_id,
        language=payload.language,
        title=payload.title,
        body=payload.body,
        slug=payload.slug,
    )
    return Status(201, access_article(actor, article.pk))


@router.get("/articles/{article_id}", response={200: ArticleOut, ERROR_STATUSES: ErrorResponse})
def get_article(request: HttpRequest, article_id: ObjectId) -> Article:
    return access_article(request_actor(request), article_id)


@router.put(
    "/articles/{article_id}/translations/{language}",
    response={200: TranslationOut, ERROR_STATUSES: ErrorResponse},
)
def save_translation(
    request: HttpRequest,
    article_id: ObjectId,
    language: Path[Language],
    payload: TranslationIn,
) -> ArticleTranslation:
    """Save the draft in one language; shoppers see it only once it is published."""
    actor = request_actor(request)
    article = access_article(actor, article_id)
    return check_save_translation(
        actor, article, language=language, title=payload.title, body=payload.body
    )


@router.post(
    "/articles/{article_id}/translations/{language}/publish",
    response={200: TranslationOut, ERROR_STATUSES: ErrorResponse},
)
def publish_translation(
    request: HttpRequest,
    article_id: ObjectId,
    language: Path[Language],
) -> ArticleTranslation:
    """Publish the saved draft (needs the publish permission: owners and admins)."""
    actor = request_actor(request)
    return check_publish_translation(actor, access_article(actor, article_id), language=language)


@router.post(
    "/articles/{article_id}/translations/{language}/unpublish",
    response={200: TranslationOut, ERROR_STATUSES: ErrorResponse},
)
def unpublish_translation(
    request: HttpRequest,
    article_id: ObjectId,
    language: Path[Language],
) -> ArticleTranslation:
    actor = request_actor(request)
    return check_unpublish_translation(actor, access_article(actor, article_id), language=language)
