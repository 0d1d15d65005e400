"""The public help center and contact page, served at /help/ on the store's help host."""

from django.urls import URLPattern, URLResolver, path

from storedesk.helpcenter import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("help/", views.root, name="help-root"),
    path("help/sitemap.xml", views.sitemap, name="help-sitemap"),
    path("help/<str:language>/", views.home, name="help-home"),
    path("help/<str:language>/search/", views.search, name="help-search"),
    path("help/<str:language>/contact/", views.contact, name="help-contact"),
    path("help/<str:language>/contact/sent/", views.contact_sent, name="help-contact-sent"),
    path("help/<str:language>/<slug:category_slug>/", views.category, name="help-category"),
    path(
        "help/<str:language>/<slug:category_slug>/<slug:article_slug>/",
        views.article,
        name="help-article",
    ),
    path(
        "help/<str:language>/<slug:category_slug>/<slug:article_slug>/feedback/",
        views.feedback,
        name="help-article-feedback",
    ),
]
