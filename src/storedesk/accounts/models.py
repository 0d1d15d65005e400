from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils.timezone import now

from storedesk.accounts.permissions import Role
from storedesk.core.models import StoreScopedModel
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, CURRENCY_MAX_LENGTH


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        return self.create_user(email, password, is_staff=True, is_superuser=True, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff. Logs in with an email address; belongs to stores by Membership."""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=8, default="en")
    timezone = models.CharField(max_length=64, default="UTC")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    def __str__(self) -> str:
        return self.name or self.email


class Membership(StoreScopedModel):
    """A user's role in one store."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=[(r.value, r.value) for r in Role])
    created_at = models.DateTimeField(auto_now_add=True)
    # A deactivated member can no longer sign in to the store; their history stays theirs.
    deactivated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "user"], name="membership_store_user_unique")
        ]


class Team(StoreScopedModel):
    """A group of agents with its own time zone and working hours.

    ``working_hours`` maps ISO weekday numbers ("1" = Monday) to a list of
    ``["HH:MM", "HH:MM"]`` intervals in the team's time zone. ``holidays`` lists the days
    off, ``[{"date": "YYYY-MM-DD", "name": "..."}]``, on which the team does not work.
    """

    name = models.CharField(max_length=120)
    timezone = models.CharField(max_length=64)
    working_hours = models.JSONField(default=dict)
    holidays = models.JSONField(default=list, blank=True)
    members = models.ManyToManyField(User, related_name="teams", blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["store", "name"], name="team_name_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RoleAuthority(StoreScopedModel):
    """What a role may grant without approval: the largest refund, discount, gift card."""

    role = models.CharField(max_length=16, choices=[(r.value, r.value) for r in Role])
    currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)
    max_refund = models.DecimalField(
        max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES
    )
    max_discount_percent = models.DecimalField(max_digits=5, decimal_places=2)
    max_gift_card = models.DecimalField(
        max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "role"], name="role_authority_unique"),
            models.CheckConstraint(
                condition=models.Q(max_refund__gte=0)
                & models.Q(max_gift_card__gte=0)
                & models.Q(max_discount_percent__gte=0)
                & models.Q(max_discount_percent__lte=100),
                name="role_authority_non_negative",
            ),
        ]


class ApiToken(StoreScopedModel):
    """A store's credential for an integration. Only a hash of the secret is kept."""

    name = models.CharField(max_length=120)
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Invitation(StoreScopedModel):
    """An invitation for someone to join a store's staff with a role.

    Only a hash of the link's token is kept; the link works until ``expires_at``, once.
    """

    email = models.EmailField()
    role = models.CharField(max_length=16, choices=[(r.value, r.value) for r in Role])
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_pending_unique",
            )
        ]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email} ({self.role})"


class TwoFactorDevice(models.Model):
    """A staff member's authenticator app (TOTP, RFC 6238). Confirmed once a code from it
    has been entered; until then it does not guard the sign-in."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor")
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The time step of the last code accepted: a code is good once, never replayed.
    last_used_step = models.BigIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"TOTP for {self.user}"


class RecoveryCode(models.Model):
    """A one-time code for signing in without the authenticator app; only its hash is kept."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recovery code of {self.user_id}"


class SetupToken(models.Model):
    """The one-time token that lets whoever started the server create the first store.

    Written (hashed) when the server starts with no store yet, and printed to its log.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"setup token of {self.created_at:%Y-%m-%d %H:%M}"
