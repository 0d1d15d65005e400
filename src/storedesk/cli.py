"""The ``storedesk`` command: Storedesk's own commands plus every Django management command."""

import os
import sys

from django.core.exceptions import ImproperlyConfigured


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storedesk.config.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loads and checks the configuration now)
    except ImproperlyConfigured as error:
        print(f"storedesk: {error}", file=sys.stderr)  # noqa: T201
        raise SystemExit(2) from error
    execute_from_command_line(["storedesk", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
