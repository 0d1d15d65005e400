"""What every API module shares: error rendering, safe input types, pagination schemas."""

import logging
import unicodedata
from decimal import Decimal
from typing import Annotated, Any

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import AfterValidator

from storedesk.core.errors import StoredeskError
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, is_currency
from storedesk.core.pagination import DEFAULT_LIMIT, MAX_LIMIT

logger = logging.getLogger(__name__)

# Every failure an endpoint may answer with, all in the ErrorResponse shape.
ERROR_STATUSES = frozenset({400, 401, 403, 404, 405, 409, 413, 422, 500})

# Largest id a client may send; larger numbers cannot be database keys.
MAX_ID = 2**63 - 1


def _clean_text(value: str) -> str:
    # NUL and lone surrogates cannot be stored (PostgreSQL refuses them); other control
    # characters but tab and newlines have no business in customer or order data.
    for char in value:
        if char in "\t\n\r":
            continue
        category = unicodedata.category(char)
        if category in {"Cc", "Cs"}:
            raise ValueError("must not contain control characters")
    return unicodedata.normalize("NFC", value)


def _check_currency(value: str) -> str:
    if not is_currency(value):
        raise ValueError("must be an ISO 4217 currency code such as EUR or TRY")
    return value


def Text(max_length: int, *, min_length: int = 0) -> Any:  # noqa: N802  (reads as a type)
    """A string field with a length limit, free of control characters."""
    return Annotated[
        str, Field(min_length=min_length, max_length=max_length), AfterValidator(_clean_text)
    ]


Currency = Annotated[str, Field(min_length=3, max_length=3), AfterValidator(_check_currency)]
Amount = Annotated[
    Decimal,
    Field(ge=0, max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES),
]
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]


def provided_fields(payload: Schema, *, nullable: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The fields the client sent; a null counts as absent unless the field may be empty."""
    return {
        name: value
        for name, value in payload.model_dump(exclude_unset=True).items()
        if value is not None or name in nullable
    }


class PageQuery(Schema):
    cursor: Text(400) | None = None  # type: ignore[valid-type]
    limit: Limit = DEFAULT_LIMIT


class ErrorBody(Schema):
    code: str
    message: str
    details: Any = None


class ErrorResponse(Schema):
    error: ErrorBody


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    *,
    status: int,
    code: str,
    message: str,
    details: Any = None,
) -> HttpResponse:
    body = {"error": {"code": code, "message": message, "details": details}}
    return api.create_response(request, body, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    """Render every failure in one shape: ``{"error": {"code", "message", "details"}}``."""

    @api.exception_handler(StoredeskError)
    def domain_error(request: HttpRequest, exc: StoredeskError) -> HttpResponse:
        return error_response(
            api, request, status=exc.status, code=exc.code, message=exc.message, details=exc.details
        )

    @api.exception_handler(ValidationError)
    def invalid_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = [_describe(error) for error in exc.errors]
        return error_response(
            api,
            request,
            status=422,
            code="validation_error",
            message="The request is not valid: " + "; ".join(_sentence(d) for d in details[:5]),
            details=details,
        )

    @api.exception_handler(DjangoValidationError)
    def invalid_value(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response(
            api, request, status=422, code="validation_error", message=" ".join(exc.messages)
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(
            api,
            request,
            status=401,
            code="not_authenticated",
            message="Send an API token (Authorization: Bearer sd_…) or log in.",
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = str(exc.message)
        code = {403: "permission_denied", 404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "bad_request"
        )
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            code, message = "malformed_json", "The request body is not valid JSON."
        return error_response(api, request, status=exc.status_code, code=code, message=message)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(api, request, status=404, code="not_found", message="Not found.")

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return error_response(
            api,
            request,
            status=413,
            code="payload_too_large",
            message="The request body is larger than this server accepts.",
        )

    @api.exception_handler(MultiPartParserError)
    def unreadable_form(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
        # Reading the form of a session write (for its CSRF token) fails on a body that
        # claims to be multipart and is not.
        return error_response(
            api,
            request,
            status=400,
            code="bad_request",
            message="The request body is not valid multipart/form-data.",
        )

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("Unhandled error in %s %s", request.method, request.path)
        return error_response(
            api,
            request,
            status=500,
            code="internal_error",
            message="Something went wrong on our side; it has been logged.",
        )


def _describe(error: dict[str, Any]) -> dict[str, Any]:
    location = [str(part) for part in error.get("loc", ())]
    return {
        "field": ".".join(location),
        "type": error.get("type", ""),
        "message": error.get("msg", ""),
    }


def _sentence(detail: dict[str, Any]) -> str:
    return f"{detail['field']}: {detail['message']}" if detail["field"] else detail["message"]
