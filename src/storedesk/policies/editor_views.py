"""The policy editor in the store settings: return and shipping rules as drafts with a
preview in every store language, publishing (admins), version history, prose policies."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound
from storedesk.core.markdown import render_markdown
from storedesk.core.models import Store
from storedesk.policies.actions import (
    check_discard_draft,
    check_publish_return_version,
    check_publish_shipping_version,
    check_save_prose_policy,
    check_set_prose_policy_published,
    check_start_return_draft,
    check_start_shipping_draft,
    check_update_return_draft,
    check_update_shipping_draft,
)
from storedesk.policies.errors import PolicyValidationFailed
from storedesk.policies.forms import (
    PROSE_KIND_CHOICES,
    NewProsePolicyForm,
    ProsePolicyForm,
    ReturnRulesForm,
    ShippingPolicyForm,
)
from storedesk.policies.models import (
    ProseKind,
    ProsePolicy,
    ReturnPolicyVersion,
    ShippingPolicyVersion,
)
from storedesk.policies.selectors import (
    ReturnPreset,
    access_prose_policy,
    get_return_draft,
    get_return_preset,
    get_return_version,
    get_return_version_in_force,
    get_shipping_draft,
    get_shipping_version,
    get_shipping_version_in_force,
    list_prose_policies,
    list_return_versions,
    list_shipping_versions,
    list_store_categories,
)
from storedesk.policies.site import (
    build_returns_page,
    build_shipping_page,
    category_names,
)
from storedesk.publicsite.site import public_context, render_public, store_languages

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

UNPROCESSABLE = 422


def _languages(actor: Actor) -> list[str]:
    return store_languages(actor.store)


def _agent_language(actor: Actor) -> str:
    return translation.get_language() or actor.store.default_language


def _context(actor: Actor, **extra: Any) -> dict[str, Any]:
    return {
        "section": "settings",
        "can_manage": actor.can(Permission.MANAGE_POLICIES),
        "store_languages": _languages(actor),
    } | extra


def _render_overview(
    request: HttpRequest, actor: Actor, form: NewProsePolicyForm, *, status: int = 200
) -> HttpResponse:
    store = actor.store
    return render(
        request,
        "policies/editor/overview.html",
        _context(
            actor,
            return_in_force=get_return_version_in_force(store),
            return_draft=get_return_draft(store),
            return_versions=list_return_versions(store),
            shipping_in_force=get_shipping_version_in_force(store),
            shipping_draft=get_shipping_draft(store),
            shipping_versions=list_shipping_versions(store),
            prose_policies=list_prose_policies(store, published_only=False),
            new_prose_form=form,
        ),
        status=status,
    )


@store_view
@require_GET
def policy_overview(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.VIEW_ORDERS)
    return _render_overview(request, actor, NewProsePolicyForm())


# --- Return and shipping rules: the same draft workflow ----------------------------------


class _Publish[V: (ReturnPolicyVersion, ShippingPolicyVersion)](Protocol):
    def __call__(self, actor: Actor, version: V, *, effective_from: datetime | None = ...) -> V: ...


@dataclass(frozen=True, slots=True)
class _Editor[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
]:
    """What the return and the shipping rules' editors differ in."""

    name: Literal["returns", "shipping"]
    get_draft: Callable[[Store], V | None]
    get_in_force: Callable[[Store], V | None]
    get_version: Callable[[Store, int], V]
    list_versions: Callable[[Store], QuerySet[V]]
    build_page: Callable[[V, Store, str], object]
    start: Callable[[Actor], V]
    publish: _Publish[V]
    # The form filled from the draft, the form read from a POST, and saving what it read.
    form: Callable[[Actor, V], F]
    posted: Callable[[Actor, QueryDict], F]
    save: Callable[[Actor, V, F], V]
    no_draft: "StrOrPromise"
    published: "StrOrPromise"

    @property
    def edit_url(self) -> str:
        return f"policy-{self.name}-edit"

    @property
    def preview_url(self) -> str:
        return f"policy-{self.name}-preview"


def _render_rules[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
](
    request: HttpRequest,
    actor: Actor,
    editor: _Editor[V, F],
    draft: V | None,
    form: F | None,
    *,
    status: int = 200,
    publish_errors: list[str] | None = None,
) -> HttpResponse:
    current = editor.get_in_force(actor.store)
    shown = draft or current
    return render(
        request,
        f"policies/editor/{editor.name}.html",
        _context(
            actor,
            kind=editor.name,
            draft=draft,
            current=current,
            form=form,
            page=editor.build_page(shown, actor.store, _agent_language(actor)) if shown else None,
            presets=[preset.value for preset in ReturnPreset],
            versions=editor.list_versions(actor.store),
            publish_errors=publish_errors or [],
        ),
        status=status,
    )


def _edit[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
](
    request: HttpRequest,
    actor: Actor,
    editor: _Editor[V, F],
    before_save: Callable[[V, F], HttpResponse | None] | None = None,
) -> HttpResponse:
    """The draft's form; posted, the draft is saved or the form shows why not.

    ``before_save`` may answer a POST instead of saving it (a preset filling a row)."""
    actor.require(Permission.VIEW_ORDERS)
    draft = editor.get_draft(actor.store)
    if request.method != "POST":
        form = editor.form(actor, draft) if draft is not None else None
        return _render_rules(request, actor, editor, draft, form)
    actor.require(Permission.MANAGE_POLICIES)
    if draft is None:
        messages.error(request, editor.no_draft)
        return redirect(editor.edit_url, store_slug=actor.store.slug)
    form = editor.posted(actor, request.POST)
    if before_save is not None and (response := before_save(draft, form)) is not None:
        return response
    if not form.is_valid():
        return _render_rules(request, actor, editor, draft, form, status=UNPROCESSABLE)
    try:
        editor.save(actor, draft, form)
    except PolicyValidationFailed as error:
        form.apply_errors(error)
        return _render_rules(request, actor, editor, draft, form, status=UNPROCESSABLE)
    messages.success(request, _("The draft is saved. Preview it, then publish it."))
    return redirect(editor.edit_url, store_slug=actor.store.slug)


# The views below serve both editors: the URL configuration passes the ``editor``.


@store_view
@require_POST
def rules_start_draft[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
](request: HttpRequest, actor: Actor, editor: _Editor[V, F]) -> HttpResponse:
    editor.start(actor)
    return redirect(editor.edit_url, store_slug=actor.store.slug)


@store_view
@require_POST
def rules_discard[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
](request: HttpRequest, actor: Actor, editor: _Editor[V, F]) -> HttpResponse:
    draft = editor.get_draft(actor.store)
    if draft is not None:
        check_discard_draft(actor, draft)
        messages.success(request, _("The draft is discarded."))
    return redirect(editor.edit_url, store_slug=actor.store.slug)


@store_view
@require_POST
def rules_publish[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
](request: HttpRequest, actor: Actor, editor: _Editor[V, F]) -> HttpResponse:
    actor.require(Permission.MANAGE_POLICIES)
    draft = editor.get_draft(actor.store)
    if draft is None:
        raise Http404("No draft to publish.")
    errors: list[str] = []
    effective_from = _effective_from(request.POST, actor, errors)
    if not errors:
        try:
            version = editor.publish(actor, draft, effective_from=effective_from)
        except PolicyValidationFailed as error:
            errors = list(error.fields.values())
        else:
            messages.success(request, editor.published % {"number": version.number})
            return redirect(editor.edit_url, store_slug=actor.store.slug)
    form = editor.form(actor, draft)
    return _render_rules(
        request, actor, editor, draft, form, status=UNPROCESSABLE, publish_errors=errors
    )


# --- Returns --------------------------------------------------------------------------


def _category_choices(actor: Actor) -> list[tuple[str, str]]:
    names = category_names(actor.store, _agent_language(actor))
    return [(str(c.pk), names[c.pk]) for c in list_store_categories(actor.store)]


def _return_rules_form(actor: Actor, draft: ReturnPolicyVersion) -> ReturnRulesForm:
    form = ReturnRulesForm(None, categories=_category_choices(actor), rules=draft.rules.all())
    form.note = draft.note
    return form


def _posted_return_rules(actor: Actor, data: QueryDict) -> ReturnRulesForm:
    return ReturnRulesForm(data, categories=_category_choices(actor))


def _save_return_rules(
    actor: Actor, draft: ReturnPolicyVersion, form: ReturnRulesForm
) -> ReturnPolicyVersion:
    return check_update_return_draft(actor, draft, form.to_spec())


RETURNS = _Editor(
    name="returns",
    get_draft=get_return_draft,
    get_in_force=get_return_version_in_force,
    get_version=get_return_version,
    list_versions=list_return_versions,
    build_page=build_returns_page,
    start=check_start_return_draft,
    publish=check_publish_return_version,
    form=_return_rules_form,
    posted=_posted_return_rules,
    save=_save_return_rules,
    no_draft=gettext_lazy("Start a draft before changing the return rules."),
    published=gettext_lazy("Version %(number)d of the return policy is published."),
)


@store_view
@require_http_methods(["GET", "POST"])
def returns_edit(request: HttpRequest, actor: Actor) -> HttpResponse:
    def apply_preset(draft: ReturnPolicyVersion, form: ReturnRulesForm) -> HttpResponse | None:
        """Fill one row with a preset's values; nothing is saved until the merchant saves."""
        preset = request.POST.get("preset", "")
        if not preset:
            return None
        row, _sep, name = preset.partition(":")
        try:
            values = get_return_preset(name)
            index = int(row)
            if not 0 <= index < len(form.rows):
                raise ValueError(index)
        except ValueError:
            form.non_field_errors.append(_("Choose one of the offered presets."))
            return _render_rules(request, actor, RETURNS, draft, form, status=UNPROCESSABLE)
        filled = _posted_return_rules(actor, form.fill_preset(index, values))
        return _render_rules(request, actor, RETURNS, draft, filled)

    return _edit(request, actor, RETURNS, apply_preset)


def _effective_from(data: QueryDict, actor: Actor, errors: list[str]) -> datetime | None:
    """The publish form's local date and time in the store's time zone; empty means now."""
    raw = data.get("effective_from", "").strip()
    if not raw:
        return None
    try:
        local = datetime.fromisoformat(raw)
    except ValueError:
        errors.append(_("Enter the date and time the version takes effect."))
        return None
    if local.tzinfo is not None:
        return local
    return local.replace(tzinfo=actor.store.zone)


def _preview_language(request: HttpRequest, actor: Actor) -> str:
    language = request.GET.get("language", "")
    return language if language in _languages(actor) else actor.store.default_language


@store_view
@require_GET
def rules_preview[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
](request: HttpRequest, actor: Actor, editor: _Editor[V, F]) -> HttpResponse:
    """The public page as shoppers would see it, from the draft (or a chosen version)."""
    actor.require(Permission.VIEW_ORDERS)
    version = _chosen_version(request, actor, editor)
    language = _preview_language(request, actor)
    context = _preview_context(request, actor, language, editor.preview_url) | {
        "page": editor.build_page(version, actor.store, language)
    }
    template = f"policies/public/{editor.name}.html"
    return render_public(request, template, context, language=language)


# --- Shipping -------------------------------------------------------------------------


def _shipping_form(actor: Actor, draft: ShippingPolicyVersion) -> ShippingPolicyForm:
    return ShippingPolicyForm(None, languages=_languages(actor), version=draft)


def _posted_shipping(actor: Actor, data: QueryDict) -> ShippingPolicyForm:
    return ShippingPolicyForm(data, languages=_languages(actor))


def _save_shipping(
    actor: Actor, draft: ShippingPolicyVersion, form: ShippingPolicyForm
) -> ShippingPolicyVersion:
    return check_update_shipping_draft(actor, draft, form.to_spec())


SHIPPING = _Editor(
    name="shipping",
    get_draft=get_shipping_draft,
    get_in_force=get_shipping_version_in_force,
    get_version=get_shipping_version,
    list_versions=list_shipping_versions,
    build_page=build_shipping_page,
    start=check_start_shipping_draft,
    publish=check_publish_shipping_version,
    form=_shipping_form,
    posted=_posted_shipping,
    save=_save_shipping,
    no_draft=gettext_lazy("Start a draft before changing the shipping rules."),
    published=gettext_lazy("Version %(number)d of the shipping policy is published."),
)


@store_view
@require_http_methods(["GET", "POST"])
def shipping_edit(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _edit(request, actor, SHIPPING)


def _chosen_version[
    V: (ReturnPolicyVersion, ShippingPolicyVersion),
    F: (ReturnRulesForm, ShippingPolicyForm),
](request: HttpRequest, actor: Actor, editor: _Editor[V, F]) -> V:
    """``?version=N`` from the history, else the draft, else the version in force."""
    raw = request.GET.get("version", "")
    if raw:
        if not raw.isdigit() or len(raw) > 9:
            raise Http404("No such version.")
        try:
            version = editor.get_version(actor.store, int(raw))
        except NotFound as error:
            raise Http404(error.message) from error
        return version
    draft = editor.get_draft(actor.store)
    if draft is None:
        raise Http404("No draft to preview.")
    return draft


def _preview_context(
    request: HttpRequest, actor: Actor, language: str, url_name: str
) -> dict[str, Any]:
    base = reverse(url_name, args=[actor.store.slug])
    version = request.GET.get("version", "")
    suffix = f"&version={version}" if version.isdigit() else ""
    context = public_context(
        request,
        actor.store,
        language,
        alternates={code: f"{base}?language={code}{suffix}" for code in _languages(actor)},
    )
    back = url_name.replace("-preview", "-edit")
    return context | {"preview": True, "back_url": reverse(back, args=[actor.store.slug])}


# --- Prose policies -------------------------------------------------------------------


def _prose_initial(policy: ProsePolicy) -> dict[str, str]:
    initial: dict[str, str] = {}
    for text in policy.translations.all():
        initial[f"title_{text.language}"] = text.title
        initial[f"body_{text.language}"] = text.body
    return initial


@store_view
@require_http_methods(["GET", "POST"])
def prose_create(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_POLICIES)
    if request.method != "POST":
        return redirect("policy-settings", store_slug=actor.store.slug)
    form = NewProsePolicyForm(request.POST)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        slug = form.cleaned_data.get("slug") or ""
        # A new policy starts with a placeholder text in the default language, which
        # the merchant replaces in the editor; it stays unpublished until then.
        language = actor.store.default_language
        with translation.override(language):
            title = (
                str(dict(PROSE_KIND_CHOICES)[kind])
                if kind != ProseKind.CUSTOM
                else slug.replace("-", " ").title()
            )
        try:
            policy = check_save_prose_policy(
                actor,
                {
                    "kind": kind,
                    "slug": slug,
                    "translations": {language: {"title": title, "body": title}},
                },
            )
        except PolicyValidationFailed as error:
            form.apply_errors(error)
        else:
            return redirect("policy-prose-edit", store_slug=actor.store.slug, policy_id=policy.pk)
    return _render_overview(request, actor, form, status=UNPROCESSABLE)


def _access_prose(actor: Actor, policy_id: int) -> ProsePolicy:
    try:
        return access_prose_policy(actor, policy_id)
    except NotFound as error:
        raise Http404(error.message) from error


@store_view
@require_http_methods(["GET", "POST"])
def prose_edit(request: HttpRequest, actor: Actor, policy_id: int) -> HttpResponse:
    policy = _access_prose(actor, policy_id)
    languages = _languages(actor)
    if request.method != "POST":
        form = ProsePolicyForm(initial=_prose_initial(policy), languages=languages)
        return _render_prose(request, actor, policy, form)
    actor.require(Permission.MANAGE_POLICIES)
    form = ProsePolicyForm(request.POST, languages=languages)
    if not form.is_valid():
        return _render_prose(request, actor, policy, form, status=UNPROCESSABLE)
    if "preview" in request.POST:
        # The no-JavaScript preview: the same page with the rendering beside the text.
        return _render_prose(request, actor, policy, form, previews=_previews(form))
    try:
        check_save_prose_policy(
            actor, form.to_spec(kind=policy.kind, slug=policy.slug), policy=policy
        )
    except PolicyValidationFailed as error:
        form.apply_errors(error)
        return _render_prose(request, actor, policy, form, status=UNPROCESSABLE)
    messages.success(request, _("The policy is saved."))
    return redirect("policy-prose-edit", store_slug=actor.store.slug, policy_id=policy.pk)


def _previews(form: ProsePolicyForm) -> list[dict[str, str]]:
    return [
        {"language": code, "title": text["title"], "html": render_markdown(text["body"])}
        for code, text in form.translations().items()
    ]


def _render_prose(
    request: HttpRequest,
    actor: Actor,
    policy: ProsePolicy,
    form: ProsePolicyForm,
    *,
    status: int = 200,
    previews: list[dict[str, str]] | None = None,
) -> HttpResponse:
    return render(
        request,
        "policies/editor/prose.html",
        _context(actor, policy=policy, form=form, previews=previews or []),
        status=status,
    )


@store_view
@require_POST
def prose_preview(request: HttpRequest, actor: Actor, policy_id: int) -> HttpResponse:
    """The Markdown of every language as sanitised HTML, for the editor's live preview."""
    _access_prose(actor, policy_id)
    form = ProsePolicyForm(request.POST, languages=_languages(actor))
    previews = _previews(form) if form.is_valid() else []
    return render(request, "policies/editor/_prose_preview.html", {"previews": previews})


@store_view
@require_POST
def prose_publish(request: HttpRequest, actor: Actor, policy_id: int) -> HttpResponse:
    policy = _access_prose(actor, policy_id)
    published = request.POST.get("published") == "1"
    check_set_prose_policy_published(actor, policy, published=published)
    messages.success(
        request,
        _("The policy is published.") if published else _("The policy is unpublished."),
    )
    return redirect("policy-prose-edit", store_slug=actor.store.slug, policy_id=policy.pk)
