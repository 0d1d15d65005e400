"""Checks that keep a production install from starting with development settings."""

from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SECRET_KEY = "storedesk-development-key-never-use-in-production"  # noqa: S105  (refused in production)


def check_production_settings(*, secret_key: str, debug: bool, allowed_hosts: list[str]) -> None:
    """Refuse to start in production mode with settings that are only safe on a laptop."""
    problems = []
    if secret_key == DEVELOPMENT_SECRET_KEY:
        problems.append("SECRET_KEY is the development key; set a long random SECRET_KEY.")
    elif len(secret_key) < 40:
        problems.append("SECRET_KEY is shorter than 40 characters.")
    if debug:
        problems.append("DEBUG is on; production must run with DEBUG=false.")
    if not allowed_hosts:
        problems.append("ALLOWED_HOSTS is empty; list the host names Storedesk answers to.")
    if problems:
        raise ImproperlyConfigured(
            "Storedesk refuses to start in production mode: " + " ".join(problems)
        )
