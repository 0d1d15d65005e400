"""Every write to store policies.

Return and shipping rules are edited as a draft version, a copy of the latest published
one, and then published with an ``effective_from``. Published versions are never changed:
orders are judged by the version in force when they were placed. Both kinds of version go
through the same workflow here; what differs (their rules, their children) is named in a
``_Versions`` each.

Input is validated through the specs of ``policies/specs.py``, which the API and the editor
share: an action takes a spec (or a plain mapping it reads through the spec), checks the
spec's rules against the store, and saves nothing unless every rule holds.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import Conflict
from storedesk.core.events import publish_event
from storedesk.core.models import Store
from storedesk.core.tenancy import check_in_store
from storedesk.policies.errors import FieldError, PolicyValidationFailed, VersionPublished
from storedesk.policies.events import PolicyEvent
from storedesk.policies.models import (
    ProsePolicy,
    ProsePolicyTranslation,
    ReturnPolicyVersion,
    ReturnRule,
    ShippingMethod,
    ShippingPolicyVersion,
    ShippingZone,
    VersionStatus,
)
from storedesk.policies.selectors import (
    get_category_ids,
    get_latest_published_return_version,
    get_latest_published_shipping_version,
    get_return_draft,
    get_return_version,
    get_shipping_draft,
    get_shipping_version,
    prose_address_taken,
)
from storedesk.policies.specs import (
    ProsePolicySpec,
    ReturnPolicySpec,
    ReturnRuleSpec,
    ShippingPolicySpec,
    check,
    parse,
)

DEFAULT_CUTOFF = time(14, 0)
DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5]
# Clocks of the editor and the server differ a little; "now" may arrive slightly late.
_GRACE = timedelta(minutes=5)

type ReturnInput = ReturnPolicySpec | Mapping[str, object]
type ShippingInput = ShippingPolicySpec | Mapping[str, object]
type ProseInput = ProsePolicySpec | Mapping[str, object]


# --- The version workflow, shared by return and shipping rules -------------------------


@dataclass(frozen=True, slots=True)
class _Versions[V: (ReturnPolicyVersion, ShippingPolicyVersion)]:
    """What the return and the shipping rules' versions differ in."""

    model: type[V]
    kind: Literal["returns", "shipping"]
    audit_name: str
    get_draft: Callable[[Store], V | None]
    get_latest_published: Callable[[Store], V | None]
    get_version: Callable[[Store, int], V]
    # A new draft numbered ``number``, a copy of ``source`` (the latest published) if any.
    create_draft: Callable[[Actor, int, V | None], V]


def _ensure_draft(version: ReturnPolicyVersion | ShippingPolicyVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise VersionPublished(
            _("A published version cannot be changed; edit a new draft instead."),
            details={"number": version.number},
        )


def _start_draft[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    actor: Actor, versions: _Versions[V]
) -> V:
    existing = versions.get_draft(actor.store)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            source = versions.get_latest_published(actor.store)
            latest = versions.model.objects.filter(store=actor.store).aggregate(n=Max("number"))
            draft = versions.create_draft(actor, (latest["n"] or 0) + 1, source)
    except IntegrityError:
        # Someone else started the draft at the same moment: theirs is the draft.
        existing = versions.get_draft(actor.store)
        if existing is None:
            raise Conflict(_("The policy changed meanwhile; try again.")) from None
        return existing
    return versions.get_version(actor.store, draft.number)


def _lock_draft[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    actor: Actor, versions: _Versions[V], version: V
) -> V:
    locked = versions.model.objects.select_for_update().get(pk=version.pk, store=actor.store)
    _ensure_draft(locked)
    return locked


def _effective_from[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    actor: Actor,
    versions: _Versions[V],
    effective_from: datetime | None,
    problems: list[FieldError],
) -> datetime:
    """When the draft takes effect (default now), or every problem of publishing it."""
    now = timezone.now()
    effective_from = effective_from or now
    latest = (
        versions.model.objects.filter(store=actor.store, status=VersionStatus.PUBLISHED)
        .order_by("-effective_from")
        .values_list("effective_from", flat=True)
        .first()
    )
    if timezone.is_naive(effective_from):
        problems.insert(0, FieldError("effective_from", _("Give a time with its time zone.")))
    # Backdating would change what past orders were promised.
    elif effective_from < now - _GRACE:
        problems.insert(
            0, FieldError("effective_from", _("A version cannot take effect in the past."))
        )
    elif latest is not None and effective_from <= latest:
        problems.insert(
            0,
            FieldError(
                "effective_from",
                _("A version must take effect after the latest published one (%(moment)s).")
                % {"moment": latest.isoformat()},
            ),
        )
    check(problems)
    return effective_from


@transaction.atomic
def _publish[V: (ReturnPolicyVersion, ShippingPolicyVersion)](
    actor: Actor, versions: _Versions[V], version: V, effective_from: datetime
) -> V:
    """Freeze the draft ``version``, in force from ``effective_from``."""
    locked = _lock_draft(actor, versions, version)
    locked.status = VersionStatus.PUBLISHED
    locked.effective_from = effective_from
    locked.published_at = timezone.now()
    locked.published_by = actor.user
    locked.save()
    actor.audit(
        f"{versions.audit_name}.published",
        f"{versions.audit_name}_version",
        locked.pk,
        number=locked.number,
        effective_from=effective_from.isoformat(),
    )
    publish_event(
        PolicyEvent(
            op="published",
            store_id=actor.store.pk,
            kind=versions.kind,
            version_number=locked.number,
            effective_from=effective_from,
        )
    )
    return versions.get_version(actor.store, locked.number)


def check_discard_draft(actor: Actor, version: ReturnPolicyVersion | ShippingPolicyVersion) -> None:
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, version)
    _ensure_draft(version)
    with transaction.atomic():
        type(version).objects.filter(
            pk=version.pk, store=actor.store, status=VersionStatus.DRAFT
        ).delete()


# --- Return rules ----------------------------------------------------------------------


def _new_return_draft(
    actor: Actor, number: int, source: ReturnPolicyVersion | None
) -> ReturnPolicyVersion:
    draft = ReturnPolicyVersion.objects.create(
        store=actor.store, number=number, status=VersionStatus.DRAFT
    )
    if source is not None:
        rules = list(source.rules.all())
        for rule in rules:
            rule.pk = None
            rule.version = draft
        ReturnRule.objects.bulk_create(rules)
    return draft


_RETURNS = _Versions(
    model=ReturnPolicyVersion,
    kind="returns",
    audit_name="return_policy",
    get_draft=get_return_draft,
    get_latest_published=get_latest_published_return_version,
    get_version=get_return_version,
    create_draft=_new_return_draft,
)


def _valid_return_spec(actor: Actor, data: ReturnInput) -> ReturnPolicySpec:
    spec = parse(ReturnPolicySpec, data)
    check(
        spec.errors(
            currency=actor.store.default_currency,
            categories=get_category_ids(actor.store, spec.category_ids),
        )
    )
    return spec


def _rule_specs(version: ReturnPolicyVersion) -> list[ReturnRuleSpec]:
    return [
        ReturnRuleSpec.model_validate(rule, from_attributes=True) for rule in version.rules.all()
    ]


def check_start_return_draft(actor: Actor) -> ReturnPolicyVersion:
    """The store's return draft, created as a copy of the latest published version."""
    actor.require(Permission.MANAGE_POLICIES)
    return do_start_return_draft(actor)


def do_start_return_draft(actor: Actor) -> ReturnPolicyVersion:
    return _start_draft(actor, _RETURNS)


def check_update_return_draft(
    actor: Actor, version: ReturnPolicyVersion, spec: ReturnInput
) -> ReturnPolicyVersion:
    """Change the draft's note and, when ``rules`` is given, replace every rule."""
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, version)
    _ensure_draft(version)
    return do_update_return_draft(actor, version, _valid_return_spec(actor, spec))


def check_save_return_draft(actor: Actor, spec: ReturnInput) -> ReturnPolicyVersion:
    """Change the draft, starting it as a copy of the latest version if there is none;
    invalid input leaves no draft behind."""
    actor.require(Permission.MANAGE_POLICIES)
    valid = _valid_return_spec(actor, spec)
    with transaction.atomic():
        return do_update_return_draft(actor, do_start_return_draft(actor), valid)


@transaction.atomic
def do_update_return_draft(
    actor: Actor, version: ReturnPolicyVersion, spec: ReturnPolicySpec
) -> ReturnPolicyVersion:
    locked = _lock_draft(actor, _RETURNS, version)
    if spec.note is not None:
        locked.note = spec.note
    if spec.rules is not None:
        ReturnRule.objects.filter(version=locked).delete()
        ReturnRule.objects.bulk_create(
            ReturnRule(
                store=actor.store,
                version=locked,
                currency=actor.store.default_currency,
                **rule.model_dump(exclude={"currency"}),
            )
            for rule in spec.rules
        )
    locked.save()
    return get_return_version(actor.store, locked.number)


def check_save_return_rule(
    actor: Actor, version: ReturnPolicyVersion, rule: ReturnRuleSpec | Mapping[str, object]
) -> ReturnPolicyVersion:
    """Add or replace the draft's rule for the rule's category (None: the default rule)."""
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, version)
    _ensure_draft(version)
    # Read as the first of the rules, so its errors name ``rules.0.<field>``.
    given = (parse(ReturnPolicySpec, {"rules": [rule]}).rules or [])[0]
    others = [r for r in _rule_specs(version) if r.category_id != given.category_id]
    valid = _valid_return_spec(actor, ReturnPolicySpec(rules=[given, *others]))
    return do_update_return_draft(actor, version, valid)


def check_remove_return_rule(
    actor: Actor, version: ReturnPolicyVersion, *, category_id: int | None
) -> ReturnPolicyVersion:
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, version)
    _ensure_draft(version)
    remaining = [r for r in _rule_specs(version) if r.category_id != category_id]
    return do_update_return_draft(actor, version, ReturnPolicySpec(rules=remaining))


def check_publish_return_version(
    actor: Actor, version: ReturnPolicyVersion, *, effective_from: datetime | None = None
) -> ReturnPolicyVersion:
    """Publish the draft; it applies to orders placed from ``effective_from`` (default now)."""
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, version)
    _ensure_draft(version)
    problems: list[FieldError] = []
    if not any(rule.category_id is None for rule in version.rules.all()):
        problems.append(
            FieldError(
                "rules",
                _("Add a default rule: it applies to every item without a category rule."),
                "no_default_rule",
            )
        )
    when = _effective_from(actor, _RETURNS, effective_from, problems)
    return do_publish_return_version(actor, version, effective_from=when)


def do_publish_return_version(
    actor: Actor, version: ReturnPolicyVersion, *, effective_from: datetime
) -> ReturnPolicyVersion:
    return _publish(actor, _RETURNS, version, effective_from)


# --- Shipping rules --------------------------------------------------------------------


def _new_shipping_draft(
    actor: Actor, number: int, source: ShippingPolicyVersion | None
) -> ShippingPolicyVersion:
    draft = ShippingPolicyVersion.objects.create(
        store=actor.store,
        number=number,
        status=VersionStatus.DRAFT,
        dispatch_cutoff=source.dispatch_cutoff if source else DEFAULT_CUTOFF,
        working_days=list(source.working_days) if source else DEFAULT_WORKING_DAYS,
        holidays=list(source.holidays) if source else [],
        currency=source.currency if source else actor.store.default_currency,
    )
    for zone in source.zones.all() if source else ():
        methods = list(zone.methods.all())
        zone.pk = None
        zone.version = draft
        zone.save()
        for method in methods:
            method.pk = None
            method.zone = zone
        ShippingMethod.objects.bulk_create(methods)
    return draft


_SHIPPING = _Versions(
    model=ShippingPolicyVersion,
    kind="shipping",
    audit_name="shipping_policy",
    get_draft=get_shipping_draft,
    get_latest_published=get_latest_published_shipping_version,
    get_version=get_shipping_version,
    create_draft=_new_shipping_draft,
)


def _valid_shipping_spec(data: ShippingInput, *, currency: str) -> ShippingPolicySpec:
    spec = parse(ShippingPolicySpec, data)
    check(spec.errors(currency=currency))
    return spec


def check_start_shipping_draft(actor: Actor) -> ShippingPolicyVersion:
    """The store's shipping draft, created as a copy of the latest published version."""
    actor.require(Permission.MANAGE_POLICIES)
    return do_start_shipping_draft(actor)


def do_start_shipping_draft(actor: Actor) -> ShippingPolicyVersion:
    return _start_draft(actor, _SHIPPING)


def check_update_shipping_draft(
    actor: Actor, version: ShippingPolicyVersion, spec: ShippingInput
) -> ShippingPolicyVersion:
    """Change the draft's settings; ``zones``, when given, replaces every zone and method."""
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, version)
    _ensure_draft(version)
    valid = _valid_shipping_spec(spec, currency=version.currency)
    return do_update_shipping_draft(actor, version, valid)


def check_save_shipping_draft(actor: Actor, spec: ShippingInput) -> ShippingPolicyVersion:
    """Change the draft, starting it as a copy of the latest version if there is none;
    invalid input leaves no draft behind."""
    actor.require(Permission.MANAGE_POLICIES)
    existing = get_shipping_draft(actor.store) or get_latest_published_shipping_version(actor.store)
    currency = existing.currency if existing is not None else actor.store.default_currency
    valid = _valid_shipping_spec(spec, currency=currency)
    with transaction.atomic():
        return do_update_shipping_draft(actor, do_start_shipping_draft(actor), valid)


@transaction.atomic
def do_update_shipping_draft(
    actor: Actor, version: ShippingPolicyVersion, spec: ShippingPolicySpec
) -> ShippingPolicyVersion:
    locked = _lock_draft(actor, _SHIPPING, version)
    if spec.note is not None:
        locked.note = spec.note
    if spec.dispatch_cutoff is not None:
        locked.dispatch_cutoff = spec.dispatch_cutoff
    if spec.working_days is not None:
        locked.working_days = sorted(spec.working_days)
    if spec.holidays is not None:
        locked.holidays = sorted({day.isoformat() for day in spec.holidays})
    if spec.currency is not None:
        locked.currency = spec.currency
    locked.save()
    if spec.zones is not None:
        ShippingZone.objects.filter(version=locked).delete()
        for position, given in enumerate(spec.zones):
            zone = ShippingZone.objects.create(
                store=actor.store,
                version=locked,
                position=position,
                name=given.name,
                countries=given.countries,
                duties_included=given.duties_included,
                duties_paid_by=given.duties_paid_by,
                customs_note=given.notes,
            )
            ShippingMethod.objects.bulk_create(
                ShippingMethod(
                    store=actor.store,
                    zone=zone,
                    position=index,
                    currency=locked.currency,
                    **method.model_dump(exclude={"currency"}),
                )
                for index, method in enumerate(given.methods)
            )
    elif spec.currency is not None:
        ShippingMethod.objects.filter(zone__version=locked).update(currency=locked.currency)
    return get_shipping_version(actor.store, locked.number)


def check_publish_shipping_version(
    actor: Actor, version: ShippingPolicyVersion, *, effective_from: datetime | None = None
) -> ShippingPolicyVersion:
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, version)
    _ensure_draft(version)
    problems: list[FieldError] = []
    zones = list(version.zones.all())
    if not zones:
        problems.append(FieldError("zones", _("Add at least one shipping zone."), "no_zones"))
    for index, zone in enumerate(zones):
        if not zone.methods.all():
            problems.append(
                FieldError(f"zones.{index}.methods", _("Add at least one shipping method."))
            )
    when = _effective_from(actor, _SHIPPING, effective_from, problems)
    return do_publish_shipping_version(actor, version, effective_from=when)


def do_publish_shipping_version(
    actor: Actor, version: ShippingPolicyVersion, *, effective_from: datetime
) -> ShippingPolicyVersion:
    return _publish(actor, _SHIPPING, version, effective_from)


# --- Prose policies --------------------------------------------------------------------


def _address_taken() -> PolicyValidationFailed:
    return PolicyValidationFailed(
        [FieldError("slug", _("Another policy already uses this address."), "duplicate")]
    )


def check_save_prose_policy(
    actor: Actor, spec: ProseInput, *, policy: ProsePolicy | None = None
) -> ProsePolicy:
    """Create a prose policy (``policy`` None) or replace its texts.

    Built-in kinds use their kind as the address; custom policies need their own slug.
    Languages missing from ``translations`` are removed.
    """
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, policy)
    valid = parse(ProsePolicySpec, spec)
    check(valid.errors(languages=actor.store.languages))
    if prose_address_taken(actor.store, valid.address, besides=policy):
        raise _address_taken()
    return do_save_prose_policy(actor, valid, policy=policy)


@transaction.atomic
def do_save_prose_policy(
    actor: Actor, spec: ProsePolicySpec, *, policy: ProsePolicy | None = None
) -> ProsePolicy:
    if policy is None:
        try:
            with transaction.atomic():
                policy = ProsePolicy.objects.create(
                    store=actor.store, kind=spec.kind, slug=spec.address
                )
        except IntegrityError:
            raise _address_taken() from None
    else:
        policy.kind = spec.kind
        policy.slug = spec.address
        policy.save()
    ProsePolicyTranslation.objects.filter(policy=policy).exclude(
        language__in=list(spec.translations)
    ).delete()
    for language, text in spec.translations.items():
        ProsePolicyTranslation.objects.update_or_create(
            policy=policy, language=language, defaults={"title": text.title, "body": text.body}
        )
    actor.audit("prose_policy.saved", "prose_policy", policy.pk, slug=policy.slug)
    return policy


def check_set_prose_policy_published(
    actor: Actor, policy: ProsePolicy, *, published: bool
) -> ProsePolicy:
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, policy)
    return do_set_prose_policy_published(actor, policy, published=published)


@transaction.atomic
def do_set_prose_policy_published(
    actor: Actor, policy: ProsePolicy, *, published: bool
) -> ProsePolicy:
    if policy.is_published == published:
        return policy
    policy.is_published = published
    policy.published_at = timezone.now() if published else policy.published_at
    policy.save(update_fields=["is_published", "published_at", "updated_at"])
    actor.audit(
        "prose_policy.published" if published else "prose_policy.unpublished",
        "prose_policy",
        policy.pk,
        slug=policy.slug,
    )
    publish_event(
        PolicyEvent(
            op="published" if published else "unpublished",
            store_id=actor.store.pk,
            kind="prose",
            slug=policy.slug,
        )
    )
    return policy


def check_delete_prose_policy(actor: Actor, policy: ProsePolicy) -> None:
    actor.require(Permission.MANAGE_POLICIES)
    check_in_store(actor, policy)
    do_delete_prose_policy(actor, policy)


@transaction.atomic
def do_delete_prose_policy(actor: Actor, policy: ProsePolicy) -> None:
    ProsePolicy.objects.filter(store=actor.store, pk=policy.pk).delete()
    actor.audit("prose_policy.deleted", "prose_policy", policy.pk, slug=policy.slug)
