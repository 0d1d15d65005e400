"""The one text analyzer used both to index documents and to read queries.

A word is lower-cased by its language's rules (Turkish 'I' → 'ı'), folded by
``core.text.search_key`` ('İ', 'ı' → 'i'; 'ł' → 'l'; 'ż' → 'z'), and stemmed by Snowball
where Snowball has the language. A document keeps, for every word, its folded surface form,
the folded stem of the word as written, and the stem of the folded word: the stemmer sees
different input when a shopper types without diacritics ('pieniedzy' vs 'pieniędzy'), so both
stems are indexed. A query word keeps only forms computed from its folded spelling, so
'İADE', 'IADE', 'ıade' and 'iade' become the very same query.
"""

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, cast

# Snowball ships no type information.
import snowballstemmer  # type: ignore[import-untyped]

from storedesk.core.text import lower_for_language, search_key

# Letters and digits; apostrophes and hyphens split words ("İstanbul'a", "e-mail").
_WORD = re.compile(r"[^\W_]+")
# Tokens stay well below what either engine accepts and what a real word needs.
MAX_TOKEN_LENGTH = 40
# Analysis cost grows with the text; beyond this a body is indexed only in part.
MAX_INDEXED_CHARS = 200_000

_SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
}


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...  # noqa: N802  (Snowball's name)


def base_language(language: str) -> str:
    """'pt-BR' → 'pt': stemmers and case rules go by the language, not the region."""
    return language.split("-", 1)[0].lower()


def _stemmer(language: str) -> _Stemmer | None:
    # A Snowball stemmer keeps its cursor on the instance: one per thread and language.
    algorithm = _SNOWBALL.get(base_language(language))
    if algorithm is None or algorithm not in _ALGORITHMS:
        return None
    stemmers: dict[str, _Stemmer] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    stemmer = stemmers.get(algorithm)
    if stemmer is None:
        stemmer = stemmers[algorithm] = cast(_Stemmer, snowballstemmer.stemmer(algorithm))
    return stemmer


def has_stemmer(language: str) -> bool:
    return _stemmer(language) is not None


_ALGORITHMS = frozenset(snowballstemmer.algorithms())
_local = threading.local()


def _fold(word: str) -> str:
    # search_key may expand one letter into several ('ß' → 'ss') and never adds spaces
    # inside a word, but it may leave punctuation that Latin-ASCII produced.
    return "".join(_WORD.findall(search_key(word)))[:MAX_TOKEN_LENGTH]


@lru_cache(maxsize=200_000)
def document_forms(word: str, language: str) -> tuple[str, ...]:
    """Every token a document stores for ``word``: surface first, then distinct stems."""
    lowered = lower_for_language(word, base_language(language))
    surface = _fold(lowered)
    if not surface:
        return ()
    forms = [surface]
    stemmer = _stemmer(language)
    if stemmer is not None:
        for stem in (_fold(stemmer.stemWord(lowered)), stemmer.stemWord(surface)):
            if stem and stem not in forms:
                forms.append(stem)
    return tuple(forms)


@lru_cache(maxsize=50_000)
def query_forms(word: str, language: str) -> tuple[str, ...]:
    """The tokens a query word matches: its folded form and the stem of that form."""
    surface = _fold(lower_for_language(word, base_language(language)))
    if not surface:
        return ()
    stemmer = _stemmer(language)
    if stemmer is None:
        return (surface,)
    stem = stemmer.stemWord(surface)
    return (surface,) if not stem or stem == surface else (surface, stem)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def analyze_document_text(text: str, language: str) -> list[str]:
    """The token stream stored for a title or body, in order (term frequency counts)."""
    tokens: list[str] = []
    for word in words(text[:MAX_INDEXED_CHARS]):
        tokens.extend(document_forms(word, language))
    return tokens


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One word of a query: the tokens that satisfy it, and whether it is the word still
    being typed (matched by prefix)."""

    forms: tuple[str, ...]
    prefix: bool = False

    @property
    def surface(self) -> str:
        return self.forms[0]


def analyze_query(text: str, language: str, *, max_terms: int) -> list[QueryTerm]:
    """The query's terms in order, duplicates dropped; the last word is matched by prefix
    unless the query ends with a space (the shopper finished typing it)."""
    terms: list[QueryTerm] = []
    seen: set[str] = set()
    for word in words(text):
        forms = query_forms(word, language)
        if not forms or forms[0] in seen:
            continue
        seen.add(forms[0])
        terms.append(QueryTerm(forms=forms))
        if len(terms) == max_terms:
            break
    if terms and text[-1:].isalnum() and len(terms[-1].surface) >= 2:
        last = terms[-1]
        terms[-1] = QueryTerm(forms=last.forms, prefix=True)
    return terms


def word_matches(word: str, language: str, terms: list[QueryTerm]) -> bool:
    """Whether a word of the original text satisfies any query term (for snippets)."""
    forms = document_forms(word, language)
    for term in terms:
        for form in forms:
            if form in term.forms or (term.prefix and form.startswith(term.surface)):
                return True
    return False


def edit_distance(left: str, right: str, *, limit: int) -> int:
    """Optimal string alignment distance (a swap of two neighbours costs one, so 'retrun'
    is one edit from 'return'); anything above ``limit`` is reported as ``limit + 1``."""
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, start=1):
        current = [i] + [0] * len(right)
        for j, right_char in enumerate(right, start=1):
            cost = 0 if left_char == right_char else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                i > 1
                and j > 1
                and left_char == right[j - 2]
                and left[i - 2] == right_char
                and previous_previous
            ):
                value = min(value, previous_previous[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return min(previous[-1], limit + 1)


def allowed_typos(word: str) -> int:
    """How many edits a word may carry and still be corrected: none for short words, where
    one edit already makes another word, one from four letters, two from eight."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2
