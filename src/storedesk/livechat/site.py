"""The public chat preview page: a sample shop page with the store's widget on it, so a
merchant (and the browser tests) can try the chat without touching a real shop."""

from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from storedesk.core.csp import hosts_the_chat_widget
from storedesk.core.errors import NotFound
from storedesk.core.selectors import get_store_by_slug
from storedesk.livechat.selectors import get_widget_for_store


@dataclass(frozen=True, slots=True)
class SampleShop:
    """Made-up shop content in one language; it only has to look like a shop."""

    heading: str
    navigation: tuple[str, ...]
    product: str
    description: str
    add_to_basket: str
    text: str


SAMPLES = {
    "en": SampleShop(
        heading="Summer collection",
        navigation=("New in", "Women", "Men", "Sale"),
        product="Linen shirt",
        description="Breathable pure linen in a relaxed fit. Made for summer evenings; "
        "machine washable.",
        add_to_basket="Add to basket",
        text="We ship orders within 1–3 working days. You have 14 days to return anything "
        "free of charge. Questions? Write to us in the chat at the bottom of the page.",
    ),
    "tr": SampleShop(
        heading="Yaz koleksiyonu",
        navigation=("Yeni gelenler", "Kadın", "Erkek", "İndirim"),
        product="Keten gömlek",
        description="Nefes alan yüzde yüz keten, rahat kesim. Yaz akşamları için ideal; "
        "makinede yıkanabilir.",
        add_to_basket="Sepete ekle",
        text="Siparişleriniz 1-3 iş günü içinde kargoya verilir. 14 gün içinde ücretsiz iade "
        "hakkınız vardır. Sorularınız için sayfanın altındaki sohbet penceresinden bize "
        "yazabilirsiniz.",
    ),
    "pl": SampleShop(
        heading="Kolekcja letnia",
        navigation=("Nowości", "Kobiety", "Mężczyźni", "Wyprzedaż"),
        product="Lniana koszula",
        description="Przewiewny, stuprocentowy len i swobodny krój. Idealna na letnie "
        "wieczory; można prać w pralce.",
        add_to_basket="Dodaj do koszyka",
        text="Zamówienia wysyłamy w ciągu 1–3 dni roboczych. Na bezpłatny zwrot mają Państwo "
        "14 dni. W razie pytań prosimy pisać do nas przez czat na dole strony.",
    ),
    "de": SampleShop(
        heading="Sommerkollektion",
        navigation=("Neuheiten", "Damen", "Herren", "Sale"),
        product="Leinenhemd",
        description="Atmungsaktives Leinen, lässiger Schnitt. Ideal für Sommerabende; "
        "maschinenwaschbar.",
        add_to_basket="In den Warenkorb",
        text="Wir versenden Bestellungen innerhalb von 1–3 Werktagen. Sie können Artikel "
        "14 Tage lang kostenlos zurückgeben. Bei Fragen schreiben Sie uns einfach über den "
        "Chat unten auf der Seite.",
    ),
    "fr": SampleShop(
        heading="Collection été",
        navigation=("Nouveautés", "Femme", "Homme", "Soldes"),
        product="Chemise en lin",
        description="Lin respirant, coupe décontractée. Idéale pour les soirées d’été ; "
        "lavable en machine.",
        add_to_basket="Ajouter au panier",
        text="Nous expédions les commandes sous 1 à 3 jours ouvrés. Vous disposez de 14 jours "
        "pour un retour gratuit. Pour toute question, écrivez-nous via le chat en bas de la "
        "page.",
    ),
    "es": SampleShop(
        heading="Colección de verano",
        navigation=("Novedades", "Mujer", "Hombre", "Rebajas"),
        product="Camisa de lino",
        description="Lino transpirable y corte holgado. Ideal para las noches de verano; se "
        "puede lavar a máquina.",
        add_to_basket="Añadir a la cesta",
        text="Enviamos los pedidos en 1 a 3 días laborables. Dispone de 14 días para "
        "devolverlos gratis. Si tiene alguna pregunta, escríbanos por el chat al pie de la "
        "página.",
    ),
}
SAMPLE_PRICES = {
    "TRY": Decimal("749.90"),
    "PLN": Decimal("159.00"),
    "EUR": Decimal("39.90"),
    "USD": Decimal("44.00"),
    "GBP": Decimal("35.00"),
}
DEFAULT_SAMPLE_PRICE = Decimal("39.90")


@require_GET
@hosts_the_chat_widget
def preview(request: HttpRequest, store_slug: str) -> HttpResponse:
    try:
        store = get_store_by_slug(store_slug)
    except NotFound as error:
        raise Http404(error.message) from error
    widget = get_widget_for_store(store)
    if widget is None:
        raise Http404("This store has no chat widget turned on.")
    language = store.default_language if store.default_language in SAMPLES else "en"
    return render(
        request,
        "livechat/preview.html",
        {
            "store": store,
            "widget_key": widget.key,
            "language": language,
            "sample": SAMPLES[language],
            "price": SAMPLE_PRICES.get(store.default_currency, DEFAULT_SAMPLE_PRICE),
        },
    )
