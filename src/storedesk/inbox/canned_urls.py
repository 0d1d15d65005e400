from django.urls import path

from storedesk.inbox import canned_views as views

urlpatterns = [
    path(
        "s/<slug:store_slug>/settings/canned-replies/",
        views.canned_reply_list,
        name="canned-reply-list",
    ),
    path(
        "s/<slug:store_slug>/settings/canned-replies/new/",
        views.canned_reply_create,
        name="canned-reply-create",
    ),
    path(
        "s/<slug:store_slug>/settings/canned-replies/preview/",
        views.canned_reply_preview,
        name="canned-reply-preview",
    ),
    path(
        "s/<slug:store_slug>/settings/canned-replies/<int:reply_id>/",
        views.canned_reply_edit,
        name="canned-reply-edit",
    ),
    path(
        "s/<slug:store_slug>/settings/canned-replies/<int:reply_id>/delete/",
        views.canned_reply_delete,
        name="canned-reply-delete",
    ),
]
