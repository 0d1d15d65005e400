"""Staff read the errors that actions raise in their own language: every message goes
through gettext, and the active language chooses the words."""

import ast
import inspect
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from django.test import Client
from django.utils import translation

from storedesk.accounts import actors
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core import tenancy, validation
from storedesk.core.errors import StoredeskError
from storedesk.core.models import Store
from storedesk.core.tests.action_modules import action_modules
from storedesk.core.validation import check_language
from storedesk.inbox.actions.conversations import check_set_tags
from storedesk.inbox.actions.messages import check_send_reply
from storedesk.inbox.tests.factories import ConversationFactory


def _message_sources() -> Iterator[ModuleType]:
    yield from action_modules()
    yield from (validation, tenancy, actors)


def _is_literal_text(node: ast.expr) -> bool:
    """A message written out in English: a string, an f-string or a sum of them."""
    if isinstance(node, ast.BinOp):
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def untranslated_lines(tree: ast.AST) -> list[int]:
    """The lines where ``tree`` raises an error, or builds a field error, with literal text."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            message = node.exc.args[0] if node.exc.args else None
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "FieldError":
            message = node.args[1] if len(node.args) > 1 else None
        else:
            continue
        if message is not None and _is_literal_text(message):
            found.append(node.lineno)
    return sorted(found)


def test_every_error_message_of_an_action_is_marked_for_translation() -> None:
    untranslated = [
        f"{module.__name__}:{line}"
        for module in _message_sources()
        for line in untranslated_lines(ast.parse(inspect.getsource(module)))
    ]

    assert untranslated == []


def test_the_lint_finds_literal_and_formatted_messages() -> None:
    tree = ast.parse(
        'raise ValidationFailed("Plain.")\n'
        'raise NotFound(f"No {thing}.")\n'
        'raise Conflict("Taken: " + name)\n'
        'FieldError("slug", "Bad slug.")\n'
        'raise ValidationFailed(_("Marked."))\n'
        'raise ValidationFailed(_("Marked %(x)s.") % {"x": x})\n'
        'FieldError("slug", _("Marked."))\n'
        "raise\n"
    )

    assert untranslated_lines(tree) == [1, 2, 3, 4]


def _refusal(action: Callable[[], object], language: str) -> str:
    with translation.override(language), pytest.raises(StoredeskError) as raised:
        action()
    return raised.value.message


@pytest.mark.django_db
def test_an_actions_error_is_raised_in_the_active_language(
    store: Store, agent_actor: Actor
) -> None:
    conversation = ConversationFactory(store=store, customer__store=store)

    def reply_with_nothing() -> object:
        return check_send_reply(agent_actor, conversation, text="   ")

    assert _refusal(reply_with_nothing, "en") == "A message cannot be empty."
    assert _refusal(reply_with_nothing, "tr") == "Mesaj boş olamaz."


@pytest.mark.django_db
def test_the_api_answers_an_actions_refusal_in_the_requests_language(
    api_client: Client, store: Store
) -> None:
    conversation = ConversationFactory(store=store, customer__store=store)

    response = api_client.post(
        f"/api/v1/conversations/{conversation.pk}/messages",
        {"text": "   "},
        content_type="application/json",
        headers={"Accept-Language": "tr"},
    )

    assert response.status_code == 422
    assert response.json()["error"]["message"] == "Mesaj boş olamaz."


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["tr", "pl"])
def test_permission_validation_and_store_refusals_speak_the_staff_language(
    store: Store,
    other_store: Store,
    make_staff: Callable[..., User],
    agent_actor: Actor,
    language: str,
) -> None:
    viewer = make_staff(store, Role.VIEWER)
    viewer_actor = Actor(
        store=store, user=viewer, role=Role.VIEWER, permissions=ROLE_PERMISSIONS[Role.VIEWER]
    )
    ours = ConversationFactory(store=store, customer__store=store)
    theirs = ConversationFactory(store=other_store, customer__store=other_store)
    refusals: dict[str, Callable[[], object]] = {
        "permission": lambda: check_set_tags(viewer_actor, ours, names=["iade"]),
        "validation": lambda: check_language("türkçe"),
        "tags": lambda: check_set_tags(agent_actor, ours, names=[f"t{n}" for n in range(21)]),
        "store": lambda: check_set_tags(agent_actor, theirs, names=["iade"]),
    }

    english = {name: _refusal(action, "en") for name, action in refusals.items()}
    translated = {name: _refusal(action, language) for name, action in refusals.items()}

    assert english == {
        "permission": "You do not have permission to do this.",
        "validation": "'türkçe' is not a language code such as 'tr' or 'pt-BR'.",
        "tags": "A conversation has at most 20 tags of up to 60 characters.",
        "store": "Not found in this store.",
    }
    for name, message in translated.items():
        assert message != english[name], name
