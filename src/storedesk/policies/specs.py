"""One typed specification per policy aggregate, shared by the API, the editor and the actions.

``ReturnPolicySpec`` (a draft's note and return rules), ``ShippingPolicySpec`` (dispatch
settings, zones and their methods) and ``ProsePolicySpec`` (a written policy's kind, address
and texts) are the REST API's request bodies, what the editor's forms turn their fields into,
and what every action validates through. A spec is checked in two steps:

- its **shape** (types, defaults, list sizes) whenever it is built, as any pydantic model: the
  API answers a wrong shape with 422 before any action runs, and :func:`parse` turns a
  caller's plain mapping into a spec or field errors;
- its **rules** with ``errors(...)``, against the store it is saved in (currency, categories,
  languages), which only the action knows: every problem at once, so a form can mark every
  field in one round.

Both steps name fields with the same dotted paths (``rules.0.window_days``,
``zones.1.methods.0.cost``), the ones ``PolicyValidationFailed`` carries; the API puts its
request body's prefix (``body.payload.``) before the shape errors it finds itself.
"""

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated

import pycountry
from django.db.models import TextChoices
from django.utils.translation import gettext as _
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from storedesk.core.money import AMOUNT_MAX_DIGITS, is_currency
from storedesk.policies.errors import FieldError, PolicyValidationFailed
from storedesk.policies.models import (
    RESERVED_SLUGS,
    DutiesPayer,
    FeeKind,
    ProseKind,
    ShippingPayer,
    WindowStart,
)

MAX_WINDOW_DAYS = 3650
MAX_REFUND_HOURS = 24 * 365
MAX_TRANSIT_DAYS = 365
MAX_RULES = 500
MAX_ZONES = 100
MAX_METHODS_PER_ZONE = 20
MAX_COUNTRIES_PER_ZONE = 300
MAX_HOLIDAYS = 400
MAX_NAME = 120
MAX_NOTE = 500
MAX_CUSTOMS_NOTE = 2000
MAX_LANGUAGE_CODE = 8
MAX_TITLE = 200
MAX_PROSE_BODY = 100_000
MAX_SLUG = 80
_MAX_AMOUNT = Decimal(10 ** (AMOUNT_MAX_DIGITS - 2))
_CENT = Decimal("0.01")
_HH_MM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --- Shape ---------------------------------------------------------------------------


def _plain(value: str) -> str:
    # NUL and lone surrogates cannot be stored (PostgreSQL refuses them); other control
    # characters but tab and line breaks have no business in a policy.
    if any(char not in "\t\n\r" and unicodedata.category(char) in {"Cc", "Cs"} for char in value):
        raise PydanticCustomError("control_characters", _("Remove the control characters."))
    return unicodedata.normalize("NFC", value)


def _country(value: str) -> str:
    return value.strip().upper()


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isascii() and pycountry.countries.get(alpha_2=code) is not None


def _unique[T](values: list[T]) -> list[T]:
    return list(dict.fromkeys(values))


def _cutoff(value: object) -> object:
    """``"HH:MM"`` or a wall-clock ``time``; an offset makes no sense for a daily cut-off."""
    if isinstance(value, time) and value.tzinfo is None:
        return value
    if isinstance(value, str) and (match := _HH_MM.match(value.strip())):
        return time(int(match.group(1)), int(match.group(2)))
    raise PydanticCustomError("time", _("Enter the cut-off as a time such as 14:00."))


def _day(value: object) -> object:
    """A date, or ``"YYYY-MM-DD"``: never a number, which would read as a timestamp."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date", _("Enter a date as YYYY-MM-DD."))


Plain = Annotated[str, AfterValidator(_plain)]
Name = Annotated[Plain, AfterValidator(str.strip)]
CountryCode = Annotated[Plain, AfterValidator(_country)]
Cutoff = Annotated[
    time,
    BeforeValidator(_cutoff),
    WithJsonSchema({"type": "string", "example": "14:00"}),
]
Day = Annotated[date, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]


def _one_of(choices: type[TextChoices]) -> WithJsonSchema:
    """OpenAPI lists the choices; the rules check them, so a wrong one is one more field
    error among the others rather than a refusal before any rule is read."""
    return WithJsonSchema({"type": "string", "enum": list(choices.values)})


class Spec(BaseModel):
    """Unknown fields are refused: a misspelt field silently ignored would read as "no change"."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def parse[S: Spec](spec_type: type[S], data: S | Mapping[str, object]) -> S:
    """``data`` as a ``spec_type``: a spec as it is, a mapping read through the spec's shape.

    A wrong shape raises ``PolicyValidationFailed`` with one field error per problem.
    """
    if isinstance(data, spec_type):
        return data
    try:
        return spec_type.model_validate(data)
    except ValidationError as error:
        raise PolicyValidationFailed([_shape_error(item) for item in error.errors()]) from None


def check(problems: list[FieldError]) -> None:
    """Raise the problems a spec's rules found, if any: nothing is saved then."""
    if problems:
        raise PolicyValidationFailed(problems)


def _shape_error(error: ErrorDetails) -> FieldError:
    path = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "too_long":
        message = _("At most %(count)s items.") % {"count": context.get("max_length")}
    else:
        message = _shape_message(kind) or error["msg"]
    return FieldError(path, message, kind)


def _shape_message(kind: str) -> str | None:
    """A translated sentence for pydantic's own errors; ours (custom types) are translated."""
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not known.")
    if kind.startswith("int_"):
        return _("Enter a whole number.")
    if kind.startswith("bool_"):
        return _("Enter true or false.")
    if kind.startswith("decimal_") or kind == "finite_number":
        return _("Enter an amount.")
    if kind == "string_type":
        return _("Enter some text.")
    if kind == "list_type":
        return _("Enter a list.")
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return _("Enter an object.")
    return None


# --- Rules ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Problems:
    """Field errors found by a spec's rules, under the path of the part being checked."""

    items: list[FieldError] = field(default_factory=list)
    prefix: str = ""

    def add(self, name: str, message: str, kind: str = "invalid") -> None:
        self.items.append(FieldError(self.prefix + name, message, kind))

    def at(self, prefix: str) -> "_Problems":
        return _Problems(self.items, self.prefix + prefix)

    def amount(self, name: str, value: Decimal, *, percent: bool = False) -> bool:
        """Whether ``value`` can be stored as an amount (or a percentage); if not, say why."""
        if value < 0:
            self.add(name, _("Cannot be negative."), "negative")
        elif percent and value > 100:
            self.add(name, _("A percentage cannot be above 100."))
        elif value >= _MAX_AMOUNT or value != value.quantize(_CENT):
            self.add(
                name,
                _("Use an amount below %(limit)s with at most two decimal places.")
                % {"limit": _MAX_AMOUNT},
            )
        else:
            return True
        return False

    def text(self, name: str, value: str | None, limit: int) -> None:
        if value is not None and len(value) > limit:
            self.add(name, _("Use at most %(count)s characters.") % {"count": limit})


# --- Returns -------------------------------------------------------------------------


class ReturnRuleSpec(Spec):
    """How items of one category (or, with no category, every other item) may be returned."""

    category_id: StrictInt | None = Field(default=None, description="Empty for the default rule.")
    window_days: StrictInt | None = Field(
        default=30, description=f"1 to {MAX_WINDOW_DAYS}; empty for no time limit."
    )
    window_starts_at: Annotated[str, _one_of(WindowStart)] = WindowStart.DELIVERY.value
    offers_refund: StrictBool = True
    offers_exchange: StrictBool = True
    offers_store_credit: StrictBool = False
    store_credit_bonus_percent: Decimal = Decimal(0)
    final_sale: StrictBool = False
    discounted_final_sale: StrictBool = False
    requires_unused: StrictBool = True
    requires_original_packaging: StrictBool = False
    return_shipping_paid_by: Annotated[str, _one_of(ShippingPayer)] = ShippingPayer.STORE.value
    return_shipping_fee: Decimal = Decimal(0)
    restocking_fee_kind: Annotated[str, _one_of(FeeKind)] = FeeKind.NONE.value
    restocking_fee: Decimal = Field(
        default=Decimal(0), description="A percentage of the item price, or an amount, by the kind."
    )
    currency: str | None = Field(default=None, description="Defaults to the store's currency.")
    refund_within_hours: StrictInt | None = Field(
        default=None, description="After the return arrives; empty if no time is promised."
    )

    def check_rules(
        self, problems: _Problems, *, currency: str, categories: Collection[int]
    ) -> None:
        """The rule's own problems; ``categories`` are the store's among those named."""
        if self.category_id is not None and self.category_id not in categories:
            problems.add("category_id", _("No such category in this store."))
        window = self.window_days
        if window is not None and window < 1:
            problems.add(
                "window_days",
                _("The return window must be at least 1 day, or empty for no limit."),
            )
        elif window is not None and window > MAX_WINDOW_DAYS:
            problems.add(
                "window_days",
                _("Use at most %(days)s days, or empty for no limit.") % {"days": MAX_WINDOW_DAYS},
            )
        if self.window_starts_at not in WindowStart.values:
            problems.add(
                "window_starts_at", _("Count the return window from 'delivery' or from 'order'.")
            )
        self._check_outcomes(problems)
        self._check_fees(problems)
        if (self.currency or currency) != currency:
            problems.add(
                "currency",
                _("Fees are in the store's currency, %(currency)s.") % {"currency": currency},
                "currency_mismatch",
            )
        hours = self.refund_within_hours
        if hours is not None and not 0 <= hours <= MAX_REFUND_HOURS:
            problems.add(
                "refund_within_hours",
                _("Use 0 to %(hours)s hours, or empty if not promised.")
                % {"hours": MAX_REFUND_HOURS},
            )

    def _check_outcomes(self, problems: _Problems) -> None:
        offers = self.offers_refund or self.offers_exchange or self.offers_store_credit
        if self.final_sale and offers:
            problems.add(
                "outcomes",
                _("A final-sale category cannot offer a refund, exchange or store credit."),
                "final_sale_outcomes",
            )
        if not self.final_sale and not offers:
            problems.add(
                "outcomes",
                _("Offer at least one outcome, or mark the category final sale."),
                "no_outcomes",
            )
        bonus = self.store_credit_bonus_percent
        if (
            problems.amount("store_credit_bonus_percent", bonus, percent=True)
            and bonus > 0
            and not self.offers_store_credit
        ):
            problems.add(
                "store_credit_bonus_percent",
                _("Bonus credit needs store credit to be offered."),
                "bonus_without_store_credit",
            )

    def _check_fees(self, problems: _Problems) -> None:
        if self.return_shipping_paid_by not in ShippingPayer.values:
            problems.add("return_shipping_paid_by", _("Choose 'store' or 'customer'."))
        if (
            problems.amount("return_shipping_fee", self.return_shipping_fee)
            and self.return_shipping_fee > 0
            and self.return_shipping_paid_by != ShippingPayer.CUSTOMER
        ):
            problems.add(
                "return_shipping_fee",
                _("A return shipping fee applies only when the customer pays for return shipping."),
            )
        kind = self.restocking_fee_kind
        if kind not in FeeKind.values:
            problems.add("restocking_fee_kind", _("Choose 'none', 'percent' or 'fixed'."))
        if (
            problems.amount("restocking_fee", self.restocking_fee, percent=kind == FeeKind.PERCENT)
            and kind == FeeKind.NONE
            and self.restocking_fee > 0
        ):
            problems.add(
                "restocking_fee", _("Choose whether the fee is a percentage or a fixed amount.")
            )


class ReturnPolicySpec(Spec):
    """A return draft's changes: its note, and its rules (sent, they replace every rule)."""

    note: Plain | None = Field(default=None, description="What changed, for the history.")
    rules: list[ReturnRuleSpec] | None = Field(
        default=None, max_length=MAX_RULES, description="When sent, replaces every rule."
    )

    @property
    def category_ids(self) -> set[int]:
        return {r.category_id for r in self.rules or () if r.category_id is not None}

    def errors(self, *, currency: str, categories: Collection[int]) -> list[FieldError]:
        """Every broken rule; fees are in ``currency``, ``categories`` are the store's."""
        problems = _Problems()
        problems.text("note", self.note, MAX_NOTE)
        seen: set[int | None] = set()
        for index, rule in enumerate(self.rules or ()):
            at = problems.at(f"rules.{index}.")
            rule.check_rules(at, currency=currency, categories=categories)
            if rule.category_id in seen:
                at.add(
                    "category_id",
                    _("There is already a rule for this category.")
                    if rule.category_id is not None
                    else _("There is already a default rule."),
                    "duplicate",
                )
            seen.add(rule.category_id)
        return problems.items


# --- Shipping ------------------------------------------------------------------------


class ShippingMethodSpec(Spec):
    name: Name
    cost: Decimal
    currency: str | None = Field(default=None, description="Defaults to the shipping policy's.")
    free_shipping_threshold: Decimal | None = Field(
        default=None, description="Orders whose goods total reaches it ship free; empty for never."
    )
    min_days: StrictInt = Field(description="Business days in transit, at least.")
    max_days: StrictInt = Field(description="Business days in transit, at most.")

    def check_rules(self, problems: _Problems, *, currency: str) -> None:
        if not 1 <= len(self.name) <= MAX_NAME:
            problems.add(
                "name",
                _("Give the method a name of 1 to %(count)s characters.") % {"count": MAX_NAME},
            )
        problems.amount("cost", self.cost)
        if self.free_shipping_threshold is not None:
            problems.amount("free_shipping_threshold", self.free_shipping_threshold)
        if (self.currency or currency) != currency:
            problems.add(
                "currency",
                _("Costs are in the shipping policy's currency, %(currency)s.")
                % {"currency": currency},
                "currency_mismatch",
            )
        days_valid = True
        for name, days in (("min_days", self.min_days), ("max_days", self.max_days)):
            if not 0 <= days <= MAX_TRANSIT_DAYS:
                problems.add(
                    name, _("Enter 0 to %(days)s business days.") % {"days": MAX_TRANSIT_DAYS}
                )
                days_valid = False
        if days_valid and self.min_days > self.max_days:
            problems.add(
                "min_days",
                _("The shortest delivery time cannot be longer than the longest."),
                "min_after_max",
            )


class ShippingZoneSpec(Spec):
    name: Name
    countries: Annotated[list[CountryCode], AfterValidator(_unique)] = Field(
        max_length=MAX_COUNTRIES_PER_ZONE, description="ISO 3166-1 alpha-2 codes."
    )
    duties_included: StrictBool = True
    duties_paid_by: Annotated[str, _one_of(DutiesPayer)] = DutiesPayer.NONE.value
    customs_note: dict[Plain, Plain] = Field(
        default_factory=dict, description='One text per language: {"en": "..."}.'
    )
    methods: list[ShippingMethodSpec] = Field(default_factory=list, max_length=MAX_METHODS_PER_ZONE)

    @property
    def notes(self) -> dict[str, str]:
        """The customs note per language, blank ones left out."""
        return {code: text.strip() for code, text in self.customs_note.items() if text.strip()}

    def check_rules(
        self, problems: _Problems, *, currency: str, index: int, owners: dict[str, int]
    ) -> None:
        """This zone, the ``index``-th; ``owners`` maps each earlier zone's countries to it."""
        if not 1 <= len(self.name) <= MAX_NAME:
            problems.add(
                "name",
                _("Give the zone a name of 1 to %(count)s characters.") % {"count": MAX_NAME},
            )
        self._check_countries(problems, index, owners)
        if self.duties_paid_by not in DutiesPayer.values:
            problems.add("duties_paid_by", _("Choose 'none', 'store' or 'customer'."))
        elif self.duties_included and self.duties_paid_by == DutiesPayer.CUSTOMER:
            problems.add(
                "duties_paid_by",
                _("Duties included in the price are paid by the store, not the customer."),
            )
        if any(
            not 1 <= len(code) <= MAX_LANGUAGE_CODE or len(text) > MAX_CUSTOMS_NOTE
            for code, text in self.customs_note.items()
        ):
            problems.add(
                "customs_note",
                _("Give one text per language, %(count)s characters at most.")
                % {"count": MAX_CUSTOMS_NOTE},
            )
        for index, method in enumerate(self.methods):
            method.check_rules(problems.at(f"methods.{index}."), currency=currency)

    def _check_countries(self, problems: _Problems, index: int, owners: dict[str, int]) -> None:
        if not self.countries:
            problems.add("countries", _("List at least one country."))
        for code in self.countries:
            if (
                len(code) != 2
                or not code.isascii()
                or pycountry.countries.get(alpha_2=code) is None
            ):
                problems.add(
                    "countries",
                    _("'%(code)s' is not an ISO 3166-1 alpha-2 country code.") % {"code": code},
                    "invalid_country",
                )
            elif code in owners:
                problems.add(
                    "countries",
                    _("%(code)s is already in zone %(zone)s; zones cannot overlap.")
                    % {"code": code, "zone": owners[code] + 1},
                    "overlapping_zones",
                )
            else:
                owners[code] = index


class ShippingPolicySpec(Spec):
    """A shipping draft's changes; what is left out (or null) stays as it is."""

    note: Plain | None = Field(default=None, description="What changed, for the history.")
    dispatch_cutoff: Cutoff | None = Field(
        default=None, description="HH:MM in the store's time zone."
    )
    working_days: list[StrictInt] | None = Field(
        default=None, description="ISO weekdays, 1 = Monday."
    )
    holidays: list[Day] | None = Field(
        default=None, max_length=MAX_HOLIDAYS, description="Dates on which nothing is dispatched."
    )
    currency: str | None = Field(default=None, description="ISO 4217; costs are in it.")
    zones: list[ShippingZoneSpec] | None = Field(
        default=None, max_length=MAX_ZONES, description="When sent, replaces every zone and method."
    )

    def errors(self, *, currency: str) -> list[FieldError]:
        """Every broken rule; ``currency`` is the policy's unless this changes it."""
        problems = _Problems()
        problems.text("note", self.note, MAX_NOTE)
        if self.currency is not None and not is_currency(self.currency):
            problems.add(
                "currency", _("%(code)s is not an ISO 4217 code.") % {"code": self.currency}
            )
        days = self.working_days
        if days is not None and (
            not days or any(not 1 <= day <= 7 for day in days) or len(set(days)) != len(days)
        ):
            problems.add(
                "working_days",
                _("List each working weekday once, 1 (Monday) to 7 (Sunday); at least one."),
            )
        owners: dict[str, int] = {}
        for index, zone in enumerate(self.zones or ()):
            zone.check_rules(
                problems.at(f"zones.{index}."),
                currency=self.currency or currency,
                index=index,
                owners=owners,
            )
        return problems.items


# --- Prose policies ------------------------------------------------------------------


class ProseTextSpec(Spec):
    title: Name
    body: Plain = Field(description="Markdown.")


class ProsePolicySpec(Spec):
    """A written policy: built-in kinds answer at their kind's address, custom ones at
    their ``slug``; ``translations`` (one per store language) replace every text."""

    kind: Annotated[str, _one_of(ProseKind)]
    slug: str = ""
    translations: dict[str, ProseTextSpec]

    @property
    def address(self) -> str:
        return self.slug if self.kind == ProseKind.CUSTOM else self.kind

    def errors(self, *, languages: Collection[str]) -> list[FieldError]:
        """Every broken rule; ``languages`` are the store's."""
        problems = _Problems()
        if self.kind not in ProseKind.values:
            problems.add("kind", _("Choose 'privacy', 'terms', 'cancellation' or 'custom'."))
        elif self.kind == ProseKind.CUSTOM:
            self._check_slug(problems)
        if not self.translations:
            problems.add("translations", _("Write the policy in at least one language."))
        for language, text in self.translations.items():
            if language not in languages:
                problems.add(
                    f"translations.{language}", _("This is not one of the store's languages.")
                )
                continue
            at = problems.at(f"translations.{language}.")
            if not 1 <= len(text.title) <= MAX_TITLE:
                at.add(
                    "title", _("Give a title of 1 to %(count)s characters.") % {"count": MAX_TITLE}
                )
            if not text.body.strip() or len(text.body) > MAX_PROSE_BODY:
                at.add(
                    "body",
                    _("Write the policy, %(count)s characters at most.")
                    % {"count": MAX_PROSE_BODY},
                )
        return problems.items

    def _check_slug(self, problems: _Problems) -> None:
        if self.slug in RESERVED_SLUGS:
            problems.add("slug", _("This address is taken by the store's rules pages."), "reserved")
        elif (
            not _SLUG.match(self.slug) or len(self.slug) > MAX_SLUG or self.slug in ProseKind.values
        ):
            problems.add(
                "slug",
                _("Use lower-case letters, digits and dashes, not a built-in policy's name."),
            )
