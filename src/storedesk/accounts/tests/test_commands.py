import pytest
from django.core.management import CommandError, call_command

from storedesk.accounts.selectors import get_actor_for_token
from storedesk.core.models import Store

pytestmark = pytest.mark.django_db


def test_create_api_token_prints_a_token_that_authenticates_for_the_store(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("create_api_token", store=store.slug, name="Shopify")

    raw = capsys.readouterr().out.strip()
    actor = get_actor_for_token(raw)
    assert actor is not None
    assert actor.store == store
    assert actor.label == "token:Shopify"


def test_create_api_token_for_an_unknown_store_is_a_clear_error(db: None) -> None:
    with pytest.raises(CommandError, match="No store with the slug 'nowhere'"):
        call_command("create_api_token", store="nowhere", name="Shopify")


def test_create_api_token_needs_a_name(store: Store) -> None:
    with pytest.raises(CommandError, match="--name must be 1 to 120 characters"):
        call_command("create_api_token", store=store.slug, name="   ")
