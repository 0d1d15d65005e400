"""``storedesk demo`` belongs to the demo app, and the store it loads is complete before it
is served: the work loading queued (the policy pages' search index) is done."""

import io

import pytest
from django.core.management import call_command, get_commands
from django.tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from storedesk.core.models import Store
from storedesk.demo.loader import STORE_SLUG
from storedesk.search.selectors import search_documents


def test_the_demo_command_is_the_demo_apps() -> None:
    assert get_commands()["demo"] == "storedesk.demo"


@pytest.mark.django_db(transaction=True)
def test_loading_the_demo_leaves_no_work_queued_and_the_policies_searchable() -> None:
    output = io.StringIO()

    call_command("demo", "--no-serve", stdout=output)

    store = Store.objects.get(slug=STORE_SLUG)
    assert output.getvalue().startswith("Loaded the demo store 'Atlas Store'")
    assert DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).count() == 0
    assert set(DBTaskResult.objects.values_list("task_path", flat=True)) == {
        "storedesk.policies.tasks.index_published_policy"
    }
    hits = search_documents(store, language="tr", query="iade", kinds=("policy",))
    assert "returns" in [hit.key for hit in hits]
