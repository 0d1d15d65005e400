"""Password reset by email: one answer for every address, a mail only for an active member,
in their language, with a link that works once."""

import re
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from storedesk.accounts.actions.passwords import do_reset_password
from storedesk.accounts.models import User
from storedesk.accounts.passwords import password_set_path
from storedesk.accounts.permissions import Role
from storedesk.accounts.tests.two_factor_steps import NOW, enrol
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db

OLD_PASSWORD = "a long and unusual passphrase"
NEW_PASSWORD = "quince marmalade on tuesdays"
STOREDESK_URL = "https://help.moda.example"


@pytest.fixture(autouse=True)
def _site_address(settings: Any) -> None:
    settings.STOREDESK_URL = STOREDESK_URL


@pytest.fixture
def member(store: Store, make_staff: Callable[..., User]) -> User:
    user = make_staff(store, Role.AGENT, email="deniz@moda.example", name="Deniz Kaya")
    user.set_password(OLD_PASSWORD)
    user.save()
    return user


def ask(email: str, address: str = "198.51.100.7", **headers: str) -> Any:
    return Client(REMOTE_ADDR=address).post(
        "/password/reset/", {"email": email}, headers=headers, follow=True
    )


def link_in(message: mail.EmailMessage) -> str:
    found = re.search(r"https://\S+", str(message.body))
    assert found is not None
    return found.group(0)


def set_password(link: str, password: str = NEW_PASSWORD, client: Client | None = None) -> Any:
    client = client or Client()
    form = client.get(link.removeprefix(STOREDESK_URL), follow=True)
    return client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_every_address_gets_the_same_answer_and_only_an_active_member_a_mail(
    member: User,
    make_staff: Callable[..., User],
    store: Store,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_staff(store, Role.AGENT, email="left@moda.example", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        answers = [ask(email) for email in ("DENIZ@moda.example", "nobody@moda.example")]
        answers.append(ask("left@moda.example"))
    ran = run_queued_tasks()

    assert [answer.redirect_chain for answer in answers] == [[("/password/reset/sent/", 302)]] * 3
    # Alike but for each visitor's own CSRF token.
    pages = {re.sub(r'"X-CSRFToken": "\w+"', "", answer.content.decode()) for answer in answers}
    assert len(pages) == 1
    assert "If that address belongs to a Storedesk account" in pages.pop()
    assert ran == ["storedesk.accounts.tasks.send_password_reset_email"]
    assert [message.to for message in mail.outbox] == [["deniz@moda.example"]]
    message = mail.outbox[0]
    assert message.subject == "Choose a new Storedesk password"
    assert "Hello Deniz Kaya," in message.body
    assert link_in(message).startswith(f"{STOREDESK_URL}/password/set/")
    assert "The link works once, within 72 hours." in message.body


def test_the_mail_is_in_the_members_language(
    member: User,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Any,
) -> None:
    member.language = "tr"
    member.save()

    with django_capture_on_commit_callbacks(execute=True):
        ask(member.email, **{"Accept-Language": "de"})
    run_queued_tasks()

    message = mail.outbox[0]
    with translation.override("tr"):
        subject = gettext("Choose a new Storedesk password")
    assert message.extra_headers["Content-Language"] == "tr"
    assert message.subject == subject


def test_a_malformed_address_is_a_form_error_and_sends_nothing(
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    response = ask("not an address")

    assert response.status_code == 200
    assert response.redirect_chain == []
    assert "Enter a valid email address." in response.content.decode()
    assert run_queued_tasks() == []


def test_the_link_sets_a_new_password_once(
    store: Store, member: User, run_queued_tasks: Callable[[], list[str]]
) -> None:
    link = STOREDESK_URL + password_set_path(member)

    done = set_password(link)
    again = set_password(link, password="yet another long passphrase")

    assert done.redirect_chain[-1] == ("/login/", 302)
    assert "Your new password is set. Sign in with it now." in done.content.decode()
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert "This link no longer works" in again.content.decode()
    signing_in = Client().post("/login/", {"username": member.email, "password": NEW_PASSWORD})
    assert signing_in["Location"] == "/"
    assert AuditLogEntry.objects.filter(
        store=store, action="password.reset", target_type="user", target_id=str(member.pk)
    ).exists()


def test_the_token_leaves_the_address_bar_before_the_form_shows(member: User) -> None:
    client = Client()
    path = password_set_path(member)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].endswith("/set-password/")
    assert path.split("/")[-2] not in response["Location"]


def test_a_weak_password_is_refused_and_nothing_changes(member: User) -> None:
    response = set_password(STOREDESK_URL + password_set_path(member), password="12345")

    assert "This password is too short." in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(OLD_PASSWORD)


def test_mismatched_passwords_are_refused(member: User) -> None:
    client = Client()
    form = client.get(password_set_path(member))

    response = client.post(
        form["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "!"}
    )

    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(OLD_PASSWORD)


@pytest.mark.parametrize(
    "path",
    ["/password/set/MQ/abc-def/", "/password/set/!!!/set-password/", "/password/set/ZZZZ/x/"],
)
def test_a_broken_link_shows_a_friendly_page(client: Client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert "This link no longer works" in response.content.decode()
    assert 'href="/password/reset/"' in response.content.decode()


def test_an_inactive_members_link_does_not_work(member: User) -> None:
    link = STOREDESK_URL + password_set_path(member)
    member.is_active = False
    member.save()

    response = set_password(link)

    assert "This link no longer works" in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(OLD_PASSWORD)


def test_a_member_with_two_factor_still_gives_a_code_after_the_reset(member: User) -> None:
    enrolment = enrol(member)
    set_password(STOREDESK_URL + password_set_path(member))
    client = Client()

    with time_machine.travel(NOW, tick=False):
        password_step = client.post("/login/", {"username": member.email, "password": NEW_PASSWORD})
        code_step = client.post("/login/verify/", {"code": enrolment.code()})
        signed_in = "_auth_user_id" in client.session

    assert password_step["Location"] == "/login/verify/"
    assert code_step["Location"] == "/"
    assert signed_in


def test_a_reset_lifts_the_lockout_of_wrong_passwords(member: User) -> None:
    for _ in range(5):
        Client().post("/login/", {"username": member.email, "password": "wrong"})
    locked = Client().post("/login/", {"username": member.email, "password": OLD_PASSWORD})

    with_new_password = Client()
    set_password(STOREDESK_URL + password_set_path(member))
    response = with_new_password.post(
        "/login/", {"username": member.email, "password": NEW_PASSWORD}
    )

    assert locked.status_code == 429
    assert response.status_code == 302


def test_other_sessions_end_when_the_password_is_reset(store: Store, member: User) -> None:
    elsewhere = logged_in(member)

    do_reset_password(member, password=NEW_PASSWORD)

    assert elsewhere.get(f"/s/{store.slug}/inbox/")["Location"].startswith("/login/")


def test_one_address_gets_at_most_three_mails_and_no_hint_of_it(
    member: User,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        answers = [ask(member.email, address=f"198.51.100.{n}") for n in range(5)]
    run_queued_tasks()

    assert [answer.redirect_chain for answer in answers] == [[("/password/reset/sent/", 302)]] * 5
    assert len(mail.outbox) == 3


def test_one_network_may_ask_ten_times_in_fifteen_minutes(member: User) -> None:
    with time_machine.travel(NOW, tick=False):
        answers = [ask(f"someone{n}@example.com").status_code for n in range(10)]
        refused = ask(member.email)

    assert answers == [200] * 10
    assert refused.status_code == 429
    assert refused.redirect_chain == []
    assert "Too many password reset requests from your network." in refused.content.decode()
    assert refused.wsgi_request.path == "/password/reset/"
