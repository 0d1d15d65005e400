"""Forms of the policy editor.

They read what the merchant typed (numbers, dates, ticked boxes) into the specs of
``policies/specs.py`` and put the specs' field errors back next to the fields. The rules
themselves (windows, outcomes, overlapping zones, costs, lengths) are the specs', checked by
the actions: the forms have no rule of their own, only input widgets that hint at them.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from storedesk.core.forms import PerLanguageForm
from storedesk.policies.errors import PolicyValidationFailed
from storedesk.policies.models import (
    DutiesPayer,
    FeeKind,
    ProseKind,
    ReturnRule,
    ShippingMethod,
    ShippingPayer,
    ShippingPolicyVersion,
    ShippingZone,
    WindowStart,
)
from storedesk.policies.specs import (
    MAX_CUSTOMS_NOTE,
    MAX_NAME,
    MAX_NOTE,
    MAX_PROSE_BODY,
    MAX_SLUG,
    MAX_TITLE,
    ProsePolicySpec,
    ReturnPolicySpec,
    ReturnRuleSpec,
    ShippingPolicySpec,
    parse,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DEFAULT_CATEGORY = ""
MAX_ROWS = 100

WINDOW_START_CHOICES = [
    (WindowStart.DELIVERY.value, _("from delivery")),
    (WindowStart.ORDER.value, _("from the order date")),
]
PAYER_CHOICES = [
    (ShippingPayer.STORE.value, _("The store")),
    (ShippingPayer.CUSTOMER.value, _("The customer")),
]
FEE_KIND_CHOICES = [
    (FeeKind.NONE.value, _("No fee")),
    (FeeKind.PERCENT.value, _("Percent of the item price")),
    (FeeKind.FIXED.value, _("Fixed amount")),
]
DUTIES_CHOICES = [
    (DutiesPayer.NONE.value, _("No customs")),
    (DutiesPayer.STORE.value, _("The store")),
    (DutiesPayer.CUSTOMER.value, _("The customer")),
]
WEEKDAY_CHOICES = [
    (1, _("Monday")),
    (2, _("Tuesday")),
    (3, _("Wednesday")),
    (4, _("Thursday")),
    (5, _("Friday")),
    (6, _("Saturday")),
    (7, _("Sunday")),
]
PROSE_KIND_CHOICES = [
    (ProseKind.PRIVACY.value, _("Privacy policy")),
    (ProseKind.TERMS.value, _("Terms of service")),
    (ProseKind.CANCELLATION.value, _("Cancellation policy")),
    (ProseKind.CUSTOM.value, _("Another policy")),
]


# --- Fields: input only; the specs hold the rules --------------------------------------


def _amount(label: "StrOrPromise", *, percent: bool = False) -> forms.DecimalField:
    attrs = {"min": "0", "step": "0.01"} | ({"max": "100"} if percent else {})
    return forms.DecimalField(label=label, required=False, widget=forms.NumberInput(attrs=attrs))


def _number(label: "StrOrPromise", *, least: int, **options: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=False, widget=forms.NumberInput(attrs={"min": least}), **options
    )


def _text(
    label: "StrOrPromise | None" = None, *, limit: int, widget: forms.Widget | None = None
) -> forms.CharField:
    widget = widget or forms.TextInput()
    widget.attrs["maxlength"] = str(limit)
    return forms.CharField(label=label, required=False, widget=widget)


def _row_count(data: QueryDict | None, name: str) -> int:
    if data is None:
        return 0
    try:
        return max(0, min(int(data.get(name, "0")), MAX_ROWS))
    except ValueError:
        return 0


def _removed(row: forms.Form) -> bool:
    return bool(row.data.get(row.add_prefix("remove")))


def _place(form: forms.Form, name: str | None, message: str) -> None:
    """Show ``message`` next to the field ``name``, or above the form if it has none."""
    form.add_error(name if name in form.fields else None, message)


def _paths(error: PolicyValidationFailed) -> Iterable[tuple[list[str], str]]:
    for item in error.errors:
        yield item.field.split("."), item.message


# --- Returns ---------------------------------------------------------------------------


class ReturnRuleForm(forms.Form):
    """One category's rule. Empty window means no time limit."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    window_days = _number(
        _("Return window (days)"), least=1, help_text=_("Leave empty for no time limit.")
    )
    window_starts_at = forms.ChoiceField(label=_("Counted"), choices=WINDOW_START_CHOICES)
    offers_refund = forms.BooleanField(label=_("Refund"), required=False)
    offers_exchange = forms.BooleanField(label=_("Exchange"), required=False)
    offers_store_credit = forms.BooleanField(label=_("Store credit"), required=False)
    store_credit_bonus_percent = _amount(_("Bonus credit (%)"), percent=True)
    final_sale = forms.BooleanField(label=_("Final sale (cannot be returned)"), required=False)
    discounted_final_sale = forms.BooleanField(
        label=_("Discounted items are final sale"), required=False
    )
    requires_unused = forms.BooleanField(label=_("Must be unused"), required=False)
    requires_original_packaging = forms.BooleanField(
        label=_("Original packaging needed"), required=False
    )
    return_shipping_paid_by = forms.ChoiceField(
        label=_("Return shipping paid by"), choices=PAYER_CHOICES
    )
    return_shipping_fee = _amount(_("Return shipping fee"))
    restocking_fee_kind = forms.ChoiceField(label=_("Restocking fee"), choices=FEE_KIND_CHOICES)
    restocking_fee = _amount(_("Restocking fee amount"))
    refund_within_hours = _number(
        _("Refund issued within (hours)"),
        least=0,
        help_text=_("After the return arrives; leave empty if you do not promise a time."),
    )
    remove = forms.BooleanField(label=_("Remove this rule"), required=False)

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        prefix: str,
        categories: list[tuple[str, str]],
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, prefix=prefix, initial=initial)
        category_field = self.fields["category"]
        assert isinstance(category_field, forms.ChoiceField)
        category_field.choices = [
            (DEFAULT_CATEGORY, _("All other items (default rule)")),
            *categories,
        ]

    def to_rule(self) -> dict[str, object]:
        """The rule's fields as the spec names them; an empty amount is nothing to pay."""
        data = self.cleaned_data
        rule: dict[str, object] = {
            name: data.get(name) for name in ReturnRuleSpec.model_fields if name in self.fields
        }
        for name in rule:
            if isinstance(self.fields[name], forms.DecimalField) and rule[name] is None:
                rule[name] = Decimal(0)
        category = data.get("category") or DEFAULT_CATEGORY
        return rule | {"category_id": int(category) if category else None}


# Where a spec's field error for a rule goes on the form (None: above the rule).
RULE_FIELD_TARGETS = {"category_id": "category", "outcomes": None, "currency": None}


def _rule_values(rule: ReturnRuleSpec) -> dict[str, Any]:
    values = rule.model_dump(exclude={"category_id", "currency"})
    return values | {"category": str(rule.category_id) if rule.category_id else DEFAULT_CATEGORY}


def rule_initial(rule: ReturnRule) -> dict[str, Any]:
    return _rule_values(ReturnRuleSpec.model_validate(rule, from_attributes=True))


# The "add a rule" row starts from the spec's defaults.
NEW_RULE_INITIAL: dict[str, Any] = _rule_values(ReturnRuleSpec())


class ReturnRulesForm:
    """The draft's rules as rows, plus one empty row to add a rule."""

    def __init__(
        self,
        data: QueryDict | None,
        *,
        categories: list[tuple[str, str]],
        rules: Iterable[ReturnRule] = (),
    ) -> None:
        self.data = data
        self.categories = categories
        self.non_field_errors: list[str] = []
        if data is None:
            initials = [rule_initial(rule) for rule in rules] + [dict(NEW_RULE_INITIAL)]
        else:
            count = _row_count(data, "rule_count")
            initials = [{} for _ in range(count)]
        self.rows = [
            ReturnRuleForm(
                data if data is not None else None,
                prefix=f"rule-{index}",
                categories=categories,
                initial=initial,
            )
            for index, initial in enumerate(initials)
        ]
        self.note = data.get("note", "") if data is not None else ""
        # Row index in the submitted rules list → form row index.
        self.submitted_rows: list[int] = []

    def is_new_row_blank(self, row: ReturnRuleForm) -> bool:
        # The last row is the "add a rule" row; it counts only when its box is ticked.
        assert self.data is not None
        return row is self.rows[-1] and not self.data.get(row.add_prefix("add"))

    def is_valid(self) -> bool:
        valid = True
        for row in self.rows:
            if self.data is not None and (self.is_new_row_blank(row) or _removed(row)):
                continue
            valid = row.is_valid() and valid
        return valid

    def to_spec(self) -> ReturnPolicySpec:
        """The note and the rules the merchant kept; ``PolicyValidationFailed`` if unreadable."""
        rules: list[dict[str, object]] = []
        self.submitted_rows = []
        for index, row in enumerate(self.rows):
            if self.is_new_row_blank(row) or row.cleaned_data.get("remove"):
                continue
            rules.append(row.to_rule())
            self.submitted_rows.append(index)
        return parse(ReturnPolicySpec, {"note": self.note, "rules": rules})

    def apply_errors(self, error: PolicyValidationFailed) -> None:
        """Place the spec's ``rules.<i>.<field>`` errors next to the fields."""
        for parts, message in _paths(error):
            if parts[0] == "rules" and len(parts) >= 3 and parts[1].isdigit():
                position = int(parts[1])
                if position < len(self.submitted_rows):
                    row = self.rows[self.submitted_rows[position]]
                    _place(row, RULE_FIELD_TARGETS.get(parts[2], parts[2]), message)
                    continue
            self.non_field_errors.append(message)

    def fill_preset(self, index: int, values: Mapping[str, Any]) -> QueryDict:
        """The submitted data with row ``index`` set to a preset's values."""
        assert self.data is not None
        data = self.data.copy()
        row = self.rows[index]
        for name, value in values.items():
            if name not in row.fields:
                continue
            key = row.add_prefix(name)
            if isinstance(row.fields[name], forms.BooleanField):
                if value:
                    data[key] = "on"
                else:
                    data.pop(key, None)
            else:
                data[key] = "" if value is None else str(value)
        if row is self.rows[-1]:
            data[row.add_prefix("add")] = "on"
        return data


# --- Shipping --------------------------------------------------------------------------


class ShippingSettingsForm(forms.Form):
    dispatch_cutoff = forms.TimeField(
        label=_("Dispatch cut-off"),
        help_text=_("Orders placed before this time on a working day leave the same day."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    working_days = forms.TypedMultipleChoiceField(
        label=_("Working days"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    holidays = forms.CharField(
        label=_("Days off"),
        required=False,
        help_text=_("One date per line, as YYYY-MM-DD: nothing is dispatched on these days."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = _text(_("What changed"), limit=MAX_NOTE)

    def holiday_list(self) -> list[str]:
        text: str = self.cleaned_data.get("holidays") or ""
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class ShippingZoneForm(forms.Form):
    name = _text(_("Zone name"), limit=MAX_NAME)
    countries = forms.CharField(
        label=_("Countries"),
        required=False,
        help_text=_("Two-letter country codes separated by commas, e.g. DE, AT, FR."),
    )
    duties_included = forms.BooleanField(label=_("Duties included in prices"), required=False)
    duties_paid_by = forms.ChoiceField(label=_("Customs duties paid by"), choices=DUTIES_CHOICES)
    remove = forms.BooleanField(label=_("Remove this zone"), required=False)

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        prefix: str,
        languages: list[str],
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, prefix=prefix, initial=initial)
        self.languages = languages
        for code in languages:
            self.fields[f"customs_note_{code}"] = _text(
                limit=MAX_CUSTOMS_NOTE,
                widget=forms.Textarea(attrs={"rows": 2, "lang": code, "dir": "auto"}),
            )
        self.methods: list[ShippingMethodForm] = []

    def note_fields(self) -> list[tuple[str, forms.BoundField]]:
        return [(code, self[f"customs_note_{code}"]) for code in self.languages]

    def is_blank(self) -> bool:
        return (
            not (self.data.get(self.add_prefix("name")) or "").strip()
            and not (self.data.get(self.add_prefix("countries")) or "").strip()
        )

    def to_zone(self, methods: list[dict[str, object]]) -> dict[str, object]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "countries": [c.strip() for c in data["countries"].split(",") if c.strip()],
            "duties_included": data["duties_included"],
            "duties_paid_by": data["duties_paid_by"],
            "customs_note": {
                code: data.get(f"customs_note_{code}") or "" for code in self.languages
            },
            "methods": methods,
        }


class ShippingMethodForm(forms.Form):
    name = _text(_("Method"), limit=MAX_NAME)
    cost = _amount(_("Cost"))
    free_shipping_threshold = _amount(_("Free from order total"))
    min_days = _number(_("Min. business days"), least=0)
    max_days = _number(_("Max. business days"), least=0)
    remove = forms.BooleanField(label=_("Remove"), required=False)

    def is_blank(self) -> bool:
        return not (self.data.get(self.add_prefix("name")) or "").strip()

    def to_method(self) -> dict[str, object]:
        """The method as the spec names it; an empty cost is free, empty days are missing."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "cost": data.get("cost") or Decimal(0),
            "free_shipping_threshold": data.get("free_shipping_threshold"),
            "min_days": data.get("min_days"),
            "max_days": data.get("max_days"),
        }


def zone_initial(zone: ShippingZone) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "name": zone.name,
        "countries": ", ".join(zone.countries),
        "duties_included": zone.duties_included,
        "duties_paid_by": zone.duties_paid_by,
    }
    for code, text in (zone.customs_note or {}).items():
        initial[f"customs_note_{code}"] = text
    return initial


def method_initial(method: ShippingMethod) -> dict[str, Any]:
    return {
        "name": method.name,
        "cost": method.cost,
        "free_shipping_threshold": method.free_shipping_threshold,
        "min_days": method.min_days,
        "max_days": method.max_days,
    }


class ShippingPolicyForm:
    """Settings, zones and their methods; blank trailing rows are for adding."""

    def __init__(
        self,
        data: QueryDict | None,
        *,
        languages: list[str],
        version: ShippingPolicyVersion | None = None,
    ) -> None:
        self.data = data
        self.non_field_errors: list[str] = []
        self.submitted_zones: list[int] = []
        self.submitted_methods: dict[int, list[int]] = {}
        if data is None:
            assert version is not None
            self.settings = ShippingSettingsForm(
                initial={
                    "dispatch_cutoff": version.dispatch_cutoff,
                    "working_days": list(version.working_days),
                    "holidays": "\n".join(str(day) for day in version.holidays),
                    "note": version.note,
                }
            )
            zones = list(version.zones.all())
            zone_initials = [zone_initial(zone) for zone in zones] + [{"duties_included": True}]
            method_initials = [[method_initial(m) for m in zone.methods.all()] for zone in zones]
            method_initials.append([])
        else:
            self.settings = ShippingSettingsForm(data)
            zone_count = _row_count(data, "zone_count")
            zone_initials = [{} for _ in range(zone_count)]
            method_initials = [
                [{} for _ in range(max(0, _row_count(data, f"zone-{i}-method_count") - 1))]
                for i in range(zone_count)
            ]
        self.zones: list[ShippingZoneForm] = []
        for index, initial in enumerate(zone_initials):
            zone = ShippingZoneForm(
                data, prefix=f"zone-{index}", languages=languages, initial=initial
            )
            # Each zone offers one empty method row after its methods.
            for position, method in enumerate([*method_initials[index], {}]):
                zone.methods.append(
                    ShippingMethodForm(
                        data, prefix=f"zone-{index}-method-{position}", initial=method
                    )
                )
            self.zones.append(zone)

    def _kept_zones(self) -> list[tuple[int, ShippingZoneForm]]:
        return [(i, z) for i, z in enumerate(self.zones) if not (z.is_blank() or _removed(z))]

    @staticmethod
    def _kept_methods(zone: ShippingZoneForm) -> list[tuple[int, ShippingMethodForm]]:
        return [(i, m) for i, m in enumerate(zone.methods) if not (m.is_blank() or _removed(m))]

    def is_valid(self) -> bool:
        valid = self.settings.is_valid()
        for _index, zone in self._kept_zones():
            valid = zone.is_valid() and valid
            for _position, method in self._kept_methods(zone):
                valid = method.is_valid() and valid
        return valid

    def to_spec(self) -> ShippingPolicySpec:
        """Settings, zones and methods the merchant kept; ``PolicyValidationFailed`` if
        unreadable."""
        zones: list[dict[str, object]] = []
        self.submitted_zones = []
        self.submitted_methods = {}
        for index, zone in self._kept_zones():
            kept = self._kept_methods(zone)
            self.submitted_methods[len(zones)] = [position for position, _method in kept]
            zones.append(zone.to_zone([method.to_method() for _position, method in kept]))
            self.submitted_zones.append(index)
        settings = self.settings.cleaned_data
        return parse(
            ShippingPolicySpec,
            {
                "note": settings.get("note") or "",
                "dispatch_cutoff": settings["dispatch_cutoff"],
                "working_days": list(settings.get("working_days") or ()),
                "holidays": self.settings.holiday_list(),
                "zones": zones,
            },
        )

    def apply_errors(self, error: PolicyValidationFailed) -> None:
        """Place ``zones.<i>.methods.<j>.<field>`` and settings errors next to the fields."""
        for parts, message in _paths(error):
            if parts[0] in self.settings.fields:
                self.settings.add_error(parts[0], message)
                continue
            if parts[0] == "zones" and len(parts) >= 3 and parts[1].isdigit():
                position = int(parts[1])
                if position < len(self.submitted_zones):
                    zone = self.zones[self.submitted_zones[position]]
                    methods = self.submitted_methods.get(position, [])
                    if (
                        parts[2] == "methods"
                        and len(parts) >= 5
                        and parts[3].isdigit()
                        and int(parts[3]) < len(methods)
                    ):
                        _place(zone.methods[methods[int(parts[3])]], parts[4], message)
                    else:
                        _place(zone, parts[2], message)
                    continue
            self.non_field_errors.append(message)


# --- Prose policies --------------------------------------------------------------------


class NewProsePolicyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PROSE_KIND_CHOICES)
    slug = forms.CharField(
        label=_("Address"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": str(MAX_SLUG)}),
        help_text=_("For another policy: lower-case letters, digits and dashes, e.g. warranty."),
    )

    def apply_errors(self, error: PolicyValidationFailed) -> None:
        for parts, message in _paths(error):
            _place(self, parts[0], message)


class ProsePolicyForm(PerLanguageForm):
    """One title and one Markdown body per store language; empty both means no text."""

    def add_language_fields(self, code: str) -> None:
        self.fields[f"title_{code}"] = _text(
            limit=MAX_TITLE, widget=forms.TextInput(attrs={"lang": code})
        )
        self.fields[f"body_{code}"] = _text(
            limit=MAX_PROSE_BODY,
            widget=forms.Textarea(attrs={"rows": 12, "lang": code, "dir": "auto"}),
        )

    def language_fields(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(code, self[f"title_{code}"], self[f"body_{code}"]) for code in self.languages]

    def translations(self) -> dict[str, dict[str, str]]:
        """Title and body per language that has either."""
        result: dict[str, dict[str, str]] = {}
        for code in self.languages:
            title = self.cleaned_data.get(f"title_{code}", "")
            body = self.cleaned_data.get(f"body_{code}", "").replace("\r\n", "\n")
            if title.strip() or body.strip():
                result[code] = {"title": title, "body": body}
        return result

    def to_spec(self, *, kind: str, slug: str) -> ProsePolicySpec:
        return parse(
            ProsePolicySpec, {"kind": kind, "slug": slug, "translations": self.translations()}
        )

    def apply_errors(self, error: PolicyValidationFailed) -> None:
        for parts, message in _paths(error):
            if parts[0] == "translations" and len(parts) == 3 and parts[1] in self.languages:
                self.add_error(f"{parts[2]}_{parts[1]}", message)
            else:
                self.add_error(None, message)
