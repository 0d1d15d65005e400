"""The shapes of the public forms: the contact form and the "Was this helpful?" answer.
They check types and formats; rate limits and storing are for helpcenter.actions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from storedesk.inbox.models import MAX_MESSAGE_LENGTH

MAX_QUERY_LENGTH = 200


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Email address"), max_length=254)
    order_number = forms.CharField(
        label=_("Order number (optional)"), max_length=64, required=False
    )
    subject = forms.CharField(label=_("Subject"), max_length=300)
    message = forms.CharField(
        label=_("Message"), max_length=MAX_MESSAGE_LENGTH, widget=forms.Textarea(attrs={"rows": 7})
    )
    # A honeypot: hidden from people by CSS and from screen readers, filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_message(self) -> str:
        message: str = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Please write your message."))
        return message

    @property
    def is_bot(self) -> bool:
        """Whether the honeypot was filled in (only meaningful once validated)."""
        return bool(self.cleaned_data.get("website", "").strip())


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
    )
