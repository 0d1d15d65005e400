"""Labels and times of the agent inbox. They show values; they decide nothing."""

from collections.abc import Mapping
from datetime import datetime

from django import template
from django.utils import formats, timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from storedesk.core.templatetags.storedesk import label_filter
from storedesk.core.text import search_key
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
    local = timezone.localtime(value)
    today = timezone.localtime(timezone.now()).date()
    if local.date() == today:
        return formats.time_format(local, "TIME_FORMAT")
    if local.year == today.year:
        return formats.date_format(local, "MONTH_DAY_FORMAT")
    return formats.date_format(local, "SHORT_DATE_FORMAT")


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
