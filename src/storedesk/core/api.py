"""What every API module shares: error rendering, safe input types, pagination schemas."""

import json
import logging
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Self, overload

from annotated_types import GroupedMetadata, MaxLen, MinLen
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ModelWrapValidatorHandler,
    StrictBool,
    model_validator,
)

from storedesk.core.errors import StoredeskError, ValidationFailed
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, is_currency
from storedesk.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from storedesk.core.ratelimit import RateLimited

logger = logging.getLogger(__name__)

# Every failure an endpoint may answer with, all in the ErrorResponse shape.
ERROR_STATUSES = frozenset({400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500})

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


@dataclass(frozen=True, slots=True)
class Text(GroupedMetadata):
    """A string's length limits, and no control characters: ``Annotated[str, Text(200)]``.

    Being metadata on ``str`` rather than a function returning a type, type checkers see a
    plain ``str`` and pydantic sees the same constraints as ``Field(min_length, max_length)``.
    """

    max_length: int
    min_length: int = field(default=0, kw_only=True)

    def __iter__(self) -> Iterator[object]:
        yield MinLen(self.min_length)
        yield MaxLen(self.max_length)
        yield AfterValidator(_clean_text)


Currency = Annotated[str, Field(min_length=3, max_length=3), AfterValidator(_check_currency)]
Amount = Annotated[
    Decimal,
    Field(ge=0, max_digits=AMOUNT_MAX_DIGITS, decimal_places=AMOUNT_DECIMAL_PLACES),
]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]


# Request bodies ----------------------------------------------------------------------
# JSON has one spelling for each of these; the lenient conversions pydantic offers by
# default change what a client meant ("granted": 0 as a refusal, "occurred_at": 0 as
# 1970, an id of true as record 1), so input schemas use the strict types below.


def _not_a_boolean(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    return value


def _timestamp(value: object) -> object:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                "must be an ISO 8601 date and time such as 2026-11-20T09:30:00+03:00"
            ) from None
    else:
        raise ValueError(
            "must be a string with an ISO 8601 date and time such as 2026-11-20T09:30:00+03:00"
        )
    if parsed.utcoffset() is None:
        raise ValueError("must name its time zone, such as +03:00 or Z")
    return parsed


def _day(value: object) -> object:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError("must be a string with an ISO 8601 date such as 2026-11-20")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO 8601 date such as 2026-11-20") from None


ObjectId = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_not_a_boolean)]
# true or false only: never 0, 1, "yes" or "off".
Flag = StrictBool
# An ISO 8601 string with its time zone; never a number of seconds, never a local time.
Timestamp = Annotated[datetime, BeforeValidator(_timestamp)]
# An ISO 8601 date string.
Day = Annotated[date, BeforeValidator(_day)]


class InputSchema(Schema):
    """The base of every request body schema and of every object inside one.

    ninja's ``Schema`` reads any value through its attributes (it is how output schemas
    are built from model instances), so a list, a string or a number where an object
    belongs validated as an object with every field at its default: a blank customer, a
    default return rule. Input takes JSON objects only.
    """

    @model_validator(mode="wrap")
    @classmethod
    def _require_object(cls, value: object, handler: ModelWrapValidatorHandler[Self]) -> Self:
        if not isinstance(value, dict | cls):
            raise ValueError("must be a JSON object")
        return handler(value)


class UnsupportedMediaType(StoredeskError):
    code = "unsupported_media_type"
    status = 415


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


class JsonObjectParser(Parser):
    """Request bodies are JSON objects sent as ``application/json``: anything else is
    refused before a schema sees it (415 for another media type, 422 for another value,
    400 for text that is not JSON)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        # ninja's multipart helper hands each form field over on a bare request whose
        # content type is None; a real request always has one, if only "".
        if request.content_type is not None and request.content_type != "application/json":
            raise UnsupportedMediaType(
                _("Send the request body as JSON with the header Content-Type: application/json.")
            )
        data = json.loads(request.body, parse_constant=_refuse_constant)
        if not isinstance(data, dict):
            raise ValidationFailed(_("The request body must be a JSON object."))
        return data


@overload
def provided_fields(payload: Schema, *, nullable: frozenset[str] = ...) -> dict[str, Any]: ...


@overload
def provided_fields[F: Mapping[str, object]](
    payload: Schema, into: type[F], *, nullable: frozenset[str] = ...
) -> F: ...


def provided_fields(
    payload: Schema,
    into: type[Mapping[str, object]] | None = None,
    *,
    nullable: frozenset[str] = frozenset(),
) -> Any:
    """The fields the client sent; a null counts as absent unless the field may be empty.

    ``into`` is the TypedDict of the action the fields go to, and the type of the result.
    The schema validated the values; that the schema only sends keys the action knows is
    checked here, so a field added to one and not the other fails loudly.
    """
    fields = {
        name: value
        for name, value in payload.model_dump(exclude_unset=True).items()
        if value is not None or name in nullable
    }
    if into is not None and (unknown := fields.keys() - into.__annotations__.keys()):
        raise TypeError(f"{into.__name__} has no field {', '.join(sorted(unknown))}")
    return fields


class PageQuery(Schema):
    cursor: Annotated[str, Text(400)] | None = None
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


# Failures answered with one status, code and message whatever their details.
_FIXED_ERRORS: dict[type[Exception], tuple[int, str, str]] = {
    AuthenticationError: (
        401,
        "not_authenticated",
        "Send an API token (Authorization: Bearer sd_…) or log in.",
    ),
    Http404: (404, "not_found", "Not found."),
    RequestDataTooBig: (
        413,
        "payload_too_large",
        "The request body is larger than this server accepts.",
    ),
    # Reading the form of a session write (for its CSRF token) fails on a body that claims
    # to be multipart and is not.
    MultiPartParserError: (
        400,
        "bad_request",
        "The request body is not valid multipart/form-data.",
    ),
}


def _fixed_error(
    api: NinjaAPI, status: int, code: str, message: str
) -> Callable[[HttpRequest, object], HttpResponse]:
    def handler(request: HttpRequest, exc: object) -> HttpResponse:
        return error_response(api, request, status=status, code=code, message=message)

    return handler


def install_error_handlers(api: NinjaAPI) -> None:
    """Render every failure in one shape: ``{"error": {"code", "message", "details"}}``."""

    @api.exception_handler(StoredeskError)
    def domain_error(request: HttpRequest, exc: StoredeskError) -> HttpResponse:
        response = error_response(
            api, request, status=exc.status, code=exc.code, message=exc.message, details=exc.details
        )
        if isinstance(exc, RateLimited):
            response["Retry-After"] = str(exc.retry_after)
        return response

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

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, StoredeskError):
            # ninja turns every failure of the body parser into a 400; the parser's own
            # refusals (415, 422) keep their status.
            return domain_error(request, exc.__cause__)
        message = str(exc.message)
        if exc.status_code == 403 and message.lower().startswith("csrf check"):
            message = _(
                "CSRF check failed: a session write needs the X-CSRFToken header with the "
                "csrftoken cookie's value."
            )
        code = {403: "permission_denied", 404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "bad_request"
        )
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            code, message = "malformed_json", "The request body is not valid JSON."
        return error_response(api, request, status=exc.status_code, code=code, message=message)

    for exception, (status, code, message) in _FIXED_ERRORS.items():
        api.add_exception_handler(exception, _fixed_error(api, status, code, message))

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
