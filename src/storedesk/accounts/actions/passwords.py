"""Password reset by email for staff.

Asking for a reset answers the same whether or not the address belongs to anyone, and the
mail goes out from the task queue, so neither the answer nor its timing tells who is staff.
"""

import hashlib

from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from storedesk.accounts.actions.two_factor import do_audit_in_every_store
from storedesk.accounts.models import User
from storedesk.accounts.passwords import password_set_path
from storedesk.accounts.tasks import send_password_reset_email
from storedesk.core.ratelimit import RateLimit, check, hit


def reset_request_limit() -> RateLimit:
    """Reset requests one address may make, whatever addresses it asks for."""
    return RateLimit(
        "password-reset-address",
        limit=settings.PASSWORD_RESETS_PER_ADDRESS,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


def reset_mail_limit() -> RateLimit:
    """Reset mails one email address may receive, so nobody can flood a colleague's inbox."""
    return RateLimit(
        "password-reset-email",
        limit=settings.PASSWORD_RESETS_PER_EMAIL,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


def check_request_password_reset(email: str, *, address: str) -> None:
    """Send a link to choose a new password to ``email`` if an active member of staff signs
    in with it. Over the address's limit this raises RateLimited; over the email's limit,
    or for an unknown or inactive address, nothing is sent and nothing is said."""
    check(
        reset_request_limit(),
        address,
        message=_("Too many password reset requests from your network. Please try again later."),
    )
    normalized = email.strip().lower()
    # Counted under a hash: the cache need not hold the addresses people typed.
    key = hashlib.sha256(normalized.encode()).hexdigest()
    if not normalized or not hit(reset_mail_limit(), key).allowed:
        return
    user = User.objects.filter(email=normalized, is_active=True).first()
    if user is None:
        return
    user_id = user.pk
    with transaction.atomic():
        transaction.on_commit(lambda: send_password_reset_email.enqueue(user_id=user_id))


def do_send_password_reset_email(*, user_id: int) -> bool:
    """Email the link, in the member's own language; False when they can no longer sign in."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    link = settings.STOREDESK_URL + password_set_path(user)
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    with translation.override(user.language):
        subject = _("Choose a new Storedesk password")
        body = render_to_string(
            "accounts/password_reset_email.txt", {"user": user, "link": link, "hours": hours}
        )
    EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={"Content-Language": user.language},
    ).send()
    return True


@transaction.atomic
def do_reset_password(user: User, *, password: str) -> User:
    """Set the password the member chose through their link (validated by the form). The
    new hash ends every other session and makes the link, and any other sent, useless."""
    user.set_password(password)
    user.save(update_fields=["password"])
    do_audit_in_every_store(user, "password.reset")
    # Whoever proved they read the mailbox may try again at once, whatever failures came
    # before from anyone guessing this account's password.
    reset_lockouts(username=user.email)
    return user
