"""Two-factor authentication for staff: enrolment with real codes, recovery codes, turning it
off, throttled guessing, and a store that requires it of every member (its pages, the session
API and the agent socket)."""

import hashlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from channels.db import database_sync_to_async as db
from django.test import Client
from django.urls import reverse

from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.two_factor import (
    RECOVERY_CODE_COUNT,
    InvalidCode,
    TwoFactorMethod,
    check_confirm_two_factor,
    check_disable_two_factor,
    check_regenerate_recovery_codes,
    check_set_store_two_factor_required,
    check_sign_in_code,
    do_begin_two_factor,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import RecoveryCode, TwoFactorDevice, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.accounts.selectors.two_factor import has_two_factor
from storedesk.accounts.tests.two_factor_steps import ADDRESS, NOW, code_at, enrol
from storedesk.core.errors import Conflict, PermissionDenied, ValidationFailed
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.ratelimit import RateLimited
from storedesk.core.tests.clients import logged_in
from storedesk.realtime.tests.sockets import agent_socket, close_code, open_socket, session_cookie

PASSWORD = "a long and unusual passphrase"
SECURITY = "/account/security/"


def actor_of(user: User, store: Store, role: Role) -> Actor:
    return Actor(store=store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])


def audit_actions(store: Store) -> list[tuple[str, str, str]]:
    return list(
        AuditLogEntry.objects.filter(store=store)
        .order_by("id")
        .values_list("action", "actor_label", "target_type")
    )


@pytest.fixture
def owner(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.OWNER, email="owner@moda.example", name="Ayşe Yılmaz")


@pytest.fixture
def at_now() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


# Enrolment ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_code_from_the_app_turns_two_factor_on_with_ten_recovery_codes(
    store: Store, other_store: Store, agent: User, at_now: Any
) -> None:
    do_add_member(other_store, user=agent, role=Role.AGENT)
    device = do_begin_two_factor(agent)

    codes = check_confirm_two_factor(agent, code=code_at(device.secret, NOW), address=ADDRESS)

    device.refresh_from_db()
    assert device.confirmed_at == NOW
    assert device.last_used_step == int(NOW.timestamp()) // 30
    assert has_two_factor(agent)
    assert len(codes) == RECOVERY_CODE_COUNT == len(set(codes))
    assert all(len(code) == 11 and code[5] == "-" for code in codes)
    stored = set(RecoveryCode.objects.filter(user=agent).values_list("code_hash", flat=True))
    assert stored == {hashlib.sha256(code.replace("-", "").encode()).hexdigest() for code in codes}
    for where in (store, other_store):
        assert audit_actions(where) == [("two_factor.enabled", agent.email, "user")]


@pytest.mark.django_db
def test_beginning_again_replaces_an_unfinished_setup(agent: User) -> None:
    first = do_begin_two_factor(agent).secret

    second = do_begin_two_factor(agent).secret

    assert first != second
    assert list(TwoFactorDevice.objects.values_list("secret", flat=True)) == [second]


@pytest.mark.django_db
def test_beginning_is_refused_once_two_factor_is_on(agent: User) -> None:
    enrolment = enrol(agent)

    with pytest.raises(Conflict):
        do_begin_two_factor(agent)

    assert TwoFactorDevice.objects.get(user=agent).secret == enrolment.secret


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["000000", "12345", "abcdef", "", "1" * 500])
def test_a_wrong_first_code_changes_nothing(
    store: Store, agent: User, at_now: Any, code: str
) -> None:
    device = do_begin_two_factor(agent)
    if code == "000000" and code_at(device.secret, NOW) == code:
        pytest.skip("the app happens to show 000000 now")

    with pytest.raises(InvalidCode) as raised:
        check_confirm_two_factor(agent, code=code, address=ADDRESS)

    assert raised.value.message == (
        "That code is not right. Enter the 6-digit code your app shows now."
    )
    device.refresh_from_db()
    assert device.confirmed_at is None
    assert not RecoveryCode.objects.exists()
    assert audit_actions(store) == []


@pytest.mark.django_db
def test_confirming_without_beginning_is_refused(agent: User) -> None:
    with pytest.raises(ValidationFailed) as raised:
        check_confirm_two_factor(agent, code="123456", address=ADDRESS)

    assert raised.value.message == "Start setting up two-factor authentication first."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("seconds", "accepted"), [(-60, False), (-30, True), (30, True), (60, False)]
)
def test_the_code_of_the_step_before_or_after_is_accepted_and_no_other(
    agent: User, at_now: Any, seconds: int, accepted: bool
) -> None:
    device = do_begin_two_factor(agent)
    code = code_at(device.secret, NOW + timedelta(seconds=seconds))
    if code == code_at(device.secret, NOW):
        pytest.skip("two steps happen to share a code")

    if accepted:
        check_confirm_two_factor(agent, code=code, address=ADDRESS)
    else:
        with pytest.raises(InvalidCode):
            check_confirm_two_factor(agent, code=code, address=ADDRESS)

    assert has_two_factor(agent) is accepted


# Codes at sign-in -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_code_signs_in_once_and_never_again(agent: User, at_now: Any) -> None:
    enrolment = enrol(agent)

    method = check_sign_in_code(agent, code=enrolment.code(), address=ADDRESS)
    with pytest.raises(InvalidCode):
        check_sign_in_code(agent, code=enrolment.code(), address=ADDRESS)

    assert method is TwoFactorMethod.AUTHENTICATOR


@pytest.mark.django_db
def test_an_earlier_code_is_refused_after_a_later_one_was_used(agent: User, at_now: Any) -> None:
    enrolment = enrol(agent)
    earlier = enrolment.code(NOW - timedelta(seconds=30))
    if earlier == enrolment.code():
        pytest.skip("two steps happen to share a code")

    check_sign_in_code(agent, code=enrolment.code(), address=ADDRESS)

    with pytest.raises(InvalidCode):
        check_sign_in_code(agent, code=earlier, address=ADDRESS)


@pytest.mark.django_db
def test_an_expired_code_is_refused(agent: User) -> None:
    enrolment = enrol(agent)
    shown = enrolment.code(NOW)

    with time_machine.travel(NOW + timedelta(seconds=75), tick=False), pytest.raises(InvalidCode):
        check_sign_in_code(agent, code=shown, address=ADDRESS)


@pytest.mark.django_db
def test_spaces_in_a_typed_code_do_not_matter(agent: User, at_now: Any) -> None:
    enrolment = enrol(agent)
    code = enrolment.code()

    method = check_sign_in_code(agent, code=f" {code[:3]} {code[3:]} ", address=ADDRESS)

    assert method is TwoFactorMethod.AUTHENTICATOR


@pytest.mark.django_db
def test_a_recovery_code_works_once_however_it_is_typed(
    store: Store, agent: User, at_now: Any
) -> None:
    enrolment = enrol(agent)
    code = enrolment.recovery_codes[3]

    method = check_sign_in_code(agent, code=f"  {code.upper()} ", address=ADDRESS)
    with pytest.raises(InvalidCode):
        check_sign_in_code(agent, code=code, address=ADDRESS)

    assert method is TwoFactorMethod.RECOVERY_CODE
    assert RecoveryCode.objects.filter(user=agent, used_at=NOW).count() == 1
    used = AuditLogEntry.objects.get(store=store, action="recovery_code.used")
    assert used.details == {"remaining": 9}


@pytest.mark.django_db
def test_a_member_without_two_factor_has_no_code_to_give(agent: User, at_now: Any) -> None:
    with pytest.raises(InvalidCode):
        check_sign_in_code(agent, code="123456", address=ADDRESS)


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old_ones(store: Store, agent: User, at_now: Any) -> None:
    old = enrol(agent).recovery_codes

    new = check_regenerate_recovery_codes(agent)

    with pytest.raises(InvalidCode):
        check_sign_in_code(agent, code=old[0], address=ADDRESS)
    assert check_sign_in_code(agent, code=new[0], address=ADDRESS) is TwoFactorMethod.RECOVERY_CODE
    assert set(old).isdisjoint(new)
    assert RecoveryCode.objects.filter(user=agent).count() == RECOVERY_CODE_COUNT
    assert [action for action, _label, _kind in audit_actions(store)] == [
        "two_factor.enabled",
        "recovery_codes.regenerated",
        "recovery_code.used",
    ]


@pytest.mark.django_db
def test_recovery_codes_need_two_factor_on(agent: User) -> None:
    with pytest.raises(ValidationFailed):
        check_regenerate_recovery_codes(agent)

    assert not RecoveryCode.objects.exists()


# Throttled guessing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_after_five_wrong_codes_even_the_right_one_waits(agent: User, at_now: Any) -> None:
    enrolment = enrol(agent)
    for n in range(5):
        with pytest.raises(InvalidCode):
            check_sign_in_code(agent, code=f"zz{n}", address=f"198.51.100.{n}")

    with pytest.raises(RateLimited) as raised:
        check_sign_in_code(agent, code=enrolment.code(), address="198.51.100.99")

    assert raised.value.message == "Too many wrong codes. Please try again in 10 minutes."
    assert raised.value.retry_after == 590
    with time_machine.travel(NOW + timedelta(minutes=10), tick=False):
        later = enrolment.code(NOW + timedelta(minutes=10))
        assert check_sign_in_code(agent, code=later, address=ADDRESS) is (
            TwoFactorMethod.AUTHENTICATOR
        )


@pytest.mark.django_db
def test_wrong_codes_from_one_address_count_across_members(
    store: Store, agent: User, admin: User, at_now: Any, settings: Any
) -> None:
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    enrol(agent)
    enrolment = enrol(admin)
    for member in (agent, agent, admin):
        with pytest.raises(InvalidCode):
            check_sign_in_code(member, code="zzzzzz", address=ADDRESS)

    with pytest.raises(RateLimited):
        check_sign_in_code(admin, code=enrolment.code(), address=ADDRESS)
    assert check_sign_in_code(admin, code=enrolment.code(), address="198.51.100.1") is (
        TwoFactorMethod.AUTHENTICATOR
    )


@pytest.mark.django_db
def test_wrong_first_codes_are_throttled_too(agent: User, at_now: Any, settings: Any) -> None:
    settings.TWO_FACTOR_FAILURES_PER_USER = 2
    device = do_begin_two_factor(agent)
    for _ in range(2):
        with pytest.raises(InvalidCode):
            check_confirm_two_factor(agent, code="zzzzzz", address=ADDRESS)

    with pytest.raises(RateLimited):
        check_confirm_two_factor(agent, code=code_at(device.secret, NOW), address=ADDRESS)
    assert not has_two_factor(agent)


# Turning it off -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("proof", ["code", "recovery code", "password"])
def test_two_factor_is_turned_off_with_a_code_or_the_password(
    store: Store, agent: User, at_now: Any, proof: str
) -> None:
    agent.set_password(PASSWORD)
    agent.save()
    enrolment = enrol(agent)
    given = {
        "code": {"code": enrolment.code()},
        "recovery code": {"code": enrolment.recovery_codes[0]},
        "password": {"password": PASSWORD},
    }[proof]

    check_disable_two_factor(agent, address=ADDRESS, **given)

    assert not TwoFactorDevice.objects.filter(user=agent).exists()
    assert not RecoveryCode.objects.filter(user=agent).exists()
    assert audit_actions(store)[-1] == ("two_factor.disabled", agent.email, "user")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"password": "not the password"}, "That password is not right."),
        ({"code": "zzzzzz"}, "That code is not right."),
        ({}, "Enter a code from your authenticator app, a recovery code, or your password."),
    ],
)
def test_turning_it_off_needs_a_right_proof(
    agent: User, at_now: Any, given: dict[str, str], message: str
) -> None:
    agent.set_password(PASSWORD)
    agent.save()
    enrol(agent)

    with pytest.raises(ValidationFailed) as raised:
        check_disable_two_factor(agent, address=ADDRESS, **given)

    assert raised.value.message.startswith(message)
    assert has_two_factor(agent)


@pytest.mark.django_db
def test_two_factor_stays_on_while_a_store_requires_it(
    store: Store, agent: User, at_now: Any
) -> None:
    enrolment = enrol(agent)
    store.require_two_factor = True
    store.save()

    with pytest.raises(PermissionDenied) as raised:
        check_disable_two_factor(agent, code=enrolment.code(), address=ADDRESS)

    assert raised.value.message == (
        "Moda Çarşı requires two-factor authentication for everyone, so it stays on while you "
        "work there."
    )
    assert has_two_factor(agent)


# A store's requirement ------------------------------------------------------------------


@pytest.mark.django_db
def test_an_owner_with_two_factor_requires_it_once_however_often_they_submit(
    store: Store, owner: User
) -> None:
    enrol(owner)
    actor = actor_of(owner, store, Role.OWNER)

    check_set_store_two_factor_required(actor, required=True)
    check_set_store_two_factor_required(actor, required=True)

    store.refresh_from_db()
    assert store.require_two_factor
    entries = AuditLogEntry.objects.filter(store=store, action="store.two_factor_required")
    assert [(entry.target_type, entry.details) for entry in entries] == [
        ("store", {"required": True})
    ]


@pytest.mark.django_db
def test_an_owner_without_two_factor_cannot_require_it(store: Store, owner: User) -> None:
    with pytest.raises(ValidationFailed) as raised:
        check_set_store_two_factor_required(actor_of(owner, store, Role.OWNER), required=True)

    assert raised.value.message == (
        "Turn on two-factor authentication for yourself before requiring it of everyone."
    )
    store.refresh_from_db()
    assert not store.require_two_factor


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADMIN, Role.AGENT, Role.VIEWER])
def test_only_an_owner_decides_the_requirement(
    store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    member = make_staff(store, role)
    enrol(member)
    store.require_two_factor = True
    store.save()

    with pytest.raises(PermissionDenied):
        check_set_store_two_factor_required(actor_of(member, store, role), required=False)

    store.refresh_from_db()
    assert store.require_two_factor
    assert not AuditLogEntry.objects.filter(action="store.two_factor_required").exists()


@pytest.mark.django_db
def test_an_owner_stops_requiring_it(store: Store, owner: User) -> None:
    store.require_two_factor = True
    store.save()
    enrol(owner)

    check_set_store_two_factor_required(actor_of(owner, store, Role.OWNER), required=False)

    store.refresh_from_db()
    assert not store.require_two_factor


# The security page ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_security_page_needs_a_login(client: Client) -> None:
    assert client.get(SECURITY)["Location"].startswith("/login/")
    assert client.post(reverse("two-factor-begin"))["Location"].startswith("/login/")


@pytest.mark.django_db
def test_setting_up_on_the_page_shows_the_qr_code_and_the_codes_once(
    store: Store, agent: User, at_now: Any
) -> None:
    client = logged_in(agent)

    client.post(reverse("two-factor-begin"))
    setup = client.get(SECURITY)
    secret = TwoFactorDevice.objects.get(user=agent).secret
    confirmed = client.post(reverse("two-factor-confirm"), {"code": code_at(secret, NOW)})
    shown = client.get(SECURITY)
    again = client.get(SECURITY)

    page = setup.content.decode()
    assert 'class="segno"' in page
    assert " ".join(secret[n : n + 4] for n in range(0, 32, 4)) in page
    assert setup["Cache-Control"].startswith("max-age=0")
    assert confirmed["Location"] == SECURITY
    codes = shown.context["new_codes"]
    assert len(codes) == RECOVERY_CODE_COUNT
    assert all(code in shown.content.decode() for code in codes)
    assert "Two-factor authentication is on." in shown.content.decode()
    assert 'download="storedesk-recovery-codes.txt"' in shown.content.decode()
    assert again.context["new_codes"] == []
    assert codes[0] not in again.content.decode()
    assert secret not in again.content.decode()


@pytest.mark.django_db
def test_a_double_submitted_confirmation_still_shows_the_codes(agent: User, at_now: Any) -> None:
    client = logged_in(agent)
    device = do_begin_two_factor(agent)
    code = code_at(device.secret, NOW)

    client.post(reverse("two-factor-confirm"), {"code": code})
    second = client.post(reverse("two-factor-confirm"), {"code": code})
    shown = client.get(second["Location"])

    assert len(shown.context["new_codes"]) == RECOVERY_CODE_COUNT
    assert RecoveryCode.objects.filter(user=agent).count() == RECOVERY_CODE_COUNT


@pytest.mark.django_db
def test_a_wrong_code_on_the_page_is_explained(agent: User, at_now: Any) -> None:
    client = logged_in(agent)
    client.post(reverse("two-factor-begin"))

    response = client.post(reverse("two-factor-confirm"), {"code": "12"}, follow=True)

    assert "That code is not right." in response.content.decode()
    assert not has_two_factor(agent)


@pytest.mark.django_db
def test_the_page_keeps_where_to_go_next_and_refuses_other_sites(agent: User) -> None:
    client = logged_in(agent)

    kept = client.post(reverse("two-factor-begin"), {"next": "/s/moda/inbox/"})
    dropped = client.post(reverse("two-factor-begin"), {"next": "https://evil.example/"})

    assert kept["Location"] == f"{SECURITY}?next=%2Fs%2Fmoda%2Finbox%2F"
    assert dropped["Location"] == SECURITY


@pytest.mark.django_db
def test_regenerating_and_turning_off_on_the_page(store: Store, agent: User, at_now: Any) -> None:
    agent.set_password(PASSWORD)
    agent.save()
    old = enrol(agent).recovery_codes
    client = logged_in(agent)

    client.post(reverse("recovery-codes-regenerate"))
    new = client.get(SECURITY).context["new_codes"]
    wrong = client.post(reverse("two-factor-disable"), {"password": "nope"}, follow=True)
    off = client.post(reverse("two-factor-disable"), {"password": PASSWORD}, follow=True)

    assert set(new).isdisjoint(old)
    assert "That password is not right." in wrong.content.decode()
    assert "Two-factor authentication is off." in off.content.decode()
    assert not has_two_factor(agent)


@pytest.mark.django_db
def test_an_owner_switches_the_requirement_on_the_page(store: Store, owner: User) -> None:
    enrol(owner)
    client = logged_in(owner)

    page = client.get(SECURITY).content.decode()
    response = client.post(
        reverse("store-two-factor-required", args=[store.slug]), {"required": "1"}, follow=True
    )

    assert reverse("store-two-factor-required", args=[store.slug]) in page
    store.refresh_from_db()
    assert store.require_two_factor
    assert "Moda Çarşı now requires two-factor authentication of every member." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_the_page_offers_the_switch_to_owners_only(store: Store, admin: User) -> None:
    enrol(admin)
    client = logged_in(admin)

    page = client.get(SECURITY).content.decode()
    response = client.post(
        reverse("store-two-factor-required", args=[store.slug]), {"required": "1"}, follow=True
    )

    assert reverse("store-two-factor-required", args=[store.slug]) not in page
    assert "Only an owner can decide" in response.content.decode()
    store.refresh_from_db()
    assert not store.require_two_factor


@pytest.mark.django_db
def test_another_stores_switch_is_not_found(
    store: Store, other_store: Store, owner: User, make_staff: Callable[..., User]
) -> None:
    enrol(owner)
    make_staff(other_store, Role.OWNER)

    response = logged_in(owner).post(
        reverse("store-two-factor-required", args=[other_store.slug]), {"required": "1"}
    )

    assert response.status_code == 404
    other_store.refresh_from_db()
    assert not other_store.require_two_factor


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["", "yes", "2"])
def test_a_switch_without_a_clear_choice_is_a_bad_request(
    store: Store, owner: User, value: str
) -> None:
    enrol(owner)

    response = logged_in(owner).post(
        reverse("store-two-factor-required", args=[store.slug]), {"required": value}
    )

    assert response.status_code == 400
    store.refresh_from_db()
    assert not store.require_two_factor


@pytest.mark.django_db
def test_the_settings_page_shows_the_requirement_and_links_to_the_security_page(
    store: Store, agent: User
) -> None:
    page = logged_in(agent).get(reverse("store-settings", args=[store.slug])).content.decode()

    assert 'id="security"' in page
    assert "Two-factor optional" in page
    assert "Two-factor off" in page
    assert f'href="{SECURITY}"' in page


# A store that requires it ---------------------------------------------------------------


@pytest.fixture
def strict_store(store: Store) -> Store:
    store.require_two_factor = True
    store.save()
    return store


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["inbox", "customer-list", "store-settings"])
def test_a_member_without_two_factor_is_sent_to_set_it_up(
    strict_store: Store, agent: User, name: str
) -> None:
    path = reverse(name, args=[strict_store.slug])

    response = logged_in(agent).get(path, follow=True)

    assert response.redirect_chain == [(f"{SECURITY}?next={path.replace('/', '%2F')}", 302)]
    assert (
        "Moda Çarşı requires two-factor authentication. Set it up on your security page to "
        "continue." in response.content.decode()
    )
    assert response.context["next"] == path


@pytest.mark.django_db
def test_a_fragment_request_is_sent_to_the_security_page_whole(
    strict_store: Store, agent: User
) -> None:
    response = logged_in(agent).get(
        reverse("customer-list", args=[strict_store.slug]), headers={"HX-Request": "true"}
    )

    assert response.headers["HX-Redirect"].startswith(SECURITY)


@pytest.mark.django_db
def test_a_member_with_two_factor_works_as_usual(strict_store: Store, agent: User) -> None:
    enrol(agent)

    assert logged_in(agent).get(reverse("inbox", args=[strict_store.slug])).status_code == 200


@pytest.mark.django_db
def test_other_stores_of_the_member_are_not_affected(
    strict_store: Store, other_store: Store, agent: User
) -> None:
    do_add_member(other_store, user=agent, role=Role.AGENT)

    response = logged_in(agent).get(reverse("inbox", args=[other_store.slug]))

    assert response.status_code == 200


@pytest.mark.django_db
def test_the_session_api_refuses_a_member_without_two_factor(
    strict_store: Store, agent: User
) -> None:
    response = logged_in(agent).get("/api/v1/customers")

    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": "two_factor_required",
        "message": "Moda Çarşı requires two-factor authentication. Set it up on your security "
        "page to continue.",
        "details": None,
    }


@pytest.mark.django_db
def test_the_session_api_serves_a_member_with_two_factor(strict_store: Store, agent: User) -> None:
    enrol(agent)

    assert logged_in(agent).get("/api/v1/customers").status_code == 200


@pytest.mark.django_db
def test_api_tokens_are_not_affected(strict_store: Store, api_client: Client) -> None:
    assert api_client.get("/api/v1/customers").status_code == 200


@pytest.mark.anyio
@pytest.mark.django_db(transaction=True)
async def test_the_agent_socket_refuses_a_member_without_two_factor(
    strict_store: Store, agent: User
) -> None:
    cookie = await db(session_cookie)(agent)

    assert await close_code(agent_socket(strict_store.slug, cookie)) == 4404


@pytest.mark.anyio
@pytest.mark.django_db(transaction=True)
async def test_the_agent_socket_opens_for_a_member_with_two_factor(
    strict_store: Store, agent: User
) -> None:
    await db(enrol)(agent)
    socket = agent_socket(strict_store.slug, await db(session_cookie)(agent))

    await open_socket(socket)

    await socket.disconnect()
