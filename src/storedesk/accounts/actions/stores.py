"""Creating stores: the first one on the first-run page (guarded by the setup token the server
prints), further ones by an owner, and any from the command line; each starts with its owner,
one team at work on weekdays and conservative authority limits, and nothing else switched on.
"""

import re
import secrets
from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.teams import do_create_team, do_set_role_authority
from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import SetupToken, Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.accounts.selectors import hash_token_secret
from storedesk.accounts.selectors.stores import (
    any_store_exists,
    can_create_store,
)
from storedesk.core.actions import do_create_store as do_insert_store
from storedesk.core.errors import (
    Conflict,
    FieldError,
    FieldsInvalid,
    PermissionDenied,
    StoredeskError,
)
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimit, RateLimited, hit, peek
from storedesk.core.text import search_key
from storedesk.core.validation import check_country, check_currency, check_timezone

MAX_NAME_LENGTH = 200
MAX_SLUG_LENGTH = 60
MAX_EMAIL_LENGTH = 254
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A new store's team works Monday to Friday, 09:00 to 18:00 in the store's time zone.
DEFAULT_WORKING_HOURS = {str(day): [["09:00", "18:00"]] for day in range(1, 6)}
# What each role may grant without approval, in the store's currency (refund, discount %,
# gift card). Conservative: an agent asks for every refund, discount and gift card until an
# owner or admin raises the limit in Settings; an admin may settle everyday cases; the owner
# is the merchant and has no practical limit. Viewers grant nothing and need no row.
DEFAULT_AUTHORITY = {
    Role.AGENT: (Decimal(0), Decimal(0), Decimal(0)),
    Role.ADMIN: (Decimal(1000), Decimal(50), Decimal(250)),
    Role.OWNER: (Decimal(1_000_000), Decimal(100), Decimal(1_000_000)),
}
# Wrong setup tokens one address may send in a window before it must wait. The token is
# 32 random bytes, so this is not what makes guessing hopeless; it keeps the page from
# being hammered.
SETUP_TOKEN_FAILURES_PER_ADDRESS = 10


class StoreDetailsInvalid(FieldsInvalid):
    """Some of a new store's details (or its owner's) are not valid; nothing was written."""

    @property
    def only_slug_taken(self) -> bool:
        """The one problem is that another store has the slug: a script that creates its
        store on every start can tell "done already" from a mistake."""
        return [(error.field, error.type) for error in self.errors] == [("slug", "taken")]


@dataclass(frozen=True, slots=True)
class StoreDetails:
    """What a new store is, as typed on the first-run page, the new-store page or the
    command line; ``do_create_store`` checks every field."""

    name: str
    slug: str
    default_language: str
    languages: tuple[str, ...]
    currency: str
    timezone: str
    country: str


@dataclass(frozen=True, slots=True)
class NewOwner:
    """The owner of a new store, named by email. Someone new gets an account; without a
    ``password`` it stays unusable until they choose one through a one-time link."""

    email: str
    name: str = ""
    password: str | None = None


@dataclass(frozen=True, slots=True)
class CreatedStore:
    store: Store
    owner: User
    team: Team
    owner_is_new: bool

    @property
    def owner_needs_password(self) -> bool:
        return not self.owner.has_usable_password()


# Setup token -----------------------------------------------------------------------------


def do_issue_setup_token() -> str:
    """A fresh one-time token for the first-run page; only its hash is kept, and the tokens
    issued before it that were never used stop working. Returns the raw token."""
    # No underscores: the log's redaction takes "sd_…_…" for an API token.
    raw = secrets.token_urlsafe(32).replace("_", "-")
    with transaction.atomic():
        SetupToken.objects.filter(used_at__isnull=True).delete()
        SetupToken.objects.create(token_hash=hash_token_secret(raw))
    return raw


def setup_link(raw_token: str) -> str:
    """The first-run page's address with the token, for the server's log.

    The token rides in the fragment, which browsers never send: it stays out of access logs
    and Referer headers, and the log's redaction of ``?token=`` leaves it whole. The page
    moves it into its form.
    """
    return f"{settings.STOREDESK_URL}{reverse('setup')}#token={raw_token}"


def setup_token_failure_limit() -> RateLimit:
    return RateLimit(
        "setup-token-failures",
        limit=SETUP_TOKEN_FAILURES_PER_ADDRESS,
        window=settings.THROTTLE_WINDOW_SECONDS,
    )


def _setup_token_error() -> StoreDetailsInvalid:
    return StoreDetailsInvalid(
        [
            FieldError(
                "token",
                _(
                    "This setup token is not valid. Use the link the server printed when it "
                    "started (the newest one, if it started more than once)."
                ),
            )
        ]
    )


# Creating stores -------------------------------------------------------------------------


def check_create_first_store(
    *, token: str, details: StoreDetails, owner: NewOwner, client_address: str
) -> CreatedStore:
    """The first-run page: create the install's first store and its owner, once, for whoever
    holds the setup token the server printed."""
    rule = setup_token_failure_limit()
    verdict = peek(rule, client_address)
    if not verdict.allowed:
        # Refused before the token is even looked at, so a right guess reads the same.
        raise RateLimited(
            _("Too many wrong setup tokens from your network; try again later."),
            retry_after=verdict.retry_after,
        )
    token_hash = hash_token_secret(token.strip())
    # Nothing else of the form is looked at without the token: an owner's password check
    # must not answer people who do not have it.
    if not SetupToken.objects.filter(token_hash=token_hash, used_at__isnull=True).exists():
        hit(rule, client_address)
        raise _setup_token_error()
    with transaction.atomic():
        if any_store_exists():
            raise Conflict(_("This Storedesk has a store already: sign in instead."))
        # The token is spent by whichever of two simultaneous requests updates it first; a
        # failure below rolls this back and the token works again.
        if not SetupToken.objects.filter(token_hash=token_hash, used_at__isnull=True).update(
            used_at=timezone.now()
        ):
            raise _setup_token_error()
        return do_create_store(details, owner=owner, created_by_owner=True)


def check_create_store(user: User, details: StoreDetails) -> CreatedStore:
    """Another store for an owner of one (a merchant with a second shop); they own it."""
    if not can_create_store(user):
        raise PermissionDenied(_("Only the owner of a store can create another store."))
    return do_create_store(details, owner=user, created_by_owner=True)


def do_create_store(
    details: StoreDetails, *, owner: User | NewOwner, created_by_owner: bool = False
) -> CreatedStore:
    """Create a store with its owner (an account for them if the email is new), one team
    and the default authority limits, in one transaction; recorded in the store's audit log
    as done by the owner (``created_by_owner``) or by Storedesk (the command line).

    Raises ``StoreDetailsInvalid`` naming every field that is not valid; nothing is written.
    """
    details, errors = clean_store_details(details)
    if isinstance(owner, NewOwner):
        owner, owner_errors = clean_new_owner(owner)
        errors += owner_errors
    if errors:
        raise StoreDetailsInvalid(errors)
    with transaction.atomic():
        store = _insert_store(details)
        user, owner_is_new = _owner_account(owner, details)
        do_add_member(store, user=user, role=Role.OWNER)
        actor = (
            Actor(store=store, user=user, role=Role.OWNER, permissions=ROLE_PERMISSIONS[Role.OWNER])
            if created_by_owner
            else system_actor(store)
        )
        actor.audit(
            "store.created", "store", store.pk, name=store.name, slug=store.slug, owner=user.email
        )
        team = do_create_team(
            store,
            name=_default_team_name(details.default_language),
            timezone=details.timezone,
            working_hours=DEFAULT_WORKING_HOURS,
            members=[user],
            actor=actor,
        )
        for role, (refund, discount, gift_card) in DEFAULT_AUTHORITY.items():
            do_set_role_authority(
                store,
                role=role,
                currency=details.currency,
                max_refund=refund,
                max_discount_percent=discount,
                max_gift_card=gift_card,
                actor=actor,
            )
    return CreatedStore(store=store, owner=user, team=team, owner_is_new=owner_is_new)


def _insert_store(details: StoreDetails) -> Store:
    try:
        with transaction.atomic():
            return do_insert_store(
                name=details.name,
                slug=details.slug,
                default_currency=details.currency,
                languages=list(details.languages),
                default_language=details.default_language,
                timezone=details.timezone,
                country=details.country,
            )
    except (Conflict, IntegrityError) as error:
        # Another request took the slug since it was checked: the same answer as if it had
        # been taken before.
        raise StoreDetailsInvalid([_slug_taken(details.slug)]) from error


def _owner_account(owner: User | NewOwner, details: StoreDetails) -> tuple[User, bool]:
    if isinstance(owner, User):
        return owner, False
    existing = User.objects.filter(email__iexact=owner.email).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                owner.email,
                owner.password,
                name=owner.name,
                language=details.default_language,
                timezone=details.timezone,
            )
    except IntegrityError as error:
        raise StoreDetailsInvalid(
            [
                FieldError(
                    "owner_email",
                    _("An account with this email was created at the same moment; try again."),
                    type="taken",
                )
            ]
        ) from error
    return user, True


def _default_team_name(language: str) -> str:
    with translation.override(language):
        return pgettext("the team a new store starts with", "Support")


# Checking what was typed -----------------------------------------------------------------


def clean_store_details(details: StoreDetails) -> tuple[StoreDetails, list[FieldError]]:
    """The details as they will be stored (trimmed, codes in their usual case, the default
    language first among the languages) and a problem for each field that is not valid."""
    errors: list[FieldError] = []
    name = " ".join(details.name.split())
    slug = details.slug.strip().lower()
    default_language = details.default_language.strip().lower()
    languages = tuple(
        dict.fromkeys(
            code
            for code in (default_language, *(c.strip().lower() for c in details.languages))
            if code
        )
    )
    cleaned = replace(
        details,
        name=name,
        slug=slug,
        default_language=default_language,
        languages=languages,
        currency=details.currency.strip().upper(),
        timezone=details.timezone.strip(),
        country=details.country.strip().upper(),
    )
    if not name:
        errors.append(FieldError("name", _("Give the store a name."), type="missing"))
    elif len(name) > MAX_NAME_LENGTH:
        errors.append(
            FieldError(
                "name",
                _("A store's name may have at most %(limit)s characters.")
                % {"limit": MAX_NAME_LENGTH},
            )
        )
    errors += _slug_errors(slug, typed=details.slug.strip(), name=name)
    errors += _language_errors(default_language, languages)
    for field, check, missing in (
        ("currency", check_currency, _("Choose the store's currency, such as TRY or EUR.")),
        ("timezone", check_timezone, _("Choose the store's time zone, such as Europe/Istanbul.")),
        ("country", check_country, _("Choose the store's country.")),
    ):
        value = getattr(cleaned, field)
        if not value:
            errors.append(FieldError(field, missing, type="missing"))
            continue
        try:
            check(value)
        except StoredeskError as error:
            errors.append(FieldError(field, error.message))
    return cleaned, errors


def _slug_errors(slug: str, *, typed: str, name: str) -> list[FieldError]:
    if not slug:
        return [
            FieldError(
                "slug",
                _("Give the store an address, such as “%(example)s”.")
                % {"example": suggest_slug(name)},
                type="missing",
            )
        ]
    if not _SLUG.match(slug) or len(slug) > MAX_SLUG_LENGTH:
        return [
            FieldError(
                "slug",
                _(
                    "“%(slug)s” cannot be a store's address: use up to %(limit)s lower-case "
                    "letters a–z, digits and single hyphens, such as “%(example)s”."
                )
                % {"slug": typed, "limit": MAX_SLUG_LENGTH, "example": suggest_slug(name or typed)},
            )
        ]
    if Store.objects.filter(slug=slug).exists():
        return [_slug_taken(slug)]
    return []


def _slug_taken(slug: str) -> FieldError:
    return FieldError(
        "slug",
        _("Another store has the address “%(slug)s”; choose another.") % {"slug": slug},
        type="taken",
    )


def suggest_slug(name: str) -> str:
    """A valid address made from a store's name: "Kargo Dükkanı" gives "kargo-dukkani"."""
    # search_key spells every letter in ASCII (ı is i, ł is l), which slugify alone drops.
    slug = slugify(search_key(name))[:MAX_SLUG_LENGTH].strip("-")
    return re.sub(r"[-_]+", "-", slug) or "my-store"


def _language_errors(default_language: str, languages: tuple[str, ...]) -> list[FieldError]:
    offered = dict(settings.LANGUAGES)
    choices = ", ".join(offered)
    if not default_language:
        return [
            FieldError(
                "default_language", _("Choose the store's default language."), type="missing"
            )
        ]
    errors = []
    for code in languages:
        if code not in offered:
            field = "default_language" if code == default_language else "languages"
            errors.append(
                FieldError(
                    field,
                    _("“%(code)s” is not a language Storedesk speaks; choose from %(choices)s.")
                    % {"code": code, "choices": choices},
                )
            )
    return errors


def clean_new_owner(owner: NewOwner) -> tuple[User | NewOwner, list[FieldError]]:
    """The account that will own the store (an existing one, or the details of a new one)
    and a problem for each field that is not valid.

    With a password, as on the first-run page, an existing account's email takes that
    account's password; a new account's password must pass the password rules.
    """
    email = owner.email.strip().lower()
    name = " ".join(owner.name.split())
    errors: list[FieldError] = []
    if len(email) > MAX_EMAIL_LENGTH or not _is_email(email):
        errors.append(
            FieldError(
                "owner_email", _("Enter the owner's email address, such as ada@example.com.")
            )
        )
    if len(name) > MAX_NAME_LENGTH:
        errors.append(
            FieldError(
                "owner_name",
                _("A name may have at most %(limit)s characters.") % {"limit": MAX_NAME_LENGTH},
            )
        )
    if errors:
        return owner, errors
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        if not existing.is_active:
            errors.append(
                FieldError("owner_email", _("The account with this email is switched off."))
            )
        elif owner.password is not None and not existing.check_password(owner.password):
            errors.append(
                FieldError(
                    "owner_password",
                    _(
                        "An account with this email exists already: enter its password to make "
                        "it the store's owner."
                    ),
                )
            )
        return existing, errors
    if owner.password is not None:
        try:
            validate_password(owner.password, User(email=email, name=name))
        except ValidationError as error:
            errors.append(FieldError("owner_password", " ".join(error.messages)))
    return NewOwner(email=email, name=name, password=owner.password), errors


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True
