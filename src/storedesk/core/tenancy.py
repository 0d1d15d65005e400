"""The one check that a store-scoped object belongs to the store an action works in.

Views and API handlers fetch through ``access_*`` selectors that already scope to the
actor's store, but an action can be handed an object by any caller: a connector, a task,
another context. Every ``check_*`` action that receives a store-scoped object passes it
through :func:`check_in_store` first, so handing it another store's object reads as "not
found" and never as a write. ``core/tests/test_tenancy.py`` fails the build when an action
takes a store-scoped model without this check.
"""

from typing import Protocol

from django.utils.translation import gettext

from storedesk.core.errors import NotFound
from storedesk.core.models import Store, StoreScopedModel


class InStore(Protocol):
    """Anything that acts within one store: an ``Actor``, a visitor's session, a store."""

    @property
    def store(self) -> Store: ...


def check_in_store(scope: InStore | Store, *objects: StoreScopedModel | None) -> None:
    """Raise ``NotFound`` unless every given object belongs to ``scope``'s store.

    ``None`` entries are skipped, so optional arguments can be passed as they are.
    """
    store_id = scope.pk if isinstance(scope, Store) else scope.store.pk
    for obj in objects:
        if obj is not None and obj.store_id != store_id:
            # The kind goes in the details, not the sentence: model names are not translated.
            raise NotFound(
                gettext("Not found in this store."),
                details={"kind": obj._meta.model_name, "id": obj.pk},
            )
