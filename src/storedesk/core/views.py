from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse


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
