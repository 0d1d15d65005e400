"""What the product says in a given language, for tests of pages and mail that speak the
store's language (the test store's is Turkish): looked up in the catalogue the server reads,
so tests keep passing as translations change."""

from django.utils import translation


def in_language(language: str, text: str, **values: str) -> str:
    """``text`` translated into ``language``, with ``values`` filled in when given."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def in_turkish(text: str, **values: str) -> str:
    return in_language("tr", text, **values)
