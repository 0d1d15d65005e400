from django.http import HttpRequest

from storedesk.accounts.models import User
from storedesk.accounts.selectors import list_memberships


def staff_frame(request: HttpRequest) -> dict[str, object]:
    """What the page frame shows: the current store's actor and the user's other stores."""
    actor = getattr(request, "actor", None)
    if actor is None or not isinstance(request.user, User):
        return {}
    return {"actor": actor, "memberships": list_memberships(request.user)}
