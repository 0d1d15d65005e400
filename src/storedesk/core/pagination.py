"""Keyset (cursor) pagination: stable under inserts and fast at any depth."""

import base64
import binascii
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db.models import Model, Q, QuerySet

from storedesk.core.errors import ValidationFailed

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def paginate[M: Model](
    queryset: QuerySet[M], *, ordering: Sequence[str], cursor: str | None, limit: int
) -> tuple[list[M], str | None]:
    """One page of ``queryset`` in ``ordering`` (all fields descending or all ascending; times
    first, then one unique integer), starting after ``cursor``; returns the rows and the
    next page's cursor."""
    fields = [name.removeprefix("-") for name in ordering]
    descending = {name.startswith("-") for name in ordering}
    if len(descending) != 1:
        raise ValueError("paginate() needs every field in the same direction.")
    queryset = queryset.order_by(*ordering)
    if cursor:
        lookup = "lt" if descending.pop() else "gt"
        queryset = queryset.filter(_after(fields, _decode(cursor, len(fields)), lookup))
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, _encode([getattr(rows[-1], name) for name in fields])


def _after(fields: list[str], values: list[Any], lookup: str) -> Q:
    # (a, b) < (x, y)  ==  a < x OR (a = x AND b < y): an index on the fields serves it.
    condition = Q(**{f"{fields[-1]}__{lookup}": values[-1]})
    for name, value in zip(reversed(fields[:-1]), reversed(values[:-1]), strict=True):
        condition = Q(**{f"{name}__{lookup}": value}) | (Q(**{name: value}) & condition)
    return condition


def _encode(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, size: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != size:
            raise ValueError
        # Every field before the unique id is a time (see the orderings in use): anything
        # else in a cursor was not made by us.
        decoded: list[Any] = []
        for value in values[:-1]:
            if not isinstance(value, str):
                raise ValueError
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError
            decoded.append(moment)
        if not isinstance(values[-1], int) or isinstance(values[-1], bool):
            raise ValueError
        decoded.append(values[-1])
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationFailed(
            "The cursor is not valid; use the next_cursor of a previous page.",
            details={"cursor": cursor[:100]},
        ) from error
    return decoded
