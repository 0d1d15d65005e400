"""CORS for the chat widget's API: the widget runs on the store's own site and calls
/widget/v1/ from there, without cookies."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from storedesk.core.middleware import shaped_error
from storedesk.livechat.selectors import normalize_origin

WIDGET_API_PREFIX = "/widget/v1/"
# Set on the request once it names its widget; read when the answer leaves.
_ALLOWED_ORIGINS_ATTRIBUTE = "widget_allowed_origins"
_ALLOW_HEADERS = "Authorization, Content-Type"
_ALLOW_METHODS = "GET, POST, OPTIONS"


class WidgetCorsMiddleware:
    """Answers preflight requests for /widget/v1/ and marks its responses readable by
    the widget's page.

    Which pages may run a widget is only known once the request names its widget (by key
    or token), so a preflight is allowed from anywhere, and the answer itself names the
    caller's origin only if the widget allows it (``*`` when it allows every site). No
    credentials: the widget never sends cookies. Failures that never reached the API (413,
    a wrong method) get the API's one error body too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(WIDGET_API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
            preflight = HttpResponse(status=204)
            preflight["Access-Control-Allow-Origin"] = "*"
            preflight["Access-Control-Allow-Methods"] = _ALLOW_METHODS
            preflight["Access-Control-Allow-Headers"] = _ALLOW_HEADERS
            preflight["Access-Control-Max-Age"] = "86400"
            return preflight
        response = shaped_error(self.get_response(request), _PLAIN_ERRORS)
        allowed = getattr(request, _ALLOWED_ORIGINS_ATTRIBUTE, None)
        origin = request.headers.get("Origin")
        if not allowed:
            response["Access-Control-Allow-Origin"] = "*"
        elif origin and normalize_origin(origin) in allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Vary"] = "Origin"
        response["Access-Control-Expose-Headers"] = "Retry-After"
        return response


def allow_widget_origins(request: HttpRequest, origins: list[str]) -> None:
    """The sites the request's widget may run on; the answer names the caller's origin only
    if it is one of them (an empty list allows every site)."""
    setattr(request, _ALLOWED_ORIGINS_ATTRIBUTE, origins)


_PLAIN_ERRORS = {
    400: ("bad_request", "The request could not be understood."),
    404: ("not_found", "No such endpoint."),
    405: ("method_not_allowed", "This endpoint does not accept that HTTP method."),
    413: ("payload_too_large", "The request body is larger than this server accepts."),
    500: ("internal_error", "Something went wrong on our side; it has been logged."),
}
