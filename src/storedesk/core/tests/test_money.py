from decimal import Decimal

import pytest

from storedesk.core.money import Money, is_currency, quantize


def test_money_adds_only_in_one_currency() -> None:
    assert Money(Decimal("0.10"), "TRY") + Money(Decimal("0.20"), "TRY") == Money(
        Decimal("0.30"), "TRY"
    )
    with pytest.raises(ValueError, match="Cannot add EUR to TRY"):
        Money(Decimal(1), "TRY") + Money(Decimal(1), "EUR")


def test_money_refuses_floats_and_unknown_currencies() -> None:
    with pytest.raises(TypeError):
        Money(0.1, "EUR")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(Decimal(1), "XYZ")


def test_currencies_and_rounding() -> None:
    assert is_currency("PLN")
    assert is_currency("TRY")
    assert not is_currency("pln")
    assert quantize(Decimal("2.675")) == Decimal("2.68")
    assert quantize(Decimal("2.665")) == Decimal("2.66")  # banker's rounding
