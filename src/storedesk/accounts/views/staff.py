"""Staff and invitations: the staff page of a store's settings, and the page an invited
person opens from their mail."""

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from storedesk.accounts.actions.staff import (
    MAX_EMAIL_LENGTH,
    MAX_NAME_LENGTH,
    AlreadyInvited,
    AlreadyStaff,
    InvitationGone,
    SentInvitation,
    SignInRequired,
    check_change_role,
    check_deactivate_member,
    check_invite_staff,
    check_leave_store,
    check_reactivate_member,
    check_resend_invitation,
    check_revoke_invitation,
    do_accept_invitation,
    grantable_roles,
    may_handle_invitation,
    may_leave,
    member_controls,
    refuse_closed_invitation,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.models import Invitation, User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors.staff import (
    access_invitation,
    access_membership,
    count_active_owners,
    count_staff,
    get_invitation_by_token,
    get_own_membership,
    get_user_by_email,
    is_active_member,
    list_pending_invitations,
    list_staff,
)
from storedesk.core.errors import FieldsInvalid, NotFound, StoredeskError, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimit, client_address, hit, peek

# The fresh link of the invitation just sent, shown once on the next staff page: when mail
# is not set up yet (the console backend of a new install), the sender passes it on.
FRESH_LINK_KEY = "staff.fresh_invitation"
# Unknown invitation links one address may open before it must wait (guessing a link).
INVITATION_GUESSES_PER_ADDRESS = 30
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
MAX_PASSWORD_LENGTH = 1024


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """The staff summary and its link for those who manage staff; for every member, the
    way to leave the store."""
    own = get_own_membership(actor)
    can_manage = actor.can(Permission.MANAGE_STAFF)
    if not can_manage and own is None:
        return None
    return {
        "can_manage": can_manage,
        "counts": count_staff(actor) if can_manage else None,
        "can_leave": own is not None and may_leave(own, active_owners=count_active_owners(store)),
        "member": own is not None,
    }


# The staff page ---------------------------------------------------------------------------


class InviteForm(forms.Form):
    """Reads the input; the rules (who may give which role, who is invited already) are the
    action's."""

    email = forms.CharField(label=gettext_lazy("Email"), max_length=MAX_EMAIL_LENGTH)
    role = forms.CharField(label=gettext_lazy("Role"), max_length=16)


@store_view
def staff_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_STAFF)
    return _render_staff(request, actor)


def _render_staff(
    request: HttpRequest,
    actor: Actor,
    *,
    invite: Mapping[str, str] | None = None,
    invite_error: StoredeskError | None = None,
    status: int = 200,
) -> HttpResponse:
    active_owners = count_active_owners(actor.store)
    members = [
        (member, member_controls(actor, member.membership, active_owners=active_owners))
        for member in list_staff(actor)
    ]
    invitations = [
        (pending, may_handle_invitation(actor, pending.invitation))
        for pending in list_pending_invitations(actor)
    ]
    fresh = request.session.pop(FRESH_LINK_KEY, None)
    resend_id = None
    if isinstance(invite_error, AlreadyInvited) and isinstance(invite_error.details, dict):
        # Offered only where the actor may resend it (not an owner's, for an admin).
        wanted = invite_error.details.get("invitation_id")
        resend_id = next(
            (p.invitation.pk for p, may in invitations if may and p.invitation.pk == wanted), None
        )
    response = render(
        request,
        "accounts/staff/list.html",
        {
            "section": "settings",
            "members": members,
            "invitations": invitations,
            "roles": grantable_roles(actor),
            "fresh": fresh,
            "invite": invite or {},
            "invite_error": invite_error.message if invite_error else "",
            "resend_id": resend_id,
            "own_user_id": actor.user.pk if actor.user else None,
            "invitation_days": settings.STAFF_INVITATION_DAYS,
        },
        status=status,
    )
    if fresh:
        # The link is on this page once: keep it out of every cache.
        add_never_cache_headers(response)
    return response


def _remember_link(request: HttpRequest, sent: SentInvitation) -> None:
    request.session[FRESH_LINK_KEY] = {"email": sent.invitation.email, "link": sent.link}


def _back(actor: Actor) -> HttpResponse:
    return redirect("staff-list", store_slug=actor.store.slug)


def _attempt[T](request: HttpRequest, action: Callable[[], T]) -> T | None:
    """Run ``action``; a refusal becomes an error message on the next page and None. Another
    store's object stays a 404."""
    try:
        return action()
    except NotFound:
        raise
    except StoredeskError as error:
        messages.error(request, error.message)
        return None


@require_POST
@store_view
def invite(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_STAFF)
    form = InviteForm(request.POST)
    typed = {
        "email": str(request.POST.get("email", ""))[:MAX_EMAIL_LENGTH],
        "role": str(request.POST.get("role", ""))[:16],
    }
    error: StoredeskError
    if not form.is_valid():
        error = ValidationFailed(_("Give an email address and a role."))
    else:
        try:
            sent = check_invite_staff(
                actor, email=form.cleaned_data["email"], role=form.cleaned_data["role"]
            )
        except StoredeskError as refused:
            error = refused
        else:
            _remember_link(request, sent)
            messages.success(
                request,
                _("The invitation is on its way to %(email)s.") % {"email": sent.invitation.email},
            )
            return _back(actor)
    return _render_staff(request, actor, invite=typed, invite_error=error, status=error.status)


@require_POST
@store_view
def resend_invitation(request: HttpRequest, actor: Actor, invitation_id: int) -> HttpResponse:
    invitation = access_invitation(actor, invitation_id)
    sent = _attempt(request, lambda: check_resend_invitation(actor, invitation))
    if sent is not None:
        _remember_link(request, sent)
        messages.success(
            request, _("The invitation is sent again to %(email)s.") % {"email": invitation.email}
        )
    return _back(actor)


@require_POST
@store_view
def revoke_invitation(request: HttpRequest, actor: Actor, invitation_id: int) -> HttpResponse:
    invitation = access_invitation(actor, invitation_id)
    if _attempt(request, lambda: check_revoke_invitation(actor, invitation)):
        messages.success(
            request,
            _("The invitation to %(email)s is withdrawn; its link no longer works.")
            % {"email": invitation.email},
        )
    return _back(actor)


@require_POST
@store_view
def change_role(request: HttpRequest, actor: Actor, membership_id: int) -> HttpResponse:
    membership = access_membership(actor, membership_id)
    role = str(request.POST.get("role", ""))[:16]
    if _attempt(request, lambda: check_change_role(actor, membership, role=role)):
        messages.success(
            request, _("%(name)s's role is saved.") % {"name": _display_name(membership.user)}
        )
    return _back(actor)


@require_POST
@store_view
def deactivate_member(request: HttpRequest, actor: Actor, membership_id: int) -> HttpResponse:
    membership = access_membership(actor, membership_id)
    if _attempt(request, lambda: check_deactivate_member(actor, membership)):
        messages.success(
            request,
            _("%(name)s is deactivated; their open conversations go back to the queue.")
            % {"name": _display_name(membership.user)},
        )
    return _back(actor)


@require_POST
@store_view
def reactivate_member(request: HttpRequest, actor: Actor, membership_id: int) -> HttpResponse:
    membership = access_membership(actor, membership_id)
    if _attempt(request, lambda: check_reactivate_member(actor, membership)):
        messages.success(
            request,
            _("%(name)s can work in the store again.") % {"name": _display_name(membership.user)},
        )
    return _back(actor)


@require_POST
@store_view
def leave_store(request: HttpRequest, actor: Actor) -> HttpResponse:
    if _attempt(request, lambda: check_leave_store(actor)) is None:
        return redirect("store-settings", store_slug=actor.store.slug)
    messages.success(request, _("You have left %(store)s.") % {"store": actor.store.name})
    return redirect("home")


def _display_name(user: User) -> str:
    return user.name or user.email


# The invitation page -----------------------------------------------------------------------


class NewMemberForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=MAX_NAME_LENGTH)
    password = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        max_length=MAX_PASSWORD_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=gettext_lazy("The password again"),
        strip=False,
        max_length=MAX_PASSWORD_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password, again = cleaned.get("password"), cleaned.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", _("The two passwords are not the same."))
        return cleaned


def invitation_guess_limit() -> RateLimit:
    return RateLimit(
        "invitation-guesses",
        limit=INVITATION_GUESSES_PER_ADDRESS,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link of an invitation mail: shows the store and the role, and lets a new person
    make their account, or someone with an account sign in, to join."""
    rule, address = invitation_guess_limit(), client_address(request)
    verdict = peek(rule, address)
    if not verdict.allowed:
        response = _closed(
            request,
            title=_("Too many attempts"),
            message=_("Too many invalid invitation links from your network. Try again later."),
            status=429,
        )
        response["Retry-After"] = str(verdict.retry_after)
        return response
    invitation = get_invitation_by_token(token)
    if invitation is None:
        hit(rule, address)
        return _closed(
            request,
            title=_("Invitation not found"),
            message=_(
                "This invitation link is not valid. Check that the whole link was copied, or "
                "ask the store to invite you again."
            ),
            status=404,
        )
    user = request.user if isinstance(request.user, User) else None
    language = user.language if user is not None else _store_language(invitation.store)
    with translation.override(language):
        return _invitation_page(request, invitation, token, user)


def _store_language(store: Store) -> str:
    if store.default_language in dict(settings.LANGUAGES):
        return store.default_language
    return str(settings.LANGUAGE_CODE)


def _invitation_page(
    request: HttpRequest, invitation: Invitation, token: str, user: User | None
) -> HttpResponse:
    store = invitation.store
    if (
        invitation.accepted_at is not None
        and user is not None
        and invitation.accepted_by_id == user.pk
        and is_active_member(store.pk, user.pk)
    ):
        # A second submit, a second tab, or the link opened again: they are in already.
        return redirect("inbox", store_slug=store.slug)
    try:
        refuse_closed_invitation(invitation)
    except InvitationGone as error:
        return _closed(request, title=_("Invitation closed"), message=error.message, status=410)
    form = NewMemberForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if user is None and not form.is_valid():
            status = 422
        else:
            try:
                return _accept(request, token, user, form)
            except InvitationGone as error:
                return _closed(
                    request, title=_("Invitation closed"), message=error.message, status=410
                )
            except NotFound as error:
                return _closed(
                    request, title=_("Invitation not found"), message=error.message, status=404
                )
            except AlreadyStaff as error:
                messages.info(request, error.message)
                return redirect("inbox", store_slug=store.slug)
            except FieldsInvalid as error:
                for field, message in error.fields.items():
                    form.add_error(field if field in form.fields else None, message)
                status = error.status
            except StoredeskError as error:
                # Signed in with another address, or an account for this one appeared.
                if not isinstance(error, SignInRequired):
                    form.add_error(None, error.message)
                status = error.status
    return render(
        request,
        "accounts/staff/invitation.html",
        {
            "invitation": invitation,
            "store": store,
            "inviter": _display_name(invitation.invited_by) if invitation.invited_by else "",
            "form": form,
            "signed_in_as": user,
            "wrong_account": user is not None and user.email.lower() != invitation.email,
            "existing_account": user is None and get_user_by_email(invitation.email) is not None,
            "login_url": reverse("login") + "?" + urlencode({"next": request.path}),
        },
        status=status,
    )


def _accept(
    request: HttpRequest, token: str, user: User | None, form: NewMemberForm
) -> HttpResponse:
    """Accept for the signed-in user, or make the new person's account and sign them in."""
    if user is not None:
        accepted = do_accept_invitation(token, user=user)
    else:
        accepted = do_accept_invitation(
            token, name=form.cleaned_data["name"], password=form.cleaned_data["password"]
        )
        login(request, accepted.user, backend=MODEL_BACKEND)
    store = accepted.membership.store
    with translation.override(accepted.user.language):
        messages.success(request, _("Welcome to %(store)s.") % {"store": store.name})
    return redirect("inbox", store_slug=store.slug)


def _closed(request: HttpRequest, *, title: str, message: str, status: int) -> HttpResponse:
    return render(
        request,
        "accounts/staff/invitation_closed.html",
        {"title": title, "message": message},
        status=status,
    )
