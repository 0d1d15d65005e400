"""Help-center errors. Field errors carry the API's validation shape in ``details``: a list
of ``{"field", "type", "message"}``, so forms and clients can point at the field."""

from dataclasses import dataclass

from storedesk.core.errors import Conflict, ValidationFailed


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str
    type: str = "invalid"


class HelpCenterValidationFailed(ValidationFailed):
    """One or more fields are not valid; nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__(
            "; ".join(f"{error.field}: {error.message}" for error in errors[:5]),
            details=[
                {"field": error.field, "type": error.type, "message": error.message}
                for error in errors
            ],
        )

    @property
    def fields(self) -> dict[str, str]:
        """The first message for each field, for forms."""
        result: dict[str, str] = {}
        for error in self.errors:
            result.setdefault(error.field, error.message)
        return result


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
