import pytest

from storedesk.core.text import lower_for_language, search_key, upper_for_language


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("IĞDIR", "Iğdır"),
        ("İADE", "iade"),
        ("ıade", "iade"),
        ("Łódź", "lodz"),
        ("ZWROT PIENIĘDZY", "zwrot pieniedzy"),
        ("Straße", "strasse"),
        ("  Çağrı   Öztürk ", "cagri ozturk"),
        ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
    ],
)
def test_search_keys_match_across_case_and_diacritics(one: str, other: str) -> None:
    assert search_key(one) == search_key(other)


def test_search_keys_keep_different_words_apart() -> None:
    assert search_key("kargo") != search_key("kargı")  # ı folds to i, not to o


def test_casing_follows_the_language() -> None:
    assert lower_for_language("IĞDIR", "tr") == "ığdır"
    assert lower_for_language("IĞDIR", "en") == "iğdir"
    assert upper_for_language("iade", "tr") == "İADE"
