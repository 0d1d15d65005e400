"""The audit log viewer: who did what to which object and when, narrowed by person, kind of
object, action and days, and exported as CSV. Reading only: no page here changes an entry."""

import csv
import io
import json
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any, cast
from zoneinfo import ZoneInfo

from asgiref.sync import sync_to_async
from django import forms
from django.core.handlers.asgi import ASGIRequest
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from storedesk.accounts.actions.audit import check_record_audit_export
from storedesk.accounts.actors import Actor
from storedesk.accounts.audit_labels import (
    ACTION_LABELS,
    action_label,
    actor_email,
    actor_name,
    target_type_label,
)
from storedesk.accounts.decorators import store_view
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors.audit import (
    AUDIT_ORDERING,
    MAX_ACTION_LENGTH,
    MAX_TARGET_TYPE_LENGTH,
    AuditFilters,
    get_reader_zone,
    list_audit_entries,
    list_audit_people,
    list_audit_target_types,
    list_recent_audit_entries,
)
from storedesk.core.errors import StoredeskError
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.pagination import paginate
from storedesk.core.views import is_fragment_request, next_page_query, render_list_page

PAGE_SIZE = 50
RECENT_ENTRIES = 5
# Rows the export reads from the database at a time.
EXPORT_BATCH = 500
# The details column shows this many details, each value cut to this length (the whole
# value one click away).
SHOWN_DETAILS = 6
SHOWN_VALUE_LENGTH = 60
# The objects that have a page of their own, by the URL name that shows one.
TARGET_PAGES = {
    "conversation": "inbox-conversation",
    "customer": "customer-profile",
    "order": "order-detail",
}
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The export's columns keep these names in every language, for the scripts that read them.
CSV_COLUMNS = (
    "id",
    "time_utc",
    "time_local",
    "time_zone",
    "actor_user_id",
    "actor_name",
    "actor_email",
    "actor_label",
    "action",
    "action_label",
    "target_type",
    "target_id",
    "details",
)
MAX_PERSON_ID = 2**63 - 1
DAY_FORMATS = ["%Y-%m-%d"]


class AuditFilterForm(forms.Form):
    """The log's filters from the query string. Unknown people, kinds and actions match no
    entry; whether the days make a range is for the selector to say."""

    person = forms.IntegerField(
        label=gettext_lazy("Person"), required=False, min_value=1, max_value=MAX_PERSON_ID
    )
    kind = forms.CharField(
        label=gettext_lazy("Kind of object"), required=False, max_length=MAX_TARGET_TYPE_LENGTH
    )
    action = forms.CharField(
        label=gettext_lazy("Action"), required=False, max_length=MAX_ACTION_LENGTH
    )
    since = forms.DateField(label=gettext_lazy("From"), required=False, input_formats=DAY_FORMATS)
    until = forms.DateField(label=gettext_lazy("To"), required=False, input_formats=DAY_FORMATS)

    def to_filters(self) -> AuditFilters:
        data = self.cleaned_data
        return AuditFilters(
            person_id=data["person"],
            target_type=data["kind"],
            action=data["action"],
            since=data["since"],
            until=data["until"],
        )

    def problem(self) -> str:
        """The form's errors as one sentence per field."""
        sentences = []
        for name, errors in self.errors.items():
            field = self.fields.get(name)
            label = f"{field.label}: " if field is not None and field.label else ""
            sentences.append(label + " ".join(str(error) for error in errors))
        return " ".join(sentences)


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One entry as people read it."""

    entry: AuditLogEntry
    who: str
    email: str
    what: str
    kind: str
    target_url: str
    # (name, value as shown, the whole value when the shown one is cut short, else "")
    details: list[tuple[str, str, str]]


def present(entry: AuditLogEntry, store: Store) -> AuditRow:
    return AuditRow(
        entry=entry,
        who=actor_name(entry),
        email=actor_email(entry),
        what=action_label(entry.action),
        kind=target_type_label(entry.target_type),
        target_url=_target_url(entry, store),
        details=_details(entry),
    )


def _details(entry: AuditLogEntry) -> list[tuple[str, str, str]]:
    if not isinstance(entry.details, dict):
        return []
    shown = []
    for key, value in list(entry.details.items())[:SHOWN_DETAILS]:
        text = _text(value)
        if len(text) > SHOWN_VALUE_LENGTH:
            shown.append((str(key), text[: SHOWN_VALUE_LENGTH - 1] + "…", text))
        else:
            shown.append((str(key), text, ""))
    return shown


def _target_url(entry: AuditLogEntry, store: Store) -> str:
    page = TARGET_PAGES.get(entry.target_type)
    # isdigit() alone would take "²" for a number.
    if page is None or not (entry.target_id.isascii() and entry.target_id.isdigit()):
        return ""
    return reverse(page, args=[store.slug, int(entry.target_id)])


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str | int) for item in value):
        return ", ".join(str(item) for item in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """The latest entries on the store's settings page, for those who may read the log."""
    if not actor.can(Permission.VIEW_AUDIT_LOG):
        return None
    return {
        "rows": [
            present(entry, store)
            for entry in list_recent_audit_entries(actor, limit=RECENT_ENTRIES)
        ]
    }


@require_safe
@store_view
def audit_log(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.VIEW_AUDIT_LOG)
    zone = get_reader_zone(actor)
    form = AuditFilterForm(request.GET)
    cursor = request.GET.get("cursor") or None
    rows: list[AuditRow] = []
    next_cursor = None
    problem = ""
    if form.is_valid():
        try:
            entries, next_cursor = paginate(
                list_audit_entries(actor, form.to_filters(), zone=zone),
                ordering=AUDIT_ORDERING,
                cursor=cursor,
                limit=PAGE_SIZE,
            )
        except StoredeskError as error:
            problem = error.message
        else:
            rows = [present(entry, actor.store) for entry in entries]
    else:
        problem = form.problem()
    export_query = request.GET.copy()
    export_query.pop("cursor", None)
    context: dict[str, object] = {
        "section": "settings",
        "rows": rows,
        "problem": problem,
        "zone": zone.key,
        "next_cursor": next_cursor,
        "next_query": next_page_query(request, next_cursor),
        "export_query": export_query.urlencode(),
    }
    response = render_list_page(
        request,
        "accounts/audit/audit_log.html",
        context,
        cursor=cursor,
        page_context=lambda: {
            "form": form,
            "filters": form.cleaned_data if form.is_valid() else {},
            "people": list_audit_people(actor),
            "kinds": [(kind, target_type_label(kind)) for kind in list_audit_target_types(actor)],
            "actions": sorted(
                ((name, str(label)) for name, label in ACTION_LABELS.items()),
                key=lambda choice: choice[1],
            ),
        },
    )
    # htmx swaps only a successful answer: a fragment shows its problem with a 200.
    if problem and not is_fragment_request(request):
        response.status_code = 400
    return response


@require_safe
@store_view
def audit_log_csv(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.VIEW_AUDIT_LOG)
    zone = get_reader_zone(actor)
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponse(form.problem(), status=400, content_type="text/plain; charset=utf-8")
    filters = form.to_filters()
    # Recorded before the first row is sent: a copy taken is a copy recorded, even if the
    # download breaks off.
    check_record_audit_export(actor, filters, zone=zone, file_format="csv")
    export = CsvExport(list_audit_entries(actor, filters, zone=zone), zone)
    # Under ASGI a synchronous iterator would be read whole before the first byte is sent.
    content = export.async_chunks() if isinstance(request, ASGIRequest) else export.chunks()
    response = StreamingHttpResponse(content, content_type="text/csv; charset=utf-8")
    day = timezone.now().astimezone(zone).date().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="audit-log-{actor.store.slug}-{day}.csv"'
    )
    add_never_cache_headers(response)
    # store_view is typed for HttpResponse; a streaming response is served the same way.
    return cast(HttpResponse, response)


class CsvExport:
    """The entries of ``entries`` as CSV text, a batch of rows at a time: a byte order mark
    (spreadsheet apps read UTF-8 by it), the header row, then one row per entry."""

    def __init__(self, entries: QuerySet[AuditLogEntry], zone: ZoneInfo) -> None:
        self.entries = entries
        self.zone = zone

    def chunks(self) -> Iterator[str]:
        yield "\ufeff" + self._lines([CSV_COLUMNS])
        cursor: str | None = None
        while True:
            text, cursor = self._batch(cursor)
            yield text
            if cursor is None:
                return

    async def async_chunks(self) -> AsyncIterator[str]:
        yield "\ufeff" + self._lines([CSV_COLUMNS])
        cursor: str | None = None
        read = sync_to_async(self._batch)
        while True:
            text, cursor = await read(cursor)
            yield text
            if cursor is None:
                return

    def _batch(self, cursor: str | None) -> tuple[str, str | None]:
        entries, next_cursor = paginate(
            self.entries, ordering=AUDIT_ORDERING, cursor=cursor, limit=EXPORT_BATCH
        )
        return self._lines([self._row(entry) for entry in entries]), next_cursor

    def _row(self, entry: AuditLogEntry) -> tuple[object, ...]:
        return (
            entry.pk,
            entry.created_at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            entry.created_at.astimezone(self.zone).isoformat(timespec="seconds"),
            self.zone.key,
            entry.actor_user_id if entry.actor_user_id is not None else "",
            actor_name(entry),
            actor_email(entry),
            entry.actor_label,
            entry.action,
            action_label(entry.action),
            entry.target_type,
            entry.target_id,
            json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
        )

    @staticmethod
    def _lines(rows: list[tuple[object, ...]]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows(tuple(_cell(value) for value in row) for row in rows)
        return buffer.getvalue()


def _cell(value: object) -> object:
    """``value`` as a spreadsheet shows it, never as a formula it would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
