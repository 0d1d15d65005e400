"""The help-center editor in the agent UI, under /s/<store>/help-center/."""

from django.urls import URLPattern, URLResolver, path

from storedesk.helpcenter import editor_views as views

PREFIX = "s/<slug:store_slug>/help-center/"

urlpatterns: list[URLPattern | URLResolver] = [
    path(PREFIX, views.help_center_home, name="help-center"),
    path(PREFIX + "preview/", views.article_preview, name="help-center-preview"),
    path(PREFIX + "settings/", views.help_center_settings, name="help-center-settings"),
    path(PREFIX + "articles/new/", views.article_create, name="help-center-article-create"),
    path(
        PREFIX + "articles/<int:article_id>/",
        views.article_default,
        name="help-center-article",
    ),
    path(
        PREFIX + "articles/<int:article_id>/details/",
        views.article_details,
        name="help-center-article-details",
    ),
    path(
        PREFIX + "articles/<int:article_id>/delete/",
        views.article_delete,
        name="help-center-article-delete",
    ),
    path(
        PREFIX + "articles/<int:article_id>/<str:language>/",
        views.article_edit,
        name="help-center-article-edit",
    ),
    path(
        PREFIX + "articles/<int:article_id>/<str:language>/publish/",
        views.article_publish,
        name="help-center-article-publish",
    ),
    path(PREFIX + "categories/", views.category_list, name="help-center-categories"),
    path(
        PREFIX + "categories/new/",
        views.category_create,
        name="help-center-category-create",
    ),
    path(
        PREFIX + "categories/<int:category_id>/",
        views.category_edit,
        name="help-center-category-edit",
    ),
    path(
        PREFIX + "categories/<int:category_id>/delete/",
        views.category_delete,
        name="help-center-category-delete",
    ),
]
