from django.db.models import QuerySet

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.text import search_key
from storedesk.core.validation import normalize_phone
from storedesk.customers.models import (
    Customer,
    CustomerIdentity,
    IdentityKind,
    MarketingConsent,
    Tag,
)


def access_customer(actor: Actor, customer_id: int) -> Customer:
    """The actor's store's customer with this id; another store's id is simply not found."""
    actor.require(Permission.VIEW_CUSTOMERS)
    customer = (
        Customer.objects.filter(store=actor.store, pk=customer_id).prefetch_related("tags").first()
    )
    if customer is None:
        raise NotFound("No such customer.", details={"customer_id": customer_id})
    return customer


def find_customer(
    store: Store, *, external_id: str | None = None, email: str | None = None
) -> Customer | None:
    if external_id is not None:
        return Customer.objects.filter(store=store, external_id=external_id).first()
    if email is not None:
        return Customer.objects.filter(store=store, email=email.lower()).first()
    return None


def list_customers(
    actor: Actor,
    *,
    search: str = "",
    tag: str = "",
    language: str = "",
    country: str = "",
) -> QuerySet[Customer]:
    actor.require(Permission.VIEW_CUSTOMERS)
    customers = Customer.objects.filter(store=actor.store)
    if search:
        for word in search_key(search).split():
            customers = customers.filter(search_key__contains=word)
    if tag:
        customers = customers.filter(tags__store=actor.store, tags__key=search_key(tag))
    if language:
        customers = customers.filter(language=language)
    if country:
        customers = customers.filter(country=country.upper())
    return customers.prefetch_related("tags").order_by("-created_at", "-id")


def list_tags(actor: Actor) -> QuerySet[Tag]:
    actor.require(Permission.VIEW_CUSTOMERS)
    return Tag.objects.filter(store=actor.store)


def get_current_consents(customer: Customer) -> dict[str, MarketingConsent]:
    """The customer's latest consent record per channel."""
    current: dict[str, MarketingConsent] = {}
    for consent in customer.consents.all():
        current.setdefault(consent.channel, consent)
    return current


def customer_search_key(customer: Customer) -> str:
    parts = [customer.first_name, customer.last_name, customer.email or "", customer.phone]
    return search_key(" ".join(p for p in parts if p))[:500]


def list_customer_countries(actor: Actor) -> list[str]:
    actor.require(Permission.VIEW_CUSTOMERS)
    return list(
        Customer.objects.filter(store=actor.store)
        .exclude(country="")
        .values_list("country", flat=True)
        .distinct()
        .order_by("country")
    )


def list_customer_languages(actor: Actor) -> list[str]:
    actor.require(Permission.VIEW_CUSTOMERS)
    return list(
        Customer.objects.filter(store=actor.store)
        .exclude(language="")
        .values_list("language", flat=True)
        .distinct()
        .order_by("language")
    )


def normalize_identity(store: Store, kind: IdentityKind, value: str) -> str:
    """The stored form of an address: emails lower-cased, phones in E.164, handles trimmed."""
    value = value.strip()
    if kind == IdentityKind.EMAIL:
        value = value.lower()
        local, _, domain = value.rpartition("@")
        if not local or "." not in domain or any(c.isspace() for c in value):
            raise ValidationFailed(f"{value!r} is not an email address.")
    elif kind == IdentityKind.PHONE:
        value = normalize_phone(value, region=store.country or None)
    if not value or len(value) > 254:
        raise ValidationFailed("An address must have 1 to 254 characters.", details={"kind": kind})
    return value


def find_customer_by_identity(store: Store, *, kind: IdentityKind, value: str) -> Customer | None:
    """The customer with this (already normalised) identity, or None."""
    identity = (
        CustomerIdentity.objects.filter(store=store, kind=kind, value=value)
        .select_related("customer")
        .first()
    )
    return identity.customer if identity is not None else None
