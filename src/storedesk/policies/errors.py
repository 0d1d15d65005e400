"""Policy errors. Field errors use the API's validation shape: a list of
``{"field", "type", "message"}`` in ``details``, so forms and clients can point at the field."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from storedesk.core.errors import Conflict, ValidationFailed


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str
    type: str = "invalid"


class PolicyValidationFailed(ValidationFailed):
    """One or more fields of a policy are not valid; nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = tuple(errors)
        problems = "; ".join(f"{error.field}: {error.message}" for error in errors[:5])
        super().__init__(
            _("The policy is not valid: %(problems)s") % {"problems": problems},
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


class VersionPublished(Conflict):
    """Published versions are what orders were promised; they are never changed."""

    code = "version_published"
