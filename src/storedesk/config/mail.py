"""EMAIL_URL (``smtp://user:password@host:587?tls=1``, ``console://``) as a MAILERS entry."""

from typing import Any

import environ

_OPTION_NAMES = {
    "EMAIL_HOST": "host",
    "EMAIL_PORT": "port",
    "EMAIL_HOST_USER": "username",
    "EMAIL_HOST_PASSWORD": "password",
    "EMAIL_USE_TLS": "use_tls",
    "EMAIL_USE_SSL": "use_ssl",
    "EMAIL_TIMEOUT": "timeout",
    "EMAIL_FILE_PATH": "file_path",
}


def mailer_from_url(url: str | None) -> dict[str, Any]:
    if not url:
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parsed = environ.Env.email_url_config(url)
    options = {
        _OPTION_NAMES[key]: value
        for key, value in parsed.items()
        if key in _OPTION_NAMES and value not in (None, "")
    }
    return {"BACKEND": parsed["EMAIL_BACKEND"], "OPTIONS": options}
