"""What a store's policies hold, to show that a refused request changed nothing."""

from django.apps import apps

from storedesk.core.models import Store, StoreScopedModel


def policies_state(store: Store) -> dict[str, list[dict[str, object]]]:
    """Every row of the policies app that belongs to ``store``, by model."""
    state: dict[str, list[dict[str, object]]] = {}
    for model in apps.get_app_config("policies").get_models():
        # Translations belong to the store through their policy.
        scope = (
            {"store": store} if issubclass(model, StoreScopedModel) else {"policy__store": store}
        )
        state[model.__name__] = list(model._default_manager.filter(**scope).order_by("pk").values())
    return state
