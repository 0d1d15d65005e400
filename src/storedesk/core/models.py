from zoneinfo import ZoneInfo

from django.db import models

from storedesk.core.money import CURRENCY_MAX_LENGTH


class Store(models.Model):
    """The tenant: every row of store data belongs to exactly one store."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60, unique=True)
    default_currency = models.CharField(max_length=CURRENCY_MAX_LENGTH)
    languages = models.JSONField(default=list)
    default_language = models.CharField(max_length=8)
    timezone = models.CharField(max_length=64, default="UTC")
    country = models.CharField(max_length=2)
    # Every member must sign in with a second factor (an authenticator app's code).
    require_two_factor = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class StoreScopedModel(models.Model):
    """Base for every model that holds one store's data."""

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


def unique_external_id(*scope: str, name: str) -> models.UniqueConstraint:
    """``external_id`` (an outside platform's id) is unique within ``scope``; rows created
    here have none, and any number of them may."""
    return models.UniqueConstraint(
        fields=[*scope, "external_id"], condition=models.Q(external_id__isnull=False), name=name
    )


class AuditLogEntry(StoreScopedModel):
    """Who did what to which record of customer data, and when. Append-only."""

    actor_user = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=80)
    target_type = models.CharField(max_length=60)
    target_id = models.CharField(max_length=64)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["store", "target_type", "target_id"]),
            # The audit log viewer: newest first, for the whole store or one person.
            models.Index(fields=["store", "-created_at", "-id"]),
            models.Index(fields=["store", "actor_user", "-created_at", "-id"]),
        ]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.actor_label} {self.action} {self.target_type}:{self.target_id}"


class ScheduledJobRun(models.Model):
    """When a periodic job last ran, across every worker (see core.scheduler)."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
