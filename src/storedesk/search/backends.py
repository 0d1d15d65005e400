"""The two engines behind one interface: FTS5 with bm25 on SQLite, a tsvector with
ts_rank on PostgreSQL. Both see the same analyzed tokens (search.analysis), so they find
the same documents; only the ranking formulas differ.

Tokens are letters and digits only (the analyzer guarantees it), so they can be quoted into
an FTS5 or tsquery expression without escaping.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from storedesk.search.analysis import QueryTerm

Mode = Literal["all", "any"]

# Title matches count this many times a body match (FTS5 column weights; on PostgreSQL the
# title has weight A = 1.0 and the body weight D = 0.1).
TITLE_WEIGHT = 10.0
# pg_trgm similarity a typo still reaches: one swapped or replaced letter in a four- to
# six-letter word scores 0.25-0.35, below pg_trgm's default of 0.3.
TRIGRAM_THRESHOLD = 0.2
SHORT_WORD = 5


@dataclass(frozen=True, slots=True)
class Match:
    document_id: int
    score: float


def scope_token(store_id: int, language: str) -> str:
    """The token that names one store's documents in one language in the SQLite index."""
    return f"s{store_id}x" + "".join(char for char in language.lower() if char.isalnum())


def match_documents(
    *,
    store_id: int,
    language: str,
    terms: Sequence[QueryTerm],
    mode: Mode,
    kinds: Collection[str] | None,
    limit: int,
) -> list[Match]:
    """The best-ranked documents of the store in ``language`` that satisfy every term
    (``all``) or any term (``any``), best first."""
    if not terms:
        return []
    vendor = connection.vendor
    if vendor == "sqlite":
        return _sqlite_match(store_id, language, terms, mode, kinds, limit)
    if vendor == "postgresql":
        return _postgresql_match(store_id, language, terms, mode, kinds, limit)
    raise ImproperlyConfigured(f"Search supports SQLite and PostgreSQL, not {vendor}.")


def similar_terms(
    *, store_id: int, language: str, words: dict[str, int], limit: int
) -> dict[str, list[tuple[str, int]]]:
    """For each word (with how many letters longer or shorter a correction may be), the
    vocabulary terms that share trigrams with it, most similar first, with their document
    counts: the candidates that typo correction then measures exactly."""
    if not words:
        return {}
    vendor = connection.vendor
    if vendor == "sqlite":
        return {
            word: _sqlite_similar(
                store_id, language, word, max(1, len(word) - spread), len(word) + spread, limit
            )
            for word, spread in words.items()
        }
    if vendor == "postgresql":
        return _postgresql_similar(store_id, language, words, limit)
    raise ImproperlyConfigured(f"Search supports SQLite and PostgreSQL, not {vendor}.")


def _postgresql_similar(
    store_id: int, language: str, words: dict[str, int], limit: int
) -> dict[str, list[tuple[str, int]]]:
    sql = (
        "SELECT w.word, t.term, t.doc_count"
        " FROM unnest(%s::text[], %s::int[]) AS w(word, spread)"
        " CROSS JOIN LATERAL ("
        "  SELECT term, doc_count FROM search_searchterm"
        "  WHERE store_id = %s AND language = %s AND term %% w.word"
        "  AND length(term) BETWEEN length(w.word) - w.spread AND length(w.word) + w.spread"
        "  ORDER BY similarity(term, w.word) DESC, doc_count DESC LIMIT %s"
        " ) AS t"
    )
    found: dict[str, list[tuple[str, int]]] = {word: [] for word in words}
    # SET LOCAL lasts until the end of the transaction, so it needs one.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL pg_trgm.similarity_threshold = {TRIGRAM_THRESHOLD}")
        cursor.execute(sql, [list(words), list(words.values()), store_id, language, limit])
        for word, term, count in cursor.fetchall():
            found[str(word)].append((str(term), int(count)))
    return found


def _sqlite_similar(
    store_id: int, language: str, word: str, shortest: int, longest: int, limit: int
) -> list[tuple[str, int]]:
    trigrams = sorted({word[i : i + 3] for i in range(len(word) - 2)})
    sql = (
        "SELECT t.term, t.doc_count FROM search_term_trigram"
        " JOIN search_searchterm t ON t.id = search_term_trigram.rowid"
        " WHERE search_term_trigram MATCH %s AND t.store_id = %s AND t.language = %s"
        " AND length(t.term) BETWEEN %s AND %s"
        " ORDER BY search_term_trigram.rank LIMIT %s"
    )
    params: list[Any] = [
        " OR ".join(f'"{trigram}"' for trigram in trigrams),
        store_id,
        language,
        shortest,
        longest,
        limit,
    ]
    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found.update((str(term), int(count)) for term, count in cursor.fetchall())
        if len(word) <= SHORT_WORD:
            # A short word has two or three trigrams, and one typo in its middle breaks
            # them all (FTS5 does not pad words as pg_trgm does): add the words of about
            # its length that begin with its first letter, a range scan of the
            # vocabulary's unique index.
            cursor.execute(
                "SELECT term, doc_count FROM search_searchterm"
                " WHERE store_id = %s AND language = %s AND term >= %s AND term < %s"
                " AND length(term) BETWEEN %s AND %s LIMIT %s",
                [store_id, language, word[:1], word[:1] + "\U0010ffff", shortest, longest, 500],
            )
            found.update((str(term), int(count)) for term, count in cursor.fetchall())
    return list(found.items())


def _term_groups(terms: Sequence[QueryTerm], *, quote: str, prefix: str, either: str) -> list[str]:
    """Each term as ``(spelling either spelling ...)`` in the engine's query syntax: its
    surface form (``prefix`` marks one still being typed), then its other forms."""
    groups = []
    for term in terms:
        surface = f"{quote}{term.surface}{quote}"
        alternatives = [surface + prefix if term.prefix else surface]
        alternatives += [f"{quote}{form}{quote}" for form in term.forms[1:]]
        groups.append("(" + either.join(alternatives) + ")")
    return groups


def _sqlite_match(
    store_id: int,
    language: str,
    terms: Sequence[QueryTerm],
    mode: Mode,
    kinds: Collection[str] | None,
    limit: int,
) -> list[Match]:
    groups = _term_groups(terms, quote='"', prefix="*", either=" OR ")
    joiner = " AND " if mode == "all" else " OR "
    expression = (
        f'scope : "{scope_token(store_id, language)}"'
        f" AND {{title_terms body_terms}} : ({joiner.join(groups)})"
    )
    sql = (
        f"SELECT d.id, bm25(search_document_fts, 0.0, {TITLE_WEIGHT}, 1.0) AS rank"  # noqa: S608  (a constant)
        " FROM search_document_fts JOIN search_searchdocument d"
        " ON d.id = search_document_fts.rowid"
        " WHERE search_document_fts MATCH %s AND d.store_id = %s AND d.language = %s"
    )
    params: list[Any] = [expression, store_id, language]
    if kinds is not None:
        sql += " AND d.kind IN (" + ", ".join(["%s"] * len(kinds)) + ")"
        params.extend(kinds)
    sql += " ORDER BY rank, d.id LIMIT %s"
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # bm25() is lower for better matches; scores are higher-is-better everywhere else.
        return [Match(document_id=int(row[0]), score=-float(row[1])) for row in cursor.fetchall()]


def _postgresql_match(
    store_id: int,
    language: str,
    terms: Sequence[QueryTerm],
    mode: Mode,
    kinds: Collection[str] | None,
    limit: int,
) -> list[Match]:
    groups = _term_groups(terms, quote="'", prefix=":*", either=" | ")
    query = (" & " if mode == "all" else " | ").join(groups)
    sql = (
        "SELECT id, ts_rank(document, %s::tsquery) AS rank FROM search_searchdocument"
        " WHERE store_id = %s AND language = %s AND document @@ %s::tsquery"
    )
    params: list[Any] = [query, store_id, language, query]
    if kinds is not None:
        sql += " AND kind = ANY(%s)"
        params.append(list(kinds))
    sql += " ORDER BY rank DESC, id LIMIT %s"
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Match(document_id=int(row[0]), score=float(row[1])) for row in cursor.fetchall()]
