"""The agent inbox: the conversation list, one conversation beside its customer, and the
forms that act on it.

Every write goes through inbox.actions. With scripts, the forms post through htmx (or the
composer's fetch) and get fragments back; without them they post and redirect, and a
refused input shows the page again with the reason and what was typed."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors import list_teams
from storedesk.core.errors import NotFound, PermissionDenied, StoredeskError, ValidationFailed
from storedesk.core.pagination import paginate
from storedesk.core.sections import PageSections
from storedesk.core.views import is_fragment_request
from storedesk.customers.selectors import list_customers
from storedesk.inbox.actions.attachments import check_upload_attachment
from storedesk.inbox.actions.common import check_message_text
from storedesk.inbox.actions.conversations import (
    check_assign_conversation,
    check_link_orders,
    check_merge_customers,
    check_set_priority,
    check_set_status,
    check_set_tags,
)
from storedesk.inbox.actions.messages import (
    check_add_note,
    check_send_reply_once,
    check_send_reply_with_files,
)
from storedesk.inbox.actions.presence import check_set_presence
from storedesk.inbox.forms import (
    AfterForm,
    AssignForm,
    InboxFiltersForm,
    MergeForm,
    NoteForm,
    OrderLinkForm,
    PresenceForm,
    PriorityForm,
    ReplyForm,
    StatusForm,
    TagsForm,
    check_form,
)
from storedesk.inbox.models import (
    MAX_ATTACHMENT_BYTES,
    Channel,
    Conversation,
    ConversationStatus,
    Message,
    Presence,
    Priority,
)
from storedesk.inbox.selectors import (
    SORT_ORDERINGS,
    InboxView,
    Sort,
    access_attachment,
    access_conversation,
    count_conversations_by_view,
    effective_presence,
    list_agent_statuses,
    list_assignable_agents,
    list_conversation_orders,
    list_conversation_tags,
    list_conversations,
    list_customer_conversations,
    list_messages,
    list_order_suggestions,
    list_rendered_canned_replies,
    list_tag_names,
)
from storedesk.orders.selectors import (
    get_customer_order_stats,
    list_customer_orders,
    list_orders,
)

PAGE_SIZE = 50
# The thread shows the newest messages; older ones stay in the customer's timeline.
THREAD_LIMIT = 200
PANEL_ORDERS = 5
EARLIER_CONVERSATIONS = 10
# Notices other apps show above the reply box (a channel with no way to deliver, say).
composer_notices: PageSections[Conversation] = PageSections("composer")
MERGE_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class AgentChoice:
    user: User
    presence: Presence


# Pages ---------------------------------------------------------------------------------


@require_GET
@store_view
def inbox(request: HttpRequest, actor: Actor) -> HttpResponse:
    """The conversation list; as a fragment for htmx (filters, "more", live refresh)."""
    if is_fragment_request(request):
        context = _list_context(request, actor)
        more = bool(request.GET.get("cursor"))
        if not more:
            # A fresh list (filters changed, a live refresh, a reconnect) brings the view
            # tabs with their counts and links along, swapped out of band.
            context["view_counts"] = count_conversations_by_view(actor)
            context["views_out_of_band"] = True
        template = "inbox/_rows.html" if more else "inbox/_list.html"
        response = render(request, template, context)
        patch_vary_headers(response, ["HX-Request"])
        return response
    return _page(request, actor, conversation=None)


@require_GET
@store_view
def conversation_detail(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    """One conversation: its thread, the reply box and the customer beside it."""
    conversation = access_conversation(actor, conversation_id)
    reply_text = ""
    canned = request.GET.get("canned", "")
    if canned.isdigit():
        # Without scripts, picking a canned reply reloads the page with it in the reply box.
        chosen = [
            c
            for c in list_rendered_canned_replies(actor, conversation)
            if c.reply_id == int(canned)
        ]
        reply_text = chosen[0].text if chosen else ""
    if is_fragment_request(request) and request.headers.get("HX-Target") == "conversation-area":
        response = render(
            request,
            "inbox/_conversation.html",
            _conversation_context(request, actor, conversation, reply_text=reply_text),
        )
    else:
        response = _page(request, actor, conversation=conversation, reply_text=reply_text)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


@require_GET
@store_view
def messages_fragment(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    """The conversation's messages after ``after``: what a live update appends."""
    conversation = access_conversation(actor, conversation_id)
    after = check_form(AfterForm(request.GET))["after"]
    messages = list_messages(conversation, include_notes=True, after_id=after, limit=THREAD_LIMIT)
    return render(
        request,
        "inbox/_messages.html",
        {"thread_messages": messages, "conversation": conversation},
    )


@require_GET
@store_view
def details_fragment(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    """The conversation's controls and customer panel, and its header, as they are now."""
    conversation = access_conversation(actor, conversation_id)
    return _details_response(request, actor, conversation)


@require_GET
@store_view
def merge_candidates(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    """Customers the conversation's customer could be merged into, by name, email or phone."""
    conversation = access_conversation(actor, conversation_id)
    query = request.GET.get("q", "").strip()[:200]
    candidates = (
        list(
            list_customers(actor, search=query).exclude(pk=conversation.customer_id)[
                :MERGE_CANDIDATES
            ]
        )
        if query
        else []
    )
    return render(
        request,
        "inbox/_merge_candidates.html",
        {
            "conversation": conversation,
            "candidates": candidates,
            "query": query,
            "list_query": _list_query(request),
        },
    )


# Writing to the customer ----------------------------------------------------------------


@require_POST
@store_view
def reply(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    actor.require(Permission.REPLY_CONVERSATIONS)
    conversation = access_conversation(actor, conversation_id)
    form = ReplyForm(request.POST)
    try:
        data = check_form(form)
        _check_length(data["text"])
        files = [
            (upload.name or "file", upload.read(MAX_ATTACHMENT_BYTES + 1))
            for upload in request.FILES.getlist("files")
        ]
        client_id = data["client_id"] or None
        if files:
            check_send_reply_with_files(
                actor, conversation, text=data["text"], files=files, client_id=client_id
            )
        else:
            check_send_reply_once(
                actor,
                conversation,
                text=data["text"],
                attachment_tokens=data["attachments"],
                client_id=client_id,
            )
    except PermissionDenied:
        raise
    except StoredeskError as error:
        return _composer_failure(
            request, actor, conversation, error, mode="reply", text=request.POST.get("text", "")
        )
    return _composer_success(request, actor, conversation, after=data["after"])


@require_POST
@store_view
def note(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    actor.require(Permission.REPLY_CONVERSATIONS)
    conversation = access_conversation(actor, conversation_id)
    try:
        data = check_form(NoteForm(request.POST))
        check_add_note(actor, conversation, text=data["text"])
    except PermissionDenied:
        raise
    except StoredeskError as error:
        return _composer_failure(
            request, actor, conversation, error, mode="note", text=request.POST.get("text", "")
        )
    return _composer_success(request, actor, conversation, after=data["after"])


@require_POST
@store_view
def upload_attachment(request: HttpRequest, actor: Actor) -> HttpResponse:
    """A file for the agent's next reply: ``file`` in a multipart body; answers its token."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationFailed(_("Choose a file to attach."))
        attachment = check_upload_attachment(
            actor, filename=upload.name or "file", content=upload.read(MAX_ATTACHMENT_BYTES + 1)
        )
    except ValidationFailed as error:
        return JsonResponse(
            {"error": {"code": error.code, "message": error.message, "details": error.details}},
            status=error.status,
        )
    return JsonResponse(
        {
            "token": attachment.token,
            "filename": attachment.filename,
            "content_type": attachment.content_type,
            "size": attachment.size,
        },
        status=201,
    )


@require_GET
@store_view
def attachment_file(request: HttpRequest, actor: Actor, token: str) -> HttpResponse:
    """A message's file, to staff of its store only. PDFs download; images show inline."""
    attachment = access_attachment(actor, token)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    response = FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=attachment.content_type == "application/pdf",
        filename=attachment.filename,
    )
    # Served with the type read from its content, never sniffed into something runnable.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    # Streamed, not an HttpResponse; store_view hands it back untouched.
    return response  # type: ignore[return-value]


# Acting on the conversation ----------------------------------------------------------------


@require_POST
@store_view
def assign(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    def act(conversation: Conversation) -> None:
        form = AssignForm(request.POST)
        data = check_form(form)
        check_assign_conversation(
            actor,
            conversation,
            assignee_id=form.assignee_id(_user(actor).pk),
            team_id=data["team"],
        )

    return _panel_action(request, actor, conversation_id, act)


@require_POST
@store_view
def set_status(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    def act(conversation: Conversation) -> None:
        data = check_form(StatusForm(request.POST))
        status = ConversationStatus(data["status"])
        snoozed_until = data["snoozed_until"]
        if status == ConversationStatus.SNOOZED and snoozed_until is None:
            raise ValidationFailed(_("Choose when the conversation should come back."))
        check_set_status(
            actor,
            conversation,
            status=status,
            snoozed_until=snoozed_until if status == ConversationStatus.SNOOZED else None,
        )

    return _panel_action(request, actor, conversation_id, act)


@require_POST
@store_view
def set_priority(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    def act(conversation: Conversation) -> None:
        data = check_form(PriorityForm(request.POST))
        check_set_priority(actor, conversation, priority=Priority(data["priority"]))

    return _panel_action(request, actor, conversation_id, act)


@require_POST
@store_view
def set_tags(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    def act(conversation: Conversation) -> None:
        form = TagsForm(request.POST)
        check_form(form)
        check_set_tags(actor, conversation, names=form.names())

    return _panel_action(request, actor, conversation_id, act)


@require_POST
@store_view
def link_order(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    def act(conversation: Conversation) -> None:
        data = check_form(OrderLinkForm(request.POST))
        order_id = data["order"]
        if order_id is None:
            order = list_orders(actor, number=data["number"]).first()
            if order is None:
                raise ValidationFailed(
                    _("No order has the number %(number)s.") % {"number": data["number"]},
                    details={"number": data["number"]},
                )
            order_id = order.pk
        check_link_orders(actor, conversation, order_ids=[order_id], unlink=data["unlink"])

    return _panel_action(request, actor, conversation_id, act)


@require_POST
@store_view
def merge_customer(request: HttpRequest, actor: Actor, conversation_id: int) -> HttpResponse:
    """Merge the conversation's customer into ``target`` (the suggested or a found one)."""

    def act(conversation: Conversation) -> None:
        data = check_form(MergeForm(request.POST))
        check_merge_customers(actor, source_id=conversation.customer_id, target_id=data["target"])

    return _panel_action(request, actor, conversation_id, act)


@require_http_methods(["GET", "POST"])
@store_view
def presence(request: HttpRequest, actor: Actor) -> HttpResponse:
    """The agent marks themselves online or away (POST); GET shows the toggle as it is now,
    for a page whose socket just marked the agent seen."""
    if request.method == "GET":
        statuses = list_agent_statuses(actor.store)
        return render(
            request,
            "inbox/_presence.html",
            {"my_presence": effective_presence(statuses.get(_user(actor).pk))},
        )
    data = check_form(PresenceForm(request.POST))
    status = check_set_presence(actor, presence=Presence(data["presence"]))
    if is_fragment_request(request):
        return render(request, "inbox/_presence.html", {"my_presence": effective_presence(status)})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("inbox", args=[actor.store.slug])
    return _see_other(target)


# Shared pieces -------------------------------------------------------------------------


def _see_other(url: str) -> HttpResponse:
    # 303: the browser follows a form post with a GET, so a reload never posts again.
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _user(actor: Actor) -> User:
    if actor.user is None:
        raise PermissionDenied(_("Only a staff member, not an API token, can do this."))
    return actor.user


def _check_length(text: str) -> None:
    # Refused before any file of the same post is stored.
    check_message_text(text, allow_empty=True)


def _list_filters(request: HttpRequest) -> InboxFiltersForm:
    form = InboxFiltersForm(request.GET)
    check_form(form)
    return form


def _list_query(request: HttpRequest) -> str:
    """The list's filters from the query string, to keep them across posts; bad ones are
    dropped here (the list itself refuses them)."""
    form = InboxFiltersForm(request.GET)
    return form.query_string() if form.is_valid() else ""


def _conversation_url(actor: Actor, conversation: Conversation, request: HttpRequest) -> str:
    url = reverse("inbox-conversation", args=[actor.store.slug, conversation.pk])
    query = _list_query(request)
    return f"{url}?{query}" if query else url


def _list_context(request: HttpRequest, actor: Actor, *, rows: bool = True) -> dict[str, Any]:
    """The list's filters and, unless ``rows`` is false, its first page of rows."""
    form = _list_filters(request)
    filters = form.to_filters()
    list_query = form.query_string()
    context: dict[str, Any] = {
        "filters": filters,
        "filtered": form.narrows_list(),
        "list_query": list_query,
        "view_tabs": [(view, _with(list_query, view=view.value)) for view in InboxView],
        "now": timezone.now(),
    }
    if not rows:
        return context | {"list_deferred": True}
    conversations, next_cursor = paginate(
        # The rows' tags come as names in one query: a prefetch made a manager and a model
        # per row and tag.
        list_conversations(actor, filters).select_related("assignee").prefetch_related(None),
        ordering=SORT_ORDERINGS[filters.sort],
        cursor=request.GET.get("cursor") or None,
        limit=PAGE_SIZE,
    )
    return context | {
        "conversations": conversations,
        "tag_names": list_tag_names(c.pk for c in conversations),
        "next_cursor": next_cursor,
        "next_query": _with(list_query, cursor=next_cursor or ""),
    }


def _with(query: str, **values: str) -> str:
    """``query`` with ``values`` set (and empty ones removed)."""
    params = QueryDict(query, mutable=True)
    for name, value in values.items():
        params.pop(name, None)
        if value:
            params[name] = value
    return params.urlencode()


def _page(
    request: HttpRequest,
    actor: Actor,
    *,
    conversation: Conversation | None,
    status: int = 200,
    **conversation_extra: Any,
) -> HttpResponse:
    # A conversation's page shows the conversation first: the list beside it (and its views'
    # counts) follows in a second request, the one a live refresh makes, so the page a link
    # or a reload opens waits for one conversation rather than for fifty rows as well.
    context = _list_context(request, actor, rows=conversation is None)
    statuses = list_agent_statuses(actor.store)
    context |= {
        "section": "inbox",
        "view_counts": count_conversations_by_view(actor) if conversation is None else None,
        "sorts": list(Sort),
        "statuses": ConversationStatus.values,
        "channels": Channel.values,
        "priorities": Priority.values,
        "tags": list_conversation_tags(actor),
        "languages": sorted({*actor.store.languages, context["filters"].language} - {""}),
        "my_presence": effective_presence(statuses.get(_user(actor).pk)),
        "conversation": conversation,
    }
    if conversation is not None:
        context |= _conversation_context(
            request, actor, conversation, statuses=statuses, **conversation_extra
        )
    return render(request, "inbox/inbox.html", context, status=status)


def _conversation_context(
    request: HttpRequest,
    actor: Actor,
    conversation: Conversation,
    *,
    composer_mode: str = "reply",
    reply_text: str = "",
    note_text: str = "",
    composer_error: str = "",
    panel_error: str = "",
    statuses: dict[int, Any] | None = None,
) -> dict[str, Any]:
    messages = list_messages(conversation, include_notes=True, limit=THREAD_LIMIT + 1)
    can_reply = actor.can(Permission.REPLY_CONVERSATIONS)
    return {
        "conversation": conversation,
        # Not "messages": that name is the page frame's flash messages.
        "thread_messages": messages[-THREAD_LIMIT:],
        "older_messages_hidden": len(messages) > THREAD_LIMIT,
        "canned_replies": list_rendered_canned_replies(actor, conversation) if can_reply else [],
        "reply_text": reply_text,
        "note_text": note_text,
        "composer_error": composer_error,
        "composer_mode": composer_mode,
        "composer_notices": composer_notices.gather(actor, conversation) if can_reply else [],
        "client_id": uuid.uuid4().hex,
        **_details_context(
            request,
            actor,
            conversation,
            panel_error=panel_error,
            statuses=statuses,
            thread_messages=messages,
        ),
    }


def _details_context(
    request: HttpRequest,
    actor: Actor,
    conversation: Conversation,
    *,
    panel_error: str = "",
    statuses: dict[int, Any] | None = None,
    thread_messages: list[Message] | None = None,
) -> dict[str, Any]:
    customer = conversation.customer
    if statuses is None:
        statuses = list_agent_statuses(actor.store)
    now = timezone.now()
    can_reply = actor.can(Permission.REPLY_CONVERSATIONS)
    context: dict[str, Any] = {
        "conversation": conversation,
        "customer": customer,
        "can_reply": can_reply,
        "can_merge": can_reply and actor.can(Permission.EDIT_CUSTOMERS),
        "panel_error": panel_error,
        "list_query": _list_query(request),
        "now": now,
        "earlier_conversations": list_customer_conversations(
            customer, exclude_id=conversation.pk, limit=EARLIER_CONVERSATIONS
        ),
        "show_orders": actor.can(Permission.VIEW_ORDERS),
        "status_choices": [
            ConversationStatus.OPEN,
            ConversationStatus.PENDING,
            ConversationStatus.RESOLVED,
        ],
        "priority_choices": Priority.values,
    }
    if can_reply:
        context["agents"] = [
            AgentChoice(user=user, presence=effective_presence(statuses.get(user.pk), now=now))
            for user in list_assignable_agents(actor.store)
        ]
        # The team menu shows names: the members the selector brings along are not needed.
        context["teams"] = list(list_teams(actor).prefetch_related(None))
    if context["show_orders"]:
        linked = list_conversation_orders(conversation)
        linked_ids = {order.pk for order in linked}
        context |= {
            "linked_orders": linked,
            "linked_order_ids": linked_ids,
            # Order numbers the customer gave or wrote, offered for linking.
            "order_suggestions": list_order_suggestions(
                conversation, messages=thread_messages, linked_ids=linked_ids
            )
            if can_reply
            else [],
            "orders": list_customer_orders(customer.pk, actor.store, limit=PANEL_ORDERS),
            "stats": get_customer_order_stats(customer.pk, actor.store),
        }
    return context


def _details_response(
    request: HttpRequest,
    actor: Actor,
    conversation: Conversation,
    *,
    panel_error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = _details_context(request, actor, conversation, panel_error=panel_error)
    context["oob_head"] = True
    return render(request, "inbox/_details.html", context, status=status)


def _panel_action(
    request: HttpRequest,
    actor: Actor,
    conversation_id: int,
    act: Callable[[Conversation], None],
) -> HttpResponse:
    """Run one change to the conversation; answer the fresh panel (htmx) or redirect."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    conversation = access_conversation(actor, conversation_id)
    try:
        act(conversation)
    except (PermissionDenied, NotFound):
        raise
    except StoredeskError as error:
        if is_fragment_request(request):
            return _details_response(
                request, actor, conversation, panel_error=error.message, status=error.status
            )
        return _page(
            request, actor, conversation=conversation, panel_error=error.message,
            status=error.status,
        )  # fmt: skip
    if is_fragment_request(request):
        return _details_response(request, actor, access_conversation(actor, conversation.pk))
    return _see_other(_conversation_url(actor, conversation, request))


def _composer_success(
    request: HttpRequest, actor: Actor, conversation: Conversation, *, after: int | None
) -> HttpResponse:
    if is_fragment_request(request):
        messages = list_messages(
            conversation, include_notes=True, after_id=after, limit=THREAD_LIMIT
        )
        return render(
            request,
            "inbox/_messages.html",
            {"thread_messages": messages, "conversation": conversation},
        )
    return _see_other(_conversation_url(actor, conversation, request))


def _composer_failure(
    request: HttpRequest,
    actor: Actor,
    conversation: Conversation,
    error: StoredeskError,
    *,
    mode: str,
    text: str,
) -> HttpResponse:
    if is_fragment_request(request):
        # The composer's script shows this text beside the box and keeps what was typed.
        return HttpResponse(
            error.message, status=error.status, content_type="text/plain; charset=utf-8"
        )
    return _page(
        request,
        actor,
        conversation=conversation,
        status=error.status,
        composer_mode=mode,
        reply_text=text if mode == "reply" else "",
        note_text=text if mode == "note" else "",
        composer_error=error.message,
    )
