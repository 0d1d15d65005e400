from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import EmailStr

from storedesk.core.api import Day, Flag, InputSchema, Text
from storedesk.customers.models import ConsentChannel, ConsentSource, Customer


class CustomerIn(InputSchema):
    """A customer as a store platform sends it. With an ``external_id`` that is known
    already, the request updates that customer instead of creating one."""

    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    first_name: Annotated[str, Text(120)] = ""
    last_name: Annotated[str, Text(120)] = ""
    email: EmailStr | None = Field(None, max_length=254)
    phone: Annotated[str, Text(40)] = Field("", description="Any format; stored in E.164.")
    language: Annotated[str, Text(8, min_length=2)] | None = None
    timezone: Annotated[str, Text(64, min_length=1)] | None = None
    country: Annotated[str, Text(2)] = Field("", description="ISO 3166-1 alpha-2")
    birthday: Day | None = None
    notes: Annotated[str, Text(10_000)] = ""
    tags: list[Annotated[str, Text(60, min_length=1)]] = Field(default_factory=list, max_length=50)


class CustomerPatch(InputSchema):
    """Only the fields present are changed."""

    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    first_name: Annotated[str, Text(120)] | None = None
    last_name: Annotated[str, Text(120)] | None = None
    email: EmailStr | None = Field(None, max_length=254)
    phone: Annotated[str, Text(40)] | None = None
    language: Annotated[str, Text(8, min_length=2)] | None = None
    timezone: Annotated[str, Text(64, min_length=1)] | None = None
    country: Annotated[str, Text(2)] | None = None
    birthday: Day | None = None
    notes: Annotated[str, Text(10_000)] | None = None
    tags: list[Annotated[str, Text(60, min_length=1)]] | None = Field(None, max_length=50)


class ConsentOut(Schema):
    channel: ConsentChannel
    granted: bool
    source: ConsentSource
    recorded_at: datetime


class ConsentIn(InputSchema):
    channel: ConsentChannel
    granted: Flag
    source: ConsentSource
    wording: Annotated[str, Text(2_000)] = ""


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
