"""Credentials at rest: a connection's secrets are one Fernet token of a JSON object.

The keys are derived with HKDF from key material the operator already keeps secret:
``STOREDESK_SECRETS_KEYS`` (newest first) when it is set, else ``SECRET_KEY`` followed by
Django's ``SECRET_KEY_FALLBACKS``. The first key encrypts; every key decrypts, so a new key
can be put first while the old ones still read what they wrote (``reencrypt`` brings every
row to the newest key). A database dump alone reveals no credential.
"""

import base64
import json
from collections.abc import Mapping, Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils.translation import gettext as _

from storedesk.core.errors import StoredeskError

# Binds the derived keys to this use: the same SECRET_KEY signs sessions too.
_INFO = b"storedesk connectors secrets v1"
_SALT = b"storedesk.connectors"


class SecretsUnreadable(StoredeskError):
    """No configured key opens the stored secrets: the key material changed."""

    code = "secrets_unreadable"
    status = 500


def key_material() -> list[str]:
    """The operator's secrets the keys come from, newest first."""
    configured: Sequence[str] | str = settings.STOREDESK_SECRETS_KEYS
    if isinstance(configured, str):
        configured = configured.split(",")
    keys = [key.strip() for key in configured if key.strip()]
    if keys:
        return keys
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def derive_key(material: str) -> bytes:
    """A Fernet key (urlsafe base64 of 32 bytes) from one piece of key material."""
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_INFO).derive(
        material.encode()
    )
    return base64.urlsafe_b64encode(raw)


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(derive_key(material)) for material in key_material()])


def encrypt_secrets(values: Mapping[str, str]) -> str:
    """The stored form of ``values``: a Fernet token under the newest key."""
    return _fernet().encrypt(json.dumps(dict(values), sort_keys=True).encode()).decode()


def decrypt_secrets(token: str) -> dict[str, str]:
    """The values behind a stored token; empty for a connection that has none."""
    if not token:
        return {}
    try:
        plain = _fernet().decrypt(token.encode())
    except InvalidToken:
        raise SecretsUnreadable(
            _(
                "The channel's credentials cannot be read with the configured keys; "
                "enter them again or restore the key that wrote them."
            )
        ) from None
    values = json.loads(plain)
    return {str(name): str(value) for name, value in values.items()}


def reencrypt(token: str) -> str:
    """``token`` under the newest key (unchanged content), for a key rotation."""
    if not token:
        return token
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken:
        raise SecretsUnreadable(_("The channel's credentials cannot be read.")) from None


def mask(value: str) -> str:
    """What the UI and API show of a secret: its last four characters."""
    if len(value) < 12:
        return "…"
    return "…" + value[-4:]
