from storedesk.core.errors import NotFound
from storedesk.core.models import Store


def get_store_by_slug(slug: str) -> Store:
    try:
        return Store.objects.get(slug=slug)
    except Store.DoesNotExist as error:
        raise NotFound("No such store.") from error
