"""Every policy action handed another store's object answers "not found" and changes nothing.

Views and the API fetch versions and pages scoped to the actor's store, but a connector, a
task or another context may call an action with whatever object it holds: the action
itself refuses what is not of its store.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.errors import NotFound
from storedesk.core.models import AuditLogEntry, Store
from storedesk.policies import actions
from storedesk.policies.models import ProsePolicy, ReturnPolicyVersion, ShippingPolicyVersion
from storedesk.policies.models import VersionStatus as Status
from storedesk.policies.tests import factories
from storedesk.policies.tests.state import policies_state

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 4, 15, 9, 0, tzinfo=UTC)


class Theirs:
    """Drafts and a written policy of another store."""

    def __init__(self, store: Store) -> None:
        draft = {"status": Status.DRAFT, "effective_from": None, "published_at": None}
        self.returns: ReturnPolicyVersion = factories.ReturnPolicyVersionFactory(
            store=store, **draft
        )
        factories.ReturnRuleFactory(version=self.returns, window_days=14, currency="PLN")
        self.shipping: ShippingPolicyVersion = factories.ShippingPolicyVersionFactory(
            store=store, currency="PLN", **draft
        )
        zone = factories.ShippingZoneFactory(version=self.shipping, countries=["PL"])
        factories.ShippingMethodFactory(zone=zone, currency="PLN")
        self.prose: ProsePolicy = factories.ProsePolicyFactory(store=store, is_published=False)
        factories.ProsePolicyTranslationFactory(
            policy=self.prose, language="pl", title="Prywatność"
        )


ACTIONS: dict[str, Callable[[Actor, Theirs], object]] = {
    "update_return_draft": lambda a, t: actions.check_update_return_draft(
        a, t.returns, {"rules": [{"window_days": 30}], "note": "changed"}
    ),
    "save_return_rule": lambda a, t: actions.check_save_return_rule(
        a, t.returns, {"window_days": 90}
    ),
    "remove_return_rule": lambda a, t: actions.check_remove_return_rule(
        a, t.returns, category_id=None
    ),
    "publish_return_version": lambda a, t: actions.check_publish_return_version(a, t.returns),
    "discard_return_draft": lambda a, t: actions.check_discard_draft(a, t.returns),
    "update_shipping_draft": lambda a, t: actions.check_update_shipping_draft(
        a, t.shipping, {"dispatch_cutoff": "10:00", "note": "changed"}
    ),
    "publish_shipping_version": lambda a, t: actions.check_publish_shipping_version(a, t.shipping),
    "discard_shipping_draft": lambda a, t: actions.check_discard_draft(a, t.shipping),
    "save_prose_policy": lambda a, t: actions.check_save_prose_policy(
        a,
        {"kind": "privacy", "translations": {"tr": {"title": "Gizlilik", "body": "Metin"}}},
        policy=t.prose,
    ),
    "publish_prose_policy": lambda a, t: actions.check_set_prose_policy_published(
        a, t.prose, published=True
    ),
    "delete_prose_policy": lambda a, t: actions.check_delete_prose_policy(a, t.prose),
}


@pytest.mark.parametrize("action", ACTIONS.values(), ids=ACTIONS.keys())
def test_another_stores_policy_objects_are_not_found(
    action: Callable[[Actor, Theirs], object],
    store: Store,
    other_store: Store,
    make_staff: Callable[..., User],
) -> None:
    user = make_staff(store, Role.ADMIN)
    admin = Actor(store=store, user=user, role=Role.ADMIN, permissions=ROLE_PERMISSIONS[Role.ADMIN])
    theirs = Theirs(other_store)
    before = policies_state(other_store)

    with time_machine.travel(NOW, tick=False), pytest.raises(NotFound):
        action(admin, theirs)

    assert policies_state(other_store) == before
    assert not ReturnPolicyVersion.objects.filter(store=store).exists()
    assert not ShippingPolicyVersion.objects.filter(store=store).exists()
    assert not AuditLogEntry.objects.exists()


def test_the_same_actions_work_on_the_actors_own_store(
    other_store: Store, make_staff: Callable[..., User]
) -> None:
    """The refusal above is about the store, not about the objects."""
    user = make_staff(other_store, Role.ADMIN)
    admin = Actor(
        store=other_store, user=user, role=Role.ADMIN, permissions=ROLE_PERMISSIONS[Role.ADMIN]
    )
    theirs = Theirs(other_store)

    with time_machine.travel(NOW, tick=False):
        actions.check_set_prose_policy_published(admin, theirs.prose, published=True)
        actions.check_update_shipping_draft(admin, theirs.shipping, {"note": "changed"})
        version = actions.check_save_return_rule(admin, theirs.returns, {"window_days": 90})

    assert ProsePolicy.objects.get(pk=theirs.prose.pk).is_published
    assert ShippingPolicyVersion.objects.get(pk=theirs.shipping.pk).note == "changed"
    assert [(r.window_days, r.return_shipping_fee) for r in version.rules.all()] == [
        (90, Decimal("0.00"))
    ]
