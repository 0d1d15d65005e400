"""Searching a store's documents: case-, diacritic- and typo-tolerant, stemmed, in the
shopper's language first and the store's default language after."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from storedesk.core.models import Store
from storedesk.search.analysis import (
    QueryTerm,
    allowed_typos,
    analyze_query,
    edit_distance,
    word_matches,
)
from storedesk.search.backends import Match, Mode, match_documents, similar_terms
from storedesk.search.models import SearchDocument, SearchTerm

# Longer queries are cut here (at a word boundary when there is one) rather than refused:
# the assistant may pass a whole customer sentence, and its first words carry the topic.
MAX_QUERY_LENGTH = 200
# Each term adds to the engine's expression; a query has no use for more.
MAX_QUERY_TERMS = 12
MAX_LIMIT = 50
SNIPPET_LENGTH = 200
# Corrections tried per misspelt word, closest and most frequent first.
MAX_CORRECTIONS = 3
_CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    key: str
    language: str
    title: str
    url: str
    # Plain text around the first match in the body; the caller escapes it.
    snippet: str
    # Higher is better; comparable only among the hits of one language of one search.
    score: float


def resolve_language(store: Store, language: str | None) -> str:
    """The store language closest to ``language`` ('tr-TR' → 'tr'), else the store's
    default language: an unknown language is never an error for a shopper."""
    languages = list(store.languages or []) or [store.default_language]
    if language:
        wanted = language.strip().lower()
        for candidate in (wanted, wanted.split("-")[0]):
            for known in languages:
                if str(known).lower() == candidate:
                    return str(known)
    return store.default_language


def search_documents(
    store: Store,
    *,
    language: str,
    query: str,
    limit: int = 10,
    kinds: Collection[str] | None = None,
) -> list[SearchHit]:
    """The store's documents that match ``query``, best first: those in ``language`` (an
    unknown one means the default language), then, if fewer than ``limit``, matches in the
    store's default language that are not already there in ``language``."""
    query = _cut(query)
    limit = max(1, min(limit, MAX_LIMIT))
    if not query.strip() or (kinds is not None and not kinds):
        return []
    language = resolve_language(store, language)
    hits = _search_language(store, language, query, limit=limit, kinds=kinds)
    default = store.default_language
    if len(hits) < limit and default != language:
        seen = {(hit.kind, hit.key) for hit in hits}
        for hit in _search_language(store, default, query, limit=limit, kinds=kinds):
            if (hit.kind, hit.key) not in seen and len(hits) < limit:
                hits.append(hit)
    return hits


def _cut(query: str) -> str:
    if len(query) <= MAX_QUERY_LENGTH:
        return query
    cut = query[:MAX_QUERY_LENGTH]
    space = cut.rfind(" ")
    # The cut word is not being typed: a trailing space keeps it from prefix matching.
    return (cut[:space] if space > 0 else cut) + " "


def _search_language(
    store: Store, language: str, query: str, *, limit: int, kinds: Collection[str] | None
) -> list[SearchHit]:
    terms = analyze_query(query, language, max_terms=MAX_QUERY_TERMS)
    if not terms:
        return []
    matches = _match(store, language, terms, "all", kinds, limit)
    if not matches:
        corrected = _corrected(store, language, terms)
        if corrected != terms:
            terms = corrected
            matches = _match(store, language, terms, "all", kinds, limit)
        if not matches and len(terms) > 1:
            # No document has every word: rank those with some of them (bm25 and ts_rank
            # favour documents that match more and rarer words).
            matches = _match(store, language, terms, "any", kinds, limit)
    return _hits(store, matches, terms)


def _match(
    store: Store,
    language: str,
    terms: Sequence[QueryTerm],
    mode: Mode,
    kinds: Collection[str] | None,
    limit: int,
) -> list[Match]:
    return match_documents(
        store_id=store.pk, language=language, terms=terms, mode=mode, kinds=kinds, limit=limit
    )


def _corrected(store: Store, language: str, terms: list[QueryTerm]) -> list[QueryTerm]:
    """``terms`` with each word that no document holds replaced by the closest words that
    some document does hold (within allowed_typos edits)."""
    vocabulary = SearchTerm.objects.filter(store=store, language=language)
    forms = {form for term in terms for form in term.forms}
    known = set(vocabulary.filter(term__in=forms).values_list("term", flat=True))
    unknown = [
        term
        for term in terms
        if not known.intersection(term.forms)
        and allowed_typos(term.surface) > 0
        and not (term.prefix and vocabulary.filter(term__startswith=term.surface).exists())
    ]
    if not unknown:
        return terms
    candidates = similar_terms(
        store_id=store.pk,
        language=language,
        words={term.surface: allowed_typos(term.surface) for term in unknown},
        limit=_CANDIDATES,
    )
    corrected = []
    for term in terms:
        replacements = _closest(term.surface, candidates.get(term.surface, []))
        corrected.append(
            QueryTerm(forms=tuple(replacements)) if term in unknown and replacements else term
        )
    return corrected


def _closest(word: str, candidates: list[tuple[str, int]]) -> list[str]:
    typos = allowed_typos(word)
    measured = [
        (edit_distance(word, term, limit=typos), -count, term) for term, count in candidates
    ]
    close = sorted(entry for entry in measured if entry[0] <= typos)
    if not close:
        return []
    best = close[0][0]
    return [term for distance, _, term in close if distance == best][:MAX_CORRECTIONS]


def _hits(store: Store, matches: list[Match], terms: list[QueryTerm]) -> list[SearchHit]:
    if not matches:
        return []
    documents = SearchDocument.objects.filter(
        store=store, pk__in=[match.document_id for match in matches]
    ).in_bulk()
    hits = []
    for match in matches:
        document = documents.get(match.document_id)
        if document is None:
            continue
        hits.append(
            SearchHit(
                kind=document.kind,
                key=document.key,
                language=document.language,
                title=document.title,
                url=document.url,
                snippet=snippet(document.body, document.language, terms),
                score=match.score,
            )
        )
    return hits


def snippet(body: str, language: str, terms: Sequence[QueryTerm]) -> str:
    """About SNIPPET_LENGTH characters of ``body`` around its first matching word, cut at
    word boundaries, with '…' where text was left out."""
    text = " ".join(body.split())
    if len(text) <= SNIPPET_LENGTH:
        return text
    start = 0
    term_list = list(terms)
    position = 0
    for word in text.split(" "):
        if word_matches(word, language, term_list):
            start = max(0, position - SNIPPET_LENGTH // 4)
            break
        position += len(word) + 1
        if position > 50_000:
            break
    end = min(len(text), start + SNIPPET_LENGTH)
    start = max(0, end - SNIPPET_LENGTH)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < end else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
