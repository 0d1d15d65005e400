"""Public policy pages under the help center, and the policy editor in the store settings."""

from django.urls import URLPattern, URLResolver, path

from storedesk.policies import editor_views, views

_EDITOR = "s/<slug:store_slug>/settings/policies/"

urlpatterns: list[URLPattern | URLResolver] = [
    *(
        path(
            f"help/<str:language>/policies/{rules.kind}/",
            views.rules_page,
            {"rules": rules},
            name=f"policy-{rules.kind}",
        )
        for rules in (views.RETURNS, views.SHIPPING)
    ),
    path("help/<str:language>/policies/<slug:slug>/", views.prose_page, name="policy-page"),
    path(_EDITOR, editor_views.policy_overview, name="policy-settings"),
    path(f"{_EDITOR}returns/", editor_views.returns_edit, name="policy-returns-edit"),
    path(f"{_EDITOR}shipping/", editor_views.shipping_edit, name="policy-shipping-edit"),
    # The return and the shipping rules share their draft workflow's views.
    *(
        path(
            f"{_EDITOR}{editor.name}/{step}/",
            view,
            {"editor": editor},
            name=f"policy-{editor.name}-{step}",
        )
        for editor in (editor_views.RETURNS, editor_views.SHIPPING)
        for step, view in (
            ("draft", editor_views.rules_start_draft),
            ("discard", editor_views.rules_discard),
            ("publish", editor_views.rules_publish),
            ("preview", editor_views.rules_preview),
        )
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
