"""Domain errors with stable codes; the API and UI render them in one shape."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


class StoredeskError(Exception):
    """Base of every error a user can cause; ``code`` is stable and documented."""

    code = "error"
    status = 400

    def __init__(self, message: str, *, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ValidationFailed(StoredeskError):
    code = "validation_error"
    status = 422


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str
    type: str = "invalid"


class FieldsInvalid(ValidationFailed):
    """One or more fields are not valid; nothing was saved. ``details`` has the API's
    validation shape, a list of ``{"field", "type", "message"}``, so forms and clients can
    point at the field."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = tuple(errors)
        problems = "; ".join(f"{error.field}: {error.message}" for error in self.errors[:5])
        super().__init__(
            self.summary(problems),
            details=[
                {"field": error.field, "type": error.type, "message": error.message}
                for error in self.errors
            ],
        )

    def summary(self, problems: str) -> str:
        """The message, from the first few fields' problems."""
        return problems

    @property
    def fields(self) -> dict[str, str]:
        """The first message for each field, for forms."""
        result: dict[str, str] = {}
        for error in self.errors:
            result.setdefault(error.field, error.message)
        return result


class NotFound(StoredeskError):
    code = "not_found"
    status = 404


class PermissionDenied(StoredeskError):
    code = "permission_denied"
    status = 403


class Conflict(StoredeskError):
    code = "conflict"
    status = 409
