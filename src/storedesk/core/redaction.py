"""Keeping secrets out of log lines, whichever logger writes them."""

import logging
import re
from typing import Any

# The chat widget's socket carries the visitor's token in its query string (browsers cannot
# set headers on a websocket); whoever reads the server's log must not be able to reuse it.
# Nothing of ours logs an API token or an Authorization header, but a library might: those
# are caught too, as a second line.
_SECRETS = (
    (re.compile(r"(?<=[?&]token=)[^&\s\"]+"), "[redacted]"),
    (re.compile(r"\bsd_[A-Za-z0-9]+_[A-Za-z0-9_-]+"), "sd_[redacted]"),
    (re.compile(r"(?i)\b(bearer|basic)\s+[^\s'\"]+"), r"\1 [redacted]"),
    # A visitor token is long; "Visitor 42 connected" is not one.
    (re.compile(r"\b(Visitor)\s+[^\s'\"]{16,}"), r"\1 [redacted]"),
)


class RedactSecretsFilter(logging.Filter):
    """Replaces visitor tokens, API tokens and credentials of Authorization headers in
    log lines with ``[redacted]``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact(argument) for argument in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _redact(value) for key, value in record.args.items()}
        return True


def _redact(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    for pattern, replacement in _SECRETS:
        value = pattern.sub(replacement, value)
    return value
