"""The policies' step of a new store's getting-started checklist: a published return
policy, which the help center, the answers and the returns all read."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from storedesk.accounts.checklist import ChecklistItem, checklist
from storedesk.core.models import Store
from storedesk.policies.models import ReturnPolicyVersion, VersionStatus


def _return_policy_published(store: Store) -> bool:
    return ReturnPolicyVersion.objects.filter(store=store, status=VersionStatus.PUBLISHED).exists()


def register() -> None:
    checklist.register(
        ChecklistItem(
            name="return_policy",
            label=_("Publish your return policy"),
            hint=_("Start from a preset (14, 30 or 90 days), adjust it and publish it."),
            url=lambda store: reverse("policy-returns-edit", args=[store.slug]),
            done=_return_policy_published,
            position=50,
        )
    )
