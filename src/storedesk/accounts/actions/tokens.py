import secrets

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import ApiToken, User
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors import TOKEN_PREFIX, hash_token_secret
from storedesk.core.errors import NotFound
from storedesk.core.models import Store


@transaction.atomic
def check_create_api_token(actor: Actor, *, name: str) -> tuple[ApiToken, str]:
    """Create an integration token; the raw token is returned once and never stored."""
    actor.require(Permission.MANAGE_STORE)
    return do_create_api_token(actor.store, name=name, created_by=actor.user)


@transaction.atomic
def do_create_api_token(
    store: Store, *, name: str, created_by: User | None = None
) -> tuple[ApiToken, str]:
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32).replace("_", "-")
    token = ApiToken.objects.create(
        store=store,
        name=name,
        prefix=prefix,
        secret_hash=hash_token_secret(secret),
        created_by=created_by,
    )
    return token, f"{TOKEN_PREFIX}_{prefix}_{secret}"


def check_revoke_api_token(actor: Actor, token_id: int) -> ApiToken:
    actor.require(Permission.MANAGE_STORE)
    token = ApiToken.objects.filter(store=actor.store, pk=token_id).first()
    if token is None:
        raise NotFound(_("No such API token."))
    return do_revoke_api_token(actor, token)


@transaction.atomic
def do_revoke_api_token(actor: Actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = now()
        token.save(update_fields=["revoked_at"])
        actor.audit("api_token.revoked", "api_token", token.pk, name=token.name)
    return token
