"""Canned replies in the store settings: admins write them per language, agents read them."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import Conflict, ValidationFailed
from storedesk.core.forms import PerLanguageForm
from storedesk.core.views import is_fragment_request
from storedesk.inbox.actions.canned_replies import (
    check_delete_canned_reply,
    check_save_canned_reply,
)
from storedesk.inbox.models import MAX_MESSAGE_LENGTH, CannedReply
from storedesk.inbox.selectors import (
    REPLY_VARIABLES,
    access_canned_reply,
    get_sample_reply_variables,
    list_canned_replies,
    list_unknown_reply_variables,
    pick_reply_text,
    render_reply_template,
)

# What each variable stands for, shown beside the button that inserts it.
VARIABLE_LABELS = {
    "customer.first_name": gettext_lazy("Customer's first name"),
    "customer.last_name": gettext_lazy("Customer's last name"),
    "customer.name": gettext_lazy("Customer's full name"),
    "customer.email": gettext_lazy("Customer's email address"),
    "order.number": gettext_lazy("Order number"),
    "order.status": gettext_lazy("Order fulfillment status"),
    "order.shipping_status": gettext_lazy("Where the parcel is, as a sentence"),
    "order.tracking_url": gettext_lazy("Tracking link"),
    "order.tracking_number": gettext_lazy("Tracking number"),
    "order.carrier": gettext_lazy("Carrier"),
    "agent.name": gettext_lazy("Your name"),
    "agent.first_name": gettext_lazy("Your first name"),
    "store.name": gettext_lazy("Store name"),
}
TEXT_PREFIX = "text_"


@store_view
def canned_reply_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:200]
    language = translation.get_language() or actor.store.default_language
    replies = [
        (reply, pick_reply_text(reply, language, actor.store))
        for reply in list_canned_replies(actor, search=search)
    ]
    context = {
        "section": "settings",
        "replies": replies,
        "search": search,
        "can_manage": actor.can(Permission.MANAGE_CANNED_REPLIES),
    }
    fragment = is_fragment_request(request)
    template = "inbox/canned_results.html" if fragment else "inbox/canned_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


class CannedReplyForm(PerLanguageForm):
    """Name, shortcut and one text per language. The rules (shortcut format, variables,
    lengths) are the action's; the form only reads the input and places the errors."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=120)
    shortcut = forms.CharField(
        label=gettext_lazy("Shortcut"),
        max_length=40,
        help_text=gettext_lazy("Lower-case letters, digits, - and _; agents find the reply by it."),
    )

    def add_language_fields(self, code: str) -> None:
        self.fields[TEXT_PREFIX + code] = forms.CharField(
            required=False,
            max_length=MAX_MESSAGE_LENGTH,
            widget=forms.Textarea(attrs={"rows": 5, "lang": code, "dir": "auto"}),
        )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        # A text for a language the store does not speak would never be picked for anyone.
        unknown = sorted(
            key.removeprefix(TEXT_PREFIX)[:16]
            for key, value in self.data.items()
            if key.startswith(TEXT_PREFIX)
            and key.removeprefix(TEXT_PREFIX) not in self.languages
            and str(value).strip()
        )
        if unknown:
            self.add_error(
                None,
                _("This store does not use the language %(codes)s.")
                % {"codes": ", ".join(unknown[:5])},
            )
        for code in self.languages:
            body = cleaned.get(TEXT_PREFIX + code)
            if isinstance(body, str) and (names := list_unknown_reply_variables(body)):
                self.add_error(
                    TEXT_PREFIX + code,
                    _("Unknown variables: %(names)s. Use the buttons to insert a known one.")
                    % {"names": ", ".join("{{ " + name + " }}" for name in names)},
                )
        return cleaned

    def texts(self) -> dict[str, str]:
        """The filled-in texts by language; an empty box means no text in that language.
        Browsers send a text box's line breaks as CRLF; messages use LF."""
        return {
            code: body.replace("\r\n", "\n")
            for code in self.languages
            if (body := self.cleaned_data.get(TEXT_PREFIX + code, ""))
        }

    def text_fields(self) -> list[tuple[str, forms.BoundField]]:
        return [(code, self[TEXT_PREFIX + code]) for code in self.languages]


def _editor_languages(actor: Actor, reply: CannedReply | None) -> list[str]:
    """The store's languages, default first, then any the reply has from before the store
    dropped them (so saving does not silently delete those texts)."""
    store = actor.store
    codes = [store.default_language] + [c for c in store.languages if c != store.default_language]
    if reply is not None:
        codes += sorted({text.language for text in reply.texts.all()} - set(codes))
    return codes


def _initial(reply: CannedReply | None) -> dict[str, str]:
    if reply is None:
        return {}
    return {"name": reply.name, "shortcut": reply.shortcut} | {
        TEXT_PREFIX + text.language: text.body for text in reply.texts.all()
    }


def _preview(actor: Actor, texts: dict[str, str]) -> list[dict[str, object]]:
    """Each text as a customer speaking its language would read it."""
    return [
        {
            "language": code,
            "text": render_reply_template(body, get_sample_reply_variables(actor, language=code)),
            "unknown": list_unknown_reply_variables(body),
            "too_long": len(body) > MAX_MESSAGE_LENGTH,
        }
        for code, body in texts.items()
        if body.strip()
    ]


@store_view
@require_http_methods(["GET", "POST"])
def canned_reply_create(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_CANNED_REPLIES)
    return _edit(request, actor, None)


@store_view
@require_http_methods(["GET", "POST"])
def canned_reply_edit(request: HttpRequest, actor: Actor, reply_id: int) -> HttpResponse:
    reply = access_canned_reply(actor, reply_id)
    actor.require(Permission.MANAGE_CANNED_REPLIES)
    return _edit(request, actor, reply)


def _edit(request: HttpRequest, actor: Actor, reply: CannedReply | None) -> HttpResponse:
    languages = _editor_languages(actor, reply)
    if request.method != "POST":
        form = CannedReplyForm(initial=_initial(reply), languages=languages)
        return _render_editor(request, actor, reply, form, _initial(reply))
    form = CannedReplyForm(request.POST, languages=languages)
    if form.is_valid():
        try:
            saved = check_save_canned_reply(
                actor,
                reply=reply,
                name=form.cleaned_data["name"],
                shortcut=form.cleaned_data["shortcut"],
                texts=form.texts(),
            )
        except (ValidationFailed, Conflict) as error:
            details = error.details if isinstance(error.details, dict) else {}
            form.add_error("shortcut" if "shortcut" in details else None, error.message)
            status = error.status
        else:
            messages.success(request, _("The canned reply “%(name)s” is saved.") % {"name": saved})
            return redirect("canned-reply-list", store_slug=actor.store.slug)
    else:
        status = ValidationFailed.status
    texts = {key: str(value) for key, value in request.POST.items()}
    return _render_editor(request, actor, reply, form, texts, status=status)


def _render_editor(
    request: HttpRequest,
    actor: Actor,
    reply: CannedReply | None,
    form: CannedReplyForm,
    values: dict[str, str],
    *,
    status: int = 200,
) -> HttpResponse:
    texts = {code: values.get(TEXT_PREFIX + code, "") for code in form.languages}
    return render(
        request,
        "inbox/canned_form.html",
        {
            "section": "settings",
            "reply": reply,
            "form": form,
            "variables": [(name, VARIABLE_LABELS[name]) for name in REPLY_VARIABLES],
            "previews": _preview(actor, texts),
            "max_length": MAX_MESSAGE_LENGTH,
        },
        status=status,
    )


@require_POST
@store_view
def canned_reply_preview(request: HttpRequest, actor: Actor) -> HttpResponse:
    """The editor's texts rendered for a sample customer and order, as the customer would
    read them (plain text, escaped)."""
    actor.require(Permission.MANAGE_CANNED_REPLIES)
    texts = {
        code: request.POST.get(TEXT_PREFIX + code, "") for code in _editor_languages(actor, None)
    }
    return render(request, "inbox/canned_preview.html", {"previews": _preview(actor, texts)})


@store_view
@require_http_methods(["GET", "POST"])
def canned_reply_delete(request: HttpRequest, actor: Actor, reply_id: int) -> HttpResponse:
    reply = access_canned_reply(actor, reply_id)
    actor.require(Permission.MANAGE_CANNED_REPLIES)
    if request.method == "POST":
        name = reply.name
        check_delete_canned_reply(actor, reply)
        messages.success(request, _("The canned reply “%(name)s” is deleted.") % {"name": name})
        return redirect("canned-reply-list", store_slug=actor.store.slug)
    return render(
        request, "inbox/canned_confirm_delete.html", {"section": "settings", "reply": reply}
    )
