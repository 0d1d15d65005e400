"""Help-center errors. Field errors carry the API's validation shape in ``details``: a list
of ``{"field", "type", "message"}``, so forms and clients can point at the field."""

from storedesk.core.errors import Conflict, FieldsInvalid
from storedesk.core.errors import FieldError as FieldError


class HelpCenterValidationFailed(FieldsInvalid):
    """One or more fields are not valid; nothing was saved."""


class SlugTaken(Conflict):
    """Slugs are part of public URLs, so two articles (or categories) never share one."""

    code = "slug_taken"

    def __init__(self, message: str, *, field: str = "slug") -> None:
        super().__init__(message, details=[{"field": field, "type": "taken", "message": message}])
        self.fields = {field: message}


class HostTaken(Conflict):
    code = "host_taken"

    def __init__(self, message: str) -> None:
        super().__init__(
            message, details=[{"field": "public_host", "type": "taken", "message": message}]
        )
        self.fields = {"public_host": message}


class CategoryNotEmpty(Conflict):
    """Deleting a category would leave its articles without a place on the site."""

    code = "category_not_empty"
