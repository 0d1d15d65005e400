from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema
from pydantic import EmailStr

from storedesk.core.api import Text
from storedesk.customers.models import ConsentChannel, ConsentSource, Customer


class CustomerIn(Schema):
    """A customer as a store platform sends it. With an ``external_id`` that is known
    already, the request updates that customer instead of creating one."""

    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    first_name: Text(120) = ""  # type: ignore[valid-type]
    last_name: Text(120) = ""  # type: ignore[valid-type]
    email: EmailStr | None = Field(None, max_length=254)
    phone: Text(40) = Field("", description="Any format; stored in E.164.")  # type: ignore[valid-type]
    language: Text(8, min_length=2) | None = None  # type: ignore[valid-type]
    timezone: Text(64, min_length=1) | None = None  # type: ignore[valid-type]
    country: Text(2) = Field("", description="ISO 3166-1 alpha-2")  # type: ignore[valid-type]
    birthday: date | None = None
    notes: Text(10_000) = ""  # type: ignore[valid-type]
    tags: list[Text(60, min_length=1)] = Field(default_factory=list, max_length=50)  # type: ignore[valid-type]


class CustomerPatch(Schema):
    """Only the fields present are changed."""

    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    first_name: Text(120) | None = None  # type: ignore[valid-type]
    last_name: Text(120) | None = None  # type: ignore[valid-type]
    email: EmailStr | None = Field(None, max_length=254)
    phone: Text(40) | None = None  # type: ignore[valid-type]
    language: Text(8, min_length=2) | None = None  # type: ignore[valid-type]
    timezone: Text(64, min_length=1) | None = None  # type: ignore[valid-type]
    country: Text(2) | None = None  # type: ignore[valid-type]
    birthday: date | None = None
    notes: Text(10_000) | None = None  # type: ignore[valid-type]
    tags: list[Text(60, min_length=1)] | None = Field(None, max_length=50)  # type: ignore[valid-type]


class ConsentOut(Schema):
    channel: ConsentChannel
    granted: bool
    source: ConsentSource
    recorded_at: datetime


class ConsentIn(Schema):
    channel: ConsentChannel
    granted: bool
    source: ConsentSource
    wording: Text(2_000) = ""  # type: ignore[valid-type]


class CustomerOut(Schema):
    id: int
    external_id: str | None
    first_name: str
    last_name: str
    email: str | None
    phone: str
    language: str
    timezone: str
    country: str
    birthday: date | None
    notes: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_tags(obj: Customer) -> list[str]:
        return sorted(tag.name for tag in obj.tags.all())


class CustomerPage(Schema):
    items: list[CustomerOut]
    next_cursor: str | None


class LifetimeSpend(Schema):
    currency: str
    amount: Decimal
