"""The demo store's help center and policies, loaded through the apps' own actions.

Loading fills in what is missing and leaves alone what exists, so it can run again on a
demo store from an earlier version, or after a merchant edited the demo, without
duplicating or overwriting anything.
"""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import Team
from storedesk.catalog.models import Category as CatalogCategory
from storedesk.core.models import Store
from storedesk.demo import helpcenter_content as content
from storedesk.helpcenter.actions.articles import (
    do_publish_translation,
    do_save_category,
    do_save_translation,
)
from storedesk.helpcenter.actions.settings import (
    HelpCenterSettingsInput,
    check_update_help_center_settings,
)
from storedesk.helpcenter.models import Article, Category, HelpCenterSettings
from storedesk.orders.models import Order
from storedesk.policies.actions import (
    check_save_prose_policy,
    check_save_return_draft,
    check_save_shipping_draft,
    check_set_prose_policy_published,
    do_publish_return_version,
    do_publish_shipping_version,
)
from storedesk.policies.models import ProsePolicy, ReturnPolicyVersion, ShippingPolicyVersion
from storedesk.policies.specs import (
    ProsePolicySpec,
    ProseTextSpec,
    ReturnPolicySpec,
    ReturnRuleSpec,
    ShippingPolicySpec,
)

CONTACT_EMAIL = "support@atlas.example"
CONTACT_PHONE = "+90 212 555 01 01"
SUPPORT_TEAM = "Istanbul"


def has_demo_help_center(store: Store) -> bool:
    """Whether the store has a help center already (a demo store from before it has not)."""
    return (
        Article.objects.filter(store=store).exists()
        or ReturnPolicyVersion.objects.filter(store=store).exists()
    )


def load_demo_help_center(store: Store) -> None:
    """Categories, articles and policies of the demo, each published in every language."""
    actor = system_actor(store)
    with transaction.atomic():
        _policies(actor)
        _categories(store)
        _articles(store)
        _settings(actor)


# Policies -----------------------------------------------------------------------------


def _effective_from(store: Store) -> datetime:
    # The demo's orders go back months; they are judged by the rules in force when they
    # were placed, so the first version must already be in force then.
    first_order = Order.objects.filter(store=store).aggregate(first=Min("placed_at"))["first"]
    now = timezone.now()
    return min(first_order, now) if first_order is not None else now


def _policies(actor: Actor) -> None:
    store = actor.store
    effective_from = _effective_from(store)
    if not ReturnPolicyVersion.objects.filter(store=store).exists():
        draft = check_save_return_draft(
            actor, ReturnPolicySpec(rules=_return_rules(store), note="Demo return policy.")
        )
        do_publish_return_version(actor, draft, effective_from=effective_from)
    if not ShippingPolicyVersion.objects.filter(store=store).exists():
        shipping = check_save_shipping_draft(actor, _shipping_fields(store, effective_from))
        do_publish_shipping_version(actor, shipping, effective_from=effective_from)
    existing = set(ProsePolicy.objects.filter(store=store).values_list("slug", flat=True))
    for policy in content.PROSE_POLICIES:
        if policy.kind in existing:
            continue
        translations = {
            language: ProseTextSpec(title=title, body=body)
            for language, (title, body) in policy.texts.items()
            if language in store.languages
        }
        saved = check_save_prose_policy(
            actor, ProsePolicySpec(kind=policy.kind, translations=translations)
        )
        check_set_prose_policy_published(actor, saved, published=True)


def _return_rules(store: Store) -> list[ReturnRuleSpec]:
    categories = dict(CatalogCategory.objects.filter(store=store).values_list("slug", "id"))
    rules: list[ReturnRuleSpec] = []
    for rule in content.RETURN_RULES:
        if rule.category is not None and rule.category not in categories:
            continue  # the default rule covers it
        rules.append(
            ReturnRuleSpec(
                category_id=categories[rule.category] if rule.category is not None else None,
                window_days=rule.window_days,
                window_starts_at=rule.window_starts_at,
                offers_refund=rule.offers_refund,
                offers_exchange=rule.offers_exchange,
                offers_store_credit=rule.offers_store_credit,
                store_credit_bonus_percent=rule.store_credit_bonus_percent,
                final_sale=rule.final_sale,
                discounted_final_sale=rule.discounted_final_sale,
                requires_unused=rule.requires_unused,
                requires_original_packaging=rule.requires_original_packaging,
                return_shipping_paid_by=rule.return_shipping_paid_by,
                return_shipping_fee=rule.return_shipping_fee,
                restocking_fee_kind=rule.restocking_fee_kind,
                restocking_fee=rule.restocking_fee,
                currency=content.POLICY_CURRENCY,
                refund_within_hours=rule.refund_within_hours,
            )
        )
    return rules


def _holidays(since: datetime) -> list[str]:
    years = range(since.year, timezone.now().year + 2)
    return [date(year, month, day).isoformat() for year in years for month, day in content.HOLIDAYS]


def _shipping_fields(store: Store, effective_from: datetime) -> ShippingPolicySpec:
    return ShippingPolicySpec.model_validate(
        {
            "note": "Demo shipping policy.",
            "dispatch_cutoff": content.DISPATCH_CUTOFF,
            "working_days": list(content.WORKING_DAYS),
            "holidays": list(_holidays(effective_from)),
            "currency": content.POLICY_CURRENCY,
            "zones": [
                {
                    "name": zone.name,
                    "countries": list(zone.countries),
                    "duties_included": zone.duties_included,
                    "duties_paid_by": zone.duties_paid_by,
                    "customs_note": {
                        language: note
                        for language, note in zone.customs_note.items()
                        if language in store.languages
                    },
                    "methods": [
                        {
                            "name": method.name,
                            "cost": method.cost,
                            "currency": content.POLICY_CURRENCY,
                            "free_shipping_threshold": method.free_shipping_threshold,
                            "min_days": method.min_days,
                            "max_days": method.max_days,
                        }
                        for method in zone.methods
                    ],
                }
                for zone in content.SHIPPING_ZONES
            ],
        }
    )


# Help center --------------------------------------------------------------------------


def _categories(store: Store) -> None:
    existing = set(Category.objects.filter(store=store).values_list("slug", flat=True))
    for position, category in enumerate(content.CATEGORIES):
        if category.slug in existing:
            continue
        do_save_category(
            store.pk,
            category=None,
            slug=category.slug,
            texts={
                language: (name, category.descriptions[language])
                for language, name in category.names.items()
                if language in store.languages
            },
            position=position,
        )


def _articles(store: Store) -> None:
    categories = {category.slug: category for category in Category.objects.filter(store=store)}
    existing = set(Article.objects.filter(store=store).values_list("slug", flat=True))
    created: dict[str, Article] = {}
    positions: dict[str, int] = {}
    for item in content.ARTICLES:
        position = positions.get(item.category, 0)
        positions[item.category] = position + 1
        if item.slug in existing:
            continue
        # No trusted create-article action exists; the row itself holds no rules.
        article = Article.objects.create(
            store=store, category=categories[item.category], slug=item.slug, position=position
        )
        for language, (title, body) in item.texts.items():
            if language not in store.languages:
                continue
            draft = do_save_translation(
                article, language=language, title=title, body=body, user=None
            )
            do_publish_translation(article, draft, user=None)
        created[item.slug] = article
    by_slug = {article.slug: article for article in Article.objects.filter(store=store)}
    for item in content.ARTICLES:
        if item.slug in created:
            created[item.slug].related.set(
                [by_slug[slug] for slug in item.related if slug in by_slug]
            )


def _settings(actor: Actor) -> None:
    if HelpCenterSettings.objects.filter(store=actor.store).exists():
        return
    team = Team.objects.filter(store=actor.store, name=SUPPORT_TEAM).first()
    check_update_help_center_settings(
        actor,
        HelpCenterSettingsInput(
            contact_email=CONTACT_EMAIL,
            phone_number=CONTACT_PHONE,
            whatsapp_number=CONTACT_PHONE,
            support_team_id=team.pk if team is not None else None,
            expected_response_hours=24,
        ),
    )
