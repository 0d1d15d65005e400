"""Two-factor authentication for staff: an authenticator app's codes (TOTP, RFC 6238) and
one-time recovery codes, and an owner's choice to require it for everyone in a store.

A code is guessed far more easily than a password (a million possibilities, three of them
right at any moment), so every wrong one counts against the member and against the address
it came from, and while either must wait even a right code is refused.
"""

import hmac
import math
import secrets
import time
from enum import StrEnum
from typing import Any

import pyotp
from django.conf import settings
from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import RecoveryCode, TwoFactorDevice, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import hash_token_secret, list_memberships
from storedesk.accounts.selectors.two_factor import has_two_factor, list_stores_requiring_two_factor
from storedesk.core.actions import do_record_audit
from storedesk.core.errors import Conflict, PermissionDenied, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimit, RateLimited, hit, peek

RECOVERY_CODE_COUNT = 10
# Lower-case letters and digits without the look-alikes (0/o, 1/l/i): 31 symbols, so ten of
# them are about 50 bits, far beyond guessing at the rate the limits below allow.
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_RECOVERY_LENGTH = 10
# A code from the previous or the next 30 seconds is accepted too: phones' clocks drift.
VALID_WINDOW = 1
_TOTP_DIGITS = 6
# Longer input is no code of ours; it is refused before it is hashed or compared.
_MAX_CODE_LENGTH = 64


class TwoFactorMethod(StrEnum):
    AUTHENTICATOR = "authenticator"
    RECOVERY_CODE = "recovery_code"


class InvalidCode(ValidationFailed):
    code = "invalid_two_factor_code"


# Rate limits ----------------------------------------------------------------------------


def login_failure_limit() -> RateLimit:
    """Failed sign-ins one address may make, whatever accounts it tries (password spraying
    goes round many accounts, so the per-account lockout alone never trips). Wrong passwords
    and wrong codes count alike."""
    return RateLimit(
        "login-failures",
        limit=settings.LOGIN_FAILURES_PER_ADDRESS,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


def code_failure_limit() -> RateLimit:
    """Wrong codes (or passwords, when turning two-factor off) for one member from any
    address: an attacker who has the password cannot spread guesses over many addresses."""
    return RateLimit(
        "two-factor-failures",
        limit=settings.TWO_FACTOR_FAILURES_PER_USER,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


def _counters(user: User, address: str) -> tuple[tuple[RateLimit, str], ...]:
    return ((code_failure_limit(), str(user.pk)), (login_failure_limit(), address))


def _refuse_while_throttled(user: User, address: str) -> None:
    for rule, key in _counters(user, address):
        verdict = peek(rule, key)
        if not verdict.allowed:
            minutes = math.ceil(verdict.retry_after / 60)
            raise RateLimited(
                ngettext(
                    "Too many wrong codes. Please try again in %(minutes)d minute.",
                    "Too many wrong codes. Please try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                retry_after=verdict.retry_after,
            )


def _count_failure(user: User, address: str) -> None:
    for rule, key in _counters(user, address):
        hit(rule, key)


def _wrong_code() -> InvalidCode:
    return InvalidCode(
        _("That code is not right. Enter the 6-digit code your app shows now, or a recovery code.")
    )


# Codes ----------------------------------------------------------------------------------


def normalize_code(code: str) -> str:
    """A code as typed, without the spaces and hyphens people add, in lower case."""
    return "".join(code.split()).replace("-", "").lower()


def _is_totp_code(code: str) -> bool:
    return len(code) == _TOTP_DIGITS and code.isascii() and code.isdigit()


def _matching_step(secret: str, code: str, *, after: int | None) -> int | None:
    """The time step whose code ``code`` is, newest first, within the window; a step at or
    before ``after`` (the last one used) never matches, so no code is accepted twice."""
    totp = pyotp.TOTP(secret)
    current = totp.timecode(time.time())
    for step in range(current + VALID_WINDOW, current - VALID_WINDOW - 1, -1):
        if after is not None and step <= after:
            break
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _new_recovery_code() -> str:
    characters = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
    return f"{characters[:5]}-{characters[5:]}"


def do_audit_in_every_store(user: User, action: str, **details: Any) -> None:
    """A member's sign-in security is theirs, not one store's: each store they work in
    records the change in its own log."""
    for membership in list_memberships(user):
        do_record_audit(
            store_id=membership.store_id,
            actor_user_id=user.pk,
            actor_label=user.email,
            action=action,
            target_type="user",
            target_id=user.pk,
            details=details,
        )


def _lock(user: User) -> None:
    """Serialises the changes of one member's two-factor settings (two tabs, a double
    submit): every one of them starts by locking the member's row."""
    User.objects.select_for_update().filter(pk=user.pk).first()


# Enrolment ------------------------------------------------------------------------------


@transaction.atomic
def do_begin_two_factor(user: User) -> TwoFactorDevice:
    """A new secret for ``user``'s authenticator app, unconfirmed until a code from it is
    entered; it replaces a setup that was never finished."""
    _lock(user)
    device = TwoFactorDevice.objects.filter(user=user).first()
    if device is not None and device.confirmed_at is not None:
        raise Conflict(_("Two-factor authentication is already on."))
    secret = pyotp.random_base32()
    if device is None:
        return TwoFactorDevice.objects.create(user=user, secret=secret)
    device.secret = secret
    device.last_used_step = None
    device.save(update_fields=["secret", "last_used_step"])
    return device


def check_confirm_two_factor(user: User, *, code: str, address: str) -> list[str]:
    """Turn two-factor on with a first code from the app; returns the recovery codes, which
    are shown this once and never again."""
    _refuse_while_throttled(user, address)
    normalized = normalize_code(code)
    with transaction.atomic():
        _lock(user)
        device = TwoFactorDevice.objects.filter(user=user).first()
        if device is None:
            raise ValidationFailed(_("Start setting up two-factor authentication first."))
        if device.confirmed_at is not None:
            raise Conflict(_("Two-factor authentication is already on."))
        step = (
            _matching_step(device.secret, normalized, after=None)
            if _is_totp_code(normalized)
            else None
        )
        if step is None:
            _count_failure(user, address)
            raise InvalidCode(
                _("That code is not right. Enter the 6-digit code your app shows now.")
            )
        return do_confirm_two_factor(device, step=step)


@transaction.atomic
def do_confirm_two_factor(device: TwoFactorDevice, *, step: int) -> list[str]:
    device.confirmed_at = now()
    device.last_used_step = step
    device.save(update_fields=["confirmed_at", "last_used_step"])
    codes = _replace_recovery_codes(device.user)
    do_audit_in_every_store(device.user, "two_factor.enabled")
    return codes


# Recovery codes -------------------------------------------------------------------------


def _replace_recovery_codes(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=hash_token_secret(normalize_code(code))) for code in codes
    )
    return codes


def check_regenerate_recovery_codes(user: User) -> list[str]:
    """New recovery codes for a member with two-factor on; the old ones stop working."""
    if not has_two_factor(user):
        raise ValidationFailed(_("Turn on two-factor authentication first."))
    return do_regenerate_recovery_codes(user)


@transaction.atomic
def do_regenerate_recovery_codes(user: User) -> list[str]:
    _lock(user)
    codes = _replace_recovery_codes(user)
    do_audit_in_every_store(user, "recovery_codes.regenerated")
    return codes


# Signing in -----------------------------------------------------------------------------


def _use_code(user: User, code: str) -> TwoFactorMethod | None:
    """Spend ``code``, a code from the app or an unused recovery code; None when it is
    neither. Each is spent by one conditional update, so two requests racing with the same
    code cannot both succeed."""
    normalized = normalize_code(code)
    if not normalized or len(normalized) > _MAX_CODE_LENGTH:
        return None
    device = TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        return None
    if _is_totp_code(normalized):
        step = _matching_step(device.secret, normalized, after=device.last_used_step)
        if step is None:
            return None
        spent = (
            TwoFactorDevice.objects.filter(pk=device.pk)
            .exclude(last_used_step__gte=step)
            .update(last_used_step=step)
        )
        return TwoFactorMethod.AUTHENTICATOR if spent else None
    spent = RecoveryCode.objects.filter(
        user=user, code_hash=hash_token_secret(normalized), used_at__isnull=True
    ).update(used_at=now())
    if not spent:
        return None
    left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
    do_audit_in_every_store(user, "recovery_code.used", remaining=left)
    return TwoFactorMethod.RECOVERY_CODE


def check_sign_in_code(user: User, *, code: str, address: str) -> TwoFactorMethod:
    """The second step of signing in: a code from the app (once only) or a recovery code
    (which is then used up)."""
    _refuse_while_throttled(user, address)
    with transaction.atomic():
        method = _use_code(user, code)
    if method is None:
        _count_failure(user, address)
        raise _wrong_code()
    return method


# Turning it off -------------------------------------------------------------------------


def check_disable_two_factor(
    user: User, *, code: str = "", password: str = "", address: str
) -> None:
    """Turn two-factor off, proven with a current code (or a recovery code) or the password;
    refused while a store the member works in requires it."""
    requiring = list_stores_requiring_two_factor(user)
    if requiring:
        raise PermissionDenied(
            _(
                "%(store)s requires two-factor authentication for everyone, so it stays on "
                "while you work there."
            )
            % {"store": requiring[0].name}
        )
    if not has_two_factor(user):
        raise Conflict(_("Two-factor authentication is already off."))
    if not code and not password:
        raise ValidationFailed(
            _("Enter a code from your authenticator app, a recovery code, or your password.")
        )
    _refuse_while_throttled(user, address)
    with transaction.atomic():
        _lock(user)
        proven = _use_code(user, code) is not None if code else user.check_password(password)
        if proven:
            do_disable_two_factor(user)
    if not proven:
        _count_failure(user, address)
        if code:
            raise _wrong_code()
        raise InvalidCode(_("That password is not right."))


@transaction.atomic
def do_disable_two_factor(user: User) -> None:
    _lock(user)
    deleted, _by_model = TwoFactorDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    if deleted:
        do_audit_in_every_store(user, "two_factor.disabled")


# A store's requirement ------------------------------------------------------------------


def check_set_store_two_factor_required(actor: Actor, *, required: bool) -> Store:
    """Require (or stop requiring) two-factor of every member of the actor's store. Owners
    only, and an owner turning it on must use it already, or the next page would lock them
    out of the store they just changed."""
    if actor.role != Role.OWNER or actor.user is None:
        raise PermissionDenied(
            _("Only an owner can decide whether the store requires two-factor authentication.")
        )
    if required and not has_two_factor(actor.user):
        raise ValidationFailed(
            _("Turn on two-factor authentication for yourself before requiring it of everyone.")
        )
    return do_set_store_two_factor_required(actor, required=required)


@transaction.atomic
def do_set_store_two_factor_required(actor: Actor, *, required: bool) -> Store:
    store = Store.objects.select_for_update().get(pk=actor.store.pk)
    if store.require_two_factor != required:
        store.require_two_factor = required
        store.save(update_fields=["require_two_factor"])
        actor.audit("store.two_factor_required", "store", store.pk, required=required)
    return store
