"""The shapes of the inbox's form posts and list filters. They check types and formats;
what a value may do (who may be assigned, whether a snooze time is in the future) is for
inbox.actions to decide."""

import re
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from storedesk.core.errors import ValidationFailed
from storedesk.inbox.models import (
    MAX_ATTACHMENTS_PER_MESSAGE,
    Channel,
    ConversationStatus,
    Priority,
)
from storedesk.inbox.selectors import ConversationFilters, InboxView, Sort

_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _blank_or(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", ""), *choices]


def check_form(form: forms.Form) -> dict[str, Any]:
    """The form's cleaned data, or a ValidationFailed naming the first problem."""
    if form.is_valid():
        return form.cleaned_data
    details = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
    name, errors = next(iter(form.errors.items()))
    field = form.fields.get(name)
    label = field.label if field is not None and field.label else ""
    message = f"{label}: {errors[0]}" if label else str(errors[0])
    raise ValidationFailed(message, details=details)


class InboxFiltersForm(forms.Form):
    """The list's view, filters, sort and search, from the query string."""

    view = forms.ChoiceField(
        label=_("View"), required=False, choices=_blank_or([(v.value, v.value) for v in InboxView])
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_blank_or(ConversationStatus.choices)
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=_blank_or(Channel.choices)
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=60)
    language = forms.RegexField(
        label=_("Language"), required=False, regex=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"
    )
    priority = forms.ChoiceField(
        label=_("Priority"), required=False, choices=_blank_or(Priority.choices)
    )
    sort = forms.ChoiceField(
        label=_("Sort"), required=False, choices=_blank_or([(s.value, s.value) for s in Sort])
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=200)

    def to_filters(self) -> ConversationFilters:
        data = self.cleaned_data
        return ConversationFilters(
            view=InboxView(data["view"] or InboxView.ALL),
            status=data["status"],
            channel=data["channel"],
            tag=data["tag"],
            language=data["language"],
            priority=data["priority"],
            search=data["q"],
            sort=Sort(data["sort"] or Sort.NEWEST),
        )

    def narrows_list(self) -> bool:
        """Whether a filter leaves conversations out of the view: a status, channel, tag,
        language or priority, a search, or "waiting longest" (only those waiting)."""
        data = self.cleaned_data
        narrowing = ("status", "channel", "tag", "language", "priority", "q")
        return any(data[name] for name in narrowing) or data["sort"] == Sort.WAITING

    def query_string(self) -> str:
        """The filters that are set, to carry from the list to a conversation and back."""
        return urlencode({name: value for name, value in self.cleaned_data.items() if value})


class TokenListField(forms.Field):
    """Upload tokens posted as repeated fields (``attachments=a&attachments=b``)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[str]:
        tokens = [str(token) for token in (value or []) if token]
        if len(tokens) > MAX_ATTACHMENTS_PER_MESSAGE:
            raise forms.ValidationError(
                _("A message may carry at most %(limit)d files."),
                params={"limit": MAX_ATTACHMENTS_PER_MESSAGE},
            )
        if any(not _TOKEN.fullmatch(token) for token in tokens):
            raise forms.ValidationError(_("An attachment is not one of your uploads."))
        return tokens


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply"), required=False, strip=False)
    attachments = TokenListField(label=_("Attachments"), required=False)
    # Makes a form posted twice (a double click, a retry after a lost answer) send once.
    client_id = forms.RegexField(
        label=_("Message id"), required=False, regex=r"^[A-Za-z0-9_-]{1,64}$"
    )
    # The newest message the page shows: the answer brings everything after it.
    after = forms.IntegerField(label=_("After"), required=False, min_value=0)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Private note"), required=False, strip=False)
    after = forms.IntegerField(label=_("After"), required=False, min_value=0)


class AfterForm(forms.Form):
    after = forms.IntegerField(label=_("After"), required=False, min_value=0)


class AssignForm(forms.Form):
    """``assignee``: "" for nobody, "me", or a staff member's id; ``team``: "" or an id."""

    assignee = forms.RegexField(label=_("Assignee"), required=False, regex=r"^(me|[0-9]{1,18})$")
    team = forms.IntegerField(label=_("Team"), required=False, min_value=1)

    def assignee_id(self, my_id: int) -> int | None:
        value: str = self.cleaned_data["assignee"]
        if not value:
            return None
        return my_id if value == "me" else int(value)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ConversationStatus.choices)
    snoozed_until = forms.DateTimeField(label=_("Snooze until"), required=False)


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)


class TagsForm(forms.Form):
    tags = forms.CharField(label=_("Tags"), required=False, max_length=2000)

    def names(self) -> list[str]:
        return [name.strip() for name in self.cleaned_data["tags"].split(",") if name.strip()]


class OrderLinkForm(forms.Form):
    """An order to link by its number, or by id from the customer's list; or to unlink."""

    number = forms.CharField(label=_("Order number"), required=False, max_length=40)
    order = forms.IntegerField(label=_("Order"), required=False, min_value=1)
    unlink = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["number"] = (data.get("number") or "").strip().lstrip("#")
        if not data["number"] and not data.get("order"):
            raise forms.ValidationError(_("Enter an order number."))
        return data


class MergeForm(forms.Form):
    target = forms.IntegerField(label=_("Customer"), min_value=1)


class PresenceForm(forms.Form):
    presence = forms.ChoiceField(
        label=_("Presence"), choices=[("online", _("Online")), ("away", _("Away"))]
    )
