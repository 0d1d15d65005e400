import re
from dataclasses import dataclass

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
    contact = parse_contact(actor.store, search)
    if contact is not None:
        # An address is looked up exactly, on an index: a substring search for it reads
        # every customer of the store.
        customers = customers.filter(pk__in=find_customer_ids_by_contact(actor.store, contact))
    elif search:
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


# Characters a phone number may be typed with besides its digits.
_PHONE_TEXT = re.compile(r"\+?[\d\s().\-/]+")
_MIN_PHONE_DIGITS = 7


@dataclass(frozen=True, slots=True)
class Contact:
    """An email address or phone number typed as a whole search, in its stored form."""

    kind: IdentityKind
    value: str


def parse_contact(store: Store, text: str) -> Contact | None:
    """The email address or phone number ``text`` is, if it is one, else None."""
    text = text.strip()
    kind: IdentityKind | None = None
    if "@" in text and not any(char.isspace() for char in text):
        kind = IdentityKind.EMAIL
    elif _PHONE_TEXT.fullmatch(text) and sum(char.isdigit() for char in text) >= _MIN_PHONE_DIGITS:
        kind = IdentityKind.PHONE
    if kind is None:
        return None
    try:
        return Contact(kind=kind, value=normalize_identity(store, kind, text))
    except ValidationFailed:
        return None


def find_customer_ids_by_contact(store: Store, contact: Contact) -> list[int]:
    """The customers with this address, on their record or as one of their identities: two
    exact lookups on unique indexes, in one query."""
    if contact.kind == IdentityKind.EMAIL:
        on_record = Customer.objects.filter(store=store, email=contact.value)
    else:
        on_record = Customer.objects.filter(store=store, phone=contact.value)
    identities = CustomerIdentity.objects.filter(
        store=store, kind=contact.kind, value=contact.value
    ).values_list("customer_id", flat=True)
    return sorted(set(on_record.values_list("pk", flat=True).union(identities)))
