from datetime import date, datetime
from typing import TypedDict

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import Conflict, ValidationFailed
from storedesk.core.events import publish_event
from storedesk.core.models import Store
from storedesk.core.tenancy import check_in_store
from storedesk.core.text import search_key
from storedesk.core.validation import check_country, check_language, check_timezone, normalize_phone
from storedesk.customers.events import CustomerEvent
from storedesk.customers.models import (
    ConsentChannel,
    ConsentSource,
    Customer,
    CustomerIdentity,
    IdentityKind,
    MarketingConsent,
    Tag,
)
from storedesk.customers.selectors import (
    customer_search_key,
    find_customer,
    find_customer_by_identity,
    normalize_identity,
)


class CustomerFields(TypedDict, total=False):
    """The writable fields of a customer; absent keys are left as they are."""

    external_id: str | None
    first_name: str
    last_name: str
    email: str | None
    phone: str
    language: str
    timezone: str
    country: str
    birthday: date | None
    notes: str
    tags: list[str]


def check_upsert_customer(actor: Actor, fields: CustomerFields) -> tuple[Customer, bool]:
    """Create a customer, or update the one with the same external id.

    Returns (customer, created).
    """
    actor.require(Permission.EDIT_CUSTOMERS)
    external_id = fields.get("external_id")
    existing = find_customer(actor.store, external_id=external_id) if external_id else None
    if existing is not None:
        return check_update_customer(actor, existing, fields), False
    return do_create_customer(actor, fields), True


def check_update_customer(actor: Actor, customer: Customer, fields: CustomerFields) -> Customer:
    actor.require(Permission.EDIT_CUSTOMERS)
    check_in_store(actor, customer)
    return do_update_customer(actor, customer, fields)


@transaction.atomic
def do_create_customer(actor: Actor, fields: CustomerFields) -> Customer:
    store = actor.store
    customer = Customer(store=store, language=store.default_language, timezone=store.timezone)
    _apply_fields(store, customer, fields)
    _save(customer)
    if "tags" in fields:
        _set_tags(store, customer, fields["tags"])
    actor.audit("customer.created", "customer", customer.pk, fields=sorted(fields))
    publish_event(CustomerEvent(op="created", store_id=store.pk, customer_id=customer.pk))
    return customer


@transaction.atomic
def do_update_customer(actor: Actor, customer: Customer, fields: CustomerFields) -> Customer:
    _apply_fields(actor.store, customer, fields)
    _save(customer)
    if "tags" in fields:
        _set_tags(actor.store, customer, fields["tags"])
    actor.audit("customer.updated", "customer", customer.pk, fields=sorted(fields))
    publish_event(CustomerEvent(op="updated", store_id=actor.store.pk, customer_id=customer.pk))
    return customer


def check_record_consent(
    actor: Actor,
    customer: Customer,
    *,
    channel: ConsentChannel,
    granted: bool,
    source: ConsentSource,
    wording: str = "",
) -> MarketingConsent:
    actor.require(Permission.EDIT_CUSTOMERS)
    check_in_store(actor, customer)
    return do_record_consent(
        actor, customer, channel=channel, granted=granted, source=source, wording=wording
    )


@transaction.atomic
def do_record_consent(
    actor: Actor,
    customer: Customer,
    *,
    channel: ConsentChannel,
    granted: bool,
    source: ConsentSource,
    wording: str = "",
    recorded_at: datetime | None = None,
) -> MarketingConsent:
    consent = MarketingConsent.objects.create(
        store=actor.store,
        customer=customer,
        channel=channel,
        granted=granted,
        source=source,
        wording=wording,
        recorded_at=recorded_at or timezone.now(),
    )
    actor.audit(
        "customer.consent_recorded", "customer", customer.pk, channel=channel, granted=granted
    )
    return consent


def _apply_fields(store: Store, customer: Customer, fields: CustomerFields) -> None:
    if fields.get("country"):
        check_country(fields["country"])
    if "language" in fields:
        check_language(fields["language"])
    if "timezone" in fields:
        check_timezone(fields["timezone"])
    for name in (
        "external_id",
        "first_name",
        "last_name",
        "language",
        "timezone",
        "country",
        "birthday",
        "notes",
    ):
        if name in fields:
            setattr(customer, name, fields[name])
    if "email" in fields:
        email = fields["email"]
        customer.email = email.strip().lower() if email else None
    if "phone" in fields:
        phone = fields["phone"]
        region = customer.country or store.country
        customer.phone = normalize_phone(phone, region=region) if phone else ""
    if customer.birthday is not None and customer.birthday > timezone.localdate():
        raise ValidationFailed(
            _("A birthday cannot be in the future."), details={"birthday": str(customer.birthday)}
        )
    customer.search_key = customer_search_key(customer)


def _save(customer: Customer) -> None:
    try:
        with transaction.atomic():
            customer.save()
    except IntegrityError as error:
        raise Conflict(
            _("Another customer of this store has the same email address or external id."),
            details={"email": customer.email, "external_id": customer.external_id},
        ) from error


def _set_tags(store: Store, customer: Customer, names: list[str]) -> None:
    tags = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        tag, _created = Tag.objects.get_or_create(
            store=store, key=search_key(name)[:60], defaults={"name": name}
        )
        tags.append(tag)
    customer.tags.set(tags)


def do_resolve_customer(
    store: Store,
    *,
    kind: IdentityKind,
    value: str,
    name: str = "",
    language: str = "",
    verified: bool = False,
) -> tuple[Customer, bool]:
    """The customer behind an address or handle, created when nobody has it yet.

    Returns (customer, created). A customer found through their email or phone field gets
    the identity recorded, so the next lookup is one indexed query.
    """
    value = normalize_identity(store, kind, value)
    customer = find_customer_by_identity(store, kind=kind, value=value)
    if customer is not None:
        if verified:
            CustomerIdentity.objects.filter(store=store, kind=kind, value=value).update(
                verified=True
            )
        return customer, False
    with transaction.atomic():
        customer = _customer_with_field(store, kind, value)
        created = customer is None
        if customer is None:
            customer = _create_contact(store, kind=kind, value=value, name=name, language=language)
        try:
            with transaction.atomic():
                CustomerIdentity.objects.create(
                    store=store, customer=customer, kind=kind, value=value, verified=verified
                )
        except IntegrityError:
            # Another request recorded the same identity a moment ago: theirs wins.
            if created:
                customer.delete()
            found = find_customer_by_identity(store, kind=kind, value=value)
            assert found is not None
            return found, False
    if created:
        publish_event(CustomerEvent(op="created", store_id=store.pk, customer_id=customer.pk))
    return customer, created


def do_add_identity(
    customer: Customer, *, kind: IdentityKind, value: str, verified: bool = False
) -> CustomerIdentity:
    """Record another address of ``customer``; one that belongs to someone else is a Conflict."""
    store = customer.store
    value = normalize_identity(store, kind, value)
    identity = CustomerIdentity.objects.filter(store=store, kind=kind, value=value).first()
    if identity is not None:
        if identity.customer_id != customer.pk:
            raise Conflict(_("That address belongs to another customer."), details={"kind": kind})
        return identity
    try:
        with transaction.atomic():
            return CustomerIdentity.objects.create(
                store=store, customer=customer, kind=kind, value=value, verified=verified
            )
    except IntegrityError as error:
        raise Conflict(_("That address belongs to another customer.")) from error


@transaction.atomic
def do_absorb_customer(actor: Actor, *, source: Customer, target: Customer) -> Customer:
    """Move everything the customers context holds about ``source`` onto ``target`` and
    delete ``source``. Callers move other contexts' records (orders, conversations) first."""
    if source.store_id != target.store_id or source.pk == target.pk:
        raise ValidationFailed(_("Only two different customers of one store can be merged."))
    CustomerIdentity.objects.filter(customer=source).update(customer=target)
    MarketingConsent.objects.filter(customer=source).update(customer=target)
    target.tags.add(*source.tags.all())
    fields: CustomerFields = {}
    for name in ("first_name", "last_name", "phone", "country", "birthday"):
        if not getattr(target, name) and getattr(source, name):
            fields[name] = getattr(source, name)
    if source.notes:
        fields["notes"] = "\n\n".join(n for n in (target.notes, source.notes) if n)
    source_id, source_email = source.pk, source.email
    source.delete()
    if not target.email and source_email:
        fields["email"] = source_email
    _apply_fields(actor.store, target, fields)
    _save(target)
    actor.audit(
        "customer.merged",
        "customer",
        target.pk,
        merged_customer_id=source_id,
        fields=sorted(fields),
    )
    publish_event(CustomerEvent(op="updated", store_id=target.store_id, customer_id=target.pk))
    return target


def _customer_with_field(store: Store, kind: IdentityKind, value: str) -> Customer | None:
    if kind == IdentityKind.EMAIL:
        return Customer.objects.filter(store=store, email=value).first()
    if kind == IdentityKind.PHONE:
        return Customer.objects.filter(store=store, phone=value).order_by("id").first()
    return None


def _create_contact(
    store: Store, *, kind: IdentityKind, value: str, name: str, language: str
) -> Customer:
    first_name, _space, last_name = name.strip().partition(" ")
    customer = Customer(
        store=store,
        first_name=first_name[:120],
        last_name=last_name.strip()[:120],
        language=language or store.default_language,
        timezone=store.timezone,
    )
    if kind == IdentityKind.EMAIL:
        customer.email = value
    elif kind == IdentityKind.PHONE:
        customer.phone = value
    customer.search_key = customer_search_key(customer)
    customer.save()
    return customer
