"""Labels and times of the agent inbox. They show values; they decide nothing."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypedDict

from django import template
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from storedesk.core.templatetags.storedesk import label_filter
from storedesk.core.text import search_key
from storedesk.inbox.models import Conversation
from storedesk.inbox.selectors import VIEW_COUNT_CAP, CannedReplyChoice

register = template.Library()

CHANNEL_LABELS = {
    "chat": _("Chat"),
    "email": _("Email"),
    "contact_form": _("Contact form"),
    "whatsapp": "WhatsApp",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "x": "X",
    "telegram": "Telegram",
    "marketplace": _("Marketplace"),
    "phone": _("Phone"),
    "api": _("API"),
}

CONVERSATION_STATUS_LABELS = {
    "open": pgettext_lazy("conversation status", "Open"),
    "pending": _("Waiting on customer"),
    "snoozed": _("Snoozed"),
    "resolved": _("Resolved"),
}

CONVERSATION_STATUS_TONES = {
    "open": "info",
    "pending": "warn",
    "snoozed": "muted",
    "resolved": "good",
}

PRIORITY_LABELS = {
    "low": _("Low"),
    "normal": _("Normal"),
    "high": _("High"),
    "urgent": _("Urgent"),
}

PRESENCE_LABELS = {
    "online": _("Online"),
    "away": _("Away"),
    "offline": _("Offline"),
}

DELIVERY_LABELS = {
    "received": _("Received"),
    "queued": _("Sending…"),
    "sent": _("Sent"),
    "delivered": _("Delivered"),
    "read": _("Read"),
    "failed": _("Not delivered"),
}

VIEW_LABELS = {
    "mine": _("Mine"),
    "unassigned": _("Unassigned"),
    "teams": _("My teams"),
    "all": _("All"),
}

SORT_LABELS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "waiting": _("Waiting longest"),
}


channel_label = register.filter("channel_label", label_filter(CHANNEL_LABELS))
conversation_status_label = register.filter(
    "conversation_status_label", label_filter(CONVERSATION_STATUS_LABELS)
)
priority_label = register.filter("priority_label", label_filter(PRIORITY_LABELS))
presence_label = register.filter("presence_label", label_filter(PRESENCE_LABELS))
delivery_label = register.filter("delivery_label", label_filter(DELIVERY_LABELS))
view_label = register.filter("view_label", label_filter(VIEW_LABELS))
sort_label = register.filter("sort_label", label_filter(SORT_LABELS))


@register.filter
def conversation_status_tone(value: str) -> str:
    return CONVERSATION_STATUS_TONES.get(value, "info")


@register.filter
def lookup(mapping: Mapping[str, object], key: str) -> object:
    return mapping.get(key, "")


@register.filter
def view_count(value: int) -> str:
    """A view's count as the tab shows it: "999+" above the cap the counts stop at."""
    return f"{VIEW_COUNT_CAP}+" if value > VIEW_COUNT_CAP else str(value)


@register.filter
def inbox_time(value: datetime | None) -> str:
    """A short time for lists, in the reader's time zone: the time today, else the date."""
    if value is None:
        return ""
    today = timezone.localtime(timezone.now()).date()
    return _short_time(timezone.localtime(value), today, _ListFormats.current())


@dataclass(frozen=True, slots=True)
class _ListFormats:
    """The active language's formats a list shows times in, looked up once per list."""

    time: str
    month_day: str
    short_date: str

    @classmethod
    def current(cls) -> "_ListFormats":
        return cls(
            time=str(formats.get_format("TIME_FORMAT")),
            month_day=str(formats.get_format("MONTH_DAY_FORMAT")),
            short_date=str(formats.get_format("SHORT_DATE_FORMAT")),
        )


def _short_time(local: datetime, today: date, list_formats: _ListFormats) -> str:
    if local.date() == today:
        return dateformat.time_format(local, list_formats.time)
    if local.year == today.year:
        return dateformat.format(local, list_formats.month_day)
    return dateformat.format(local, list_formats.short_date)


@register.filter
def waiting_for(value: datetime | None, now: datetime) -> str:
    """How long the customer has waited, in its largest unit ("3 hours"); empty for less
    than a minute ("0 minutes" reads like nothing is happening)."""
    if value is None or (now - value).total_seconds() < 60:
        return ""
    return timesince(value, now, depth=1)


@register.filter
def canned_search_key(choice: CannedReplyChoice) -> str:
    """What the reply picker's filter looks through: name, shortcut and text, folded like
    every search key so that "iade" finds "İade süreci"."""
    return search_key(f"{choice.name} {choice.shortcut} {choice.text}")


@register.simple_tag
def inbox_script_texts() -> dict[str, object]:
    """The sentences the inbox's script shows, in the reader's language."""
    return {
        "typing": _("%(name)s is typing…"),
        "someone": _("Someone"),
        "live": _("Live"),
        "reconnecting": _("Reconnecting…"),
        "offline": _("Live updates are off; reload the page to see new messages."),
        "notSent": _("Not sent: the connection failed. Try again."),
        "uploading": _("Uploading %(name)s…"),
        "remove": _("Remove %(name)s"),
        "mentioned": _("You were mentioned in a note."),
        "open": pgettext_lazy("link to a conversation", "Open"),
        "delivery": {key: str(label) for key, label in DELIVERY_LABELS.items()},
    }


# A conversation id no real row has, reversed once per page and replaced by each row's id:
# reversing the pattern per row was a large share of the list's rendering time.
_ID_PLACEHOLDER = 987654321


class ConversationRow(TypedDict):
    """What one row of the conversation list shows, worked out in Python once per row so that
    the template only prints it (the list is the inbox's most rendered fragment). A dict, not
    an object: the template language tries a key before an attribute, and a failed key
    lookup costs an exception per variable."""

    pk: int
    href: str
    current: bool
    waiting: bool
    customer: str
    time_iso: str
    time_short: str
    preview: str
    channel: str
    channel_label: str
    status_label: str
    status_tone: str
    priority_label: str
    priority_tone: str
    waiting_text: str
    tags: list[str]
    assignee: str


@dataclass(frozen=True, slots=True)
class _RowsPage:
    """What every row of one list shares, worked out once for the list."""

    prefix: str
    suffix: str
    query: str
    current_pk: int | None
    now: datetime
    today: date
    list_formats: _ListFormats
    channel_labels: dict[str, str]
    status_labels: dict[str, str]
    priority_labels: dict[str, str]
    unassigned: str
    waiting_label: str
    waiting_template: str
    # Rows of one day share their date: formatted once per list (times of today differ).
    dates: dict[date, str] = field(default_factory=dict)

    def short_time(self, local: datetime) -> str:
        day = local.date()
        if day == self.today:
            return _short_time(local, self.today, self.list_formats)
        if day not in self.dates:
            self.dates[day] = _short_time(local, self.today, self.list_formats)
        return self.dates[day]


@register.simple_tag(takes_context=True)
def conversation_rows(
    context: template.Context, conversations: Iterable[Conversation]
) -> list[ConversationRow]:
    current = context.get("conversation")
    list_query = context.get("list_query") or ""
    url = reverse("inbox-conversation", args=[context["actor"].store.slug, _ID_PLACEHOLDER])
    prefix, suffix = url.rsplit(str(_ID_PLACEHOLDER), 1)
    page = _RowsPage(
        prefix=prefix,
        suffix=suffix,
        query=f"?{list_query}" if list_query else "",
        current_pk=getattr(current, "pk", None),
        now=context.get("now") or timezone.now(),
        today=timezone.localtime(timezone.now()).date(),
        list_formats=_ListFormats.current(),
        channel_labels={key: str(label) for key, label in CHANNEL_LABELS.items()},
        status_labels={key: str(label) for key, label in CONVERSATION_STATUS_LABELS.items()},
        priority_labels={key: str(label) for key, label in PRIORITY_LABELS.items()},
        unassigned=gettext("Unassigned"),
        waiting_label=gettext("waiting"),
        waiting_template=gettext("waiting %(duration)s"),
    )
    # The tags' names by conversation when the view fetched them; else each row's prefetch.
    tag_names: Mapping[int, list[str]] | None = context.get("tag_names")
    return [
        _conversation_row(
            item,
            page,
            tag_names.get(item.pk, []) if tag_names is not None else _tag_names(item),
        )
        for item in conversations
    ]


def _tag_names(item: Conversation) -> list[str]:
    return [tag.name for tag in item.tags.all()]


def _conversation_row(item: Conversation, page: _RowsPage, tags: list[str]) -> ConversationRow:
    waiting_text = ""
    if item.waiting_since:
        duration = waiting_for(item.waiting_since, page.now)
        waiting_text = (
            page.waiting_template % {"duration": duration} if duration else page.waiting_label
        )
    urgent = item.priority == "urgent"
    shows_priority = urgent or item.priority == "high"
    # ``isoformat`` is what the ``date:'c'`` filter printed, minus its format lookups.
    local = timezone.localtime(item.last_message_at) if item.last_message_at else None
    return ConversationRow(
        pk=item.pk,
        href=f"{page.prefix}{item.pk}{page.suffix}{page.query}",
        current=page.current_pk is not None and page.current_pk == item.pk,
        waiting=bool(item.waiting_since),
        customer=str(item.customer),
        time_iso=local.isoformat() if local else "",
        time_short=page.short_time(local) if local else "",
        preview=item.last_message_preview or item.subject or "…",
        channel=item.channel,
        channel_label=page.channel_labels.get(item.channel) or channel_label(item.channel),
        status_label=""
        if item.status == "open"
        else page.status_labels.get(item.status) or conversation_status_label(item.status),
        status_tone=conversation_status_tone(item.status),
        priority_label=(
            page.priority_labels.get(item.priority) or priority_label(item.priority)
            if shows_priority
            else ""
        ),
        priority_tone="bad" if urgent else "warn",
        waiting_text=waiting_text,
        tags=tags[:2],
        assignee=str(item.assignee) if item.assignee else page.unassigned,
    )


@register.simple_tag(takes_context=True)
def conversation_list_items(
    context: template.Context, conversations: Iterable[Conversation]
) -> SafeString:
    """The list's rows as HTML (``<li>`` elements), from one format string per row rather than
    a template: the list is the inbox's most rendered fragment, and at fifty rows the template
    language's cost per variable and tag was most of its time."""
    waiting_title = escape(gettext("Waiting for an answer"))
    return mark_safe(  # noqa: S308  (every value is escaped by _row_html)
        "".join(_row_html(row, waiting_title) for row in conversation_rows(context, conversations))
    )


_ROW_HTML = (
    '<li class="conversation-row{waiting_class}" data-conversation-id="{pk}">'
    '<a href="{href}" hx-get="{href}" hx-target="#conversation-area" hx-push-url="true"{current}>'
    '<span class="row-top"><span class="row-name">{customer}</span>'
    '<time datetime="{time_iso}">{time_short}</time></span>'
    '<span class="row-preview">{preview}</span>'
    '<span class="row-meta"><span class="channel channel-{channel}">{channel_label}</span>'
    "{status}{priority}{waiting}{tags}"
    '<span class="row-assignee">{assignee}</span></span></a></li>\n'
)


def _row_html(row: ConversationRow, waiting_title: str) -> str:
    status = (
        format_html('<span class="badge {}">{}</span>', row["status_tone"], row["status_label"])
        if row["status_label"]
        else ""
    )
    priority = (
        format_html('<span class="badge {}">{}</span>', row["priority_tone"], row["priority_label"])
        if row["priority_label"]
        else ""
    )
    waiting = (
        f'<span class="waiting" title="{waiting_title}">{escape(row["waiting_text"])}</span>'
        if row["waiting"]
        else ""
    )
    return _ROW_HTML.format(
        waiting_class=" is-waiting" if row["waiting"] else "",
        pk=row["pk"],
        href=escape(row["href"]),
        current=' aria-current="true"' if row["current"] else "",
        customer=escape(row["customer"]),
        time_iso=escape(row["time_iso"]),
        time_short=escape(row["time_short"]),
        preview=escape(row["preview"]),
        channel=escape(row["channel"]),
        channel_label=escape(row["channel_label"]),
        status=status,
        priority=priority,
        waiting=waiting,
        tags="".join(f'<span class="tag">{escape(tag)}</span>' for tag in row["tags"]),
        assignee=escape(row["assignee"]),
    )


# The conversation's controls post to these; a panel repeats some of them once per order.
_ACTION_URL_NAMES = {
    "assign": "inbox-assign",
    "merge": "inbox-merge",
    "merge_candidates": "inbox-merge-candidates",
    "orders": "inbox-orders",
    "priority": "inbox-priority",
    "status": "inbox-status",
    "tags": "inbox-tags",
}


@register.simple_tag(takes_context=True)
def conversation_action_urls(
    context: template.Context, conversation: Conversation
) -> dict[str, str]:
    """The addresses of the conversation's actions, each with the list's filters, reversed
    once per page rather than once per form."""
    list_query = context.get("list_query") or ""
    query = f"?{list_query}" if list_query else ""
    args = [context["actor"].store.slug, conversation.pk]
    return {key: f"{reverse(name, args=args)}{query}" for key, name in _ACTION_URL_NAMES.items()}
