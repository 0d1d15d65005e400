"""Money is a Decimal amount with an ISO 4217 currency, never a float."""

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

import pycountry

CURRENCY_MAX_LENGTH = 3
AMOUNT_MAX_DIGITS = 14
AMOUNT_DECIMAL_PLACES = 2

# Active ISO 4217 codes, from pycountry's copy of the standard (no network needed).
ISO_4217_CURRENCIES = frozenset(currency.alpha_3 for currency in pycountry.currencies)

_CENT = Decimal("0.01")


def is_currency(code: str) -> bool:
    return code in ISO_4217_CURRENCIES


def quantize(amount: Decimal) -> Decimal:
    return amount.quantize(_CENT, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money amounts are Decimals, never floats.")
        if not is_currency(self.currency):
            raise ValueError(f"{self.currency!r} is not an ISO 4217 currency code.")

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise ValueError(f"Cannot add {other.currency} to {self.currency}.")
        return Money(self.amount + other.amount, self.currency)
