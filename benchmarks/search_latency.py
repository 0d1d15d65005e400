"""Latency of help center search at 10,000 articles, in-process through search_documents.

    .venv/bin/python benchmarks/search_latency.py                      # SQLite, temp folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/storedesk_search_bench \\
        .venv/bin/python benchmarks/search_latency.py                  # PostgreSQL

Without DATABASE_URL the script migrates a fresh SQLite database in a temporary folder;
with it, it migrates the given database and replaces the store ``search-bench`` there.
It indexes N seeded articles in six languages (tr, en, pl, de, fr, es) through
do_index_document, then times queries of five kinds (one word, two words, without
diacritics or in Turkish capitals, one typo, a prefix being typed) in random store
languages, after a warm-up, and prints p50, p95, p99 and mean in milliseconds as JSON.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

from _django import machine, setup, source

LANGUAGES = ("tr", "en", "pl", "de", "fr", "es")
# Share of the articles per language: most in the store's main language.
SHARES = {"tr": 0.3, "en": 0.25, "pl": 0.15, "de": 0.1, "fr": 0.1, "es": 0.1}

# Topic words a shopper searches for, with their inflections, per language.
TOPICS = {
    "tr": "iade iadeler iadesi kargo kargoya kargonun teslimat teslimatı sipariş siparişiniz "
    "siparişler ödeme ödemeler fatura faturası beden bedenler ölçü değişim değişimi "
    "garanti garantisi indirim kupon kuponlar hediye çeki kapıda ödeme taksit taksitler "
    "müşteri hizmetleri şikayet iptal iptali hasarlı ürün ürünler stok adres adresi "
    "takip numarası ücretsiz gönderim süre gün iş günü mağaza şube yurt dışı gümrük",
    "en": "return returns returned refund refunds shipping shipped delivery deliveries order "
    "orders payment payments invoice size sizes sizing exchange exchanges warranty discount "
    "coupon coupons gift card cash on delivery instalments customer service complaint "
    "cancel cancellation damaged product products stock address tracking number free "
    "days business store branch international customs",
    "pl": "zwrot zwroty zwrotu pieniędzy pieniądze przesyłka przesyłki dostawa dostawy "
    "zamówienie zamówienia płatność płatności faktura rozmiar rozmiary wymiana gwarancja "
    "rabat kupon kupony karta podarunkowa pobranie raty klient obsługa reklamacja "
    "anulowanie uszkodzony produkt produkty magazyn adres śledzenie numer bezpłatna "
    "dni robocze sklep oddział zagranica cło łódź kraków wrocław gdańsk",
    "de": "rückgabe rücksendung rückerstattung versand lieferung lieferungen bestellung "
    "bestellungen zahlung zahlungen rechnung größe größen umtausch garantie rabatt "
    "gutschein gutscheine geschenkkarte nachnahme ratenzahlung kundenservice beschwerde "
    "stornierung beschädigt produkt produkte lager adresse sendungsverfolgung nummer "
    "kostenlos werktage geschäft filiale ausland zoll",
    "fr": "retour retours remboursement livraison livraisons expédition commande commandes "
    "paiement paiements facture taille tailles échange garantie réduction coupon "
    "bon cadeau contre remboursement versements client service réclamation annulation "
    "endommagé produit produits stock adresse suivi numéro gratuit jours ouvrés magasin "
    "succursale international douane",
    "es": "devolución devoluciones reembolso envío envíos entrega pedido pedidos pago pagos "
    "factura talla tallas cambio garantía descuento cupón cupones tarjeta regalo "
    "contra reembolso plazos cliente atención reclamación cancelación dañado producto "
    "productos almacén dirección seguimiento número gratis días hábiles tienda sucursal "
    "internacional aduana",
}

# Everyday words between the topic words.
FILLER = {
    "tr": "ve ile için bu bir olarak sonra önce içinde kadar lütfen size bize her tüm "
    "yeni eski hızlı kolay güvenli ayrıca ancak çünkü eğer gibi daha çok az",
    "en": "and with for this a as after before within until please you us every all new "
    "old fast easy safe also but because if like more very less the of to your",
    "pl": "i z dla to jeden jako po przed w do prosimy ciebie nas każdy wszystkie nowy "
    "stary szybki łatwy bezpieczny także ale ponieważ jeśli jak więcej bardzo mniej",
    "de": "und mit für dies ein als nach vor innerhalb bis bitte sie uns jede alle neu "
    "alt schnell einfach sicher auch aber weil wenn wie mehr sehr weniger der die das",
    "fr": "et avec pour ce un comme après avant dans jusqu'à veuillez vous nous chaque "
    "tous nouveau ancien rapide facile sûr aussi mais parce si comme plus très moins le la",
    "es": "y con para este un como después antes dentro hasta por favor usted nosotros "
    "cada todos nuevo viejo rápido fácil seguro también pero porque si como más muy menos",
}

# Query words typed without diacritics or in capitals, as shoppers do.
PLAIN = {
    "tr": ["IADE", "İADE", "ıade", "siparis", "odeme", "degisim", "teslimati", "KARGO"],
    "en": ["RETURNS", "Refund", "DELIVERY"],
    "pl": ["zwrot pieniedzy", "przesylka", "platnosc", "sledzenie", "lodz", "ZWROT"],
    "de": ["ruckgabe", "grosse", "ruckerstattung", "GROSSE"],
    "fr": ["echange", "expedition", "numero", "REMBOURSEMENT"],
    "es": ["devolucion", "envio", "garantia", "cupon"],
}


def articles(count: int, seed: int) -> list[tuple[str, str, str, str]]:
    """(key, language, title, body) for ``count`` articles: topic words among filler, some
    invented product names so that the vocabulary grows with the article count."""
    rng = random.Random(seed)
    result = []
    languages = list(SHARES)
    weights = list(SHARES.values())
    for number in range(count):
        language = rng.choices(languages, weights)[0]
        topics = TOPICS[language].split()
        filler = FILLER[language].split()
        title = " ".join(rng.sample(topics, rng.randint(2, 4))).capitalize()
        sentences = []
        for _ in range(rng.randint(5, 20)):
            words = [
                rng.choice(topics) if rng.random() < 0.35 else rng.choice(filler)
                for _ in range(rng.randint(6, 16))
            ]
            if rng.random() < 0.3:
                words.append(_product_name(rng))
            sentences.append(" ".join(words).capitalize() + ".")
        result.append((f"a{number}", language, title, " ".join(sentences)))
    return result


def _product_name(rng: random.Random) -> str:
    syllables = ["ka", "lo", "mi", "ra", "ne", "to", "su", "vi", "de", "po", "ze", "la"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + str(
        rng.randint(1, 999)
    )


def queries(rng: random.Random) -> dict[str, Callable[[], tuple[str, str]]]:
    def topic(language: str) -> str:
        return rng.choice(TOPICS[language].split())

    def language() -> str:
        return rng.choice(LANGUAGES)

    def single() -> tuple[str, str]:
        chosen = language()
        return chosen, topic(chosen) + " "

    def two_words() -> tuple[str, str]:
        chosen = language()
        return chosen, f"{topic(chosen)} {topic(chosen)} "

    def plain() -> tuple[str, str]:
        chosen = language()
        return chosen, rng.choice(PLAIN[chosen]) + " "

    def typo() -> tuple[str, str]:
        chosen = language()
        word = rng.choice([word for word in TOPICS[chosen].split() if len(word) >= 5])
        at = rng.randint(1, len(word) - 2)
        return chosen, word[:at] + word[at + 1] + word[at] + word[at + 2 :] + " "

    def prefix() -> tuple[str, str]:
        chosen = language()
        word = rng.choice([word for word in TOPICS[chosen].split() if len(word) >= 5])
        return chosen, word[: rng.randint(3, 5)]

    return {
        "single_word": single,
        "two_words": two_words,
        "no_diacritics": plain,
        "typo": typo,
        "prefix": prefix,
    }


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)

    return {
        "p50": at(0.50),
        "p95": at(0.95),
        "p99": at(0.99),
        "mean": round(statistics.fmean(ordered), 2),
        "max": round(ordered[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=400, help="per query kind")
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    temporary = None
    if "DATABASE_URL" not in os.environ:
        temporary = tempfile.TemporaryDirectory(prefix="storedesk-search-bench-")
        os.environ["STOREDESK_DATA_DIR"] = temporary.name
    setup()
    from django.core.management import call_command
    from django.db import connection

    from storedesk.core.models import Store
    from storedesk.search.actions import do_index_document
    from storedesk.search.models import SearchTerm
    from storedesk.search.selectors import search_documents

    call_command("migrate", verbosity=0)
    Store.objects.filter(slug="search-bench").delete()
    store = Store.objects.create(
        name="Search bench",
        slug="search-bench",
        default_currency="TRY",
        languages=list(LANGUAGES),
        default_language="tr",
        timezone="Europe/Istanbul",
        country="TR",
    )
    started = time.perf_counter()
    for key, language, title, body in articles(args.articles, args.seed):
        do_index_document(
            store,
            kind="article",
            key=key,
            language=language,
            title=title,
            body=body,
            url=f"/help/{language}/{key}",
        )
    indexing_seconds = time.perf_counter() - started

    rng = random.Random(args.seed)
    kinds = queries(rng)
    for _ in range(args.warmup):
        for make in kinds.values():
            language, query = make()
            search_documents(store, language=language, query=query)
    samples: dict[str, list[float]] = {name: [] for name in kinds}
    empty: dict[str, int] = dict.fromkeys(kinds, 0)
    for _ in range(args.queries):
        for name, make in kinds.items():
            language, query = make()
            began = time.perf_counter()
            hits = search_documents(store, language=language, query=query)
            samples[name].append((time.perf_counter() - began) * 1000)
            empty[name] += not hits
    everything = [sample for values in samples.values() for sample in values]
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "articles": args.articles,
                "vocabulary_terms": SearchTerm.objects.filter(store=store).count(),
                "indexing_seconds": round(indexing_seconds, 1),
                "queries_per_kind": args.queries,
                "latency_ms": {name: percentiles(values) for name, values in samples.items()}
                | {"overall": percentiles(everything)},
                "queries_without_hits": empty,
                "source": source(),
                "machine": machine(),
            },
            indent=2,
        )
    )
    if temporary is not None:
        connection.close()
        temporary.cleanup()


if __name__ == "__main__":
    sys.exit(main())
