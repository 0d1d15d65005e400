from collections.abc import Callable, Mapping

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and answering."""
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    """The database answers and every migration is applied: ready for traffic."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    if pending:
        return JsonResponse(
            {"status": "unavailable", "database": "ok", "pending_migrations": len(pending)},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def api_not_found(request: HttpRequest, path: str) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": "not_found", "message": "No such API endpoint.", "details": None}},
        status=404,
    )


def next_page_query(request: HttpRequest, cursor: str | None) -> str:
    """The current query string with ``cursor`` set to the next page's."""
    if cursor is None:
        return ""
    query = request.GET.copy()
    query["cursor"] = cursor
    return query.urlencode()


def is_fragment_request(request: HttpRequest) -> bool:
    """An htmx request for part of the page. A history restore needs the whole page."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_list_page(
    request: HttpRequest,
    page_template: str,
    context: dict[str, object],
    *,
    cursor: str | None,
    page_context: Callable[[], Mapping[str, object]],
) -> HttpResponse:
    """A paginated list page. An htmx request gets only the rows after ``cursor`` ("more")
    or, without one, the results (typing in the search box replaces them): ``_rows.html``
    and ``_results.html`` beside ``page_template``. The whole page adds ``page_context()``
    (the filters' choices)."""
    if is_fragment_request(request):
        folder = page_template.rpartition("/")[0]
        template = f"{folder}/_rows.html" if cursor else f"{folder}/_results.html"
    else:
        template = page_template
        context = context | dict(page_context())
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
