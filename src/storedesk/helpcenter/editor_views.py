"""The help-center editor in the agent UI: articles per language with a live preview,
categories and settings. Agents write drafts; only admins publish."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import StoredeskError
from storedesk.core.markdown import render_markdown
from storedesk.helpcenter.actions.articles import (
    check_create_article,
    check_delete_article,
    check_delete_category,
    check_publish_translation,
    check_save_and_publish_translation,
    check_save_category,
    check_save_translation,
    check_set_related_articles,
    check_unpublish_translation,
    check_update_article,
)
from storedesk.helpcenter.actions.settings import check_update_help_center_settings
from storedesk.helpcenter.editor_forms import (
    DESCRIPTION_PREFIX,
    NAME_PREFIX,
    ArticleCreateForm,
    ArticleDetailsForm,
    CategoryForm,
    HelpCenterSettingsForm,
    TranslationForm,
    place_errors,
)
from storedesk.helpcenter.models import MAX_ARTICLE_LENGTH, Category
from storedesk.helpcenter.selectors.editor import (
    access_article,
    access_category,
    article_languages,
    article_title,
    category_name,
    get_help_center_settings,
    get_translation,
    list_categories,
    list_editor_home,
    list_related_candidates,
    list_store_teams,
    public_article_path,
    store_languages,
    translation_status,
)

SECTION = "help-center"


def _category_choices(actor: Actor) -> list[tuple[str | int, str]]:
    language = actor.store.default_language
    return [(c.pk, category_name(c, language, actor.store)) for c in list_categories(actor)]


def _language_choices(actor: Actor) -> list[tuple[str | int, str]]:
    return [(code, code) for code in store_languages(actor.store)]


@store_view
def help_center_home(request: HttpRequest, actor: Actor) -> HttpResponse:
    # Every member may see what the help center holds; writing needs EDIT_HELP_CENTER.
    language = request.GET.get("language", "")
    if language not in actor.store.languages:
        language = ""
    return render(
        request,
        "helpcenter/editor/home.html",
        {
            "section": SECTION,
            "categories": list_editor_home(actor, language=language or None),
            "languages": store_languages(actor.store),
            "language": language,
            "can_edit": actor.can(Permission.EDIT_HELP_CENTER),
            "can_publish": actor.can(Permission.PUBLISH_HELP_CENTER),
        },
    )


# Articles -----------------------------------------------------------------------------


@store_view
@require_http_methods(["GET", "POST"])
def article_create(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.EDIT_HELP_CENTER)
    categories = _category_choices(actor)
    languages = _language_choices(actor)
    if not categories:
        messages.info(request, _("Create a category first: every article belongs to one."))
        if actor.can(Permission.PUBLISH_HELP_CENTER):
            return redirect("help-center-category-create", store_slug=actor.store.slug)
        return redirect("help-center", store_slug=actor.store.slug)
    status = 200
    if request.method == "POST":
        form = ArticleCreateForm(request.POST, categories=categories, languages=languages)
        if form.is_valid():
            data = form.cleaned_data
            try:
                article = check_create_article(
                    actor,
                    category_id=data["category"],
                    language=data["language"],
                    title=data["title"],
                    slug=data["slug"],
                )
            except StoredeskError as error:
                place_errors(form, error)
                status = error.status
            else:
                return redirect(
                    "help-center-article-edit",
                    store_slug=actor.store.slug,
                    article_id=article.pk,
                    language=data["language"],
                )
        else:
            status = 422
    else:
        initial: dict[str, object] = {"language": actor.store.default_language}
        if (category := request.GET.get("category", "")).isdigit():
            initial["category"] = int(category)
        form = ArticleCreateForm(categories=categories, languages=languages, initial=initial)
    return render(
        request,
        "helpcenter/editor/article_new.html",
        {"section": SECTION, "form": form},
        status=status,
    )


@store_view
def article_default(request: HttpRequest, actor: Actor, article_id: int) -> HttpResponse:
    article = access_article(actor, article_id)
    existing = [t.language for t in article.translations.all()]
    language = next((c for c in store_languages(actor.store) if c in existing), None)
    return redirect(
        "help-center-article-edit",
        store_slug=actor.store.slug,
        article_id=article.pk,
        language=language or actor.store.default_language,
    )


@store_view
@require_http_methods(["GET", "POST"])
def article_edit(
    request: HttpRequest, actor: Actor, article_id: int, language: str
) -> HttpResponse:
    actor.require(Permission.EDIT_HELP_CENTER)
    article = access_article(actor, article_id)
    if language not in actor.store.languages:
        raise Http404("The store does not use this language.")
    translation = get_translation(article, language)
    status = 200
    preview_html: str | None = None
    if request.method == "POST":
        form = TranslationForm(request.POST)
        form.is_valid()  # every field is optional text; the action judges them
        title = form.cleaned_data.get("title", "")
        body = form.cleaned_data.get("body", "")
        intent = request.POST.get("intent", "save")
        try:
            if intent == "preview":
                preview_html = render_markdown(body[:MAX_ARTICLE_LENGTH])
            elif intent == "publish":
                check_save_and_publish_translation(
                    actor, article, language=language, title=title, body=body
                )
                messages.success(request, _("Published. Shoppers now read this version."))
                return redirect(request.path)
            elif intent == "unpublish":
                check_unpublish_translation(actor, article, language=language)
                messages.success(request, _("Unpublished. The draft is kept."))
                return redirect(request.path)
            else:
                check_save_translation(actor, article, language=language, title=title, body=body)
                messages.success(
                    request, _("Draft saved. Shoppers still read the published version.")
                )
                return redirect(request.path)
        except StoredeskError as error:
            if error.status == 403:
                raise
            place_errors(form, error)
            status = error.status
    else:
        form = TranslationForm(
            initial={"title": translation.title, "body": translation.body} if translation else None
        )
    return render(
        request,
        "helpcenter/editor/article_edit.html",
        {
            "section": SECTION,
            "article": article,
            "language": language,
            "translation": translation,
            "status": translation_status(translation),
            "title": article_title(article, language, actor.store),
            "category_name": category_name(article.category, language, actor.store),
            "tabs": article_languages(article, store_languages(actor.store)),
            "public_url": public_article_path(
                language=language, category_slug=article.category.slug, article_slug=article.slug
            )
            if translation is not None and translation.is_published
            else None,
            "form": form,
            "preview_html": preview_html
            if preview_html is not None
            else render_markdown(str(form["body"].value() or "")[:MAX_ARTICLE_LENGTH]),
            "can_publish": actor.can(Permission.PUBLISH_HELP_CENTER),
            "max_length": MAX_ARTICLE_LENGTH,
        },
        status=status,
    )


@require_POST
@store_view
def article_publish(
    request: HttpRequest, actor: Actor, article_id: int, language: str
) -> HttpResponse:
    """Publish the saved draft as it is (from the home page's list)."""
    article = access_article(actor, article_id)
    try:
        check_publish_translation(actor, article, language=language)
    except StoredeskError as error:
        if error.status == 403:
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, _("Published. Shoppers now read this version."))
    return redirect(
        "help-center-article-edit",
        store_slug=actor.store.slug,
        article_id=article.pk,
        language=language,
    )


@require_POST
@store_view
def article_preview(request: HttpRequest, actor: Actor) -> HttpResponse:
    """The Markdown as shoppers will see it, sanitised; the editor asks while typing."""
    actor.require(Permission.EDIT_HELP_CENTER)
    body = request.POST.get("body", "")
    too_long = len(body) > MAX_ARTICLE_LENGTH
    return render(
        request,
        "helpcenter/editor/_preview.html",
        {
            "preview_html": "" if too_long else render_markdown(body),
            "too_long": too_long,
            "max_length": MAX_ARTICLE_LENGTH,
        },
    )


@store_view
@require_http_methods(["GET", "POST"])
def article_details(request: HttpRequest, actor: Actor, article_id: int) -> HttpResponse:
    article = access_article(actor, article_id)
    categories = _category_choices(actor)
    candidates: list[tuple[str | int, str]] = list(list_related_candidates(actor, article))
    status = 200
    if request.method == "POST":
        form = ArticleDetailsForm(request.POST, categories=categories, candidates=candidates)
        if form.is_valid():
            try:
                check_update_article(
                    actor,
                    article,
                    category_id=form.cleaned_data["category"],
                    slug=form.cleaned_data["slug"],
                )
                check_set_related_articles(actor, article, form.cleaned_data["related"])
            except StoredeskError as error:
                place_errors(form, error)
                status = error.status
            else:
                messages.success(request, _("The article's details are saved."))
                return redirect(
                    "help-center-article-details",
                    store_slug=actor.store.slug,
                    article_id=article.pk,
                )
        else:
            status = 422
    else:
        form = ArticleDetailsForm(
            categories=categories,
            candidates=candidates,
            initial={
                "category": article.category_id,
                "slug": article.slug,
                "related": [other.pk for other in article.related.all()],
            },
        )
    return render(
        request,
        "helpcenter/editor/article_details.html",
        {
            "section": SECTION,
            "article": article,
            "title": article_title(article, actor.store.default_language, actor.store),
            "tabs": article_languages(article, store_languages(actor.store)),
            "form": form,
            "can_publish": actor.can(Permission.PUBLISH_HELP_CENTER),
        },
        status=status,
    )


@store_view
@require_http_methods(["GET", "POST"])
def article_delete(request: HttpRequest, actor: Actor, article_id: int) -> HttpResponse:
    article = access_article(actor, article_id)
    actor.require(Permission.PUBLISH_HELP_CENTER)
    title = article_title(article, actor.store.default_language, actor.store)
    if request.method == "POST":
        check_delete_article(actor, article)
        messages.success(request, _("The article “%(title)s” is deleted.") % {"title": title})
        return redirect("help-center", store_slug=actor.store.slug)
    return render(
        request,
        "helpcenter/editor/article_delete.html",
        {"section": SECTION, "article": article, "title": title},
    )


# Categories ---------------------------------------------------------------------------


@store_view
def category_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.EDIT_HELP_CENTER)
    language = actor.store.default_language
    categories = [
        (category, category_name(category, language, actor.store))
        for category in list_categories(actor)
    ]
    return render(
        request,
        "helpcenter/editor/categories.html",
        {
            "section": SECTION,
            "categories": categories,
            "can_publish": actor.can(Permission.PUBLISH_HELP_CENTER),
        },
    )


@store_view
@require_http_methods(["GET", "POST"])
def category_create(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.PUBLISH_HELP_CENTER)
    return _edit_category(request, actor, None)


@store_view
@require_http_methods(["GET", "POST"])
def category_edit(request: HttpRequest, actor: Actor, category_id: int) -> HttpResponse:
    category = access_category(actor, category_id)
    actor.require(Permission.PUBLISH_HELP_CENTER)
    return _edit_category(request, actor, category)


def _edit_category(request: HttpRequest, actor: Actor, category: Category | None) -> HttpResponse:
    languages = store_languages(actor.store)
    status = 200
    if request.method == "POST":
        form = CategoryForm(request.POST, languages=languages)
        if form.is_valid():
            try:
                check_save_category(
                    actor,
                    category=category,
                    slug=form.cleaned_data["slug"],
                    names=form.names(),
                    descriptions=form.descriptions(),
                    position=form.cleaned_data["position"],
                )
            except StoredeskError as error:
                place_errors(form, error)
                status = error.status
            else:
                messages.success(request, _("The category is saved."))
                return redirect("help-center-categories", store_slug=actor.store.slug)
        else:
            status = 422
    else:
        initial: dict[str, object] = {"position": 0}
        if category is not None:
            initial = {"slug": category.slug, "position": category.position}
            for t in category.translations.all():
                initial[NAME_PREFIX + t.language] = t.name
                initial[DESCRIPTION_PREFIX + t.language] = t.description
        form = CategoryForm(languages=languages, initial=initial)
    return render(
        request,
        "helpcenter/editor/category_form.html",
        {"section": SECTION, "category": category, "form": form},
        status=status,
    )


@require_POST
@store_view
def category_delete(request: HttpRequest, actor: Actor, category_id: int) -> HttpResponse:
    category = access_category(actor, category_id)
    try:
        check_delete_category(actor, category)
    except StoredeskError as error:
        if error.status == 403:
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, _("The category is deleted."))
    return redirect("help-center-categories", store_slug=actor.store.slug)


# Settings -----------------------------------------------------------------------------


@store_view
@require_http_methods(["GET", "POST"])
def help_center_settings(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.PUBLISH_HELP_CENTER)
    teams: list[tuple[str | int, str]] = [(team.pk, team.name) for team in list_store_teams(actor)]
    status = 200
    if request.method == "POST":
        form = HelpCenterSettingsForm(request.POST, teams=teams)
        if form.is_valid():
            try:
                check_update_help_center_settings(actor, form.values())
            except StoredeskError as error:
                place_errors(form, error)
                status = error.status
            else:
                messages.success(request, _("The help center settings are saved."))
                return redirect("help-center-settings", store_slug=actor.store.slug)
        else:
            status = 422
    else:
        settings = get_help_center_settings(actor.store)
        form = HelpCenterSettingsForm(
            teams=teams,
            initial={
                "public_host": settings.public_host,
                "contact_email": settings.contact_email,
                "phone_number": settings.phone_number,
                "whatsapp_number": settings.whatsapp_number,
                "chat_enabled": settings.chat_enabled,
                "contact_form_enabled": settings.contact_form_enabled,
                "support_team": settings.support_team_id,
                "expected_response_hours": settings.expected_response_hours,
            },
        )
    return render(
        request,
        "helpcenter/editor/settings.html",
        {"section": SECTION, "form": form},
        status=status,
    )
