import pytest

from storedesk.core.errors import ValidationFailed
from storedesk.core.validation import (
    check_country,
    check_currency,
    check_language,
    check_timezone,
    normalize_phone,
)


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("0532 123 45 67", "TR", "+905321234567"),
        ("+48 512 345 678", None, "+48512345678"),
        ("512-345-678", "PL", "+48512345678"),
        ("+49 151 23456789", "TR", "+4915123456789"),
    ],
)
def test_phones_are_stored_in_e164(raw: str, region: str | None, expected: str) -> None:
    assert normalize_phone(raw, region=region) == expected


@pytest.mark.parametrize("raw", ["12", "+90 212", "call me", "+1 555"])
def test_bad_phones_are_refused(raw: str) -> None:
    with pytest.raises(ValidationFailed, match="phone number"):
        normalize_phone(raw, region="TR")


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (check_country, "XX"),
        (check_country, "tr"),
        (check_currency, "TL"),
        (check_timezone, "Europe/Atlantis"),
        (check_timezone, "../../etc/passwd"),
        (check_language, "Turkish"),
    ],
)
def test_codes_are_checked_against_the_standards(check: object, value: str) -> None:
    with pytest.raises(ValidationFailed):
        check(value)  # type: ignore[operator]


def test_good_codes_pass() -> None:
    check_country("PL")
    check_currency("TRY")
    check_language("pt-BR")
    assert str(check_timezone("America/New_York")) == "America/New_York"
