"""Credentials at rest: Fernet tokens under keys derived from the operator's secrets, read
with any configured key, written with the newest, and masked wherever they are shown."""

import pytest
from django.test import override_settings

from storedesk.connectors.secrets import (
    SecretsUnreadable,
    decrypt_secrets,
    derive_key,
    encrypt_secrets,
    mask,
    reencrypt,
)

VALUES = {"bot_token": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"}


def test_secrets_round_trip_and_the_token_hides_them() -> None:
    token = encrypt_secrets(VALUES)

    assert "AAHdq" not in token
    assert decrypt_secrets(token) == VALUES
    assert decrypt_secrets("") == {}


def test_keys_come_from_the_secret_key_and_differ_from_it() -> None:
    with override_settings(SECRET_KEY="a" * 50):
        first = encrypt_secrets(VALUES)
    with override_settings(SECRET_KEY="b" * 50), pytest.raises(SecretsUnreadable):
        decrypt_secrets(first)
    assert derive_key("a" * 50) != derive_key("b" * 50)
    assert b"a" * 10 not in derive_key("a" * 50)


def test_rotation_reads_with_old_keys_and_writes_with_the_newest() -> None:
    with override_settings(STOREDESK_SECRETS_KEYS=["old-key-material"]):
        old = encrypt_secrets(VALUES)
    with override_settings(STOREDESK_SECRETS_KEYS=["new-key-material", "old-key-material"]):
        assert decrypt_secrets(old) == VALUES
        rotated = reencrypt(old)
    with override_settings(STOREDESK_SECRETS_KEYS=["new-key-material"]):
        assert decrypt_secrets(rotated) == VALUES
        with pytest.raises(SecretsUnreadable):
            decrypt_secrets(old)


def test_the_secret_key_fallbacks_keep_secrets_readable_after_a_secret_key_change() -> None:
    with override_settings(SECRET_KEY="k" * 50):
        old = encrypt_secrets(VALUES)
    with override_settings(SECRET_KEY="n" * 50, SECRET_KEY_FALLBACKS=["k" * 50]):
        assert decrypt_secrets(old) == VALUES


def test_a_mask_shows_only_the_end() -> None:
    assert mask(VALUES["bot_token"]) == "…saw0"
    assert mask("short") == "…"
