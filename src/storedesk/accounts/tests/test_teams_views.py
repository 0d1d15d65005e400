from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from storedesk.accounts.actions.teams import do_create_team, do_set_role_authority
from storedesk.accounts.models import RoleAuthority, Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in

pytestmark = pytest.mark.django_db

WEEKDAYS = {str(day): [["09:00", "18:00"]] for day in range(1, 6)}


@pytest.fixture
def owner(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.OWNER, email="owner@moda.example", name="Deniz Kaya")


@pytest.fixture
def support(store: Store) -> Team:
    return do_create_team(store, name="Destek", timezone="Europe/Istanbul", working_hours=WEEKDAYS)


def edit_url(store: Store, team: Team) -> str:
    return reverse("team-edit", args=[store.slug, team.pk])


def post_part(client: Client, store: Store, team: Team, part: str, **data: Any) -> Any:
    return client.post(edit_url(store, team), {"part": part, **data})


def actions() -> list[str]:
    return list(
        AuditLogEntry.objects.exclude(action="team.created")
        .order_by("id")
        .values_list("action", flat=True)
    )


# Who may see what ---------------------------------------------------------------------------


def test_the_settings_page_offers_editing_only_to_those_who_may(
    store: Store, admin_client: Client, agent_client: Client, viewer_client: Client,
    support: Team,
) -> None:  # fmt: skip
    settings_url = reverse("store-settings", args=[store.slug])

    admin_page = admin_client.get(settings_url).content.decode()
    pages = [client.get(settings_url).content.decode() for client in (agent_client, viewer_client)]

    assert f'href="{reverse("team-list", args=[store.slug])}"' in admin_page
    assert f'href="{edit_url(store, support)}"' in admin_page
    assert f'href="{reverse("role-authority-edit", args=[store.slug])}"' in admin_page
    for page in pages:
        assert "<h3>Destek</h3>" in page
        assert "/settings/teams/" not in page
        assert "/settings/authority/" not in page


@time_machine.travel(datetime(2026, 6, 1, 9, 0, tzinfo=UTC), tick=False)
def test_the_settings_page_shows_the_teams_next_days_off(
    store: Store, agent_client: Client, support: Team
) -> None:
    support.holidays = [
        {"date": "2026-01-01", "name": "Yılbaşı"},
        {"date": "2026-10-29", "name": "Cumhuriyet Bayramı"},
        {"date": "2026-07-15", "name": ""},
    ]
    support.save()

    html = agent_client.get(reverse("store-settings", args=[store.slug])).content.decode()

    assert "Days off: July 15, 2026, Oct. 29, 2026 (Cumhuriyet Bayramı)</p>" in html
    assert "Yılbaşı" not in html


@pytest.mark.parametrize("name", ["team-list", "role-authority-edit", "team-edit"])
def test_agents_and_viewers_get_403_and_other_stores_404(
    store: Store, agent_client: Client, viewer_client: Client, other_store: Store,
    make_staff: Callable[..., User], support: Team, name: str,
) -> None:  # fmt: skip
    args: list[object] = [store.slug, support.pk] if name == "team-edit" else [store.slug]
    url = reverse(name, args=args)
    outsider = logged_in(make_staff(other_store, Role.OWNER))

    assert agent_client.get(url).status_code == 403
    assert viewer_client.get(url).status_code == 403
    assert outsider.get(url).status_code == 404
    assert Client().get(url).status_code == 302


def test_another_stores_team_is_not_found_and_stays_as_it_was(
    admin_client: Client, store: Store, other_store: Store
) -> None:
    theirs = do_create_team(other_store, name="Zespół", timezone="Europe/Warsaw", working_hours={})

    assert admin_client.get(edit_url(store, theirs)).status_code == 404
    assert (
        post_part(admin_client, store, theirs, "details", name="Ours", timezone="UTC").status_code
        == 404
    )
    deleted = admin_client.post(reverse("team-delete", args=[store.slug, theirs.pk]))

    assert deleted.status_code == 302
    assert Team.objects.get(pk=theirs.pk).name == "Zespół"


def test_an_agent_cannot_change_or_delete_a_team(
    store: Store, agent_client: Client, agent: User, support: Team
) -> None:
    assert post_part(agent_client, store, support, "members", members=[agent.pk]).status_code == 403
    assert (
        agent_client.post(reverse("team-delete", args=[store.slug, support.pk])).status_code == 403
    )
    assert (
        agent_client.post(
            reverse("team-create", args=[store.slug]), {"name": "X", "timezone": "UTC"}
        ).status_code
        == 403
    )

    assert list(Team.objects.values_list("name", flat=True)) == ["Destek"]
    assert not support.members.exists()


# Creating and the list --------------------------------------------------------------------------


def test_an_admin_creates_a_team_and_lands_on_its_page(store: Store, admin_client: Client) -> None:
    response = admin_client.post(
        reverse("team-create", args=[store.slug]), {"name": "Kuzey", "timezone": "Europe/Istanbul"}
    )

    team = Team.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(store, team)
    page = admin_client.get(response["Location"]).content.decode()
    assert "The team “Kuzey” is created." in page
    assert '<input id="team-name" name="name" value="Kuzey"' in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": "destek", "timezone": "UTC"}, "A team named “destek” exists already."),
        (
            {"name": "Kuzey", "timezone": "Mars/Olympus"},
            "&#x27;Mars/Olympus&#x27; is not an IANA time zone.",
        ),
        ({"name": "", "timezone": "UTC"}, "Give the team a name of up to 120 characters."),
    ],
)
def test_a_refused_new_team_shows_the_error_beside_the_form(
    store: Store, admin_client: Client, support: Team, data: dict[str, str], error: str
) -> None:
    response = admin_client.post(reverse("team-create", args=[store.slug]), data)

    html = response.content.decode()
    assert response.status_code == 422
    assert f'<p class="alert" role="alert" id="new-team-error">{error}</p>' in html
    assert f'value="{data["name"]}"' in html
    assert Team.objects.count() == 1


def test_the_team_list_shows_hours_and_members(
    store: Store, admin_client: Client, support: Team, agent: User
) -> None:
    support.members.add(agent)

    html = admin_client.get(reverse("team-list", args=[store.slug])).content.decode()

    assert f'<a href="{edit_url(store, support)}">Destek</a>' in html
    assert "<dt>Mon–Fri</dt><dd>09:00–18:00</dd>" in html
    assert agent.name in html


# A team's page -----------------------------------------------------------------------------


def test_the_weekly_hours_editor_has_a_labelled_input_per_interval(
    store: Store, admin_client: Client, support: Team
) -> None:
    html = admin_client.get(edit_url(store, support)).content.decode()

    assert (
        '<input type="time" id="hours-1-1-start" name="hours-1-1-start" value="09:00" '
        'aria-label="Monday, interval 1, from"'
    ) in html
    assert (
        'id="hours-1-2-end" name="hours-1-2-end" value="" aria-label="Monday, interval 2, until"'
        in html
    )
    assert (
        'id="hours-7-1-start" name="hours-7-1-start" value="" aria-label="Sunday, interval 1, from"'
        in html
    )
    assert 'aria-label="Holiday 1: date"' in html


def test_hours_are_saved_with_several_intervals_and_midnight(
    store: Store, admin_client: Client, support: Team
) -> None:
    response = post_part(
        admin_client, store, support, "hours",
        **{
            "hours-1-1-start": "13:00", "hours-1-1-end": "18:00",
            "hours-1-2-start": "09:00:00", "hours-1-2-end": "12:00",
            "hours-6-1-start": "20:00", "hours-6-1-end": "00:00",
            "hours-7-1-start": "", "hours-7-1-end": "",
        },
    )  # fmt: skip

    support.refresh_from_db()
    assert response.status_code == 302
    assert support.working_hours == {
        "1": [["09:00", "12:00"], ["13:00", "18:00"]],
        "6": [["20:00", "24:00"]],
    }
    page = admin_client.get(response["Location"]).content.decode()
    assert "The working hours are saved." in page
    assert 'name="hours-6-1-end" value="00:00"' in page
    assert actions() == ["team.hours_changed"]


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        (
            {
                "hours-2-1-start": "09:00",
                "hours-2-1-end": "13:00",
                "hours-2-2-start": "12:00",
                "hours-2-2-end": "17:00",
            },
            "Working hours on day 2: intervals must be ordered and not overlap.",
        ),
        (
            {"hours-3-1-start": "17:00", "hours-3-1-end": "09:00"},
            "intervals must be ordered and not overlap",
        ),
        (
            {"hours-4-1-start": "09:00", "hours-4-1-end": ""},
            "Thursday: give both the time work starts and the time it ends.",
        ),
        (
            {"hours-5-1-start": "nine", "hours-5-1-end": "17:00"},
            "Friday: enter times such as 09:30.",
        ),
        (
            {"hours-5-1-start": "25:00", "hours-5-1-end": "26:00"},
            "Friday: enter times such as 09:30.",
        ),
    ],
)
def test_bad_hours_show_the_error_and_what_was_typed(
    store: Store, admin_client: Client, support: Team, fields: dict[str, str], error: str
) -> None:
    response = post_part(admin_client, store, support, "hours", **fields)

    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="hours-error">' in html
    assert error in html
    first_name, first_value = next(iter(fields.items()))
    assert f'name="{first_name}" value="{first_value}"' in html
    support.refresh_from_db()
    assert support.working_hours == WEEKDAYS
    assert actions() == []


def test_members_are_chosen_from_the_stores_staff(
    store: Store, admin_client: Client, support: Team, agent: User, admin: User,
    other_store: Store, make_staff: Callable[..., User],
) -> None:  # fmt: skip
    stranger = make_staff(other_store, Role.AGENT, name="Obcy")

    page = admin_client.get(edit_url(store, support)).content.decode()
    saved = post_part(admin_client, store, support, "members", members=[agent.pk, admin.pk])
    refused = post_part(admin_client, store, support, "members", members=[agent.pk, stranger.pk])
    garbage = post_part(admin_client, store, support, "members", members=["x"])

    assert f'name="members" value="{agent.pk}"' in page
    assert "Obcy" not in page
    assert saved.status_code == 302
    assert (refused.status_code, garbage.status_code) == (422, 422)
    assert "That person is not an active member of this store." in refused.content.decode()
    assert "Choose members from the list." in garbage.content.decode()
    assert set(support.members.all()) == {agent, admin}


def test_name_and_time_zone_are_saved_together_or_not_at_all(
    store: Store, admin_client: Client, support: Team
) -> None:
    refused = post_part(admin_client, store, support, "details", name="Kuzey", timezone="Nowhere")
    saved = post_part(
        admin_client, store, support, "details", name="Kuzey", timezone="Europe/Berlin"
    )
    twice = post_part(
        admin_client, store, support, "details", name="Kuzey", timezone="Europe/Berlin"
    )

    assert refused.status_code == 422
    assert 'id="details-error">' in refused.content.decode()
    assert 'value="Nowhere"' in refused.content.decode()
    assert (saved.status_code, twice.status_code) == (302, 302)
    support.refresh_from_db()
    assert (support.name, support.timezone) == ("Kuzey", "Europe/Berlin")
    assert actions() == ["team.renamed", "team.timezone_changed"]


@time_machine.travel(datetime(2026, 6, 1, 9, 0, tzinfo=UTC), tick=False)
def test_holidays_are_added_and_removed(store: Store, admin_client: Client, support: Team) -> None:
    added = post_part(
        admin_client, store, support, "holidays",
        **{
            "holiday-1-date": "2026-10-29", "holiday-1-name": "Cumhuriyet Bayramı",
            "holiday-2-date": "2026-07-15", "holiday-2-name": "",
            "holiday-3-date": "", "holiday-3-name": "",
        },
    )  # fmt: skip
    page = admin_client.get(edit_url(store, support)).content.decode()
    removed = post_part(
        admin_client, store, support, "holidays",
        **{
            "holiday-1-date": "2026-07-15", "holiday-1-name": "", "holiday-1-remove": "1",
            "holiday-2-date": "2026-10-29", "holiday-2-name": "Cumhuriyet Bayramı",
        },
    )  # fmt: skip

    assert (added.status_code, removed.status_code) == (302, 302)
    assert 'name="holiday-2-date" value="2026-10-29"' in page
    support.refresh_from_db()
    assert support.holidays == [{"date": "2026-10-29", "name": "Cumhuriyet Bayramı"}]
    assert actions() == ["team.holidays_changed", "team.holidays_changed"]


@time_machine.travel(datetime(2026, 6, 1, 9, 0, tzinfo=UTC), tick=False)
@pytest.mark.parametrize(
    ("fields", "error"),
    [
        (
            {"holiday-1-date": "2026-10-29", "holiday-2-date": "2026-10-29"},
            "2026-10-29 is listed twice.",
        ),
        ({"holiday-1-date": "2026-02-30"}, "2026-02-30 is not a date such as 2026-10-29."),
        (
            {"holiday-1-date": "", "holiday-1-name": "Bayram"},
            "Give the date of the holiday “Bayram”.",
        ),
        ({"holiday-1-date": "2036-01-01"}, "2036-01-01 is too far away"),
    ],
)
def test_bad_holidays_show_the_error_and_save_nothing(
    store: Store, admin_client: Client, support: Team, fields: dict[str, str], error: str
) -> None:
    response = post_part(admin_client, store, support, "holidays", **fields)

    assert response.status_code == 422
    assert 'id="holidays-error">' in response.content.decode()
    assert error in response.content.decode()
    support.refresh_from_db()
    assert support.holidays == []


def test_an_unknown_form_part_is_a_bad_request(
    store: Store, admin_client: Client, support: Team
) -> None:
    assert post_part(admin_client, store, support, "everything").status_code == 400


def test_deleting_twice_deletes_once(store: Store, admin_client: Client, support: Team) -> None:
    url = reverse("team-delete", args=[store.slug, support.pk])

    first = admin_client.post(url)
    second = admin_client.post(url)

    assert first["Location"] == second["Location"] == reverse("team-list", args=[store.slug])
    assert not Team.objects.exists()
    assert actions() == ["team.deleted"]
    assert admin_client.get(url).status_code == 405


def test_the_hours_editor_speaks_the_members_language(
    store: Store, make_staff: Callable[..., User], support: Team
) -> None:
    turkish = logged_in(make_staff(store, Role.ADMIN, language="tr"))

    html = turkish.get(edit_url(store, support)).content.decode()

    assert "<legend>Pazartesi</legend>" in html


# Authority limits ---------------------------------------------------------------------------


def authority_form(
    role: str, refund: str = "1500", discount: str = "15", gift: str = "500"
) -> dict[str, str]:
    return {
        "role": role,
        "max_refund": refund,
        "max_discount_percent": discount,
        "max_gift_card": gift,
    }


def test_an_admin_edits_agent_limits_and_sees_the_owners_read_only(
    store: Store, admin_client: Client
) -> None:
    url = reverse("role-authority-edit", args=[store.slug])

    page = admin_client.get(url).content.decode()
    response = admin_client.post(url, authority_form("agent", refund="2500,50"))
    again = admin_client.post(url, authority_form("agent", refund="2500.5"))

    assert '<label for="agent-max_refund">Agent: largest refund (TRY)</label>' in page
    assert '<form method="post" class="team-form authority-form" id="authority-owner">' in page
    assert page.count("<fieldset disabled>") == 2
    assert (response.status_code, again.status_code) == (302, 302)
    authority = RoleAuthority.objects.get(store=store, role="agent")
    assert (authority.currency, authority.max_refund) == ("TRY", Decimal("2500.50"))
    assert actions() == ["role_authority.changed"]
    assert "The limits of the role “Agent” are saved." in admin_client.get(url).content.decode()


@pytest.mark.parametrize("role", ["owner", "admin"])
def test_an_admin_cannot_raise_the_owners_or_their_own_limits(
    store: Store, admin_client: Client, role: str
) -> None:
    response = admin_client.post(
        reverse("role-authority-edit", args=[store.slug]), authority_form(role, refund="999999")
    )

    assert response.status_code == 403
    assert not RoleAuthority.objects.exists()


def test_an_owner_sets_the_admins_limits(store: Store, owner: User) -> None:
    do_set_role_authority(
        store, role=Role.ADMIN, currency="EUR", max_refund=Decimal(1000),
        max_discount_percent=Decimal(50), max_gift_card=Decimal(250),
    )  # fmt: skip
    client = logged_in(owner)
    url = reverse("role-authority-edit", args=[store.slug])

    page = client.get(url).content.decode()
    response = client.post(url, authority_form("admin", refund="5000"))

    assert "<fieldset disabled>" not in page
    assert 'name="max_refund" value="1000"' in page
    assert "Saved in EUR; saving sets these limits in TRY." in page
    assert response.status_code == 302
    assert RoleAuthority.objects.get(role="admin").max_refund == Decimal(5000)


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        (authority_form("agent", refund="-5"), "max_refund", "Enter an amount of 0 or more."),
        (authority_form("agent", refund="lots"), "max_refund", "Enter a number."),
        (
            authority_form("agent", discount="150"),
            "max_discount_percent",
            "A discount is between 0 and 100 percent.",
        ),
        (
            authority_form("agent", gift="10.999"),
            "max_gift_card",
            "Amounts in TRY have at most 2 decimal places.",
        ),
        (
            authority_form("agent", gift="1e15"),
            "max_gift_card",
            "Enter an amount below 1,000,000,000,000.",
        ),
    ],
)
def test_bad_limits_show_the_error_beside_the_field(
    store: Store, admin_client: Client, data: dict[str, str], field: str, error: str
) -> None:
    response = admin_client.post(reverse("role-authority-edit", args=[store.slug]), data)

    html = response.content.decode()
    assert response.status_code == 422
    assert f'<span class="field-error" id="agent-{field}-error">{error}</span>' in html
    assert f'name="{field}" value="{data[field]}"' in html
    assert not RoleAuthority.objects.exists()


def test_an_unknown_role_is_a_bad_request(store: Store, admin_client: Client) -> None:
    response = admin_client.post(
        reverse("role-authority-edit", args=[store.slug]), authority_form("superuser")
    )

    assert response.status_code == 400
    assert not RoleAuthority.objects.exists()
