from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse


class RequestSizeLimitMiddleware:
    """Refuse bodies larger than DATA_UPLOAD_MAX_MEMORY_SIZE (file uploads:
    STOREDESK_MAX_UPLOAD_BYTES) with 413 before reading them.

    Django itself only notices when a view reads the body, and answers 400; a client
    deserves to be told plainly that its request was too large.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if request.content_type == "multipart/form-data":
            # File uploads (attachments) have their own, larger limit; Django streams their
            # files to disk, and each upload endpoint checks its own file size again.
            limit = settings.STOREDESK_MAX_UPLOAD_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            message = f"The request body is larger than {limit} bytes."
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": {"code": "payload_too_large", "message": message, "details": None}},
                    status=413,
                )
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ApiErrorShapeMiddleware:
    """Give every API failure the one error body, including those that never reach the API
    (Django's own 404, a 405 for a wrong method, a 400 for a bad Host header)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            return shaped_error(response, _PLAIN_ERRORS)
        return response


def shaped_error(
    response: HttpResponse, plain_errors: Mapping[int, tuple[str, str]]
) -> HttpResponse:
    """A failure answered in plain text or HTML, in the API's one error body with the code
    and message ``plain_errors`` gives for its status; any other response as it is."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return response
    code, message = plain_errors.get(response.status_code, ("error", "The request failed."))
    shaped = JsonResponse(
        {"error": {"code": code, "message": message, "details": None}},
        status=response.status_code,
    )
    if "Allow" in response:
        shaped["Allow"] = response["Allow"]
    return shaped


_PLAIN_ERRORS = {
    400: ("bad_request", "The request could not be understood."),
    403: ("permission_denied", "You do not have permission to do this."),
    404: ("not_found", "No such API endpoint."),
    405: ("method_not_allowed", "This endpoint does not accept that HTTP method."),
    500: ("internal_error", "Something went wrong on our side; it has been logged."),
}
