"""Template filters of the agent UI: money, labels, names and local times."""

from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icu
from django import template
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from storedesk.core.text import country_display_name, language_display_name

register = template.Library()

STATUS_LABELS = {
    # orders
    "draft": _("Draft"),
    "open": _("Open"),
    "completed": _("Completed"),
    "cancelled": _("Cancelled"),
    # payments
    "pending": _("Pending"),
    "authorized": _("Authorized"),
    "paid": _("Paid"),
    "partially_paid": _("Partially paid"),
    "partially_refunded": _("Partially refunded"),
    "refunded": _("Refunded"),
    "voided": _("Voided"),
    # fulfillment
    "unfulfilled": _("Unfulfilled"),
    "packed": _("Packed"),
    "partially_fulfilled": _("Partially fulfilled"),
    "fulfilled": _("Fulfilled"),
    "returned": _("Returned"),
    # shipments
    "info_received": _("Label created"),
    "in_transit": _("In transit"),
    "out_for_delivery": _("Out for delivery"),
    "attempt_fail": _("Delivery attempt failed"),
    "delivered": _("Delivered"),
    "available_for_pickup": _("Ready for pickup"),
    "exception": _("Exception"),
    "expired": _("Tracking expired"),
}

STATUS_TONES = {
    "delivered": "good", "completed": "good", "paid": "good", "fulfilled": "good",
    "exception": "bad", "attempt_fail": "bad", "cancelled": "muted", "voided": "muted",
    "refunded": "muted", "expired": "bad", "pending": "warn", "unfulfilled": "warn",
    "available_for_pickup": "warn", "partially_paid": "warn", "draft": "muted",
}  # fmt: skip

# Why a carrier reports an exception or a failed attempt.
SUB_STATUS_LABELS = {
    "damaged": _("Parcel damaged"),
    "address_problem": _("Address problem"),
    "customs_hold": _("Held at customs"),
    "recipient_absent": _("Recipient not available"),
}

# Brand names stay as they are; the generic methods are translated.
PAYMENT_METHOD_LABELS = {
    "card": _("Card"),
    "cash_on_delivery": _("Cash on delivery"),
    "bank_transfer": _("Bank transfer"),
    "sepa_direct_debit": _("SEPA direct debit"),
    "gift_card": _("Gift card"),
    "store_credit": _("Store credit"),
    "blik": "BLIK",
    "przelewy24": "Przelewy24",
    "paypal": "PayPal",
    "klarna": "Klarna",
    "bizum": "Bizum",
    "apple_pay": "Apple Pay",
    "google_pay": "Google Pay",
}

ROLE_LABELS = {
    "owner": _("Owner"),
    "admin": _("Admin"),
    "agent": _("Agent"),
    "viewer": _("Viewer"),
}

CONSENT_CHANNEL_LABELS = {
    "email": _("Email"),
    "sms": _("SMS"),
    "whatsapp": "WhatsApp",
}

CONSENT_SOURCE_LABELS = {
    "checkout": _("at checkout"),
    "widget": _("in the chat widget"),
    "form": _("through a signup form"),
    "agent": _("recorded by an agent"),
    "api": _("through the API"),
    "import": _("imported"),
}

# The list page each section of the frame starts from (the store switcher keeps the agent
# in the same section of the other store).
SECTION_URLS = {
    "inbox": "inbox",
    "customers": "customer-list",
    "orders": "order-list",
    "help-center": "help-center",
    "reports": "reports",
    "settings": "store-settings",
}


def _active_language() -> str:
    return translation.get_language() or "en"


def label_filter(labels: Mapping[str, object]) -> Callable[[str], str]:
    """A filter that shows a stored value by its label in ``labels``; a value without one
    reads with spaces for underscores, and an empty value stays empty."""

    def label(value: str) -> str:
        if not value:
            return ""
        return str(labels.get(value, value.replace("_", " ")))

    return label


status_label = register.filter("status_label", label_filter(STATUS_LABELS))
sub_status_label = register.filter("sub_status_label", label_filter(SUB_STATUS_LABELS))
payment_method_label = register.filter("payment_method_label", label_filter(PAYMENT_METHOD_LABELS))
role_label = register.filter("role_label", label_filter(ROLE_LABELS))
consent_channel_label = register.filter(
    "consent_channel_label", label_filter(CONSENT_CHANNEL_LABELS)
)
consent_source_label = register.filter("consent_source_label", label_filter(CONSENT_SOURCE_LABELS))


@register.filter
def status_tone(value: str) -> str:
    return STATUS_TONES.get(value, "info")


@lru_cache(maxsize=64)
def _currency_formatter(language: str, currency: str) -> icu.LocalizedNumberFormatter:
    # A localized formatter is immutable and documented as safe to share between threads.
    return icu.NumberFormatter.withLocale(icu.Locale(language)).unit(icu.CurrencyUnit(currency))


@register.filter
def money(amount: Decimal | None, currency: str) -> str:
    """``amount`` in ``currency``, formatted for the active language (1.234,50 zł, ₺1.234,50)."""
    if amount is None:
        return ""
    formatter = _currency_formatter(_active_language(), currency)
    # ICU reads the decimal string exactly; a float would not be.
    return str(formatter.formatDecimal(str(amount).encode()))


@register.filter
def language_name(code: str) -> str:
    """A language code as its name in the reader's language: 'tr' is 'Turkish', 'Türkçe'."""
    if not code:
        return ""
    return language_display_name(code, in_language=_active_language())


@register.filter
def country_name(code: str) -> str:
    """An ISO 3166 country code as its name in the reader's language: 'PL' is 'Polonya'."""
    if not code:
        return ""
    return country_display_name(code, in_language=_active_language())


@register.filter
def local_time(value: datetime | None, zone: str) -> str:
    """The wall-clock time of ``value`` in the time zone ``zone`` (a customer's or a team's),
    formatted for the reader. Django's ``time`` filter would show the reader's own zone."""
    if value is None:
        return ""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    return formats.time_format(timezone.localtime(value, tz), "TIME_FORMAT")


@register.simple_tag
def section_url(section: str, store_slug: str) -> str:
    """The start page of ``section`` in the store ``store_slug``."""
    return reverse(SECTION_URLS.get(section, "customer-list"), args=[store_slug])
