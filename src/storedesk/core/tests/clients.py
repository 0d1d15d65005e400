"""Test clients signed in as a member of staff, as the agent UI's session is."""

from typing import Any

from django.test import Client

from storedesk.accounts.models import User

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def logged_in(user: User, **client_options: Any) -> Client:
    """A client whose session belongs to ``user``; ``client_options`` go to ``Client``."""
    client = Client(**client_options)
    client.force_login(user, backend=MODEL_BACKEND)
    return client
