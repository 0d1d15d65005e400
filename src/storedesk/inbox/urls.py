from django.urls import path

from storedesk.inbox import views

_BASE = "s/<slug:store_slug>/inbox/"
_ONE = _BASE + "<int:conversation_id>/"

urlpatterns = [
    path(_BASE, views.inbox, name="inbox"),
    path(_BASE + "presence/", views.presence, name="inbox-presence"),
    path(_BASE + "attachments/", views.upload_attachment, name="inbox-attachments"),
    path(_BASE + "attachments/<str:token>/", views.attachment_file, name="inbox-attachment"),
    path(_ONE, views.conversation_detail, name="inbox-conversation"),
    path(_ONE + "messages/", views.messages_fragment, name="inbox-messages"),
    path(_ONE + "details/", views.details_fragment, name="inbox-details"),
    path(_ONE + "reply/", views.reply, name="inbox-reply"),
    path(_ONE + "note/", views.note, name="inbox-note"),
    path(_ONE + "assign/", views.assign, name="inbox-assign"),
    path(_ONE + "status/", views.set_status, name="inbox-status"),
    path(_ONE + "priority/", views.set_priority, name="inbox-priority"),
    path(_ONE + "tags/", views.set_tags, name="inbox-tags"),
    path(_ONE + "orders/", views.link_order, name="inbox-orders"),
    path(_ONE + "merge/", views.merge_customer, name="inbox-merge"),
    path(_ONE + "merge/candidates/", views.merge_candidates, name="inbox-merge-candidates"),
]
