"""Domain errors with stable codes; the API and UI render them in one shape."""

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


class NotFound(StoredeskError):
    code = "not_found"
    status = 404


class PermissionDenied(StoredeskError):
    code = "permission_denied"
    status = 403


class Conflict(StoredeskError):
    code = "conflict"
    status = 409
