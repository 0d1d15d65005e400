"""Public policy pages under the help center, and the policy editor in the store settings."""

from django.urls import URLPattern, URLResolver, path

from storedesk.policies import editor_views, views

_EDITOR = "s/<slug:store_slug>/settings/policies/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("help/<str:language>/policies/returns/", views.returns_page, name="policy-returns"),
    path("help/<str:language>/policies/shipping/", views.shipping_page, name="policy-shipping"),
    path("help/<str:language>/policies/<slug:slug>/", views.prose_page, name="policy-page"),
    path(_EDITOR, editor_views.policy_overview, name="policy-settings"),
    path(f"{_EDITOR}returns/", editor_views.returns_edit, name="policy-returns-edit"),
    path(
        f"{_EDITOR}returns/draft/",
        editor_views.returns_start_draft,
        name="policy-returns-draft",
    ),
    path(f"{_EDITOR}returns/discard/", editor_views.returns_discard, name="policy-returns-discard"),
    path(f"{_EDITOR}returns/publish/", editor_views.returns_publish, name="policy-returns-publish"),
    path(f"{_EDITOR}returns/preview/", editor_views.returns_preview, name="policy-returns-preview"),
    path(f"{_EDITOR}shipping/", editor_views.shipping_edit, name="policy-shipping-edit"),
    path(
        f"{_EDITOR}shipping/draft/",
        editor_views.shipping_start_draft,
        name="policy-shipping-draft",
    ),
    path(
        f"{_EDITOR}shipping/discard/",
        editor_views.shipping_discard,
        name="policy-shipping-discard",
    ),
    path(
        f"{_EDITOR}shipping/publish/",
        editor_views.shipping_publish,
        name="policy-shipping-publish",
    ),
    path(
        f"{_EDITOR}shipping/preview/",
        editor_views.shipping_preview,
        name="policy-shipping-preview",
    ),
    path(f"{_EDITOR}pages/new/", editor_views.prose_create, name="policy-prose-new"),
    path(f"{_EDITOR}pages/<int:policy_id>/", editor_views.prose_edit, name="policy-prose-edit"),
    path(
        f"{_EDITOR}pages/<int:policy_id>/preview/",
        editor_views.prose_preview,
        name="policy-prose-preview",
    ),
    path(
        f"{_EDITOR}pages/<int:policy_id>/publish/",
        editor_views.prose_publish,
        name="policy-prose-publish",
    ),
]
