"""The audit log viewer, its CSV export and its API: who may read it, what its filters keep,
that another store's entries never show, and that nothing there changes an entry."""

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import hypothesis
import pytest
import schemathesis
import time_machine
from asgiref.sync import async_to_sync
from django.conf import settings
from django.core import signals
from django.db import close_old_connections, connection
from django.http import StreamingHttpResponse
from django.test import AsyncClient, Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from storedesk.accounts.actions.audit import check_record_audit_export
from storedesk.accounts.actions.tokens import do_create_api_token
from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import ApiToken, User
from storedesk.accounts.permissions import INTEGRATION_PERMISSIONS, ROLE_PERMISSIONS, Role
from storedesk.accounts.selectors.audit import (
    AuditFilters,
    list_audit_entries,
    list_audit_people,
    list_audit_target_types,
)
from storedesk.accounts.views import audit as audit_views
from storedesk.config.wsgi import application
from storedesk.core.actions import do_record_audit
from storedesk.core.errors import PermissionDenied, ValidationFailed
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.inbox.tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db

ISTANBUL = ZoneInfo("Europe/Istanbul")
WARSAW = ZoneInfo("Europe/Warsaw")
MOMENT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def record(
    store: Store,
    action: str = "conversation.assigned",
    target_type: str = "conversation",
    target_id: int | str = 1,
    *,
    by: User | None = None,
    label: str = "",
    at: datetime = MOMENT,
    **details: Any,
) -> AuditLogEntry:
    """An entry as an action writes it, at the time ``at``."""
    entry = do_record_audit(
        store_id=store.pk,
        actor_user_id=by.pk if by is not None else None,
        actor_label=label or (by.email if by is not None else "system"),
        action=action,
        target_type=target_type,
        target_id=target_id,
        details=details,
    )
    AuditLogEntry.objects.filter(pk=entry.pk).update(created_at=at)
    entry.refresh_from_db()
    return entry


def actor_of(store: Store, user: User, role: Role) -> Actor:
    return Actor(store=store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])


@pytest.fixture
def owner(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.OWNER, email="owner@moda.example", name="Ayşe Yılmaz")


@pytest.fixture
def admin_actor(store: Store, admin: User) -> Actor:
    return actor_of(store, admin, Role.ADMIN)


def ids(entries: Any) -> list[int]:
    return [entry.pk for entry in entries]


def streamed(response: Any) -> list[bytes]:
    """The parts of a streaming response, as the server sent them."""
    assert isinstance(response, StreamingHttpResponse)
    return list(response.streaming_content)  # type: ignore[arg-type]  # sync under WSGI


def csv_rows(response: Any) -> list[list[str]]:
    text = b"".join(streamed(response)).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


# Selectors ------------------------------------------------------------------------------


def test_entries_are_the_stores_own_newest_first(
    store: Store, other_store: Store, admin: User, admin_actor: Actor
) -> None:
    older = record(store, by=admin, at=MOMENT - timedelta(hours=1))
    newer = record(store, by=admin, at=MOMENT)
    same_time = record(store, by=admin, at=MOMENT)
    record(other_store, at=MOMENT)

    entries = list_audit_entries(admin_actor, AuditFilters(), zone=ISTANBUL)

    assert ids(entries) == [same_time.pk, newer.pk, older.pk]


def test_filters_keep_one_person_one_kind_and_one_action(
    store: Store, admin: User, agent: User, admin_actor: Actor
) -> None:
    assigned = record(store, "conversation.assigned", "conversation", 7, by=agent)
    tagged = record(store, "conversation.tagged", "conversation", 7, by=agent)
    order = record(store, "order.updated", "order", 3, by=admin)

    def kept(**filters: Any) -> list[int]:
        return ids(list_audit_entries(admin_actor, AuditFilters(**filters), zone=ISTANBUL))

    assert set(kept(person_id=agent.pk)) == {assigned.pk, tagged.pk}
    assert kept(person_id=admin.pk) == [order.pk]
    assert set(kept(target_type="conversation")) == {assigned.pk, tagged.pk}
    assert kept(action="conversation.tagged") == [tagged.pk]
    assert kept(person_id=agent.pk, action="order.updated") == []
    assert kept(target_type="no_such_kind") == []


def test_days_are_read_in_the_readers_time_zone(
    store: Store, admin: User, admin_actor: Actor
) -> None:
    # 23:30 on the 10th in Istanbul (UTC+3), and half past midnight on the 11th.
    late_evening = record(store, by=admin, at=datetime(2026, 3, 10, 20, 30, tzinfo=UTC))
    after_midnight = record(store, by=admin, at=datetime(2026, 3, 10, 21, 30, tzinfo=UTC))
    eleventh = AuditFilters(since=date(2026, 3, 11), until=date(2026, 3, 11))
    tenth = AuditFilters(since=date(2026, 3, 10), until=date(2026, 3, 10))

    assert ids(list_audit_entries(admin_actor, eleventh, zone=ISTANBUL)) == [after_midnight.pk]
    assert ids(list_audit_entries(admin_actor, tenth, zone=ISTANBUL)) == [late_evening.pk]
    assert ids(list_audit_entries(admin_actor, eleventh, zone=ZoneInfo("UTC"))) == []
    assert set(ids(list_audit_entries(admin_actor, tenth, zone=ZoneInfo("UTC")))) == {
        late_evening.pk,
        after_midnight.pk,
    }


def test_a_day_with_a_daylight_saving_change_has_its_23_hours(
    store: Store, admin: User, admin_actor: Actor
) -> None:
    # Poland moves its clocks from 02:00 to 03:00 on 29 March 2026.
    before = record(store, by=admin, at=datetime(2026, 3, 28, 22, 59, tzinfo=UTC))
    first = record(store, by=admin, at=datetime(2026, 3, 28, 23, 0, tzinfo=UTC))
    last = record(store, by=admin, at=datetime(2026, 3, 29, 21, 59, tzinfo=UTC))
    after = record(store, by=admin, at=datetime(2026, 3, 29, 22, 0, tzinfo=UTC))
    day = AuditFilters(since=date(2026, 3, 29), until=date(2026, 3, 29))
    from_the_day = AuditFilters(since=date(2026, 3, 29))
    to_the_day = AuditFilters(until=date(2026, 3, 28))

    assert set(ids(list_audit_entries(admin_actor, day, zone=WARSAW))) == {first.pk, last.pk}
    assert set(ids(list_audit_entries(admin_actor, from_the_day, zone=WARSAW))) == {
        first.pk,
        last.pk,
        after.pk,
    }
    assert ids(list_audit_entries(admin_actor, to_the_day, zone=WARSAW)) == [before.pk]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (
            AuditFilters(since=date(2026, 3, 12), until=date(2026, 3, 11)),
            "The first day comes after the last day.",
        ),
        (AuditFilters(since=date(1, 1, 1)), "Choose days between the years 1970 and 9998."),
        (AuditFilters(until=date(9999, 12, 31)), "Choose days between the years 1970 and 9998."),
        (AuditFilters(action="x" * 81), "No action or kind of object has a name that long."),
    ],
)
def test_filters_that_make_no_range_are_refused(
    admin_actor: Actor, filters: AuditFilters, message: str
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        list_audit_entries(admin_actor, filters, zone=ISTANBUL)

    assert raised.value.message == message


def test_only_admins_owners_and_no_token_read_the_log(
    store: Store, agent: User, viewer: User, owner: User
) -> None:
    token, _raw = do_create_api_token(store, name="Platform sync")
    readers = [actor_of(store, owner, Role.OWNER), system_actor(store)]
    refused = [
        actor_of(store, agent, Role.AGENT),
        actor_of(store, viewer, Role.VIEWER),
        Actor(store=store, token=token, permissions=INTEGRATION_PERMISSIONS),
    ]

    for actor in readers:
        list_audit_entries(actor, AuditFilters(), zone=ISTANBUL)
    for actor in refused:
        for read in (list_audit_people, list_audit_target_types):
            with pytest.raises(PermissionDenied):
                read(actor)
        with pytest.raises(PermissionDenied):
            list_audit_entries(actor, AuditFilters(), zone=ISTANBUL)


def test_the_filters_offer_the_people_and_kinds_of_the_stores_log(
    store: Store,
    other_store: Store,
    admin: User,
    agent: User,
    admin_actor: Actor,
    make_staff: Callable[..., User],
) -> None:
    outsider = make_staff(other_store, Role.OWNER)
    record(store, "order.updated", "order", 1, by=agent)
    record(store, "conversation.assigned", "conversation", 1, by=agent)
    record(store, "api_token.revoked", "api_token", 1, label="token:Shop")
    record(other_store, "team.renamed", "team", 1, by=outsider)

    assert list(list_audit_people(admin_actor)) == [agent]
    assert list_audit_target_types(admin_actor) == ["api_token", "conversation", "order"]


# The page ------------------------------------------------------------------------------


def test_the_page_shows_who_did_what_to_which_object_and_when(
    store: Store, admin: User, make_staff: Callable[..., User]
) -> None:
    admin.timezone = "Europe/Istanbul"
    admin.save()
    agent = make_staff(store, Role.AGENT, email="deniz@moda.example", name="Deniz Kaya")
    conversation = ConversationFactory(store=store, customer__store=store)
    at = datetime(2026, 3, 10, 21, 30, tzinfo=UTC)
    record(store, "conversation.assigned", "conversation", conversation.pk, by=agent, at=at,
           assignee_id=agent.pk, team_id=None)  # fmt: skip
    record(store, "order.updated", "order", 12, label="token:Platform sync", fields=["note"])
    record(store, "team.renamed", "team", 4, label="system", name="Kuzey")
    record(store, "loyalty.points_adjusted", "loyalty_account", 2, label="system")
    record(store, "customer.updated", "customer", 9, label="gone@moda.example")

    page = logged_in(admin).get(reverse("audit-log", args=[store.slug]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "When (Europe/Istanbul)" in html
    assert 'datetime="2026-03-11T00:30:00+03:00"' in html
    assert "Deniz Kaya" in html
    assert "deniz@moda.example" in html
    assert "Assigned a conversation" in html
    assert f'<a href="/s/{store.slug}/inbox/{conversation.pk}/">#{conversation.pk}</a>' in html
    assert f'<a href="/s/{store.slug}/orders/12/">#12</a>' in html
    assert f'<a href="/s/{store.slug}/customers/9/">#9</a>' in html
    assert f"assignee_id: {agent.pk}" in html
    assert "fields: note" in html
    assert "API token “Platform sync”" in html
    assert "Storedesk" in html
    assert "Renamed a team<br><code" in html
    # An action without a label yet reads by its recorded name.
    assert '<td data-label="What">loyalty.points_adjusted</td>' in html
    assert "loyalty account <span" in html
    assert "gone@moda.example" in html
    assert '<form method="post"' not in html.split('id="main"')[1]


def test_the_page_keeps_the_filters_and_offers_them(store: Store, admin: User, agent: User) -> None:
    record(store, "conversation.assigned", by=agent)
    record(store, "order.updated", "order", 5, by=admin)

    page = logged_in(admin).get(
        reverse("audit-log", args=[store.slug]),
        {"person": str(agent.pk), "kind": "conversation", "since": "2026-03-01"},
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert f'<option value="{agent.pk}" selected>' in html
    assert '<option value="conversation" selected>Conversation</option>' in html
    assert 'value="2026-03-01"' in html
    assert "Assigned a conversation" in html
    assert "Edited an order" not in html.split("<tbody>")[1]
    assert (
        f"/s/{store.slug}/settings/audit.csv?person={agent.pk}&amp;kind=conversation"
        "&amp;since=2026-03-01" in html
    )


def test_load_more_follows_the_cursor_to_the_end(store: Store, admin: User) -> None:
    for number in range(audit_views.PAGE_SIZE + 5):
        record(store, target_id=number, at=MOMENT + timedelta(minutes=number))
    client = logged_in(admin)

    first = client.get(reverse("audit-log", args=[store.slug])).content.decode()
    more = first.split('<tr class="more">')[1].split('href="')[1].split('"')[0]
    rest = client.get(more.replace("&amp;", "&"), HTTP_HX_REQUEST="true").content.decode()

    assert first.count("<tr>\n") == audit_views.PAGE_SIZE
    assert rest.count("<tr>\n") == 5
    assert 'class="more"' not in rest
    assert "#0<" in rest
    assert "#54<" in first


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ({"since": "yesterday"}, "From: Enter a valid date."),
        ({"person": "Ayşe"}, "Person: Enter a whole number."),
        ({"since": "2026-03-12", "until": "2026-03-11"}, "The first day comes after the last day."),
        ({"cursor": "not-a-cursor"}, "The cursor is not valid"),
    ],
)
def test_bad_filters_are_explained_not_an_error_page(
    store: Store, admin: User, query: dict[str, str], problem: str
) -> None:
    client = logged_in(admin)
    url = reverse("audit-log", args=[store.slug])

    page = client.get(url, query)
    fragment = client.get(url, query, HTTP_HX_REQUEST="true")

    assert page.status_code == 400
    assert problem in page.content.decode()
    # htmx swaps in only a successful answer, so the results show the problem with a 200.
    assert fragment.status_code == 200
    assert problem in fragment.content.decode()


@pytest.mark.parametrize("name", ["audit-log", "audit-log-csv"])
def test_agents_and_viewers_may_not_read_the_log(
    store: Store, agent: User, viewer: User, name: str
) -> None:
    record(store)
    before = AuditLogEntry.objects.count()

    for user in (agent, viewer):
        assert logged_in(user).get(reverse(name, args=[store.slug])).status_code == 403
    assert AuditLogEntry.objects.count() == before


@pytest.mark.parametrize("name", ["audit-log", "audit-log-csv"])
def test_another_stores_owner_finds_no_log_and_a_stranger_must_log_in(
    store: Store, other_store: Store, make_staff: Callable[..., User], client: Client, name: str
) -> None:
    outsider = logged_in(make_staff(other_store, Role.OWNER))

    assert outsider.get(reverse(name, args=[store.slug])).status_code == 404
    assert client.get(reverse(name, args=[store.slug]))["Location"].startswith("/login/")


def test_another_stores_entries_never_show(
    store: Store, other_store: Store, admin: User, make_staff: Callable[..., User]
) -> None:
    theirs = make_staff(other_store, Role.OWNER, email="zofia@lodz.example")
    record(other_store, "order.updated", "order", 5, by=theirs, marker="Łódź-only")
    record(store, "order.updated", "order", 6, by=admin)
    client = logged_in(admin)

    page = client.get(reverse("audit-log", args=[store.slug]), {"person": theirs.pk})
    whole = client.get(reverse("audit-log", args=[store.slug])).content.decode()
    export = csv_rows(client.get(reverse("audit-log-csv", args=[store.slug])))
    api = client.get("/api/v1/audit-log").json()
    settings_page = client.get(reverse("store-settings", args=[store.slug])).content.decode()

    assert "No entry matches these filters." in page.content.decode()
    for text in (whole, settings_page, str(export), str(api)):
        assert "zofia@lodz.example" not in text
        assert "Łódź-only" not in text


def test_the_log_cannot_be_changed_through_any_address(store: Store, owner: User) -> None:
    entry = record(store, by=owner, note="as it happened")
    client = logged_in(owner)
    before = list(AuditLogEntry.objects.order_by("pk").values())
    paths = [
        reverse("audit-log", args=[store.slug]),
        reverse("audit-log-csv", args=[store.slug]),
        "/api/v1/audit-log",
        f"/api/v1/audit-log/{entry.pk}",
    ]

    for path in paths:
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(path, {"note": "rewritten"})
            assert response.status_code in {404, 405}, (method, path)

    assert list(AuditLogEntry.objects.order_by("pk").values()) == before
    # No route of the audit log takes anything but reads, and no admin site edits entries.
    assert _audit_routes() == {"audit-log", "audit-log-csv", "list_audit_log"}
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


def _audit_routes() -> set[str]:
    def names(patterns: list[URLPattern | URLResolver]) -> set[str]:
        found: set[str] = set()
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                found |= names(pattern.url_patterns)
            elif pattern.name and "audit" in pattern.name:
                found.add(pattern.name)
        return found

    return names(get_resolver().url_patterns)


# The settings page ---------------------------------------------------------------------


def test_settings_show_admins_the_latest_five_entries(
    store: Store, admin: User, agent: User, viewer: User
) -> None:
    for number in range(7):
        record(store, "order.updated", "order", 100 + number, by=agent,
               at=MOMENT + timedelta(minutes=number))  # fmt: skip
    url = reverse("store-settings", args=[store.slug])

    html = logged_in(admin).get(url).content.decode()

    section = html.split('id="audit-log"')[1].split("</section>")[0]
    assert [f"#{100 + n}" in section for n in range(7)] == [False, False] + [True] * 5
    assert f'href="/s/{store.slug}/settings/audit/"' in section
    for user in (agent, viewer):
        assert 'id="audit-log"' not in logged_in(user).get(url).content.decode()


# The CSV export ------------------------------------------------------------------------


def test_the_export_is_a_spreadsheet_safe_csv_of_the_filtered_entries(
    store: Store, admin: User, make_staff: Callable[..., User]
) -> None:
    admin.timezone = "Europe/Istanbul"
    admin.save()
    sly = make_staff(store, Role.AGENT, email="sly@moda.example", name="=HYPERLINK(1)")
    entry = record(store, "conversation.tagged", "conversation", 3, by=sly,
                   at=datetime(2026, 3, 10, 21, 30, tzinfo=UTC), tags=["iade", "=cmd"])  # fmt: skip
    record(store, "order.updated", "order", 4, label="+token", at=MOMENT)
    record(store, "order.updated", "order", 5, label="@SUM(A1)", at=MOMENT)
    record(store, "order.updated", "order", 6, label="-2+3", at=MOMENT)

    with time_machine.travel(datetime(2026, 3, 20, 22, 0, tzinfo=UTC), tick=False):
        response = logged_in(admin).get(reverse("audit-log-csv", args=[store.slug]))

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="audit-log-{store.slug}-2026-03-21.csv"'
    )
    header, *rows = csv_rows(response)
    assert header == list(audit_views.CSV_COLUMNS)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    tagged = by_id[str(entry.pk)]
    assert tagged == {
        "id": str(entry.pk),
        "time_utc": "2026-03-10T21:30:00Z",
        "time_local": "2026-03-11T00:30:00+03:00",
        "time_zone": "Europe/Istanbul",
        "actor_user_id": str(sly.pk),
        "actor_name": "'=HYPERLINK(1)",
        "actor_email": "sly@moda.example",
        "actor_label": "sly@moda.example",
        "action": "conversation.tagged",
        "action_label": "Tagged a conversation",
        "target_type": "conversation",
        "target_id": "3",
        "details": '{"tags": ["iade", "=cmd"]}',
    }
    labels = sorted(
        row["actor_label"] for row in by_id.values() if row["action"] == "order.updated"
    )
    assert labels == ["'+token", "'-2+3", "'@SUM(A1)"]


def test_the_export_applies_the_filters_and_is_itself_recorded(
    store: Store, admin: User, agent: User
) -> None:
    kept = record(store, "order.updated", "order", 4, by=agent)
    record(store, "conversation.assigned", "conversation", 4, by=agent)
    record(store, "order.updated", "order", 5, by=admin)

    response = logged_in(admin).get(
        reverse("audit-log-csv", args=[store.slug]),
        {"person": str(agent.pk), "kind": "order", "until": "2026-03-10"},
    )

    _header, *rows = csv_rows(response)
    assert [row[0] for row in rows] == [str(kept.pk)]
    export = AuditLogEntry.objects.get(action="audit_log.exported")
    assert (export.store, export.actor_user, export.target_type) == (store, admin, "audit_log")
    assert export.details == {
        "format": "csv",
        "time_zone": "UTC",
        "filters": {"person_id": agent.pk, "target_type": "order", "until": "2026-03-10"},
    }


def test_the_export_reads_the_log_in_batches(
    store: Store, admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_views, "EXPORT_BATCH", 2)
    for number in range(5):
        record(store, target_id=number, at=MOMENT + timedelta(minutes=number))

    response = logged_in(admin).get(
        reverse("audit-log-csv", args=[store.slug]), {"kind": "conversation"}
    )

    chunks = [chunk.decode() for chunk in streamed(response)]
    # The header, then three batches: 2 + 2 + 1 rows.
    assert [chunk.count("\r\n") for chunk in chunks] == [1, 2, 2, 1]
    assert chunks[1].startswith(str(AuditLogEntry.objects.get(target_id="4").pk))


def test_the_export_streams_under_asgi(store: Store, admin: User) -> None:
    record(store, target_id=8)
    client = AsyncClient()
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")

    async def download() -> tuple[bool, str]:
        response: Any = await client.get(reverse("audit-log-csv", args=[store.slug]))
        assert isinstance(response, StreamingHttpResponse)
        chunks = [chunk async for chunk in response]
        return response.is_async, b"".join(chunks).decode()

    is_async, text = async_to_sync(download)()

    assert is_async
    assert text.startswith("\ufeffid,time_utc,")
    assert ",conversation.assigned,Assigned a conversation,conversation,8," in text


@pytest.mark.parametrize(
    "query",
    [{"since": "2026-03-12", "until": "2026-03-11"}, {"until": "31.12.2026"}, {"person": "0"}],
)
def test_a_bad_export_is_refused_and_not_recorded(
    store: Store, admin: User, query: dict[str, str]
) -> None:
    response = logged_in(admin).get(reverse("audit-log-csv", args=[store.slug]), query)

    assert response.status_code == 400
    assert not AuditLogEntry.objects.filter(action="audit_log.exported").exists()


def test_exporting_needs_the_permission(store: Store, agent: User) -> None:
    actor = actor_of(store, agent, Role.AGENT)

    with pytest.raises(PermissionDenied):
        check_record_audit_export(actor, AuditFilters(), zone=ISTANBUL, file_format="csv")

    assert not AuditLogEntry.objects.exists()


# The API -------------------------------------------------------------------------------


def test_the_api_lists_the_log_a_page_at_a_time(
    store: Store, other_store: Store, admin: User, agent: User
) -> None:
    entries = [
        record(store, "order.updated", "order", n, by=agent, at=MOMENT + timedelta(minutes=n))
        for n in range(3)
    ]
    record(store, "customer.updated", "customer", 1, by=admin)
    record(other_store, "order.updated", "order", 1)
    client = logged_in(admin)

    first = client.get("/api/v1/audit-log", {"target_type": "order", "limit": "2"}).json()
    second = client.get(
        "/api/v1/audit-log", {"target_type": "order", "limit": "2", "cursor": first["next_cursor"]}
    ).json()

    assert [item["id"] for item in first["items"]] == [entries[2].pk, entries[1].pk]
    assert [item["id"] for item in second["items"]] == [entries[0].pk]
    assert second["next_cursor"] is None
    assert first["items"][0] == {
        "id": entries[2].pk,
        "created_at": "2026-03-10T12:02:00Z",
        "actor_user_id": agent.pk,
        "actor_name": agent.name,
        "actor_label": agent.email,
        "action": "order.updated",
        "action_label": "Edited an order",
        "target_type": "order",
        "target_id": "2",
        "details": {},
    }


def test_the_api_filters_by_person_action_and_days(store: Store, admin: User, agent: User) -> None:
    admin.timezone = "Europe/Istanbul"
    admin.save()
    record(
        store, "order.updated", "order", 1, by=agent, at=datetime(2026, 3, 10, 20, 30, tzinfo=UTC)
    )
    late = record(store, "order.updated", "order", 2, by=agent,
                  at=datetime(2026, 3, 10, 21, 30, tzinfo=UTC))  # fmt: skip
    record(
        store, "order.created", "order", 3, by=agent, at=datetime(2026, 3, 10, 21, 30, tzinfo=UTC)
    )
    record(
        store, "order.updated", "order", 4, by=admin, at=datetime(2026, 3, 10, 21, 30, tzinfo=UTC)
    )

    body = (
        logged_in(admin)
        .get(
            "/api/v1/audit-log",
            {"person_id": str(agent.pk), "action": "order.updated", "since": "2026-03-11"},
        )
        .json()
    )

    assert [item["id"] for item in body["items"]] == [late.pk]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"since": "2026-03-12", "until": "2026-03-11"}, 422),
        ({"since": "2026-13-01"}, 422),
        ({"person_id": "true"}, 422),
        ({"limit": "1000"}, 422),
        ({"cursor": "nonsense"}, 422),
    ],
)
def test_the_api_refuses_bad_filters(
    store: Store, admin: User, query: dict[str, str], status: int
) -> None:
    response = logged_in(admin).get("/api/v1/audit-log", query)

    assert response.status_code == status
    assert response.json()["error"]["code"] == "validation_error"


def test_tokens_agents_and_viewers_may_not_read_the_log_over_the_api(
    store: Store, api_client: Client, agent_client: Client, viewer_client: Client
) -> None:
    record(store)

    for client in (api_client, agent_client, viewer_client):
        response = client.get("/api/v1/audit-log")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"


# API tokens' last use ------------------------------------------------------------------


def test_a_tokens_last_use_shows_on_the_settings_page(
    store: Store, admin: User, api_client: Client
) -> None:
    admin.timezone = "Europe/Istanbul"
    admin.save()
    token = ApiToken.objects.get(store=store)
    settings_url = reverse("store-settings", args=[store.slug])
    client = logged_in(admin)
    used = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)

    never = client.get(settings_url).content.decode()
    with time_machine.travel(used, tick=False):
        assert api_client.get("/api/v1/customers").status_code == 200
    with time_machine.travel(used + timedelta(minutes=4), tick=False):
        api_client.get("/api/v1/customers")
    token.refresh_from_db()
    within_precision = token.last_used_at
    with time_machine.travel(used + timedelta(minutes=6), tick=False):
        api_client.get("/api/v1/customers")
    token.refresh_from_db()
    page = client.get(settings_url).content.decode()

    row = never.split("Platform sync")[1].split("</tr>")[0]
    assert "Never used" in row
    assert within_precision == used
    assert token.last_used_at == used + timedelta(minutes=6)
    # 09:06 UTC is 12:06 in Istanbul.
    assert (
        "Last used March 10, 2026, 12:06 p.m." in page.split("Platform sync")[1].split("</tr>")[0]
    )
    assert "updated at most once every 5 minutes" in page


# Generated requests ---------------------------------------------------------------------

audit_log_schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    application,
    config=schemathesis.Config.from_dict(
        {
            "generation": {
                "mode": "all",
                "max-examples": 60,
                "deterministic": True,
                "database": "none",
            }
        }
    ),
).include(path="/api/v1/audit-log")


@pytest.fixture
def owner_session(store: Store, owner: User) -> Iterator[str]:
    """The owner's session cookie, with entries in the log for the requests to find. The
    generated requests run through the WSGI application, which would close the test's
    database connection after each one."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    for number in range(3):
        record(store, by=owner, target_id=number, at=MOMENT + timedelta(days=number))
    yield logged_in(owner).cookies[settings.SESSION_COOKIE_NAME].value
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@audit_log_schema.parametrize()
@hypothesis.settings(
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
def test_no_generated_request_from_an_owner_breaks_the_audit_log_api(
    case: schemathesis.Case[Any], owner_session: str
) -> None:
    case.call_and_validate(
        cookies={settings.SESSION_COOKIE_NAME: owner_session},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )


# Query counts ---------------------------------------------------------------------------


def _queries(client: Client, path: str, **query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, query)
        if response.streaming:
            streamed(response)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "path", ["/s/moda/settings/audit/", "/s/moda/settings/audit.csv", "/api/v1/audit-log"]
)
def test_reading_more_entries_takes_no_more_queries(
    store: Store, admin: User, make_staff: Callable[..., User], path: str
) -> None:
    client = logged_in(admin)
    record(store, by=admin)
    few = _queries(client, path)
    for number in range(40):
        record(store, by=make_staff(store, Role.AGENT), target_id=number, note=str(number))

    assert _queries(client, path) == few


def test_a_long_detail_is_cut_short_with_the_whole_value_one_click_away(
    store: Store, owner: User
) -> None:
    hours = {str(day): [["09:00", "18:00"]] for day in range(1, 6)}
    AuditLogEntry.objects.create(
        store=store,
        actor_user=owner,
        actor_label=owner.email,
        action="team.hours_changed",
        target_type="team",
        target_id="1",
        details={"new": hours, "zone": "Europe/Istanbul"},
    )

    page = logged_in(owner).get(reverse("audit-log", args=[store.slug])).content.decode()

    whole = json.dumps(hours, ensure_ascii=False, sort_keys=True)
    assert f"<code>{escape(whole)}</code>" in page
    assert "<summary>new: " in page
    assert "zone: Europe/Istanbul" in page
