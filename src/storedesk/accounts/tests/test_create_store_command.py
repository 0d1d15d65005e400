"""``storedesk create_store``: a store and its owner without questions, for scripts and
containers; a one-time password link for a new owner; clear errors, nothing written and a
telling exit status on bad input."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.management import CommandError, call_command
from django.urls import resolve
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from storedesk.accounts.models import Membership, RoleAuthority, Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.processes import copy_data_dir, environment

pytestmark = pytest.mark.django_db

KARGO = [
    "kargo",
    "--name=Kargo Dükkanı",
    "--owner-email=ada@example.com",
    "--owner-name=Ada Yılmaz",
    "--language=tr",
    "--languages=tr,en",
    "--currency=TRY",
    "--timezone=Europe/Istanbul",
    "--country=TR",
]


def create_store(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    call_command("create_store", *arguments)
    return capsys.readouterr().out


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Store, User, Membership, Team, RoleAuthority, AuditLogEntry)
    )


def password_link_user(link: str) -> User:
    """The user a password link is for, once its token is checked."""
    match = resolve(urlsplit(link).path)
    assert match.url_name == "password-set"
    user = User.objects.get(pk=force_str(urlsafe_base64_decode(match.kwargs["uidb64"])))
    assert default_token_generator.check_token(user, match.kwargs["token"])
    return user


def test_it_creates_the_store_and_prints_the_owners_password_link(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = create_store(capsys, *KARGO)

    store = Store.objects.get()
    owner = User.objects.get()
    assert (store.slug, store.name, store.languages, store.default_currency, store.country) == (
        "kargo",
        "Kargo Dükkanı",
        ["tr", "en"],
        "TRY",
        "TR",
    )
    assert (owner.email, owner.name, owner.language, owner.timezone) == (
        "ada@example.com",
        "Ada Yılmaz",
        "tr",
        "Europe/Istanbul",
    )
    assert not owner.has_usable_password()
    lines = out.splitlines()
    assert lines[0] == (
        "Created the store 'Kargo Dükkanı' (kargo): http://127.0.0.1:8000/s/kargo/inbox/"
    )
    assert lines[1] == (
        "Its owner ada@example.com chooses a password at this link (it works once, for 72 hours):"
    )
    assert lines[2].startswith("http://127.0.0.1:8000/")
    assert password_link_user(lines[2]) == owner
    assert Membership.objects.get().role == "owner"
    created = AuditLogEntry.objects.get(action="store.created")
    assert (created.actor_user, created.actor_label) == (None, "system")


def test_the_link_starts_with_the_configured_address(
    capsys: pytest.CaptureFixture[str], settings: Any
) -> None:
    settings.STOREDESK_URL = "https://desk.example.com"

    summary = json.loads(create_store(capsys, *KARGO, "--json"))

    assert summary["password_link"].startswith("https://desk.example.com/")
    assert summary["store"]["url"] == "https://desk.example.com/s/kargo/inbox/"


def test_json_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    summary = json.loads(create_store(capsys, *KARGO, "--json"))

    store = Store.objects.get()
    assert summary == {
        "store": {
            "id": store.pk,
            "slug": "kargo",
            "name": "Kargo Dükkanı",
            "url": "http://127.0.0.1:8000/s/kargo/inbox/",
        },
        "owner": {"email": "ada@example.com", "new_account": True},
        "password_link": summary["password_link"],
    }
    assert password_link_user(summary["password_link"]).email == "ada@example.com"


def test_an_owner_with_an_account_needs_no_link(
    capsys: pytest.CaptureFixture[str], other_store: Store, make_staff: Any
) -> None:
    owner = make_staff(other_store, Role.OWNER, email="ada@example.com")
    owner.set_password("an existing passphrase")
    owner.save()

    out = create_store(capsys, *KARGO)
    again = json.loads(create_store(capsys, *[*KARGO[1:], "kargo-iki", "--json"]))

    assert out.splitlines()[1] == (
        "Its owner ada@example.com has an account already and signs in with their password."
    )
    assert again["owner"] == {"email": "ada@example.com", "new_account": False}
    assert again["password_link"] is None
    assert set(Membership.objects.filter(user=owner).values_list("store__slug", flat=True)) == {
        other_store.slug,
        "kargo",
        "kargo-iki",
    }


def test_the_defaults_follow_the_time_zone(capsys: pytest.CaptureFixture[str]) -> None:
    create_store(
        capsys, "sklep", "--name=Sklep Łódź", "--owner-email=ola@example.com",
        "--timezone=Europe/Warsaw", "--languages=pl,en",
    )  # fmt: skip

    store = Store.objects.get()
    assert (store.country, store.default_currency, store.default_language, store.languages) == (
        "PL",
        "PLN",
        "pl",
        ["pl", "en"],
    )


def test_without_options_the_store_speaks_english_in_utc_and_needs_a_country(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(CommandError) as raised:
        create_store(capsys, "shop", "--name=Shop", "--owner-email=ada@example.com")

    assert str(raised.value) == (
        "Nothing was created:\n"
        "  --currency: Choose the store's currency, such as TRY or EUR.\n"
        "  --country: Choose the store's country."
    )
    create_store(capsys, "shop", "--name=Shop", "--owner-email=ada@example.com", "--country=IE")
    store = Store.objects.get()
    assert (store.default_language, store.timezone, store.default_currency) == ("en", "UTC", "EUR")


@pytest.mark.parametrize(
    ("argument", "problem"),
    [
        ("Kargo Dükkanı", "  SLUG: “Kargo Dükkanı” cannot be a store's address"),
        ("--name=", "  --name: Give the store a name."),
        ("--owner-email=ada", "  --owner-email: Enter the owner's email address"),
        ("--language=xx", "  --language: “xx” is not a language Storedesk speaks"),
        ("--languages=tr,klingon", "  --languages: “klingon” is not a language Storedesk speaks"),
        ("--currency=LIRA", "  --currency: 'LIRA' is not an ISO 4217 currency code."),
        ("--timezone=Asia/Atlantis", "  --timezone: 'Asia/Atlantis' is not an IANA time zone."),
        ("--country=TUR", "  --country: 'TUR' is not an ISO 3166-1 alpha-2 country code."),
    ],
)
def test_bad_input_is_named_by_its_option_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], argument: str, problem: str
) -> None:
    option = argument.partition("=")[0] if argument.startswith("--") else None
    arguments = [a for a in KARGO if option is None or not a.startswith(option + "=")]
    if option is None:
        arguments[0] = argument
    else:
        arguments.append(argument)

    with pytest.raises(CommandError) as raised:
        create_store(capsys, *arguments)

    assert raised.value.returncode == 1
    assert str(raised.value).startswith("Nothing was created:\n")
    assert problem in str(raised.value)
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_a_taken_slug_has_its_own_exit_status(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    before = counts()

    with pytest.raises(CommandError) as raised:
        create_store(capsys, store.slug, *KARGO[1:], "--json")

    assert raised.value.returncode == 3
    assert json.loads(capsys.readouterr().out) == {
        "error": {
            "code": "slug_taken",
            "message": "slug: Another store has the address “moda”; choose another.",
            "details": [
                {
                    "field": "slug",
                    "type": "taken",
                    "message": "Another store has the address “moda”; choose another.",
                }
            ],
        }
    }
    assert counts() == before


def test_json_names_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CommandError) as raised:
        create_store(capsys, "Kargo Dükkanı", "--name=", "--owner-email=x", "--json")

    error = json.loads(capsys.readouterr().out)["error"]
    assert raised.value.returncode == 1
    assert error["code"] == "validation_error"
    assert [problem["field"] for problem in error["details"]] == [
        "name",
        "slug",
        "currency",
        "country",
        "owner_email",
    ]


def test_the_command_exits_with_its_status_in_a_real_process(
    migrated_data_dir: Path, tmp_path: Path
) -> None:
    env = environment(copy_data_dir(migrated_data_dir, tmp_path / "data"))

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603  (our own command, our own arguments)
            [sys.executable, "-m", "storedesk", "create_store", *arguments],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    created = run(*KARGO, "--json")
    taken = run(*KARGO, "--json")
    invalid = run("Kargo Dükkanı", "--name=Kargo", "--owner-email=ada@example.com")
    usage = run("kargo")

    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["store"]["slug"] == "kargo"
    assert taken.returncode == 3
    assert json.loads(taken.stdout)["error"]["code"] == "slug_taken"
    assert invalid.returncode == 1
    assert "SLUG: “Kargo Dükkanı” cannot be a store's address" in invalid.stderr
    assert usage.returncode == 2
    assert "--name" in usage.stderr
