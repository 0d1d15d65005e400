"""Policy errors. Field errors use the API's validation shape: a list of
``{"field", "type", "message"}`` in ``details``, so forms and clients can point at the field."""

from django.utils.translation import gettext as _

from storedesk.core.errors import Conflict, FieldsInvalid
from storedesk.core.errors import FieldError as FieldError


class PolicyValidationFailed(FieldsInvalid):
    """One or more fields of a policy are not valid; nothing was saved."""

    def summary(self, problems: str) -> str:
        return _("The policy is not valid: %(problems)s") % {"problems": problems}


class VersionPublished(Conflict):
    """Published versions are what orders were promised; they are never changed."""

    code = "version_published"
