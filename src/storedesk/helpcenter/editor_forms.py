"""Forms of the help-center editor. They read the input and place errors; the rules (slugs,
lengths, languages, phone numbers) are the actions'."""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from storedesk.core.errors import StoredeskError
from storedesk.core.forms import PerLanguageForm
from storedesk.helpcenter.actions.settings import MAX_RESPONSE_HOURS, HelpCenterSettingsInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

NAME_PREFIX = "name_"
DESCRIPTION_PREFIX = "description_"

type Choices = Sequence[tuple[str | int, StrOrPromise]]


def set_choices(form: forms.Form, name: str, choices: Choices) -> None:
    """Offer the options of a choice field that are only known per store."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def place_errors(form: forms.Form, error: StoredeskError) -> None:
    """Show a domain error beside the field it is about, else above the form."""
    fields: Mapping[str, str] = getattr(error, "fields", {}) or {}
    if not fields:
        form.add_error(None, error.message)
        return
    for field, message in fields.items():
        name = field.replace("names.", NAME_PREFIX).replace("descriptions.", DESCRIPTION_PREFIX)
        form.add_error(name if name in form.fields else None, message)


class ArticleCreateForm(forms.Form):
    category = forms.TypedChoiceField(label=_("Category"), coerce=int)
    language = forms.ChoiceField(label=_("Language"))
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=120,
        help_text=_("Part of the public link. Leave empty to make one from the title."),
    )

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        categories: Choices,
        languages: Choices,
        initial: dict[str, object] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        set_choices(self, "category", categories)
        set_choices(self, "language", languages)


class TranslationForm(forms.Form):
    # Lengths are checked by the action, which says by how much a text is too long.
    title = forms.CharField(label=_("Title"), required=False)
    body = forms.CharField(
        label=_("Text (Markdown)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 18}),
    )


class ArticleDetailsForm(forms.Form):
    category = forms.TypedChoiceField(label=_("Category"), coerce=int)
    slug = forms.CharField(label=_("Address"), max_length=120)
    related = forms.TypedMultipleChoiceField(
        label=_("Related articles"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Shown under the article. Without any, articles of its category are shown."),
    )

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        categories: Choices,
        candidates: Choices,
        initial: dict[str, object] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        set_choices(self, "category", categories)
        set_choices(self, "related", candidates)


class CategoryForm(PerLanguageForm):
    slug = forms.CharField(
        label=_("Address"),
        max_length=80,
        help_text=_("Part of the public link, for example shipping."),
    )
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=100_000, initial=0)

    def add_language_fields(self, code: str) -> None:
        self.fields[NAME_PREFIX + code] = forms.CharField(
            label=_("Name"), required=False, max_length=120
        )
        self.fields[DESCRIPTION_PREFIX + code] = forms.CharField(
            label=_("Description"), required=False, max_length=300
        )

    def names(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(NAME_PREFIX + code, "") for code in self.languages}

    def descriptions(self) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(DESCRIPTION_PREFIX + code, "") for code in self.languages
        }

    def language_fields(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [
            (code, self[NAME_PREFIX + code], self[DESCRIPTION_PREFIX + code])
            for code in self.languages
        ]


class HelpCenterSettingsForm(forms.Form):
    public_host = forms.CharField(
        label=_("Help center host"),
        required=False,
        max_length=253,
        help_text=_("The host name shoppers open, such as help.example.com."),
    )
    contact_email = forms.CharField(label=_("Contact email"), required=False, max_length=254)
    phone_number = forms.CharField(label=_("Phone number"), required=False, max_length=40)
    whatsapp_number = forms.CharField(label=_("WhatsApp number"), required=False, max_length=40)
    chat_enabled = forms.BooleanField(label=_("Offer live chat"), required=False)
    contact_form_enabled = forms.BooleanField(label=_("Offer the contact form"), required=False)
    support_team = forms.TypedChoiceField(
        label=_("Team whose hours are shown"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    expected_response_hours = forms.IntegerField(
        label=_("We answer within (hours)"), min_value=1, max_value=MAX_RESPONSE_HOURS
    )

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        teams: Choices,
        initial: dict[str, object] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        set_choices(self, "support_team", [("", _("The first team")), *teams])

    def values(self) -> HelpCenterSettingsInput:
        data = self.cleaned_data
        return HelpCenterSettingsInput(
            public_host=data["public_host"],
            contact_email=data["contact_email"],
            phone_number=data["phone_number"],
            whatsapp_number=data["whatsapp_number"],
            chat_enabled=data["chat_enabled"],
            contact_form_enabled=data["contact_form_enabled"],
            support_team_id=data["support_team"],
            expected_response_hours=data["expected_response_hours"],
        )
