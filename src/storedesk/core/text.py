"""Text normalisation for search keys and matching, right for Turkish and Polish.

``str.lower()`` is wrong for Turkish ('İADE'.lower() is not 'iade'), and plain
accent stripping leaves Polish 'ł' alone. One ICU transform folds case, removes
diacritics and maps the letters that have no decomposition, so 'IĞDIR', 'Iğdır' and
'igdir' share one key, and so do 'Łódź' and 'lodz'.
"""

import threading

import icu

_FOLD_RULES = "NFKD; [:Nonspacing Mark:] Remove; Latin-ASCII; Any-Lower; NFC"
_local = threading.local()


def _folder() -> icu.Transliterator:
    # ICU transliterators are not documented as thread-safe: one per thread.
    folder = getattr(_local, "folder", None)
    if folder is None:
        folder = icu.Transliterator.createInstance(_FOLD_RULES)
        _local.folder = folder
    return folder


def search_key(text: str) -> str:
    """The case- and diacritic-insensitive form of ``text`` used for search and matching."""
    folded: str = _folder().transliterate(text)
    return " ".join(folded.split())


def lower_for_language(text: str, language: str) -> str:
    """Lower-case ``text`` by the rules of ``language`` (Turkish 'I' becomes 'ı')."""
    return str(icu.UnicodeString(text).toLower(icu.Locale(language)))


def upper_for_language(text: str, language: str) -> str:
    """Upper-case ``text`` by the rules of ``language`` (Turkish 'i' becomes 'İ')."""
    return str(icu.UnicodeString(text).toUpper(icu.Locale(language)))


def language_display_name(code: str, *, in_language: str) -> str:
    """The language ``code`` named in ``in_language``: 'tr' in Polish is 'Turecki'."""
    return str(_display_names(in_language).languageDisplayName(code))


def country_display_name(code: str, *, in_language: str) -> str:
    """The ISO 3166 country ``code`` named in ``in_language``: 'PL' in Turkish is 'Polonya'."""
    return str(_display_names(in_language).regionDisplayName(code.upper()))


def _display_names(language: str) -> icu.LocaleDisplayNames:
    # ICU display-name objects are not documented as thread-safe: one per thread and language.
    by_language: dict[str, icu.LocaleDisplayNames] | None = getattr(_local, "names", None)
    if by_language is None:
        by_language = _local.names = {}
    if language not in by_language:
        by_language[language] = icu.LocaleDisplayNames.createInstance(
            icu.Locale(language), [icu.UDisplayContext.CAPITALIZATION_FOR_BEGINNING_OF_SENTENCE]
        )
    return by_language[language]
