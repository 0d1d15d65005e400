"""Forms of the policy editor. They only read the input and place errors; the rules (windows,
outcomes, overlapping zones, costs) are the actions' and come back as field errors."""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from storedesk.policies.actions import (
    ProseTranslationFields,
    ReturnRuleFields,
    ShippingMethodFields,
    ShippingZoneFields,
)
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


def _amount(label: "StrOrPromise", *, max_value: Decimal | None = None) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=max_value,
    )


def _row_count(data: QueryDict | None, name: str) -> int:
    if data is None:
        return 0
    try:
        return max(0, min(int(data.get(name, "0")), MAX_ROWS))
    except ValueError:
        return 0


class ReturnRuleForm(forms.Form):
    """One category's rule. Empty window means no time limit."""

    category = forms.ChoiceField(label=_("Category"), required=False)
    window_days = forms.IntegerField(
        label=_("Return window (days)"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for no time limit."),
    )
    window_starts_at = forms.ChoiceField(label=_("Counted"), choices=WINDOW_START_CHOICES)
    offers_refund = forms.BooleanField(label=_("Refund"), required=False)
    offers_exchange = forms.BooleanField(label=_("Exchange"), required=False)
    offers_store_credit = forms.BooleanField(label=_("Store credit"), required=False)
    store_credit_bonus_percent = _amount(_("Bonus credit (%)"), max_value=Decimal(100))
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
    refund_within_hours = forms.IntegerField(
        label=_("Refund issued within (hours)"),
        required=False,
        min_value=0,
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

    def to_fields(self, currency: str) -> ReturnRuleFields:
        data = self.cleaned_data
        category = data.get("category") or DEFAULT_CATEGORY
        return {
            "category_id": int(category) if category else None,
            "window_days": data.get("window_days"),
            "window_starts_at": data["window_starts_at"],
            "offers_refund": data["offers_refund"],
            "offers_exchange": data["offers_exchange"],
            "offers_store_credit": data["offers_store_credit"],
            "store_credit_bonus_percent": data.get("store_credit_bonus_percent") or Decimal(0),
            "final_sale": data["final_sale"],
            "discounted_final_sale": data["discounted_final_sale"],
            "requires_unused": data["requires_unused"],
            "requires_original_packaging": data["requires_original_packaging"],
            "return_shipping_paid_by": data["return_shipping_paid_by"],
            "return_shipping_fee": data.get("return_shipping_fee") or Decimal(0),
            "restocking_fee_kind": data["restocking_fee_kind"],
            "restocking_fee": data.get("restocking_fee") or Decimal(0),
            "currency": currency,
            "refund_within_hours": data.get("refund_within_hours"),
        }


# Where an action's field error for a rule goes on the form.
RULE_FIELD_TARGETS = {"category_id": "category", "outcomes": None, "currency": None}


def rule_initial(rule: ReturnRule) -> dict[str, Any]:
    return {
        "category": str(rule.category_id) if rule.category_id else DEFAULT_CATEGORY,
        "window_days": rule.window_days,
        "window_starts_at": rule.window_starts_at,
        "offers_refund": rule.offers_refund,
        "offers_exchange": rule.offers_exchange,
        "offers_store_credit": rule.offers_store_credit,
        "store_credit_bonus_percent": rule.store_credit_bonus_percent,
        "final_sale": rule.final_sale,
        "discounted_final_sale": rule.discounted_final_sale,
        "requires_unused": rule.requires_unused,
        "requires_original_packaging": rule.requires_original_packaging,
        "return_shipping_paid_by": rule.return_shipping_paid_by,
        "return_shipping_fee": rule.return_shipping_fee,
        "restocking_fee_kind": rule.restocking_fee_kind,
        "restocking_fee": rule.restocking_fee,
        "refund_within_hours": rule.refund_within_hours,
    }


NEW_RULE_INITIAL: dict[str, Any] = {
    "_new": True,
    "category": DEFAULT_CATEGORY,
    "window_days": 30,
    "window_starts_at": WindowStart.DELIVERY.value,
    "offers_refund": True,
    "offers_exchange": True,
    "requires_unused": True,
    "return_shipping_paid_by": ShippingPayer.STORE.value,
    "restocking_fee_kind": FeeKind.NONE.value,
}


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
        self.note_error = ""
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
        self.note = data.get("note", "")[:500] if data is not None else ""
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

    def to_rules(self, currency: str) -> list[ReturnRuleFields]:
        rules: list[ReturnRuleFields] = []
        self.submitted_rows = []
        for index, row in enumerate(self.rows):
            if self.is_new_row_blank(row) or row.cleaned_data.get("remove"):
                continue
            rules.append(row.to_fields(currency))
            self.submitted_rows.append(index)
        return rules

    def apply_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Place the action's ``rules.<i>.<field>`` errors next to the fields."""
        for key, message in errors:
            parts = key.split(".")
            if parts[0] == "rules" and len(parts) >= 3 and parts[1].isdigit():
                position = int(parts[1])
                if position < len(self.submitted_rows):
                    row = self.rows[self.submitted_rows[position]]
                    target = RULE_FIELD_TARGETS.get(parts[2], parts[2])
                    if target is not None and target not in row.fields:
                        target = None
                    row.add_error(target, message)
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


def _removed(row: forms.Form) -> bool:
    return bool(row.data.get(row.add_prefix("remove")))


# --- Shipping -------------------------------------------------------------------------


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
        widget=forms.CheckboxSelectMultiple,
    )
    holidays = forms.CharField(
        label=_("Days off"),
        required=False,
        help_text=_("One date per line, as YYYY-MM-DD: nothing is dispatched on these days."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(label=_("What changed"), required=False, max_length=500)

    def holiday_list(self) -> list[str]:
        text: str = self.cleaned_data.get("holidays") or ""
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class ShippingZoneForm(forms.Form):
    name = forms.CharField(label=_("Zone name"), max_length=120, required=False)
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
            self.fields[f"customs_note_{code}"] = forms.CharField(
                required=False,
                max_length=2000,
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


class ShippingMethodForm(forms.Form):
    name = forms.CharField(label=_("Method"), max_length=120, required=False)
    cost = _amount(_("Cost"))
    free_shipping_threshold = _amount(_("Free from order total"))
    min_days = forms.IntegerField(label=_("Min. business days"), required=False, min_value=0)
    max_days = forms.IntegerField(label=_("Max. business days"), required=False, min_value=0)
    remove = forms.BooleanField(label=_("Remove"), required=False)

    def is_blank(self) -> bool:
        return not (self.data.get(self.add_prefix("name")) or "").strip()


# Extra empty rows offered for adding: one zone, and one method per zone.
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

    def is_valid(self) -> bool:
        valid = self.settings.is_valid()
        for zone in self.zones:
            if zone.is_blank() or _removed(zone):
                continue
            valid = zone.is_valid() and valid
            for method in zone.methods:
                if method.is_blank() or _removed(method):
                    continue
                valid = method.is_valid() and valid
        return valid

    def to_zones(self, currency: str) -> list[ShippingZoneFields]:
        zones: list[ShippingZoneFields] = []
        self.submitted_zones = []
        self.submitted_methods = {}
        for index, zone in enumerate(self.zones):
            if zone.is_blank() or _removed(zone):
                continue
            data = zone.cleaned_data
            methods: list[ShippingMethodFields] = []
            positions: list[int] = []
            for position, method in enumerate(zone.methods):
                if method.is_blank() or _removed(method):
                    continue
                values = method.cleaned_data
                methods.append(
                    {
                        "name": values["name"],
                        "cost": values.get("cost") or Decimal(0),
                        "currency": currency,
                        "free_shipping_threshold": values.get("free_shipping_threshold"),
                        "min_days": values.get("min_days"),  # type: ignore[typeddict-item]
                        "max_days": values.get("max_days"),  # type: ignore[typeddict-item]
                    }
                )
                positions.append(position)
            self.submitted_methods[len(zones)] = positions
            zones.append(
                {
                    "name": data["name"],
                    "countries": [c.strip() for c in data["countries"].split(",") if c.strip()],
                    "duties_included": data["duties_included"],
                    "duties_paid_by": data["duties_paid_by"],
                    "customs_note": {
                        code: data.get(f"customs_note_{code}", "") for code in zone.languages
                    },
                    "methods": methods,
                }
            )
            self.submitted_zones.append(index)
        return zones

    def apply_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Place ``zones.<i>.methods.<j>.<field>`` and settings errors next to the fields."""
        for key, message in errors:
            parts = key.split(".")
            if parts[0] in self.settings.fields:
                self.settings.add_error(parts[0], message)
                continue
            if parts[0] == "holidays":
                self.settings.add_error("holidays", message)
                continue
            if parts[0] == "zones" and len(parts) >= 3 and parts[1].isdigit():
                position = int(parts[1])
                if position < len(self.submitted_zones):
                    zone = self.zones[self.submitted_zones[position]]
                    if parts[2] == "methods" and len(parts) >= 5 and parts[3].isdigit():
                        methods = self.submitted_methods.get(position, [])
                        if int(parts[3]) < len(methods):
                            method = zone.methods[methods[int(parts[3])]]
                            field = parts[4] if parts[4] in method.fields else None
                            method.add_error(field, message)
                            continue
                    field_name: str | None = parts[2] if parts[2] in zone.fields else None
                    zone.add_error(field_name, message)
                    continue
            self.non_field_errors.append(message)


# --- Prose policies -------------------------------------------------------------------


class NewProsePolicyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PROSE_KIND_CHOICES)
    slug = forms.SlugField(
        label=_("Address"),
        required=False,
        max_length=80,
        help_text=_("For another policy: lower-case letters, digits and dashes, e.g. warranty."),
    )


class ProsePolicyForm(forms.Form):
    """One title and one Markdown body per store language; empty both means no text."""

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        languages: list[str],
        initial: dict[str, str] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        self.languages = languages
        for code in languages:
            self.fields[f"title_{code}"] = forms.CharField(
                required=False, max_length=200, widget=forms.TextInput(attrs={"lang": code})
            )
            self.fields[f"body_{code}"] = forms.CharField(
                required=False,
                max_length=100_000,
                widget=forms.Textarea(attrs={"rows": 12, "lang": code, "dir": "auto"}),
            )

    def language_fields(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(code, self[f"title_{code}"], self[f"body_{code}"]) for code in self.languages]

    def translations(self) -> dict[str, ProseTranslationFields]:
        result: dict[str, ProseTranslationFields] = {}
        for code in self.languages:
            title = self.cleaned_data.get(f"title_{code}", "")
            body = self.cleaned_data.get(f"body_{code}", "").replace("\r\n", "\n")
            if title.strip() or body.strip():
                result[code] = {"title": title, "body": body}
        return result

    def apply_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        for key, message in errors:
            parts = key.split(".")
            if parts[0] == "translations" and len(parts) == 3 and parts[1] in self.languages:
                self.add_error(f"{parts[2]}_{parts[1]}", message)
            else:
                self.add_error(None, message)
