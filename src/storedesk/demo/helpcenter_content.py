# ruff: noqa: E501  (translated prose reads and diffs best one paragraph per line)
"""What the demo store's help center and policies say, in all six shop languages.

Atlas Store ships from Istanbul to Turkey, the European Union, the United Kingdom,
Switzerland, Norway, the United States and Canada. The articles below never repeat the
return window or shipping prices where they can point to the policy pages instead, since
those pages render the numbers from the rules at the end of this module; where they do
name a number (delivery days, the electronics return fee, the store credit bonus) it is
the one in the rules.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from inspect import cleandoc

LANGUAGES = ("en", "tr", "pl", "de", "fr", "es")


def _md(text: str) -> str:
    """Markdown written indented in this module, without the indentation."""
    return cleandoc(text)


@dataclass(frozen=True)
class HelpCategory:
    slug: str
    names: Mapping[str, str]
    descriptions: Mapping[str, str]


@dataclass(frozen=True)
class HelpArticle:
    slug: str
    category: str
    # language -> (title, Markdown body)
    texts: Mapping[str, tuple[str, str]]
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProsePolicyText:
    kind: str  # privacy | terms | cancellation
    texts: Mapping[str, tuple[str, str]]


@dataclass(frozen=True)
class ReturnRuleValues:
    """One return rule; ``category`` is a catalog category slug, None for the default."""

    category: str | None
    window_days: int | None
    window_starts_at: str = "delivery"
    offers_refund: bool = True
    offers_exchange: bool = True
    offers_store_credit: bool = True
    store_credit_bonus_percent: Decimal = Decimal(10)
    final_sale: bool = False
    discounted_final_sale: bool = False
    requires_unused: bool = True
    requires_original_packaging: bool = False
    return_shipping_paid_by: str = "store"
    return_shipping_fee: Decimal = Decimal(0)
    restocking_fee_kind: str = "none"
    restocking_fee: Decimal = Decimal(0)
    refund_within_hours: int | None = 24


@dataclass(frozen=True)
class ShippingMethodValues:
    name: str
    cost: Decimal
    free_shipping_threshold: Decimal | None
    min_days: int
    max_days: int


@dataclass(frozen=True)
class ShippingZoneValues:
    name: str
    countries: tuple[str, ...]
    duties_included: bool
    duties_paid_by: str  # none | store | customer
    customs_note: Mapping[str, str]
    methods: tuple[ShippingMethodValues, ...]


# --- Policy rules --------------------------------------------------------------------

POLICY_CURRENCY = "EUR"
ELECTRONICS_RETURN_FEE = Decimal("4.95")
STORE_CREDIT_BONUS_PERCENT = Decimal(10)

# Clothing, shoes and accessories: 30 days from delivery, free, with a bonus for store
# credit. Electronics: the 14 days EU law gives, refund or exchange only, in the sealed
# box, the customer paying the label. The demo sells no underwear or other hygiene
# category, so nothing is final sale by category.
RETURN_RULES: tuple[ReturnRuleValues, ...] = (
    ReturnRuleValues(category=None, window_days=30),
    ReturnRuleValues(category="tops", window_days=30),
    ReturnRuleValues(category="bottoms", window_days=30),
    ReturnRuleValues(category="outerwear", window_days=30),
    ReturnRuleValues(category="dresses", window_days=30),
    ReturnRuleValues(category="shoes", window_days=30, requires_original_packaging=True),
    ReturnRuleValues(
        category="electronics",
        window_days=14,
        offers_store_credit=False,
        store_credit_bonus_percent=Decimal(0),
        requires_original_packaging=True,
        return_shipping_paid_by="customer",
        return_shipping_fee=ELECTRONICS_RETURN_FEE,
    ),
)

DISPATCH_CUTOFF = time(14, 0)  # Europe/Istanbul, the store's time zone
WORKING_DAYS = (1, 2, 3, 4, 5)
# Turkish public holidays with a fixed date (month, day); the warehouse is closed.
HOLIDAYS = ((1, 1), (4, 23), (5, 1), (5, 19), (7, 15), (8, 30), (10, 29))

EU_COUNTRIES = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)  # fmt: skip

SHIPPING_ZONES: tuple[ShippingZoneValues, ...] = (
    ShippingZoneValues(
        name="Turkey",
        countries=("TR",),
        duties_included=True,
        duties_paid_by="none",
        customs_note={
            "en": "Domestic delivery from our Istanbul warehouse: no customs.",
            "tr": "İstanbul depomuzdan yurt içi teslimat: gümrük işlemi yoktur.",
            "pl": "Dostawa krajowa z naszego magazynu w Stambule: bez odprawy celnej.",
            "de": "Inlandsversand aus unserem Lager in Istanbul: keine Verzollung.",
            "fr": "Livraison nationale depuis notre entrepôt d'Istanbul : pas de douane.",
            "es": "Envío nacional desde nuestro almacén de Estambul: sin aduana.",
        },
        methods=(
            ShippingMethodValues("Standard", Decimal("1.99"), Decimal("35.00"), 1, 3),
            ShippingMethodValues("Express", Decimal("4.99"), None, 1, 1),
        ),
    ),
    ShippingZoneValues(
        name="European Union",
        countries=EU_COUNTRIES,
        duties_included=True,
        duties_paid_by="store",
        customs_note={
            "en": "Shipped from Turkey with duties paid (DDP): we clear customs and pay the import duties and VAT, so there is nothing to pay at the door.",
            "tr": "Türkiye'den gümrük vergileri ödenmiş olarak (DDP) gönderilir: gümrük işlemlerini biz yapar, gümrük vergisini ve KDV'yi biz öderiz; kapıda ek ödeme yoktur.",
            "pl": "Wysyłka z Turcji z opłaconym cłem (DDP): to my odprawiamy paczkę i płacimy cło oraz VAT, więc przy odbiorze nic nie dopłacasz.",
            "de": "Versand aus der Türkei verzollt (DDP): Wir übernehmen die Verzollung und zahlen Zoll und Einfuhrumsatzsteuer, an der Tür fallen keine Kosten an.",
            "fr": "Expédié depuis la Turquie droits acquittés (DDP) : nous dédouanons le colis et payons les droits et la TVA, rien à payer à la livraison.",
            "es": "Enviado desde Turquía con aranceles pagados (DDP): nosotros hacemos el despacho de aduana y pagamos aranceles e IVA, no pagas nada en la entrega.",
        },
        methods=(
            ShippingMethodValues("Standard", Decimal("4.95"), Decimal("60.00"), 3, 6),
            ShippingMethodValues("Express", Decimal("12.95"), None, 2, 3),
        ),
    ),
    ShippingZoneValues(
        name="United Kingdom, Switzerland and Norway",
        countries=("GB", "CH", "NO"),
        duties_included=False,
        duties_paid_by="customer",
        customs_note={
            "en": "Import duties and VAT are not included: the carrier collects them from the recipient according to local rules before delivery.",
            "tr": "Gümrük vergileri ve KDV fiyata dahil değildir: kargo şirketi bunları yerel kurallara göre teslimattan önce alıcıdan tahsil eder.",
            "pl": "Cło i podatek VAT nie są wliczone w cenę: przewoźnik pobiera je od odbiorcy przed doręczeniem, zgodnie z lokalnymi przepisami.",
            "de": "Zoll und Einfuhrumsatzsteuer sind nicht enthalten: Der Zusteller erhebt sie vor der Zustellung beim Empfänger nach den örtlichen Vorschriften.",
            "fr": "Les droits de douane et la TVA ne sont pas inclus : le transporteur les perçoit auprès du destinataire avant la livraison, selon les règles locales.",
            "es": "Los aranceles y el IVA no están incluidos: el transportista los cobra al destinatario antes de la entrega, según las normas locales.",
        },
        methods=(
            ShippingMethodValues("Standard", Decimal("9.95"), Decimal("100.00"), 4, 8),
            ShippingMethodValues("Express", Decimal("19.95"), None, 3, 5),
        ),
    ),
    ShippingZoneValues(
        name="United States and Canada",
        countries=("US", "CA"),
        duties_included=False,
        duties_paid_by="customer",
        customs_note={
            "en": "Import duties and taxes are not included: the carrier collects them from the recipient according to local rules before delivery.",
            "tr": "Gümrük vergileri ve diğer vergiler fiyata dahil değildir: kargo şirketi bunları yerel kurallara göre teslimattan önce alıcıdan tahsil eder.",
            "pl": "Cło i podatki nie są wliczone w cenę: przewoźnik pobiera je od odbiorcy przed doręczeniem, zgodnie z lokalnymi przepisami.",
            "de": "Zölle und Steuern sind nicht enthalten: Der Zusteller erhebt sie vor der Zustellung beim Empfänger nach den örtlichen Vorschriften.",
            "fr": "Les droits et taxes d'importation ne sont pas inclus : le transporteur les perçoit auprès du destinataire avant la livraison, selon les règles locales.",
            "es": "Los aranceles e impuestos de importación no están incluidos: el transportista los cobra al destinatario antes de la entrega, según las normas locales.",
        },
        methods=(
            ShippingMethodValues("Standard", Decimal("14.95"), Decimal("150.00"), 6, 10),
            ShippingMethodValues("Express", Decimal("29.95"), None, 3, 5),
        ),
    ),
)


# --- Help center categories -----------------------------------------------------------

CATEGORIES: tuple[HelpCategory, ...] = (
    HelpCategory(
        slug="orders-payment",
        names={
            "en": "Orders & payment",
            "tr": "Sipariş ve ödeme",
            "pl": "Zamówienia i płatności",
            "de": "Bestellung & Zahlung",
            "fr": "Commandes et paiement",
            "es": "Pedidos y pago",
        },
        descriptions={
            "en": "Order status, changes, payment methods, invoices and gift cards.",
            "tr": "Sipariş durumu, değişiklikler, ödeme yöntemleri, faturalar ve hediye kartları.",
            "pl": "Status zamówienia, zmiany, metody płatności, faktury i karty podarunkowe.",
            "de": "Bestellstatus, Änderungen, Zahlungsarten, Rechnungen und Geschenkkarten.",
            "fr": "Suivi de commande, modifications, moyens de paiement, factures et cartes cadeaux.",
            "es": "Estado del pedido, cambios, métodos de pago, facturas y tarjetas regalo.",
        },
    ),
    HelpCategory(
        slug="shipping-delivery",
        names={
            "en": "Shipping & delivery",
            "tr": "Kargo ve teslimat",
            "pl": "Wysyłka i dostawa",
            "de": "Versand & Lieferung",
            "fr": "Livraison",
            "es": "Envíos y entregas",
        },
        descriptions={
            "en": "Delivery times and costs, customs, and parcels that are late or damaged.",
            "tr": "Teslimat süreleri ve ücretleri, gümrük, geciken veya hasarlı kargolar.",
            "pl": "Czas i koszt dostawy, cło oraz opóźnione lub uszkodzone paczki.",
            "de": "Lieferzeiten und -kosten, Zoll sowie verspätete oder beschädigte Pakete.",
            "fr": "Délais et frais de livraison, douane, colis en retard ou endommagés.",
            "es": "Plazos y costes de envío, aduanas y paquetes retrasados o dañados.",
        },
    ),
    HelpCategory(
        slug="returns-refunds",
        names={
            "en": "Returns & refunds",
            "tr": "İade ve değişim",
            "pl": "Zwroty i reklamacje",
            "de": "Rücksendung & Erstattung",
            "fr": "Retours et remboursements",
            "es": "Devoluciones y reembolsos",
        },
        descriptions={
            "en": "How to send something back, refunds, exchanges and store credit.",
            "tr": "Ürün iadesi, para iadesi, değişim ve mağaza kredisi.",
            "pl": "Jak odesłać produkt, zwrot pieniędzy, wymiana i środki w sklepie.",
            "de": "Rücksendung, Erstattung, Umtausch und Guthaben.",
            "fr": "Renvoyer un article, remboursements, échanges et avoirs.",
            "es": "Cómo devolver un artículo, reembolsos, cambios y saldo de tienda.",
        },
    ),
    HelpCategory(
        slug="sizes-products",
        names={
            "en": "Sizes & products",
            "tr": "Beden ve ürünler",
            "pl": "Rozmiary i produkty",
            "de": "Größen & Produkte",
            "fr": "Tailles et produits",
            "es": "Tallas y productos",
        },
        descriptions={
            "en": "Size charts, fit advice, care instructions and warranty.",
            "tr": "Beden tabloları, beden önerileri, bakım talimatları ve garanti.",
            "pl": "Tabele rozmiarów, porady, pielęgnacja i gwarancja.",
            "de": "Größentabellen, Passform, Pflegehinweise und Garantie.",
            "fr": "Guides des tailles, conseils, entretien et garantie.",
            "es": "Guías de tallas, consejos, cuidado de las prendas y garantía.",
        },
    ),
    HelpCategory(
        slug="account-privacy",
        names={
            "en": "Account & privacy",
            "tr": "Hesap ve gizlilik",
            "pl": "Konto i prywatność",
            "de": "Konto & Datenschutz",
            "fr": "Compte et confidentialité",
            "es": "Cuenta y privacidad",
        },
        descriptions={
            "en": "Your account, password, newsletter and personal data.",
            "tr": "Hesabınız, şifreniz, bülten ve kişisel verileriniz.",
            "pl": "Twoje konto, hasło, newsletter i dane osobowe.",
            "de": "Ihr Konto, Passwort, Newsletter und Ihre Daten.",
            "fr": "Votre compte, mot de passe, newsletter et données personnelles.",
            "es": "Tu cuenta, contraseña, boletín y datos personales.",
        },
    ),
    HelpCategory(
        slug="about",
        names={
            "en": "About Atlas",
            "tr": "Atlas hakkında",
            "pl": "O Atlas",
            "de": "Über Atlas",
            "fr": "À propos d'Atlas",
            "es": "Sobre Atlas",
        },
        descriptions={
            "en": "Who we are and how to reach us.",
            "tr": "Biz kimiz ve bize nasıl ulaşabilirsiniz.",
            "pl": "Kim jesteśmy i jak się z nami skontaktować.",
            "de": "Wer wir sind und wie Sie uns erreichen.",
            "fr": "Qui nous sommes et comment nous joindre.",
            "es": "Quiénes somos y cómo contactarnos.",
        },
    ),
)


# --- Articles: orders & payment ------------------------------------------------------

_ORDERS: tuple[HelpArticle, ...] = (
    HelpArticle(
        slug="where-is-my-order",
        category="orders-payment",
        related=("delivery-times-and-costs", "missing-or-damaged-parcel"),
        texts={
            "en": (
                "Where is my order?",
                _md("""
                    As soon as your parcel leaves our warehouse in Istanbul, we send you an email with the carrier's name and a tracking link. Orders placed on a working day before 14:00 (Turkish time) usually leave the same day.

                    You can also follow your order at any time:

                    1. Open the link in your order confirmation email, or sign in to your account and go to **My orders**.
                    2. Choose the order to see its status: *received*, *being prepared*, *shipped* or *delivered*.
                    3. Once it has shipped, use the tracking link to see where the parcel is right now.

                    Tracking can take up to 24 hours to show the first scan. If it has not changed for several working days, write to us with your order number and we will check with the carrier.
                """),
            ),
            "tr": (
                "Siparişim nerede?",
                _md("""
                    Paketiniz İstanbul'daki depomuzdan çıktığı anda size kargo firmasının adını ve takip bağlantısını içeren bir e-posta göndeririz. İş günlerinde saat 14:00'ten (Türkiye saati) önce verilen siparişler genellikle aynı gün kargoya teslim edilir.

                    Siparişinizi dilediğiniz zaman şöyle takip edebilirsiniz:

                    1. Sipariş onay e-postanızdaki bağlantıyı açın ya da hesabınıza giriş yapıp **Siparişlerim** sayfasına gidin.
                    2. Siparişi seçerek durumunu görün: *alındı*, *hazırlanıyor*, *kargoya verildi* veya *teslim edildi*.
                    3. Kargoya verildikten sonra takip bağlantısıyla paketinizin şu an nerede olduğunu görebilirsiniz.

                    İlk hareketin takip sisteminde görünmesi 24 saati bulabilir. Takip bilgisi birkaç iş günü boyunca değişmezse sipariş numaranızla bize yazın, kargo firmasıyla hemen görüşelim.
                """),
            ),
            "pl": (
                "Gdzie jest moje zamówienie?",
                _md("""
                    Gdy tylko paczka opuści nasz magazyn w Stambule, wyślemy Ci e-mail z nazwą przewoźnika i linkiem do śledzenia przesyłki. Zamówienia złożone w dzień roboczy przed 14:00 (czasu tureckiego) zwykle wysyłamy tego samego dnia.

                    Swoje zamówienie możesz sprawdzić w każdej chwili:

                    1. Otwórz link z e-maila potwierdzającego zamówienie albo zaloguj się na swoje konto i przejdź do **Moich zamówień**.
                    2. Wybierz zamówienie, aby zobaczyć jego status: *przyjęte*, *w realizacji*, *wysłane* lub *doręczone*.
                    3. Po wysyłce kliknij link do śledzenia, aby zobaczyć, gdzie jest teraz paczka.

                    Pierwszy skan może pojawić się w systemie przewoźnika dopiero po 24 godzinach. Jeśli status nie zmienia się od kilku dni roboczych, napisz do nas, podając numer zamówienia, a sprawdzimy to u przewoźnika.
                """),
            ),
            "de": (
                "Wo ist meine Bestellung?",
                _md("""
                    Sobald Ihr Paket unser Lager in Istanbul verlässt, schicken wir Ihnen eine E-Mail mit dem Namen des Versanddienstleisters und einem Link zur Sendungsverfolgung. Bestellungen, die an einem Werktag vor 14:00 Uhr (türkische Zeit) eingehen, verlassen das Lager in der Regel noch am selben Tag.

                    So können Sie Ihre Bestellung jederzeit verfolgen:

                    1. Öffnen Sie den Link in Ihrer Bestellbestätigung oder melden Sie sich in Ihrem Konto an und gehen Sie zu **Meine Bestellungen**.
                    2. Wählen Sie die Bestellung aus, um den Status zu sehen: *eingegangen*, *in Bearbeitung*, *versendet* oder *zugestellt*.
                    3. Nach dem Versand zeigt Ihnen der Tracking-Link, wo sich Ihr Paket gerade befindet.

                    Bis der erste Scan sichtbar ist, können bis zu 24 Stunden vergehen. Ändert sich der Status mehrere Werktage lang nicht, schreiben Sie uns mit Ihrer Bestellnummer, und wir klären es mit dem Versanddienstleister.
                """),
            ),
            "fr": (
                "Où en est ma commande ?",
                _md("""
                    Dès que votre colis quitte notre entrepôt d'Istanbul, nous vous envoyons un e-mail avec le nom du transporteur et un lien de suivi. Les commandes passées un jour ouvré avant 14 h (heure de Turquie) partent généralement le jour même.

                    Vous pouvez suivre votre commande à tout moment :

                    1. Ouvrez le lien de votre e-mail de confirmation de commande, ou connectez-vous à votre compte et allez dans **Mes commandes**.
                    2. Choisissez la commande pour voir son statut : *reçue*, *en préparation*, *expédiée* ou *livrée*.
                    3. Une fois la commande expédiée, le lien de suivi vous indique où se trouve votre colis.

                    Le premier scan peut mettre jusqu'à 24 heures à apparaître. Si le suivi ne bouge plus pendant plusieurs jours ouvrés, écrivez-nous avec votre numéro de commande : nous contacterons le transporteur.
                """),
            ),
            "es": (
                "¿Dónde está mi pedido?",
                _md("""
                    En cuanto tu paquete sale de nuestro almacén de Estambul, te enviamos un correo con el nombre del transportista y un enlace de seguimiento. Los pedidos realizados en día laborable antes de las 14:00 (hora de Turquía) suelen salir el mismo día.

                    Puedes seguir tu pedido en cualquier momento:

                    1. Abre el enlace del correo de confirmación del pedido, o inicia sesión en tu cuenta y ve a **Mis pedidos**.
                    2. Elige el pedido para ver su estado: *recibido*, *en preparación*, *enviado* o *entregado*.
                    3. Cuando ya esté enviado, el enlace de seguimiento te muestra dónde está tu paquete ahora mismo.

                    El primer escaneo puede tardar hasta 24 horas en aparecer. Si el seguimiento no cambia durante varios días laborables, escríbenos con tu número de pedido y lo revisaremos con el transportista.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="change-or-cancel-order",
        category="orders-payment",
        related=("how-to-return", "where-is-my-order"),
        texts={
            "en": (
                "Can I change or cancel my order?",
                _md("""
                    Yes, as long as it has not left our warehouse yet. We start packing quickly, so please contact us as soon as possible with your order number and tell us what you would like to change: the size or colour, the delivery address, or cancelling the whole order.

                    - **Not shipped yet:** we change or cancel it free of charge. If you cancel, your payment is refunded in full to the original payment method.
                    - **Already shipped:** we can no longer stop the parcel. Accept it and send it back within the return window, or refuse the delivery; see our return policy and our cancellation policy for the details.

                    Customers in the EU and in Turkey also have a 14-day right of withdrawal, described in our cancellation policy.
                """),
            ),
            "tr": (
                "Siparişimi değiştirebilir veya iptal edebilir miyim?",
                _md("""
                    Evet, siparişiniz henüz depomuzdan çıkmadıysa. Paketlemeye hızlı başladığımız için lütfen en kısa sürede sipariş numaranızla bize ulaşın ve ne değiştirmek istediğinizi belirtin: beden veya renk, teslimat adresi ya da siparişin tamamen iptali.

                    - **Henüz kargoya verilmediyse:** değişikliği veya iptali ücretsiz yaparız. İptal ederseniz ödemenizin tamamı, ödeme yaptığınız yönteme iade edilir.
                    - **Kargoya verildiyse:** paketi artık durduramayız. Paketi teslim alıp iade süresi içinde geri gönderebilir ya da teslimatı reddedebilirsiniz; ayrıntılar iade politikamızda ve iptal politikamızda.

                    Türkiye ve AB'deki müşterilerimiz ayrıca 14 günlük cayma hakkına sahiptir; bu hak iptal politikamızda açıklanmıştır.
                """),
            ),
            "pl": (
                "Czy mogę zmienić lub anulować zamówienie?",
                _md("""
                    Tak, dopóki zamówienie nie opuściło naszego magazynu. Szybko zaczynamy pakowanie, dlatego skontaktuj się z nami jak najszybciej, podaj numer zamówienia i napisz, co chcesz zmienić: rozmiar lub kolor, adres dostawy albo anulować całe zamówienie.

                    - **Jeszcze niewysłane:** zmienimy lub anulujemy je bezpłatnie. Po anulowaniu zwracamy całą kwotę na ten sam środek płatności.
                    - **Już wysłane:** nie możemy zatrzymać paczki. Odbierz ją i odeślij w terminie zwrotu albo odmów przyjęcia przesyłki; szczegóły znajdziesz w naszej polityce zwrotów i zasadach anulowania zamówień.

                    Klientom w UE i w Turcji przysługuje też 14-dniowe prawo odstąpienia od umowy, opisane w zasadach anulowania zamówień.
                """),
            ),
            "de": (
                "Kann ich meine Bestellung ändern oder stornieren?",
                _md("""
                    Ja, solange sie unser Lager noch nicht verlassen hat. Wir beginnen schnell mit dem Packen, daher melden Sie sich bitte so früh wie möglich mit Ihrer Bestellnummer und sagen Sie uns, was Sie ändern möchten: Größe oder Farbe, Lieferadresse oder die Stornierung der ganzen Bestellung.

                    - **Noch nicht versendet:** Wir ändern oder stornieren kostenlos. Bei einer Stornierung erstatten wir den vollen Betrag auf Ihre ursprüngliche Zahlungsart.
                    - **Bereits versendet:** Wir können das Paket nicht mehr aufhalten. Nehmen Sie es an und senden Sie es innerhalb der Rückgabefrist zurück oder verweigern Sie die Annahme; Details finden Sie in unseren Rückgabe- und Stornierungsbedingungen.

                    Kundinnen und Kunden in der EU und in der Türkei haben außerdem ein 14-tägiges Widerrufsrecht, das in unseren Stornierungsbedingungen beschrieben ist.
                """),
            ),
            "fr": (
                "Puis-je modifier ou annuler ma commande ?",
                _md("""
                    Oui, tant qu'elle n'a pas quitté notre entrepôt. Nous préparons les colis rapidement : contactez-nous au plus vite avec votre numéro de commande et dites-nous ce que vous souhaitez changer (taille ou couleur, adresse de livraison) ou si vous voulez annuler toute la commande.

                    - **Pas encore expédiée :** nous la modifions ou l'annulons gratuitement. En cas d'annulation, vous êtes remboursé intégralement sur votre moyen de paiement d'origine.
                    - **Déjà expédiée :** nous ne pouvons plus arrêter le colis. Acceptez-le puis renvoyez-le dans le délai de retour, ou refusez la livraison ; les détails figurent dans notre politique de retour et notre politique d'annulation.

                    Les clients de l'UE et de Turquie disposent en outre d'un droit de rétractation de 14 jours, décrit dans notre politique d'annulation.
                """),
            ),
            "es": (
                "¿Puedo modificar o cancelar mi pedido?",
                _md("""
                    Sí, siempre que todavía no haya salido de nuestro almacén. Preparamos los pedidos muy rápido, así que escríbenos cuanto antes con tu número de pedido y dinos qué quieres cambiar: la talla o el color, la dirección de entrega o cancelar el pedido completo.

                    - **Aún no enviado:** lo modificamos o cancelamos sin coste. Si lo cancelas, te devolvemos el importe íntegro al método de pago original.
                    - **Ya enviado:** ya no podemos detener el paquete. Recíbelo y devuélvelo dentro del plazo de devolución, o rechaza la entrega; encontrarás los detalles en nuestra política de devoluciones y en nuestra política de cancelación.

                    Los clientes de la UE y de Turquía tienen además un derecho de desistimiento de 14 días, explicado en nuestra política de cancelación.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="payment-methods",
        category="orders-payment",
        related=("invoices", "gift-cards"),
        texts={
            "en": (
                "Which payment methods can I use?",
                _md("""
                    At checkout you only see the methods available in your country. Prices are shown in your local currency where we can, and your card is charged in that currency.

                    | Country | Payment methods |
                    | --- | --- |
                    | All countries | Visa, Mastercard, American Express |
                    | Turkey | Card payment in instalments (taksit, 2 to 12 months with Turkish credit cards), cash on delivery, bank transfer (havale/EFT) |
                    | Poland | BLIK, Przelewy24, cash on delivery |
                    | Germany | PayPal, Klarna (pay later), SEPA direct debit |
                    | France | PayPal |
                    | Spain | Bizum, PayPal |
                    | United Kingdom | PayPal, Klarna |
                    | United States | PayPal, Apple Pay |

                    Card payments are protected by 3-D Secure, so your bank may ask you to confirm the payment in its app. We never see or store your full card number.

                    If a payment fails, no money is taken; try again or choose another method. If your bank shows a charge for a failed order, it is only a reservation and is released automatically within a few days.
                """),
            ),
            "tr": (
                "Hangi ödeme yöntemlerini kullanabilirim?",
                _md("""
                    Ödeme adımında yalnızca ülkenizde geçerli olan yöntemleri görürsünüz. Fiyatlar mümkün olduğunda yerel para biriminizde gösterilir ve kartınızdan bu para biriminde çekim yapılır.

                    | Ülke | Ödeme yöntemleri |
                    | --- | --- |
                    | Tüm ülkeler | Visa, Mastercard, American Express |
                    | Türkiye | Kredi kartına taksit (Türk bankalarının kredi kartlarıyla 2 ile 12 ay arası), kapıda ödeme, havale/EFT |
                    | Polonya | BLIK, Przelewy24, kapıda ödeme |
                    | Almanya | PayPal, Klarna (sonra öde), SEPA otomatik ödeme |
                    | Fransa | PayPal |
                    | İspanya | Bizum, PayPal |
                    | Birleşik Krallık | PayPal, Klarna |
                    | ABD | PayPal, Apple Pay |

                    Taksit seçenekleri ve varsa vade farkı, kart numaranızı girdiğinizde bankanıza göre listelenir. Kartlı ödemeler 3-D Secure ile korunur; bankanız ödemeyi SMS veya mobil uygulama ile onaylamanızı isteyebilir. Kart numaranızın tamamını hiçbir zaman görmeyiz ve saklamayız.

                    Ödeme başarısız olursa hesabınızdan para çekilmez; tekrar deneyin veya başka bir yöntem seçin. Başarısız bir sipariş için bankanızda bir tutar görünüyorsa bu yalnızca bir provizyondur ve birkaç gün içinde otomatik olarak kalkar.
                """),
            ),
            "pl": (
                "Jakie metody płatności są dostępne?",
                _md("""
                    Przy kasie widzisz tylko metody dostępne w Twoim kraju. W Polsce ceny pokazujemy w złotych i w złotych obciążamy Twoje konto.

                    | Kraj | Metody płatności |
                    | --- | --- |
                    | Wszystkie kraje | Visa, Mastercard, American Express |
                    | Polska | BLIK, Przelewy24, płatność za pobraniem |
                    | Turcja | Raty na kartę kredytową (taksit, od 2 do 12 miesięcy), płatność przy odbiorze, przelew bankowy |
                    | Niemcy | PayPal, Klarna (płatność później), polecenie zapłaty SEPA |
                    | Francja | PayPal |
                    | Hiszpania | Bizum, PayPal |
                    | Wielka Brytania | PayPal, Klarna |
                    | Stany Zjednoczone | PayPal, Apple Pay |

                    Płacąc BLIK-iem, wpisz 6-cyfrowy kod z aplikacji swojego banku i potwierdź płatność w aplikacji. Płatności kartą są chronione przez 3-D Secure. Nigdy nie widzimy ani nie przechowujemy pełnego numeru Twojej karty.

                    Jeśli płatność się nie powiedzie, nie pobieramy pieniędzy; spróbuj ponownie lub wybierz inną metodę. Jeśli bank pokazuje obciążenie za nieudane zamówienie, to tylko blokada środków, która zniknie automatycznie w ciągu kilku dni.
                """),
            ),
            "de": (
                "Welche Zahlungsarten kann ich nutzen?",
                _md("""
                    An der Kasse sehen Sie nur die Zahlungsarten, die in Ihrem Land verfügbar sind. Die Preise werden, wo möglich, in Ihrer Landeswährung angezeigt und in dieser Währung abgebucht.

                    | Land | Zahlungsarten |
                    | --- | --- |
                    | Alle Länder | Visa, Mastercard, American Express |
                    | Deutschland | PayPal, Klarna (Rechnung), SEPA-Lastschrift |
                    | Türkei | Ratenzahlung per Kreditkarte (Taksit, 2 bis 12 Monate), Nachnahme, Banküberweisung |
                    | Polen | BLIK, Przelewy24, Nachnahme |
                    | Frankreich | PayPal |
                    | Spanien | Bizum, PayPal |
                    | Vereinigtes Königreich | PayPal, Klarna |
                    | USA | PayPal, Apple Pay |

                    Kartenzahlungen sind mit 3-D Secure geschützt; Ihre Bank bittet Sie eventuell, die Zahlung in ihrer App zu bestätigen. Ihre vollständige Kartennummer sehen und speichern wir nie.

                    Schlägt eine Zahlung fehl, wird nichts abgebucht; versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart. Sieht Ihre Bank für eine fehlgeschlagene Bestellung eine Belastung vor, handelt es sich nur um eine Reservierung, die nach wenigen Tagen automatisch verfällt.
                """),
            ),
            "fr": (
                "Quels moyens de paiement puis-je utiliser ?",
                _md("""
                    Au moment de payer, vous ne voyez que les moyens disponibles dans votre pays. Les prix sont affichés dans votre monnaie locale lorsque c'est possible, et votre carte est débitée dans cette monnaie.

                    | Pays | Moyens de paiement |
                    | --- | --- |
                    | Tous les pays | Visa, Mastercard, American Express |
                    | France | PayPal |
                    | Turquie | Paiement en plusieurs fois par carte de crédit (taksit, de 2 à 12 mois), paiement à la livraison, virement bancaire |
                    | Pologne | BLIK, Przelewy24, paiement à la livraison |
                    | Allemagne | PayPal, Klarna (paiement différé), prélèvement SEPA |
                    | Espagne | Bizum, PayPal |
                    | Royaume-Uni | PayPal, Klarna |
                    | États-Unis | PayPal, Apple Pay |

                    Les paiements par carte sont protégés par 3-D Secure : votre banque peut vous demander de valider le paiement dans son application. Nous ne voyons ni ne conservons jamais votre numéro de carte complet.

                    Si un paiement échoue, aucun montant n'est prélevé ; réessayez ou choisissez un autre moyen. Si votre banque affiche un débit pour une commande qui a échoué, il ne s'agit que d'une pré-autorisation, levée automatiquement sous quelques jours.
                """),
            ),
            "es": (
                "¿Qué métodos de pago puedo usar?",
                _md("""
                    Al pagar solo verás los métodos disponibles en tu país. Mostramos los precios en tu moneda local siempre que podemos, y el cargo se hace en esa moneda.

                    | País | Métodos de pago |
                    | --- | --- |
                    | Todos los países | Visa, Mastercard, American Express |
                    | España | Bizum, PayPal |
                    | Turquía | Pago a plazos con tarjeta de crédito (taksit, de 2 a 12 meses), contra reembolso, transferencia bancaria |
                    | Polonia | BLIK, Przelewy24, contra reembolso |
                    | Alemania | PayPal, Klarna (paga después), domiciliación SEPA |
                    | Francia | PayPal |
                    | Reino Unido | PayPal, Klarna |
                    | Estados Unidos | PayPal, Apple Pay |

                    Los pagos con tarjeta están protegidos con 3-D Secure, así que tu banco puede pedirte que confirmes el pago en su app. Nunca vemos ni guardamos el número completo de tu tarjeta.

                    Si un pago falla, no se cobra nada; vuelve a intentarlo o elige otro método. Si tu banco muestra un cargo de un pedido fallido, es solo una retención que se libera automáticamente en pocos días.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="invoices",
        category="orders-payment",
        related=("payment-methods",),
        texts={
            "en": (
                "Will I get an invoice?",
                _md("""
                    Yes. Every order comes with an invoice, sent by email as a PDF when your parcel ships. You can download it again at any time from **My orders** in your account.

                    Prices include the VAT of your delivery country for orders to Turkey and the EU; the invoice shows the VAT separately.

                    **Buying for a company?** Enter the company name and tax number (VAT ID, NIP in Poland, vergi numarası in Turkey) at checkout, before you pay. We cannot change an invoice's recipient after it has been issued, but if something is wrong, contact us within 7 days and we will issue a corrected invoice.
                """),
            ),
            "tr": (
                "Fatura alabilir miyim?",
                _md("""
                    Evet. Her siparişin faturası, paketiniz kargoya verildiğinde e-posta ile gönderilir; Türkiye'deki siparişler için e-Arşiv fatura düzenlenir. Faturanızı istediğiniz zaman hesabınızdaki **Siparişlerim** sayfasından yeniden indirebilirsiniz.

                    Türkiye ve AB'ye yapılan siparişlerde fiyatlara teslimat ülkesinin KDV'si dahildir; faturada KDV ayrıca gösterilir.

                    **Kurumsal fatura mı istiyorsunuz?** Ödeme yapmadan önce, ödeme adımında şirket unvanını, vergi dairesini ve vergi numarasını girin. Düzenlenmiş bir faturanın alıcısını sonradan değiştiremeyiz; yine de bir hata varsa 7 gün içinde bize yazın, düzeltilmiş faturayı düzenleyelim.
                """),
            ),
            "pl": (
                "Czy otrzymam fakturę?",
                _md("""
                    Tak. Do każdego zamówienia wystawiamy fakturę, którą wysyłamy e-mailem w formacie PDF w chwili wysyłki paczki. Możesz ją też pobrać w każdej chwili z zakładki **Moje zamówienia** na swoim koncie.

                    W zamówieniach do UE i do Turcji ceny zawierają VAT kraju dostawy; faktura wykazuje go osobno.

                    **Kupujesz na firmę?** Podaj nazwę firmy i NIP przy składaniu zamówienia, zanim zapłacisz. Nie możemy zmienić nabywcy na już wystawionej fakturze, ale jeśli coś się nie zgadza, napisz do nas w ciągu 7 dni, a wystawimy fakturę korygującą.
                """),
            ),
            "de": (
                "Bekomme ich eine Rechnung?",
                _md("""
                    Ja. Zu jeder Bestellung erhalten Sie beim Versand eine Rechnung als PDF per E-Mail. Sie können sie außerdem jederzeit unter **Meine Bestellungen** in Ihrem Konto herunterladen.

                    Bei Bestellungen in die EU und in die Türkei enthalten die Preise die Umsatzsteuer des Lieferlandes; die Rechnung weist sie gesondert aus.

                    **Sie bestellen für ein Unternehmen?** Geben Sie Firmennamen und USt-IdNr. an der Kasse ein, bevor Sie bezahlen. Den Rechnungsempfänger einer bereits ausgestellten Rechnung können wir nicht ändern; ist etwas falsch, melden Sie sich innerhalb von 7 Tagen, und wir stellen eine korrigierte Rechnung aus.
                """),
            ),
            "fr": (
                "Vais-je recevoir une facture ?",
                _md("""
                    Oui. Chaque commande est accompagnée d'une facture, envoyée par e-mail au format PDF à l'expédition du colis. Vous pouvez aussi la télécharger à tout moment depuis **Mes commandes** dans votre compte.

                    Pour les commandes livrées dans l'UE et en Turquie, les prix incluent la TVA du pays de livraison ; la facture la fait apparaître séparément.

                    **Vous achetez pour une entreprise ?** Indiquez la raison sociale et le numéro de TVA intracommunautaire au moment de la commande, avant de payer. Nous ne pouvons pas changer le destinataire d'une facture déjà émise, mais en cas d'erreur, contactez-nous sous 7 jours et nous émettrons une facture rectificative.
                """),
            ),
            "es": (
                "¿Recibiré una factura?",
                _md("""
                    Sí. Cada pedido lleva su factura, que te enviamos por correo en PDF cuando sale el paquete. También puedes descargarla cuando quieras desde **Mis pedidos** en tu cuenta.

                    En los pedidos a la UE y a Turquía, los precios incluyen el IVA del país de entrega; la factura lo muestra desglosado.

                    **¿Compras para una empresa?** Indica la razón social y el NIF/CIF o número de IVA al hacer el pedido, antes de pagar. No podemos cambiar el destinatario de una factura ya emitida, pero si hay algún error, escríbenos en un plazo de 7 días y emitiremos una factura rectificativa.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="gift-cards",
        category="orders-payment",
        related=("store-credit", "payment-methods"),
        texts={
            "en": (
                "How do gift cards work?",
                _md("""
                    Atlas gift cards are sent by email, either to you or straight to the person you are giving them to, on the date you choose. They are available from 25 to 250 EUR and are valid for three years from the date of purchase.

                    To use a gift card, enter its code at checkout in the **Gift card or voucher** field. If your order costs more than the card's balance, pay the rest with any other payment method; if it costs less, the remaining balance stays on the card for next time.

                    Gift cards cannot be exchanged for cash and cannot be returned once sent. If a gift card email did not arrive, check the spam folder and then contact us: we can send it again.
                """),
            ),
            "tr": (
                "Hediye kartları nasıl çalışır?",
                _md("""
                    Atlas hediye kartları, seçtiğiniz tarihte size ya da doğrudan hediye ettiğiniz kişiye e-posta ile gönderilir. 25 ile 250 EUR arasındaki tutarlarda alınabilir ve satın alma tarihinden itibaren üç yıl geçerlidir.

                    Hediye kartını kullanmak için ödeme adımında kodunu **Hediye kartı veya kupon** alanına girin. Sipariş tutarı kart bakiyesinden fazlaysa kalanını başka bir ödeme yöntemiyle ödeyebilirsiniz; azsa kalan bakiye bir sonraki alışverişiniz için kartta kalır.

                    Hediye kartları nakde çevrilemez ve gönderildikten sonra iade edilemez. Hediye kartı e-postası ulaşmadıysa önce istenmeyen (spam) klasörünü kontrol edin, sonra bize yazın: kartı yeniden gönderebiliriz.
                """),
            ),
            "pl": (
                "Jak działają karty podarunkowe?",
                _md("""
                    Karty podarunkowe Atlas wysyłamy e-mailem, do Ciebie albo bezpośrednio do obdarowanej osoby, w wybranym przez Ciebie dniu. Są dostępne w kwotach od 25 do 250 EUR i ważne przez trzy lata od daty zakupu.

                    Aby skorzystać z karty, wpisz jej kod przy kasie w polu **Karta podarunkowa lub kod rabatowy**. Jeśli zamówienie kosztuje więcej niż saldo karty, resztę zapłać dowolną inną metodą; jeśli mniej, pozostała kwota zostaje na karcie na kolejne zakupy.

                    Kart podarunkowych nie można wymienić na gotówkę ani zwrócić po wysłaniu. Jeśli e-mail z kartą nie dotarł, sprawdź folder spam, a potem napisz do nas: wyślemy go ponownie.
                """),
            ),
            "de": (
                "Wie funktionieren Geschenkkarten?",
                _md("""
                    Atlas-Geschenkkarten verschicken wir per E-Mail, an Sie oder direkt an die beschenkte Person, zu einem Datum Ihrer Wahl. Es gibt sie im Wert von 25 bis 250 EUR, und sie sind drei Jahre ab Kaufdatum gültig.

                    Um eine Geschenkkarte einzulösen, geben Sie den Code an der Kasse im Feld **Geschenkkarte oder Gutschein** ein. Kostet die Bestellung mehr als das Guthaben, zahlen Sie den Rest mit einer anderen Zahlungsart; kostet sie weniger, bleibt das Restguthaben für den nächsten Einkauf auf der Karte.

                    Geschenkkarten können nicht bar ausgezahlt und nach dem Versand nicht zurückgegeben werden. Ist die E-Mail mit der Geschenkkarte nicht angekommen, sehen Sie bitte im Spam-Ordner nach und melden Sie sich dann bei uns: Wir schicken sie erneut.
                """),
            ),
            "fr": (
                "Comment fonctionnent les cartes cadeaux ?",
                _md("""
                    Les cartes cadeaux Atlas sont envoyées par e-mail, à vous ou directement à la personne à qui vous l'offrez, à la date de votre choix. Elles existent de 25 à 250 EUR et sont valables trois ans à compter de l'achat.

                    Pour utiliser une carte cadeau, saisissez son code lors du paiement dans le champ **Carte cadeau ou code promo**. Si la commande dépasse le solde de la carte, payez le reste avec un autre moyen de paiement ; si elle coûte moins, le solde restant reste sur la carte pour la prochaine fois.

                    Les cartes cadeaux ne sont ni échangeables contre de l'argent ni remboursables une fois envoyées. Si l'e-mail de la carte n'est pas arrivé, vérifiez vos courriers indésirables puis contactez-nous : nous pouvons la renvoyer.
                """),
            ),
            "es": (
                "¿Cómo funcionan las tarjetas regalo?",
                _md("""
                    Las tarjetas regalo de Atlas se envían por correo, a ti o directamente a la persona a quien se la regalas, en la fecha que elijas. Están disponibles de 25 a 250 EUR y son válidas durante tres años desde la compra.

                    Para usarla, introduce el código al pagar en el campo **Tarjeta regalo o cupón**. Si el pedido cuesta más que el saldo de la tarjeta, paga el resto con otro método; si cuesta menos, el saldo restante se queda en la tarjeta para la próxima vez.

                    Las tarjetas regalo no se pueden canjear por dinero ni devolver una vez enviadas. Si el correo con la tarjeta no ha llegado, revisa la carpeta de spam y después escríbenos: te la volvemos a enviar.
                """),
            ),
        },
    ),
)


# --- Articles: shipping & delivery ----------------------------------------------------

_SHIPPING: tuple[HelpArticle, ...] = (
    HelpArticle(
        slug="delivery-times-and-costs",
        category="shipping-delivery",
        related=("customs-and-duties", "where-is-my-order"),
        texts={
            "en": (
                "How long does delivery take and what does it cost?",
                _md("""
                    We ship every order from our warehouse in Istanbul. Orders placed before 14:00 Turkish time on a working day (Monday to Friday, except Turkish public holidays) leave the same day; later orders leave on the next working day.

                    | Destination | Standard | Express |
                    | --- | --- | --- |
                    | Turkey | 1–3 business days | next business day |
                    | European Union | 3–6 business days | 2–3 business days |
                    | United Kingdom, Switzerland, Norway | 4–8 business days | 3–5 business days |
                    | United States, Canada | 6–10 business days | 3–5 business days |

                    Shipping costs depend on the destination and the method; standard shipping is free above an order value that depends on your country. Checkout shows the exact cost and the expected delivery date before you pay, and our shipping policy lists every price and free-shipping threshold. There are no hidden fees.
                """),
            ),
            "tr": (
                "Teslimat ne kadar sürer ve ücreti nedir?",
                _md("""
                    Tüm siparişleri İstanbul'daki depomuzdan gönderiyoruz. İş günlerinde (resmi tatiller hariç pazartesi–cuma) saat 14:00'ten önce verilen siparişler aynı gün kargoya verilir; daha sonra verilen siparişler bir sonraki iş günü yola çıkar.

                    | Teslimat yeri | Standart | Hızlı |
                    | --- | --- | --- |
                    | Türkiye | 1–3 iş günü | ertesi iş günü |
                    | Avrupa Birliği | 3–6 iş günü | 2–3 iş günü |
                    | Birleşik Krallık, İsviçre, Norveç | 4–8 iş günü | 3–5 iş günü |
                    | ABD, Kanada | 6–10 iş günü | 3–5 iş günü |

                    Kargo ücreti teslimat yerine ve gönderim yöntemine göre değişir; belirli bir sepet tutarının üzerinde standart kargo ücretsizdir. Ödeme adımında, ödeme yapmadan önce kesin ücreti ve tahmini teslimat tarihini görürsünüz; tüm ücretler ve ücretsiz kargo limitleri kargo politikamızda yer alır. Gizli ücret yoktur.
                """),
            ),
            "pl": (
                "Ile trwa dostawa i ile kosztuje?",
                _md("""
                    Wszystkie zamówienia wysyłamy z naszego magazynu w Stambule. Zamówienia złożone w dzień roboczy (od poniedziałku do piątku, z wyjątkiem tureckich świąt państwowych) przed 14:00 czasu tureckiego wysyłamy tego samego dnia, późniejsze w następnym dniu roboczym.

                    | Kraj dostawy | Standard | Ekspres |
                    | --- | --- | --- |
                    | Turcja | 1–3 dni robocze | następny dzień roboczy |
                    | Unia Europejska (w tym Polska) | 3–6 dni roboczych | 2–3 dni robocze |
                    | Wielka Brytania, Szwajcaria, Norwegia | 4–8 dni roboczych | 3–5 dni roboczych |
                    | USA, Kanada | 6–10 dni roboczych | 3–5 dni roboczych |

                    Koszt dostawy zależy od kraju i sposobu wysyłki; powyżej określonej wartości zamówienia dostawa standardowa jest bezpłatna. Przed zapłatą zobaczysz dokładny koszt i przewidywaną datę doręczenia, a wszystkie ceny i progi darmowej dostawy znajdziesz w naszej polityce wysyłki. Nie ma żadnych ukrytych opłat.
                """),
            ),
            "de": (
                "Wie lange dauert die Lieferung und was kostet sie?",
                _md("""
                    Wir versenden alle Bestellungen aus unserem Lager in Istanbul. Bestellungen, die an einem Werktag (Montag bis Freitag, außer an türkischen Feiertagen) vor 14:00 Uhr türkischer Zeit eingehen, verlassen das Lager am selben Tag, spätere am nächsten Werktag.

                    | Lieferziel | Standard | Express |
                    | --- | --- | --- |
                    | Türkei | 1–3 Werktage | nächster Werktag |
                    | Europäische Union | 3–6 Werktage | 2–3 Werktage |
                    | Vereinigtes Königreich, Schweiz, Norwegen | 4–8 Werktage | 3–5 Werktage |
                    | USA, Kanada | 6–10 Werktage | 3–5 Werktage |

                    Die Versandkosten hängen vom Lieferziel und der Versandart ab; ab einem Bestellwert, der je nach Land verschieden ist, ist der Standardversand kostenlos. An der Kasse sehen Sie vor dem Bezahlen die genauen Kosten und das voraussichtliche Lieferdatum; alle Preise und Versandkostenfrei-Grenzen stehen in unseren Versandbedingungen. Versteckte Kosten gibt es nicht.
                """),
            ),
            "fr": (
                "Quels sont les délais et les frais de livraison ?",
                _md("""
                    Toutes les commandes partent de notre entrepôt d'Istanbul. Les commandes passées un jour ouvré (du lundi au vendredi, hors jours fériés turcs) avant 14 h, heure de Turquie, partent le jour même ; les autres partent le jour ouvré suivant.

                    | Destination | Standard | Express |
                    | --- | --- | --- |
                    | Turquie | 1 à 3 jours ouvrés | jour ouvré suivant |
                    | Union européenne | 3 à 6 jours ouvrés | 2 à 3 jours ouvrés |
                    | Royaume-Uni, Suisse, Norvège | 4 à 8 jours ouvrés | 3 à 5 jours ouvrés |
                    | États-Unis, Canada | 6 à 10 jours ouvrés | 3 à 5 jours ouvrés |

                    Les frais de port dépendent de la destination et du mode de livraison ; la livraison standard est offerte au-delà d'un montant de commande qui varie selon le pays. Avant de payer, vous voyez le coût exact et la date de livraison prévue ; tous les tarifs et seuils de livraison gratuite figurent dans notre politique de livraison. Aucun frais caché.
                """),
            ),
            "es": (
                "¿Cuánto tarda el envío y cuánto cuesta?",
                _md("""
                    Enviamos todos los pedidos desde nuestro almacén de Estambul. Los pedidos hechos en día laborable (de lunes a viernes, salvo festivos nacionales turcos) antes de las 14:00, hora de Turquía, salen ese mismo día; los posteriores, el siguiente día laborable.

                    | Destino | Estándar | Exprés |
                    | --- | --- | --- |
                    | Turquía | 1–3 días laborables | siguiente día laborable |
                    | Unión Europea | 3–6 días laborables | 2–3 días laborables |
                    | Reino Unido, Suiza, Noruega | 4–8 días laborables | 3–5 días laborables |
                    | Estados Unidos, Canadá | 6–10 días laborables | 3–5 días laborables |

                    El coste del envío depende del destino y del método; el envío estándar es gratuito a partir de un importe que varía según el país. Antes de pagar verás el coste exacto y la fecha de entrega prevista, y en nuestra política de envíos están todos los precios y umbrales de envío gratuito. Sin costes ocultos.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="customs-and-duties",
        category="shipping-delivery",
        related=("delivery-times-and-costs",),
        texts={
            "en": (
                "Will I have to pay customs duties?",
                _md("""
                    Our warehouse is in Turkey, which is not in the EU, so parcels to the EU go through customs. Here is what that means for you:

                    - **European Union:** nothing to pay. We ship with duties paid (DDP): we declare the parcel, pay the import duties and VAT, and the price you see at checkout is the final price. If a carrier ever asks you for money at the door, do not pay and contact us.
                    - **Turkey:** domestic delivery, no customs.
                    - **United Kingdom, Switzerland, Norway, United States and Canada:** duties and import taxes are not included. The carrier collects them from you according to local rules before delivery. Checkout says so before you pay.

                    Returns from the EU go back to our returns centre in the EU, so you do not need any customs paperwork to send something back.
                """),
            ),
            "tr": (
                "Gümrük vergisi ödemem gerekir mi?",
                _md("""
                    Depomuz Türkiye'de; Türkiye AB üyesi olmadığı için AB'ye giden paketler gümrükten geçer. Bunun sizin için anlamı:

                    - **Türkiye:** yurt içi teslimat, gümrük işlemi yoktur.
                    - **Avrupa Birliği:** hiçbir ek ödeme yoktur. Gümrük vergileri ödenmiş (DDP) olarak gönderiyoruz: paketin beyannamesini biz verir, gümrük vergisini ve KDV'yi biz öderiz; ödeme adımında gördüğünüz fiyat son fiyattır. Kargo görevlisi kapıda sizden ödeme isterse ödemeyin ve bize ulaşın.
                    - **Birleşik Krallık, İsviçre, Norveç, ABD ve Kanada:** gümrük vergileri ve ithalat vergileri fiyata dahil değildir. Kargo şirketi bunları yerel kurallara göre teslimattan önce sizden tahsil eder. Bu bilgi ödeme adımında da gösterilir.

                    AB'den yapılan iadeler AB içindeki iade merkezimize gönderilir; bu yüzden iade için gümrük evrakı gerekmez.
                """),
            ),
            "pl": (
                "Czy muszę płacić cło?",
                _md("""
                    Nasz magazyn znajduje się w Turcji, która nie należy do UE, więc paczki do UE przechodzą odprawę celną. Co to oznacza dla Ciebie:

                    - **Unia Europejska (w tym Polska):** nic nie dopłacasz. Wysyłamy z opłaconym cłem (DDP): to my zgłaszamy paczkę do odprawy, płacimy cło i VAT, a cena widoczna przy kasie jest ceną ostateczną. Jeśli kurier poprosi o dopłatę przy odbiorze, nie płać i skontaktuj się z nami.
                    - **Turcja:** dostawa krajowa, bez odprawy celnej.
                    - **Wielka Brytania, Szwajcaria, Norwegia, USA i Kanada:** cło i podatki importowe nie są wliczone w cenę. Przewoźnik pobiera je od Ciebie przed doręczeniem, zgodnie z lokalnymi przepisami. Informację o tym zobaczysz przy kasie.

                    Zwroty z UE trafiają do naszego centrum zwrotów w UE, więc odsyłając produkt, nie musisz wypełniać żadnych dokumentów celnych.
                """),
            ),
            "de": (
                "Muss ich Zoll bezahlen?",
                _md("""
                    Unser Lager steht in der Türkei, die nicht zur EU gehört; Pakete in die EU werden deshalb verzollt. Das bedeutet für Sie:

                    - **Europäische Union:** Sie zahlen nichts extra. Wir versenden verzollt (DDP): Wir melden das Paket beim Zoll an, zahlen Zoll und Einfuhrumsatzsteuer, und der Preis an der Kasse ist der Endpreis. Sollte ein Zusteller an der Tür Geld verlangen, zahlen Sie bitte nicht und melden Sie sich bei uns.
                    - **Türkei:** Inlandsversand, kein Zoll.
                    - **Vereinigtes Königreich, Schweiz, Norwegen, USA und Kanada:** Zölle und Einfuhrabgaben sind nicht enthalten. Der Zusteller erhebt sie vor der Zustellung nach den örtlichen Vorschriften bei Ihnen. Darauf weist auch die Kasse vor dem Bezahlen hin.

                    Rücksendungen aus der EU gehen an unser Retourenzentrum in der EU, Sie brauchen also keine Zollpapiere.
                """),
            ),
            "fr": (
                "Vais-je devoir payer des droits de douane ?",
                _md("""
                    Notre entrepôt est en Turquie, qui ne fait pas partie de l'UE : les colis à destination de l'UE passent donc en douane. Concrètement :

                    - **Union européenne :** rien à payer. Nous expédions droits acquittés (DDP) : nous déclarons le colis, payons les droits de douane et la TVA, et le prix affiché lors du paiement est le prix final. Si un livreur vous réclame de l'argent à la porte, ne payez pas et contactez-nous.
                    - **Turquie :** livraison nationale, pas de douane.
                    - **Royaume-Uni, Suisse, Norvège, États-Unis et Canada :** les droits et taxes d'importation ne sont pas inclus. Le transporteur les perçoit auprès de vous avant la livraison, selon les règles locales. C'est indiqué avant le paiement.

                    Les retours depuis l'UE sont envoyés à notre centre de retours situé dans l'UE : aucune formalité douanière pour renvoyer un article.
                """),
            ),
            "es": (
                "¿Tendré que pagar aduanas?",
                _md("""
                    Nuestro almacén está en Turquía, que no forma parte de la UE, así que los paquetes a la UE pasan por aduana. Esto es lo que significa para ti:

                    - **Unión Europea:** no pagas nada más. Enviamos con aranceles pagados (DDP): nosotros declaramos el paquete y pagamos los aranceles y el IVA, y el precio que ves al pagar es el precio final. Si un repartidor te pide dinero en la puerta, no pagues y escríbenos.
                    - **Turquía:** envío nacional, sin aduana.
                    - **Reino Unido, Suiza, Noruega, Estados Unidos y Canadá:** los aranceles e impuestos de importación no están incluidos. El transportista te los cobra antes de la entrega, según las normas locales. Lo indicamos antes de pagar.

                    Las devoluciones desde la UE van a nuestro centro de devoluciones en la UE, así que no necesitas ningún trámite aduanero para devolver un artículo.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="missing-or-damaged-parcel",
        category="shipping-delivery",
        related=("where-is-my-order", "electronics-warranty"),
        texts={
            "en": (
                "My parcel is missing, late or damaged",
                _md("""
                    **Tracking says delivered but you have no parcel?** Check with neighbours, your building's reception and the carrier's pickup point, and look for a delivery note. If it has not turned up within 2 days, contact us: we open an investigation with the carrier and, if the parcel is lost, send a replacement or refund you in full.

                    **Parcel late?** Tracking sometimes stops updating while a parcel crosses a border. If it is more than 5 business days past the expected delivery date, write to us with your order number.

                    **Parcel or item damaged?** Take a photo of the box and the item, ideally before you throw away the packaging, and send it to us within 14 days of delivery. We send a replacement free of charge, or refund you if you prefer. You never pay to send a damaged item back.
                """),
            ),
            "tr": (
                "Kargom kayboldu, gecikti veya hasarlı geldi",
                _md("""
                    **Takipte teslim edildi görünüyor ama paket elinize ulaşmadı mı?** Komşularınıza, apartman görevlisine ve kargo şubesine sorun, kapınıza bırakılmış bir not olup olmadığına bakın. 2 gün içinde bulunmazsa bize ulaşın: kargo firmasıyla inceleme başlatır, paket kaybolduysa yenisini gönderir ya da ödemenizin tamamını iade ederiz.

                    **Kargo mu gecikti?** Paket sınırı geçerken takip bilgisi bir süre güncellenmeyebilir. Tahmini teslimat tarihinin üzerinden 5 iş gününden fazla geçtiyse sipariş numaranızla bize yazın.

                    **Paket veya ürün hasarlı mı geldi?** Kutunun ve ürünün fotoğrafını, mümkünse ambalajı atmadan önce çekin ve teslimattan sonraki 14 gün içinde bize gönderin. Yenisini ücretsiz göndeririz; dilerseniz ödemenizi iade ederiz. Hasarlı ürünün geri gönderimi için hiçbir ücret ödemezsiniz.
                """),
            ),
            "pl": (
                "Paczka zaginęła, spóźnia się lub jest uszkodzona",
                _md("""
                    **Status pokazuje „doręczona”, ale paczki nie ma?** Zapytaj sąsiadów i recepcję budynku, sprawdź punkt odbioru przewoźnika lub paczkomat i poszukaj awiza. Jeśli paczka nie znajdzie się w ciągu 2 dni, skontaktuj się z nami: złożymy reklamację u przewoźnika, a jeśli paczka zaginęła, wyślemy nową lub zwrócimy całą kwotę.

                    **Paczka się spóźnia?** Podczas przekraczania granicy status przesyłki czasem się nie aktualizuje. Jeśli minęło ponad 5 dni roboczych od przewidywanej daty doręczenia, napisz do nas, podając numer zamówienia.

                    **Paczka lub produkt są uszkodzone?** Zrób zdjęcie kartonu i produktu, najlepiej zanim wyrzucisz opakowanie, i wyślij je nam w ciągu 14 dni od doręczenia. Bezpłatnie wyślemy nowy produkt albo, jeśli wolisz, zwrócimy pieniądze. Za odesłanie uszkodzonego produktu nigdy nie płacisz.
                """),
            ),
            "de": (
                "Mein Paket fehlt, ist verspätet oder beschädigt",
                _md("""
                    **Laut Sendungsverfolgung zugestellt, aber kein Paket da?** Fragen Sie bei Nachbarn, am Empfang Ihres Hauses und in der Filiale oder Packstation des Zustellers nach und achten Sie auf eine Benachrichtigungskarte. Taucht es innerhalb von 2 Tagen nicht auf, melden Sie sich bei uns: Wir leiten einen Nachforschungsantrag ein und schicken Ihnen bei Verlust Ersatz oder erstatten den vollen Betrag.

                    **Paket verspätet?** Beim Grenzübertritt wird die Sendungsverfolgung manchmal eine Weile nicht aktualisiert. Sind mehr als 5 Werktage seit dem voraussichtlichen Liefertermin vergangen, schreiben Sie uns mit Ihrer Bestellnummer.

                    **Paket oder Artikel beschädigt?** Fotografieren Sie Karton und Artikel, am besten bevor Sie die Verpackung entsorgen, und schicken Sie uns die Fotos innerhalb von 14 Tagen nach der Zustellung. Wir senden kostenlos Ersatz oder erstatten auf Wunsch den Kaufpreis. Die Rücksendung eines beschädigten Artikels kostet Sie nie etwas.
                """),
            ),
            "fr": (
                "Mon colis est perdu, en retard ou endommagé",
                _md("""
                    **Le suivi indique « livré » mais vous n'avez rien reçu ?** Renseignez-vous auprès de vos voisins, du gardien et du point relais du transporteur, et cherchez un avis de passage. Si le colis n'a pas été retrouvé sous 2 jours, contactez-nous : nous ouvrons une enquête auprès du transporteur et, si le colis est perdu, nous vous renvoyons l'article ou vous remboursons intégralement.

                    **Colis en retard ?** Le suivi peut ne plus bouger pendant le passage d'une frontière. S'il a plus de 5 jours ouvrés de retard sur la date prévue, écrivez-nous avec votre numéro de commande.

                    **Colis ou article endommagé ?** Photographiez le carton et l'article, si possible avant de jeter l'emballage, et envoyez-nous les photos dans les 14 jours suivant la livraison. Nous envoyons gratuitement un article de remplacement ou, si vous préférez, nous vous remboursons. Le renvoi d'un article endommagé ne vous coûte jamais rien.
                """),
            ),
            "es": (
                "Mi paquete no ha llegado, se retrasa o llegó dañado",
                _md("""
                    **¿El seguimiento dice «entregado» pero no tienes el paquete?** Pregunta a tus vecinos y en la conserjería, revisa el punto de recogida del transportista y busca un aviso de entrega. Si no aparece en 2 días, escríbenos: abrimos una investigación con el transportista y, si el paquete se ha perdido, te enviamos otro o te devolvemos el importe íntegro.

                    **¿El paquete se retrasa?** Al cruzar una frontera, el seguimiento a veces deja de actualizarse durante un tiempo. Si han pasado más de 5 días laborables desde la fecha de entrega prevista, escríbenos con tu número de pedido.

                    **¿El paquete o el artículo llegó dañado?** Haz una foto de la caja y del artículo, a ser posible antes de tirar el embalaje, y envíanosla en los 14 días siguientes a la entrega. Te enviamos otro sin coste o, si lo prefieres, te devolvemos el dinero. Nunca pagas por devolver un artículo dañado.
                """),
            ),
        },
    ),
)


# --- Articles: returns & refunds ------------------------------------------------------

_RETURNS: tuple[HelpArticle, ...] = (
    HelpArticle(
        slug="how-to-return",
        category="returns-refunds",
        related=("when-is-my-refund", "exchanges", "items-that-cannot-be-returned"),
        texts={
            "en": (
                "How do I return an item?",
                _md("""
                    You can return items within the return window shown in our return policy; it is counted from the day your parcel was delivered and depends on the product category.

                    1. Sign in and open **My orders**, or use the returns link in your delivery email.
                    2. Choose the items you want to send back and what you would like instead: a refund, an exchange or store credit.
                    3. Print the return label, or show the QR code at the carrier's drop-off point; no printer needed.
                    4. Pack the items in their original condition, with the labels still attached (shoes and electronics in their original box), and drop the parcel off.

                    Returns of clothing, shoes and accessories are free. For electronics, the return label costs 4.95 EUR, which we deduct from the refund. As soon as your return arrives and has been checked, we send you an email; the article on refunds explains when the money arrives.

                    In Turkey, instead of a label you get a return code to show at any Yurtiçi Kargo branch.
                """),
            ),
            "tr": (
                "Ürünü nasıl iade ederim?",
                _md("""
                    İade politikamızda belirtilen iade süresi içinde ürünlerinizi iade edebilirsiniz. Süre, paketinizin teslim edildiği günden itibaren başlar ve ürün kategorisine göre değişir.

                    1. Hesabınıza giriş yapıp **Siparişlerim** sayfasını açın ya da teslimat e-postanızdaki iade bağlantısını kullanın.
                    2. İade etmek istediğiniz ürünleri ve tercihinizi seçin: para iadesi, değişim veya mağaza kredisi.
                    3. Size verilen iade kodunu not alın ya da iade etiketini yazdırın.
                    4. Ürünleri etiketleri çıkarılmamış ve kullanılmamış hâlde paketleyin (ayakkabı ve elektronik ürünleri orijinal kutusunda) ve iade kodunuzla herhangi bir Yurtiçi Kargo şubesine teslim edin.

                    Giyim, ayakkabı ve aksesuar iadesi ücretsizdir. Elektronik ürünlerde iade kargo ücreti 4,95 EUR'dur ve iade tutarından düşülür. İade paketiniz bize ulaşıp kontrol edildiğinde size e-posta göndeririz. İade ödemesinin ne zaman yapılacağını "Param ne zaman iade edilir?" makalemizde bulabilirsiniz.

                    İade ile ilgili sorularınız için bize her zaman yazabilirsiniz.
                """),
            ),
            "pl": (
                "Jak zwrócić produkt?",
                _md("""
                    Produkty możesz zwrócić w terminie podanym w naszej polityce zwrotów; liczy się go od dnia doręczenia paczki i zależy on od kategorii produktu.

                    1. Zaloguj się i otwórz **Moje zamówienia** albo użyj linku do zwrotu z e-maila o doręczeniu.
                    2. Wybierz produkty, które chcesz odesłać, i to, co chcesz otrzymać w zamian: zwrot pieniędzy, wymianę lub środki w sklepie.
                    3. Wydrukuj etykietę zwrotną albo pokaż kod QR w punkcie nadania lub w Paczkomacie InPost; drukarka nie jest potrzebna.
                    4. Zapakuj produkty w stanie nienaruszonym, z metkami (buty i elektronikę w oryginalnym pudełku), i nadaj paczkę.

                    Zwrot odzieży, butów i akcesoriów jest bezpłatny. Przy zwrocie elektroniki etykieta zwrotna kosztuje 4,95 EUR; tę kwotę odejmujemy od zwracanej sumy. Gdy zwrot do nas dotrze i zostanie sprawdzony, wyślemy Ci e-mail; kiedy nastąpi zwrot pieniędzy, opisujemy w osobnym artykule.
                """),
            ),
            "de": (
                "Wie sende ich einen Artikel zurück?",
                _md("""
                    Sie können Artikel innerhalb der Rückgabefrist aus unseren Rückgabebedingungen zurücksenden; sie beginnt mit dem Tag der Zustellung und hängt von der Produktkategorie ab.

                    1. Melden Sie sich an und öffnen Sie **Meine Bestellungen**, oder nutzen Sie den Rücksende-Link aus der Zustellungs-E-Mail.
                    2. Wählen Sie die Artikel aus und was Sie stattdessen möchten: Erstattung, Umtausch oder Guthaben.
                    3. Drucken Sie das Rücksendeetikett aus oder zeigen Sie den QR-Code in der Paketannahmestelle vor; ein Drucker ist nicht nötig.
                    4. Verpacken Sie die Artikel im Originalzustand mit Etiketten (Schuhe und Elektronik im Originalkarton) und geben Sie das Paket ab.

                    Die Rücksendung von Kleidung, Schuhen und Accessoires ist kostenlos. Für Elektronik kostet das Rücksendeetikett 4,95 EUR, die wir von der Erstattung abziehen. Sobald Ihre Rücksendung angekommen und geprüft ist, schicken wir Ihnen eine E-Mail; wann das Geld ankommt, erklärt der Artikel zur Erstattung.
                """),
            ),
            "fr": (
                "Comment retourner un article ?",
                _md("""
                    Vous pouvez retourner vos articles dans le délai indiqué dans notre politique de retour ; il court à partir du jour de la livraison et dépend de la catégorie du produit.

                    1. Connectez-vous et ouvrez **Mes commandes**, ou utilisez le lien de retour de l'e-mail de livraison.
                    2. Choisissez les articles à renvoyer et ce que vous souhaitez en échange : un remboursement, un échange ou un avoir.
                    3. Imprimez l'étiquette de retour, ou présentez le QR code au point relais ; pas besoin d'imprimante.
                    4. Emballez les articles dans leur état d'origine, étiquettes attachées (chaussures et électronique dans leur boîte d'origine), et déposez le colis.

                    Le retour des vêtements, chaussures et accessoires est gratuit. Pour l'électronique, l'étiquette de retour coûte 4,95 EUR, déduits du remboursement. Dès que votre retour est arrivé et a été contrôlé, nous vous envoyons un e-mail ; l'article sur les remboursements explique quand l'argent arrive.
                """),
            ),
            "es": (
                "¿Cómo devuelvo un artículo?",
                _md("""
                    Puedes devolver artículos dentro del plazo de devolución que indica nuestra política de devoluciones; se cuenta desde el día de la entrega y depende de la categoría del producto.

                    1. Inicia sesión y abre **Mis pedidos**, o usa el enlace de devolución del correo de entrega.
                    2. Elige los artículos que quieres devolver y qué prefieres a cambio: reembolso, cambio o saldo de tienda.
                    3. Imprime la etiqueta de devolución o muestra el código QR en el punto de entrega; no necesitas impresora.
                    4. Empaqueta los artículos en su estado original, con las etiquetas puestas (el calzado y la electrónica en su caja original), y entrega el paquete.

                    La devolución de ropa, calzado y accesorios es gratuita. En electrónica, la etiqueta de devolución cuesta 4,95 EUR, que descontamos del reembolso. En cuanto tu devolución llegue y la revisemos, te enviaremos un correo; cuándo llega el dinero lo explicamos en el artículo sobre reembolsos.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="when-is-my-refund",
        category="returns-refunds",
        related=("how-to-return", "store-credit"),
        texts={
            "en": (
                "When will I get my money back?",
                _md("""
                    We issue your refund within 24 hours after your return arrives at our returns centre and has been checked. You get an email as soon as it is on its way.

                    The money goes back to the payment method you used:

                    | Payment method | When you see it |
                    | --- | --- |
                    | Card, Apple Pay | 3–5 business days, depending on your bank |
                    | PayPal, Klarna | 1–2 business days |
                    | BLIK, Przelewy24, bank transfer | 1–3 business days |
                    | Cash on delivery | to the bank account you give us, 1–3 business days |
                    | Store credit | immediately |

                    For cards paid in instalments, the refund is credited to your card and your bank adjusts the remaining instalments. If you have not received your refund after these times, contact us with your order number and we will send you the payment reference.
                """),
            ),
            "tr": (
                "Param ne zaman iade edilir?",
                _md("""
                    İade paketiniz iade merkezimize ulaşıp kontrol edildikten sonra 24 saat içinde para iadenizi başlatırız. İade işlemi yapıldığında size e-posta ile haber veririz.

                    Para iadesi, ödeme yaptığınız yönteme yapılır:

                    | Ödeme yöntemi | Hesabınıza geçme süresi |
                    | --- | --- |
                    | Kredi veya banka kartı | bankanıza göre 3–5 iş günü |
                    | Havale/EFT | 1–3 iş günü |
                    | Kapıda ödeme | bildirdiğiniz IBAN'a 1–3 iş günü |
                    | Mağaza kredisi | hemen |

                    Taksitli ödemelerde iade tutarı kartınıza yansıtılır ve kalan taksitleriniz bankanız tarafından buna göre düzenlenir. İade tutarı bu sürelerden sonra hâlâ hesabınıza geçmediyse sipariş numaranızla bize yazın, size iade işleminin referans numarasını gönderelim.
                """),
            ),
            "pl": (
                "Kiedy otrzymam zwrot pieniędzy?",
                _md("""
                    Zwrot pieniędzy zlecamy w ciągu 24 godzin od chwili, gdy Twoja paczka zwrotna dotrze do naszego centrum zwrotów i zostanie sprawdzona. Gdy tylko to zrobimy, wyślemy Ci e-mail.

                    Pieniądze wracają tą samą metodą, którą zapłacono:

                    | Metoda płatności | Kiedy zobaczysz zwrot |
                    | --- | --- |
                    | BLIK, Przelewy24 | 1–3 dni robocze |
                    | Karta | 3–5 dni roboczych, zależnie od banku |
                    | Płatność za pobraniem | na podany przez Ciebie numer konta, 1–3 dni robocze |
                    | Środki w sklepie | od razu |

                    Jeśli po tym czasie zwrot pieniędzy nie pojawił się na Twoim koncie, napisz do nas, podając numer zamówienia, a prześlemy Ci potwierdzenie przelewu.
                """),
            ),
            "de": (
                "Wann bekomme ich mein Geld zurück?",
                _md("""
                    Wir veranlassen die Erstattung innerhalb von 24 Stunden, nachdem Ihre Rücksendung in unserem Retourenzentrum angekommen und geprüft ist. Sie erhalten eine E-Mail, sobald das Geld unterwegs ist.

                    Das Geld geht auf die Zahlungsart zurück, mit der Sie bezahlt haben:

                    | Zahlungsart | Wann es ankommt |
                    | --- | --- |
                    | PayPal, Klarna | 1–2 Werktage |
                    | Kreditkarte | 3–5 Werktage, je nach Bank |
                    | SEPA-Lastschrift | 1–3 Werktage |
                    | Guthaben | sofort |

                    Bei Klarna-Rechnungskauf wird die Rechnung entsprechend gekürzt, Sie müssen den zurückgesandten Artikel also nicht bezahlen. Ist die Erstattung nach diesen Fristen noch nicht da, schreiben Sie uns mit Ihrer Bestellnummer, und wir schicken Ihnen die Zahlungsreferenz.
                """),
            ),
            "fr": (
                "Quand serai-je remboursé ?",
                _md("""
                    Nous effectuons le remboursement dans les 24 heures suivant l'arrivée et le contrôle de votre retour dans notre centre de retours. Vous recevez un e-mail dès qu'il est parti.

                    L'argent est reversé sur le moyen de paiement utilisé :

                    | Moyen de paiement | Délai de réception |
                    | --- | --- |
                    | Carte bancaire | 3 à 5 jours ouvrés, selon votre banque |
                    | PayPal | 1 à 2 jours ouvrés |
                    | Avoir | immédiat |

                    Si vous n'avez pas reçu votre remboursement passé ces délais, contactez-nous avec votre numéro de commande et nous vous enverrons la référence du paiement.
                """),
            ),
            "es": (
                "¿Cuándo recibiré mi reembolso?",
                _md("""
                    Emitimos el reembolso en las 24 horas siguientes a que tu devolución llegue a nuestro centro de devoluciones y la revisemos. Te avisamos por correo en cuanto sale.

                    El dinero vuelve al método de pago que usaste:

                    | Método de pago | Cuándo lo verás |
                    | --- | --- |
                    | Tarjeta | 3–5 días laborables, según tu banco |
                    | Bizum, PayPal | 1–2 días laborables |
                    | Saldo de tienda | al instante |

                    Si pasado este tiempo no has recibido el reembolso, escríbenos con tu número de pedido y te enviaremos la referencia del pago.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="exchanges",
        category="returns-refunds",
        related=("how-to-return", "size-advice"),
        texts={
            "en": (
                "Can I exchange an item for another size or colour?",
                _md("""
                    Yes. Start a return in **My orders** and choose **Exchange**, then pick the new size or colour. We reserve the new item straight away, so it cannot sell out while your return is on its way, and we ship it as soon as your return has been scanned by the carrier.

                    Exchanges are possible within the return window (see our return policy) for any item that is still in stock in the size or colour you want. Exchanges of clothing, shoes and accessories are free in both directions.

                    Want a different product instead? Return the item for a refund or for store credit, and place a new order.
                """),
            ),
            "tr": (
                "Ürünü başka bir beden veya renkle değiştirebilir miyim?",
                _md("""
                    Evet. **Siparişlerim** sayfasında iade başlatın, **Değişim** seçeneğini seçin ve yeni beden veya rengi belirleyin. Yeni ürünü hemen sizin için ayırırız, böylece iade paketiniz yoldayken tükenmez; iade paketiniz kargo firması tarafından kabul edildiği anda yeni ürünü göndeririz.

                    Değişim, iade süresi içinde (iade politikamıza bakın) istediğiniz beden veya renkte stokta bulunan her ürün için mümkündür. Giyim, ayakkabı ve aksesuar değişimlerinde gidiş ve dönüş kargosu ücretsizdir.

                    Başka bir ürün mü istiyorsunuz? Ürünü para iadesi veya mağaza kredisi karşılığında iade edip yeni bir sipariş verin.
                """),
            ),
            "pl": (
                "Czy mogę wymienić produkt na inny rozmiar lub kolor?",
                _md("""
                    Tak. Rozpocznij zwrot w **Moich zamówieniach**, wybierz **Wymianę** i wskaż nowy rozmiar lub kolor. Od razu rezerwujemy dla Ciebie nowy produkt, więc nie zniknie on ze sklepu, zanim dotrze zwrot, a wysyłamy go, gdy tylko przewoźnik zeskanuje Twoją paczkę zwrotną.

                    Wymiana jest możliwa w terminie zwrotu (zobacz naszą politykę zwrotów) dla każdego produktu dostępnego w wybranym rozmiarze lub kolorze. Wymiana odzieży, butów i akcesoriów jest bezpłatna w obie strony.

                    Wolisz inny produkt? Zwróć ten produkt, wybierając zwrot pieniędzy lub środki w sklepie, i złóż nowe zamówienie.
                """),
            ),
            "de": (
                "Kann ich einen Artikel in eine andere Größe oder Farbe umtauschen?",
                _md("""
                    Ja. Starten Sie unter **Meine Bestellungen** eine Rücksendung, wählen Sie **Umtausch** und dann die neue Größe oder Farbe. Wir reservieren den neuen Artikel sofort, damit er nicht ausverkauft ist, während Ihre Rücksendung unterwegs ist, und versenden ihn, sobald der Zusteller Ihre Rücksendung gescannt hat.

                    Ein Umtausch ist innerhalb der Rückgabefrist (siehe Rückgabebedingungen) für jeden Artikel möglich, der in der gewünschten Größe oder Farbe vorrätig ist. Der Umtausch von Kleidung, Schuhen und Accessoires ist in beide Richtungen kostenlos.

                    Lieber ein anderes Produkt? Senden Sie den Artikel gegen Erstattung oder Guthaben zurück und geben Sie eine neue Bestellung auf.
                """),
            ),
            "fr": (
                "Puis-je échanger un article contre une autre taille ou couleur ?",
                _md("""
                    Oui. Lancez un retour depuis **Mes commandes**, choisissez **Échange**, puis la nouvelle taille ou couleur. Nous réservons immédiatement le nouvel article pour qu'il ne soit pas épuisé pendant le trajet de votre retour, et nous l'expédions dès que le transporteur a scanné votre colis retour.

                    L'échange est possible dans le délai de retour (voir notre politique de retour) pour tout article disponible dans la taille ou la couleur souhaitée. Les échanges de vêtements, chaussures et accessoires sont gratuits à l'aller comme au retour.

                    Vous préférez un autre produit ? Retournez l'article contre un remboursement ou un avoir, puis passez une nouvelle commande.
                """),
            ),
            "es": (
                "¿Puedo cambiar un artículo por otra talla o color?",
                _md("""
                    Sí. Inicia una devolución en **Mis pedidos**, elige **Cambio** y selecciona la nueva talla o color. Reservamos el artículo nuevo al momento, para que no se agote mientras tu devolución está en camino, y lo enviamos en cuanto el transportista escanea tu paquete de devolución.

                    Los cambios son posibles dentro del plazo de devolución (consulta nuestra política de devoluciones) para cualquier artículo disponible en la talla o color que quieras. Los cambios de ropa, calzado y accesorios son gratuitos en ambos sentidos.

                    ¿Prefieres otro producto? Devuelve el artículo a cambio de un reembolso o de saldo de tienda y haz un pedido nuevo.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="store-credit",
        category="returns-refunds",
        related=("how-to-return", "gift-cards"),
        texts={
            "en": (
                "What is store credit?",
                _md("""
                    When you return clothing, shoes or accessories, you can choose store credit instead of a refund. You then get **10% extra**: return an item worth 50 EUR and you receive 55 EUR to spend at Atlas.

                    Store credit is added to your account as soon as your return has been checked, and it is used automatically at checkout when you are signed in. It does not expire and can be combined with any payment method.

                    Store credit cannot be paid out in cash. Returns of electronics are refunded or exchanged only, so store credit is not offered for them.
                """),
            ),
            "tr": (
                "Mağaza kredisi nedir?",
                _md("""
                    Giyim, ayakkabı veya aksesuar iade ederken para iadesi yerine mağaza kredisi seçebilirsiniz. Bu durumda **%10 fazlasını** alırsınız: 50 EUR değerinde bir ürünü iade ettiğinizde Atlas'ta harcayabileceğiniz 55 EUR kazanırsınız.

                    Mağaza kredisi, iade paketiniz kontrol edilir edilmez hesabınıza eklenir ve giriş yaptığınızda ödeme adımında otomatik olarak kullanılır. Süresi dolmaz ve her ödeme yöntemiyle birlikte kullanılabilir.

                    Mağaza kredisi nakde çevrilemez. Elektronik ürünlerin iadesinde yalnızca para iadesi veya değişim yapılır; bu ürünler için mağaza kredisi seçeneği yoktur.
                """),
            ),
            "pl": (
                "Czym są środki w sklepie?",
                _md("""
                    Zwracając odzież, buty lub akcesoria, możesz zamiast zwrotu pieniędzy wybrać środki w sklepie. Otrzymasz wtedy **10% więcej**: zwracasz produkt za 50 EUR, a dostajesz 55 EUR do wykorzystania w Atlas.

                    Środki trafiają na Twoje konto, gdy tylko sprawdzimy zwrot, i są automatycznie uwzględniane przy kasie, gdy jesteś zalogowany. Nie wygasają i można je łączyć z każdą metodą płatności.

                    Środków w sklepie nie można wypłacić w gotówce. Przy zwrocie elektroniki oferujemy tylko zwrot pieniędzy lub wymianę, bez opcji środków w sklepie.
                """),
            ),
            "de": (
                "Was ist Guthaben?",
                _md("""
                    Wenn Sie Kleidung, Schuhe oder Accessoires zurücksenden, können Sie statt einer Erstattung Guthaben wählen. Dann bekommen Sie **10 % mehr**: Für einen Artikel im Wert von 50 EUR erhalten Sie 55 EUR, die Sie bei Atlas ausgeben können.

                    Das Guthaben wird Ihrem Konto gutgeschrieben, sobald Ihre Rücksendung geprüft ist, und an der Kasse automatisch verrechnet, wenn Sie angemeldet sind. Es verfällt nicht und lässt sich mit jeder Zahlungsart kombinieren.

                    Guthaben kann nicht bar ausgezahlt werden. Elektronik wird nur erstattet oder umgetauscht; Guthaben ist dafür nicht möglich.
                """),
            ),
            "fr": (
                "Qu'est-ce que l'avoir ?",
                _md("""
                    Lorsque vous retournez des vêtements, des chaussures ou des accessoires, vous pouvez choisir un avoir plutôt qu'un remboursement. Vous recevez alors **10 % de plus** : pour un article de 50 EUR, vous obtenez 55 EUR à dépenser chez Atlas.

                    L'avoir est crédité sur votre compte dès que votre retour a été contrôlé, et il est utilisé automatiquement lors du paiement quand vous êtes connecté. Il n'expire pas et se combine avec tous les moyens de paiement.

                    L'avoir n'est pas remboursable en espèces. Les articles électroniques sont uniquement remboursés ou échangés : l'avoir n'est pas proposé pour eux.
                """),
            ),
            "es": (
                "¿Qué es el saldo de tienda?",
                _md("""
                    Al devolver ropa, calzado o accesorios puedes elegir saldo de tienda en lugar de un reembolso. Así recibes **un 10 % más**: devuelves un artículo de 50 EUR y obtienes 55 EUR para gastar en Atlas.

                    El saldo se añade a tu cuenta en cuanto revisamos la devolución y se aplica automáticamente al pagar si has iniciado sesión. No caduca y se puede combinar con cualquier método de pago.

                    El saldo de tienda no se puede canjear por dinero. La electrónica solo se reembolsa o se cambia, así que para ella no se ofrece saldo de tienda.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="items-that-cannot-be-returned",
        category="returns-refunds",
        related=("how-to-return", "electronics-warranty"),
        texts={
            "en": (
                "Which items cannot be returned?",
                _md("""
                    Almost everything we sell can be returned within the return window. The exceptions:

                    - **Gift cards**, once they have been sent.
                    - **Sealed hygiene items once opened**, such as in-ear earbuds whose hygiene seal has been removed. For health reasons, this is also an exception to the EU right of withdrawal.
                    - **Items that have been worn, washed or damaged**, or whose labels have been removed. Trying clothes and shoes on at home is of course fine; for shoes, please try them on indoors, on a clean surface.

                    Final-sale items, if we ever offer any, are clearly marked as such on the product page and in your cart. A faulty item is always covered by the warranty, whatever the return window says.
                """),
            ),
            "tr": (
                "Hangi ürünler iade edilemez?",
                _md("""
                    Sattığımız ürünlerin neredeyse tamamı iade süresi içinde iade edilebilir. İstisnalar şunlardır:

                    - **Hediye kartları**, gönderildikten sonra.
                    - **Hijyen bandı açılmış ürünler**, örneğin koruma bandı çıkarılmış kulak içi kulaklıklar. Sağlık nedeniyle bu ürünler cayma hakkının da istisnasıdır.
                    - **Giyilmiş, yıkanmış veya hasar görmüş** ya da etiketi çıkarılmış ürünler. Kıyafet ve ayakkabıları evde denemek elbette serbesttir; ayakkabıları lütfen evin içinde, temiz bir zeminde deneyin.

                    İndirimli veya iadesi olmayan bir ürün satarsak, bu ürün sayfasında ve sepetinizde açıkça belirtilir. Ayıplı bir ürün, iade süresinden bağımsız olarak her zaman garanti kapsamındadır.
                """),
            ),
            "pl": (
                "Których produktów nie można zwrócić?",
                _md("""
                    Prawie wszystko, co sprzedajemy, można zwrócić w terminie zwrotu. Wyjątki:

                    - **Karty podarunkowe** po ich wysłaniu.
                    - **Produkty higieniczne w zapieczętowanym opakowaniu po jego otwarciu**, np. słuchawki dokanałowe z zerwaną plombą higieniczną. Ze względów zdrowotnych to także wyjątek od prawa odstąpienia od umowy w UE.
                    - **Produkty noszone, prane lub uszkodzone** albo z odciętymi metkami. Przymierzanie ubrań i butów w domu jest oczywiście w porządku; buty przymierzaj w domu, na czystej powierzchni.

                    Jeśli kiedykolwiek będziemy sprzedawać produkty bez możliwości zwrotu, oznaczymy je wyraźnie na stronie produktu i w koszyku. Wadliwy produkt zawsze obejmuje gwarancja i rękojmia, niezależnie od terminu zwrotu.
                """),
            ),
            "de": (
                "Welche Artikel sind vom Umtausch ausgeschlossen?",
                _md("""
                    Fast alles, was wir verkaufen, kann innerhalb der Rückgabefrist zurückgegeben werden. Die Ausnahmen:

                    - **Geschenkkarten**, sobald sie verschickt sind.
                    - **Versiegelte Hygieneartikel nach dem Öffnen**, etwa In-Ear-Kopfhörer, deren Hygienesiegel entfernt wurde. Aus Gesundheitsgründen ist das auch eine Ausnahme vom Widerrufsrecht in der EU.
                    - **Getragene, gewaschene oder beschädigte Artikel** sowie Artikel, deren Etiketten entfernt wurden. Kleidung und Schuhe zu Hause anzuprobieren ist natürlich in Ordnung; Schuhe bitte drinnen auf sauberem Boden.

                    Sollten wir je reduzierte Ware ohne Rückgaberecht anbieten, ist sie auf der Produktseite und im Warenkorb klar gekennzeichnet. Ein mangelhafter Artikel ist unabhängig von der Rückgabefrist immer durch die Gewährleistung abgedeckt.
                """),
            ),
            "fr": (
                "Quels articles ne peuvent pas être retournés ?",
                _md("""
                    Presque tout ce que nous vendons peut être retourné dans le délai de retour. Les exceptions :

                    - **Les cartes cadeaux**, une fois envoyées.
                    - **Les articles d'hygiène scellés une fois ouverts**, comme les écouteurs intra-auriculaires dont l'opercule d'hygiène a été retiré. Pour des raisons de santé, c'est aussi une exception au droit de rétractation dans l'UE.
                    - **Les articles portés, lavés ou abîmés**, ou dont les étiquettes ont été retirées. Essayer vêtements et chaussures chez soi est bien sûr possible ; essayez les chaussures à l'intérieur, sur un sol propre.

                    Si nous proposons un jour des articles non repris, ils seront clairement signalés sur la fiche produit et dans votre panier. Un article défectueux est toujours couvert par la garantie, quel que soit le délai de retour.
                """),
            ),
            "es": (
                "¿Qué artículos no se pueden devolver?",
                _md("""
                    Casi todo lo que vendemos se puede devolver dentro del plazo de devolución. Las excepciones:

                    - **Las tarjetas regalo**, una vez enviadas.
                    - **Los artículos de higiene precintados una vez abiertos**, como los auriculares intraurales a los que se ha quitado el precinto de higiene. Por motivos de salud, también son una excepción al derecho de desistimiento en la UE.
                    - **Los artículos usados, lavados o dañados**, o a los que se les han quitado las etiquetas. Probarse ropa y calzado en casa, por supuesto, está bien; pruébate el calzado en interior y sobre una superficie limpia.

                    Si alguna vez vendemos artículos sin devolución, lo indicaremos claramente en la página del producto y en tu cesta. Un artículo defectuoso siempre está cubierto por la garantía, sea cual sea el plazo de devolución.
                """),
            ),
        },
    ),
)


# --- Articles: sizes & products -------------------------------------------------------

# (size, EU, UK, US, chest cm, waist cm)
_TOP_SIZES = (
    ("S", "36", "8", "4", "86–90", "70–74"),
    ("M", "38", "10", "6", "91–95", "75–79"),
    ("L", "40", "12", "8", "96–100", "80–84"),
    ("XL", "42", "14", "10", "101–105", "85–89"),
)
# (size, EU, UK, US, jeans waist in inches, waist cm, hips cm)
_BOTTOM_SIZES = (
    ("S", "36", "8", "4", "28", "70–74", "90–94"),
    ("M", "38", "10", "6", "30", "75–79", "95–99"),
    ("L", "40", "12", "8", "32", "80–84", "100–104"),
    ("XL", "42", "14", "10", "34", "85–89", "105–109"),
)
# (EU, UK, US women, US men, foot length cm); the shop stocks these four sizes.
_SHOE_SIZES = (
    ("38", "5", "7.5", "6", "24.0"),
    ("40", "6.5", "9", "7.5", "25.3"),
    ("42", "8", "10.5", "9", "26.7"),
    ("44", "9.5", "12", "10.5", "28.0"),
)

_SIZE_CHART_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Size chart",
        "intro": "All our clothes come in sizes S to XL and our shoes in EU sizes 38, 40, 42 and 44. Measure yourself as described below and compare with the tables; if you are between two sizes, take the larger one.",
        "tops": "Tops, shirts, dresses and jackets",
        "bottoms": "Trousers, jeans and skirts",
        "shoes": "Shoes",
        "size": "Size",
        "chest": "Chest (cm)",
        "waist": "Waist (cm)",
        "hips": "Hips (cm)",
        "jeans": "Jeans (waist, inches)",
        "us_women": "US women",
        "us_men": "US men",
        "foot": "Foot length (cm)",
        "measure": "How to measure",
        "how": "- **Chest:** around the fullest part of your chest, under the arms.\n- **Waist:** around your natural waistline, the narrowest part.\n- **Hips:** around the fullest part of your hips.\n- **Foot length:** stand on a sheet of paper, mark your heel and longest toe, and measure the distance. Measure both feet in the evening and use the longer one.",
        "note": "Each product page also says whether the item runs small, true to size or large.",
    },
    "tr": {
        "title": "Beden tablosu",
        "intro": "Tüm giyim ürünlerimiz S'den XL'ye kadar, ayakkabılarımız ise 38, 40, 42 ve 44 numara (EU) olarak satılır. Ölçülerinizi aşağıda anlatıldığı gibi alıp tablolarla karşılaştırın; iki beden arasındaysanız büyük olanı seçin.",
        "tops": "Üstler, gömlekler, elbiseler ve ceketler",
        "bottoms": "Pantolonlar, kotlar ve etekler",
        "shoes": "Ayakkabılar",
        "size": "Beden",
        "chest": "Göğüs (cm)",
        "waist": "Bel (cm)",
        "hips": "Kalça (cm)",
        "jeans": "Kot (bel, inç)",
        "us_women": "ABD kadın",
        "us_men": "ABD erkek",
        "foot": "Ayak uzunluğu (cm)",
        "measure": "Nasıl ölçülür?",
        "how": "- **Göğüs:** göğsünüzün en geniş yerinden, koltuk altlarının hemen altından ölçün.\n- **Bel:** doğal bel çizginizden, belin en ince yerinden ölçün.\n- **Kalça:** kalçanızın en geniş yerinden ölçün.\n- **Ayak uzunluğu:** bir kâğıdın üzerine basın, topuğunuzu ve en uzun parmağınızın ucunu işaretleyip aradaki mesafeyi ölçün. İki ayağınızı da akşam saatlerinde ölçün ve uzun olanı esas alın.",
        "note": "Her ürün sayfasında ürünün dar, tam veya geniş kalıp olduğu da belirtilir.",
    },
    "pl": {
        "title": "Tabela rozmiarów",
        "intro": "Wszystkie nasze ubrania są dostępne w rozmiarach od S do XL, a buty w rozmiarach EU 38, 40, 42 i 44. Zmierz się w sposób opisany poniżej i porównaj wyniki z tabelami; jeśli jesteś pomiędzy rozmiarami, wybierz większy.",
        "tops": "Bluzki, koszule, sukienki i kurtki",
        "bottoms": "Spodnie, dżinsy i spódnice",
        "shoes": "Buty",
        "size": "Rozmiar",
        "chest": "Klatka piersiowa (cm)",
        "waist": "Talia (cm)",
        "hips": "Biodra (cm)",
        "jeans": "Dżinsy (pas, cale)",
        "us_women": "USA damskie",
        "us_men": "USA męskie",
        "foot": "Długość stopy (cm)",
        "measure": "Jak się zmierzyć",
        "how": "- **Klatka piersiowa:** w najszerszym miejscu, pod pachami.\n- **Talia:** w naturalnej linii talii, w najwęższym miejscu.\n- **Biodra:** w najszerszym miejscu bioder.\n- **Długość stopy:** stań na kartce papieru, zaznacz piętę i najdłuższy palec, a potem zmierz odległość. Zmierz obie stopy wieczorem i kieruj się dłuższą.",
        "note": "Na stronie każdego produktu podajemy też, czy jest on mniejszy, zgodny z rozmiarówką, czy większy.",
    },
    "de": {
        "title": "Größentabelle",
        "intro": "Unsere Kleidung gibt es in den Größen S bis XL, unsere Schuhe in den EU-Größen 38, 40, 42 und 44. Messen Sie sich wie unten beschrieben und vergleichen Sie mit den Tabellen; liegen Sie zwischen zwei Größen, nehmen Sie die größere.",
        "tops": "Oberteile, Hemden, Kleider und Jacken",
        "bottoms": "Hosen, Jeans und Röcke",
        "shoes": "Schuhe",
        "size": "Größe",
        "chest": "Brustumfang (cm)",
        "waist": "Taillenumfang (cm)",
        "hips": "Hüftumfang (cm)",
        "jeans": "Jeans (Bundweite, Zoll)",
        "us_women": "US Damen",
        "us_men": "US Herren",
        "foot": "Fußlänge (cm)",
        "measure": "So messen Sie richtig",
        "how": "- **Brust:** an der breitesten Stelle der Brust, unter den Armen.\n- **Taille:** an der natürlichen Taille, der schmalsten Stelle.\n- **Hüfte:** an der breitesten Stelle der Hüfte.\n- **Fußlänge:** Stellen Sie sich auf ein Blatt Papier, markieren Sie Ferse und längsten Zeh und messen Sie den Abstand. Messen Sie beide Füße abends und nehmen Sie den längeren Wert.",
        "note": "Auf jeder Produktseite steht außerdem, ob der Artikel klein, normal oder groß ausfällt.",
    },
    "fr": {
        "title": "Guide des tailles",
        "intro": "Tous nos vêtements existent du S au XL, et nos chaussures en pointures EU 38, 40, 42 et 44. Prenez vos mesures comme indiqué ci-dessous et comparez-les aux tableaux ; si vous êtes entre deux tailles, choisissez la plus grande.",
        "tops": "Hauts, chemises, robes et vestes",
        "bottoms": "Pantalons, jeans et jupes",
        "shoes": "Chaussures",
        "size": "Taille",
        "chest": "Tour de poitrine (cm)",
        "waist": "Tour de taille (cm)",
        "hips": "Tour de hanches (cm)",
        "jeans": "Jean (taille, pouces)",
        "us_women": "US femme",
        "us_men": "US homme",
        "foot": "Longueur du pied (cm)",
        "measure": "Comment prendre vos mesures",
        "how": "- **Poitrine :** à l'endroit le plus fort de la poitrine, sous les bras.\n- **Taille :** au creux naturel de la taille, à l'endroit le plus fin.\n- **Hanches :** à l'endroit le plus fort des hanches.\n- **Longueur du pied :** posez le pied sur une feuille, marquez le talon et le bout du plus long orteil, puis mesurez l'écart. Mesurez les deux pieds en fin de journée et retenez le plus long.",
        "note": "Chaque fiche produit indique aussi si l'article taille petit, normalement ou grand.",
    },
    "es": {
        "title": "Guía de tallas",
        "intro": "Toda nuestra ropa está disponible de la S a la XL, y nuestro calzado en las tallas europeas 38, 40, 42 y 44. Mídete como se explica abajo y compara con las tablas; si estás entre dos tallas, elige la mayor.",
        "tops": "Tops, camisas, vestidos y chaquetas",
        "bottoms": "Pantalones, vaqueros y faldas",
        "shoes": "Calzado",
        "size": "Talla",
        "chest": "Pecho (cm)",
        "waist": "Cintura (cm)",
        "hips": "Cadera (cm)",
        "jeans": "Vaqueros (cintura, pulgadas)",
        "us_women": "EE. UU. mujer",
        "us_men": "EE. UU. hombre",
        "foot": "Largo del pie (cm)",
        "measure": "Cómo medirte",
        "how": "- **Pecho:** por la parte más ancha del pecho, bajo los brazos.\n- **Cintura:** por la cintura natural, la parte más estrecha.\n- **Cadera:** por la parte más ancha de la cadera.\n- **Largo del pie:** ponte de pie sobre un papel, marca el talón y el dedo más largo y mide la distancia. Mide los dos pies por la tarde y quédate con el más largo.",
        "note": "Cada página de producto indica además si la prenda talla pequeño, normal o grande.",
    },
}


def _number(value: str, language: str) -> str:
    # Only English writes decimals with a point among the shop's languages.
    return value if language == "en" else value.replace(".", ",")


def _table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], language: str) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_number(cell, language) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _size_chart(language: str) -> tuple[str, str]:
    w = _SIZE_CHART_WORDS[language]
    tops = _table((w["size"], "EU", "UK", "US", w["chest"], w["waist"]), _TOP_SIZES, language)
    bottoms = _table(
        (w["size"], "EU", "UK", "US", w["jeans"], w["waist"], w["hips"]), _BOTTOM_SIZES, language
    )
    shoes = _table(("EU", "UK", w["us_women"], w["us_men"], w["foot"]), _SHOE_SIZES, language)
    body = "\n\n".join(
        (
            w["intro"],
            f"## {w['tops']}",
            tops,
            f"## {w['bottoms']}",
            bottoms,
            f"## {w['shoes']}",
            shoes,
            f"## {w['measure']}",
            w["how"],
            w["note"],
        )
    )
    return w["title"], body


_SIZES: tuple[HelpArticle, ...] = (
    HelpArticle(
        slug="size-chart",
        category="sizes-products",
        related=("size-advice", "exchanges"),
        texts={language: _size_chart(language) for language in LANGUAGES},
    ),
    HelpArticle(
        slug="size-advice",
        category="sizes-products",
        related=("size-chart", "exchanges"),
        texts={
            "en": (
                "Which size should I choose?",
                _md("""
                    Start with the size chart: measure yourself and compare. A few more tips:

                    - **Linen shirts and trousers** are cut loose; take your usual size.
                    - **Slim-fit jeans** are close-fitting and the denim gives a little with wear; if you are between sizes, take the smaller one for a snug fit or the larger for comfort.
                    - **Merino sweaters and knit dresses** can be hand-washed back into shape but should not be tumble-dried, or they shrink.
                    - **Coats and down jackets** are cut to fit over a sweater.
                    - **Chelsea boots and hiking boots** run a little small: if you are between sizes, or often wear thick socks, take the next size up.
                    - **Sneakers, loafers and sandals** are true to size.

                    Not sure? Ask us in the chat with your usual size in another brand, and we will recommend one. And if it does not fit, you can exchange it free of charge.
                """),
            ),
            "tr": (
                "Hangi bedeni seçmeliyim?",
                _md("""
                    Önce beden tablosuna bakın: ölçülerinizi alıp karşılaştırın. Birkaç ipucu daha:

                    - **Keten gömlek ve pantolonlar** bol kesimlidir; her zamanki bedeninizi alın.
                    - **Dar kesim kot pantolonlar** vücudu sarar ve kumaş kullandıkça biraz esner; iki beden arasındaysanız tam oturması için küçüğünü, rahatlık için büyüğünü seçin.
                    - **Merinos kazak ve triko elbiseler** elde yıkanarak eski formuna getirilebilir ama kurutma makinesine konmamalıdır, yoksa çeker.
                    - **Kabanlar ve şişme montlar** içine kazak giyilecek şekilde kesilmiştir.
                    - **Chelsea botlar ve trekking botları** biraz dar kalıptır: iki numara arasındaysanız veya kalın çorap giyiyorsanız bir büyük numarayı alın.
                    - **Spor ayakkabılar, loaferlar ve sandaletler** standart kalıptır.

                    Emin değil misiniz? Canlı destekten başka bir markada giydiğiniz bedeni yazın, size uygun bedeni önerelim. Olmazsa ücretsiz değiştirebilirsiniz.
                """),
            ),
            "pl": (
                "Jaki rozmiar wybrać?",
                _md("""
                    Zacznij od tabeli rozmiarów: zmierz się i porównaj wyniki. Kilka dodatkowych wskazówek:

                    - **Lniane koszule i spodnie** mają luźny krój; wybierz swój zwykły rozmiar.
                    - **Dżinsy slim** są dopasowane, a materiał trochę się rozciąga w trakcie noszenia; jeśli jesteś pomiędzy rozmiarami, wybierz mniejszy, by lepiej przylegały, albo większy dla wygody.
                    - **Swetry z wełny merino i dzianinowe sukienki** można uformować, piorąc je ręcznie, ale nie wolno ich suszyć w suszarce, bo się skurczą.
                    - **Płaszcze i kurtki puchowe** są skrojone tak, by zmieścił się pod nimi sweter.
                    - **Sztyblety i buty trekkingowe** są nieco mniejsze: jeśli jesteś pomiędzy rozmiarami lub nosisz grube skarpety, wybierz większy rozmiar.
                    - **Sneakersy, mokasyny i sandały** odpowiadają standardowej rozmiarówce.

                    Masz wątpliwości? Napisz na czacie, jaki rozmiar nosisz w innej marce, a doradzimy. A jeśli rozmiar nie będzie pasował, wymienisz go bezpłatnie.
                """),
            ),
            "de": (
                "Welche Größe soll ich wählen?",
                _md("""
                    Beginnen Sie mit der Größentabelle: messen Sie sich und vergleichen Sie. Dazu ein paar Tipps:

                    - **Leinenhemden und -hosen** sind weit geschnitten; nehmen Sie Ihre übliche Größe.
                    - **Slim-Fit-Jeans** sitzen eng, und der Denim gibt beim Tragen etwas nach; liegen Sie zwischen zwei Größen, nehmen Sie die kleinere für einen engen Sitz oder die größere für mehr Bequemlichkeit.
                    - **Merinopullover und Strickkleider** lassen sich per Handwäsche wieder in Form bringen, dürfen aber nicht in den Trockner, sonst laufen sie ein.
                    - **Mäntel und Daunenjacken** sind so geschnitten, dass ein Pullover darunter passt.
                    - **Chelsea Boots und Wanderschuhe** fallen etwas klein aus: Liegen Sie zwischen zwei Größen oder tragen Sie oft dicke Socken, nehmen Sie eine Nummer größer.
                    - **Sneaker, Loafer und Sandalen** fallen normal aus.

                    Unsicher? Schreiben Sie uns im Chat, welche Größe Sie bei einer anderen Marke tragen, und wir empfehlen Ihnen eine. Passt es trotzdem nicht, tauschen Sie kostenlos um.
                """),
            ),
            "fr": (
                "Quelle taille choisir ?",
                _md("""
                    Commencez par le guide des tailles : prenez vos mesures et comparez. Quelques conseils en plus :

                    - **Les chemises et pantalons en lin** ont une coupe ample ; prenez votre taille habituelle.
                    - **Les jeans slim** sont ajustés et le denim se détend un peu au porter ; si vous hésitez entre deux tailles, prenez la plus petite pour un effet près du corps ou la plus grande pour le confort.
                    - **Les pulls en mérinos et robes en maille** reprennent leur forme au lavage à la main, mais ne doivent pas passer au sèche-linge, sinon ils rétrécissent.
                    - **Les manteaux et doudounes** sont coupés pour se porter sur un pull.
                    - **Les chelsea boots et chaussures de randonnée** taillent un peu petit : si vous êtes entre deux pointures ou portez souvent des chaussettes épaisses, prenez la pointure au-dessus.
                    - **Les baskets, mocassins et sandales** taillent normalement.

                    Vous hésitez ? Indiquez-nous dans le chat la taille que vous portez dans une autre marque, et nous vous conseillerons. Et si la taille ne va pas, l'échange est gratuit.
                """),
            ),
            "es": (
                "¿Qué talla elijo?",
                _md("""
                    Empieza por la guía de tallas: mídete y compara. Algunos consejos más:

                    - **Las camisas y pantalones de lino** tienen un corte holgado; elige tu talla habitual.
                    - **Los vaqueros slim** son ajustados y el tejido cede un poco con el uso; si dudas entre dos tallas, elige la menor para un ajuste ceñido o la mayor para más comodidad.
                    - **Los jerséis de merino y los vestidos de punto** recuperan su forma con un lavado a mano, pero no deben ir a la secadora porque encogen.
                    - **Los abrigos y plumíferos** están pensados para llevarse sobre un jersey.
                    - **Los botines chelsea y las botas de montaña** tallan algo pequeño: si dudas entre dos tallas o sueles llevar calcetines gruesos, elige la siguiente.
                    - **Las zapatillas, mocasines y sandalias** tallan normal.

                    ¿Tienes dudas? Dinos en el chat qué talla usas en otra marca y te recomendaremos una. Y si no te queda bien, el cambio es gratuito.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="care-instructions",
        category="sizes-products",
        related=("size-advice",),
        texts={
            "en": (
                "How do I care for my clothes and shoes?",
                _md("""
                    The care label inside each item always has the last word; these are our general tips.

                    - **Cotton and organic cotton:** wash at 30 °C inside out, with similar colours. Dry on a line rather than in the dryer.
                    - **Linen:** wash at 30–40 °C on a gentle cycle and iron while still slightly damp. Creases are part of linen's charm.
                    - **Silk:** hand-wash cold with a silk detergent, or dry-clean. Do not wring; roll it in a towel.
                    - **Merino and wool:** hand-wash or use the wool cycle at 30 °C, dry flat. Air it between wears; wool rarely needs washing.
                    - **Denim:** wash rarely, inside out, at 30 °C, so the colour lasts.
                    - **Down jackets:** wash at 30 °C with a down detergent and tumble-dry on low with two clean tennis balls.
                    - **Leather shoes and belts:** wipe with a damp cloth, let dry away from heaters and treat with leather cream every few months.
                """),
            ),
            "tr": (
                "Kıyafetlerime ve ayakkabılarıma nasıl bakmalıyım?",
                _md("""
                    Her ürünün içindeki bakım etiketi her zaman geçerlidir; aşağıdakiler genel önerilerimizdir.

                    - **Pamuk ve organik pamuk:** 30 °C'de, ters çevirerek ve benzer renklerle yıkayın. Kurutma makinesi yerine askıda kurutun.
                    - **Keten:** 30–40 °C'de hassas programda yıkayın, hafif nemliyken ütüleyin. Kırışıklık ketenin doğasında vardır.
                    - **İpek:** ipek deterjanıyla soğuk suda elde yıkayın veya kuru temizlemeye verin. Sıkmayın; havluya sararak suyunu alın.
                    - **Merinos ve yün:** elde ya da 30 °C'de yünlü programında yıkayın, sererek düz kurutun. Giydikten sonra havalandırın; yün sık yıkanmaya ihtiyaç duymaz.
                    - **Kot:** rengi uzun süre korumak için seyrek, ters çevirerek ve 30 °C'de yıkayın.
                    - **Şişme montlar:** kuş tüyü deterjanıyla 30 °C'de yıkayın, iki temiz tenis topuyla düşük ısıda kurutun.
                    - **Deri ayakkabı ve kemerler:** nemli bir bezle silin, kaloriferden uzakta kurutun ve birkaç ayda bir deri kremi sürün.
                """),
            ),
            "pl": (
                "Jak dbać o ubrania i buty?",
                _md("""
                    Zawsze obowiązują wskazówki z metki wszytej w produkt; poniżej nasze ogólne porady.

                    - **Bawełna i bawełna organiczna:** pierz w 30 °C na lewej stronie, z rzeczami w podobnych kolorach. Susz na sznurku, a nie w suszarce.
                    - **Len:** pierz w 30–40 °C w delikatnym programie i prasuj, gdy jest jeszcze lekko wilgotny. Zagniecenia to urok lnu.
                    - **Jedwab:** pierz ręcznie w zimnej wodzie płynem do jedwabiu albo oddaj do pralni. Nie wykręcaj; zawiń w ręcznik.
                    - **Merino i wełna:** pierz ręcznie lub w programie do wełny w 30 °C, susz na płasko. Wietrz między noszeniami; wełnę rzadko trzeba prać.
                    - **Dżins:** pierz rzadko, na lewej stronie, w 30 °C, by kolor dłużej się trzymał.
                    - **Kurtki puchowe:** pierz w 30 °C płynem do puchu i susz w suszarce w niskiej temperaturze z dwiema czystymi piłeczkami tenisowymi.
                    - **Skórzane buty i paski:** przecieraj wilgotną ściereczką, susz z dala od kaloryfera i co kilka miesięcy zabezpieczaj kremem do skóry.
                """),
            ),
            "de": (
                "Wie pflege ich Kleidung und Schuhe?",
                _md("""
                    Maßgeblich ist immer das Pflegeetikett im Artikel; hier unsere allgemeinen Tipps.

                    - **Baumwolle und Bio-Baumwolle:** bei 30 °C auf links mit ähnlichen Farben waschen. Lieber auf der Leine als im Trockner trocknen.
                    - **Leinen:** bei 30–40 °C im Schonwaschgang waschen und leicht feucht bügeln. Knitterfalten gehören zum Charme von Leinen.
                    - **Seide:** kalt mit Seidenwaschmittel von Hand waschen oder chemisch reinigen. Nicht auswringen, sondern in ein Handtuch rollen.
                    - **Merino und Wolle:** von Hand oder im Wollprogramm bei 30 °C waschen, liegend trocknen. Zwischen dem Tragen lüften; Wolle muss selten gewaschen werden.
                    - **Denim:** selten, auf links und bei 30 °C waschen, damit die Farbe lange hält.
                    - **Daunenjacken:** bei 30 °C mit Daunenwaschmittel waschen und mit zwei sauberen Tennisbällen bei niedriger Temperatur im Trockner trocknen.
                    - **Lederschuhe und Gürtel:** mit einem feuchten Tuch abwischen, fern der Heizung trocknen lassen und alle paar Monate mit Lederpflege behandeln.
                """),
            ),
            "fr": (
                "Comment entretenir mes vêtements et chaussures ?",
                _md("""
                    L'étiquette d'entretien cousue dans l'article fait toujours foi ; voici nos conseils généraux.

                    - **Coton et coton bio :** lavez à 30 °C, sur l'envers, avec des couleurs similaires. Séchez à l'air libre plutôt qu'au sèche-linge.
                    - **Lin :** lavez à 30–40 °C en cycle délicat et repassez légèrement humide. Les plis font le charme du lin.
                    - **Soie :** lavez à la main à froid avec une lessive spéciale soie, ou confiez-la au pressing. Ne l'essorez pas : roulez-la dans une serviette.
                    - **Mérinos et laine :** lavez à la main ou en programme laine à 30 °C, séchez à plat. Aérez entre deux ports ; la laine se lave rarement.
                    - **Denim :** lavez rarement, sur l'envers, à 30 °C, pour préserver la couleur.
                    - **Doudounes :** lavez à 30 °C avec une lessive spéciale duvet et séchez au sèche-linge à basse température avec deux balles de tennis propres.
                    - **Chaussures et ceintures en cuir :** essuyez avec un chiffon humide, laissez sécher loin d'un radiateur et nourrissez le cuir avec une crème tous les quelques mois.
                """),
            ),
            "es": (
                "¿Cómo cuido mi ropa y mi calzado?",
                _md("""
                    La etiqueta de cuidado de cada prenda siempre manda; estos son nuestros consejos generales.

                    - **Algodón y algodón orgánico:** lava a 30 °C, del revés y con colores similares. Mejor tender que usar la secadora.
                    - **Lino:** lava a 30–40 °C en programa delicado y plancha cuando aún esté algo húmedo. Las arrugas son parte del encanto del lino.
                    - **Seda:** lava a mano en agua fría con detergente para seda, o llévala a la tintorería. No la retuerzas; enróllala en una toalla.
                    - **Merino y lana:** lava a mano o en programa de lana a 30 °C y seca en horizontal. Airéala entre usos; la lana rara vez necesita lavado.
                    - **Denim:** lava pocas veces, del revés y a 30 °C, para que el color dure.
                    - **Plumíferos:** lava a 30 °C con detergente para plumas y seca en secadora a baja temperatura con dos pelotas de tenis limpias.
                    - **Calzado y cinturones de piel:** límpialos con un paño húmedo, déjalos secar lejos de la calefacción y nútrelos con crema para piel cada pocos meses.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="electronics-warranty",
        category="sizes-products",
        related=("missing-or-damaged-parcel", "items-that-cannot-be-returned"),
        texts={
            "en": (
                "What warranty do electronics have?",
                _md("""
                    All our electronics (earbuds, headphones, smartwatches, fitness bands, power banks, chargers, speakers and e-readers) come with a **2-year warranty** from the date of delivery: the legal guarantee in the EU and the UK, and the statutory warranty (garanti) in Turkey.

                    If a device stops working properly:

                    1. Check the quick-start guide and charge it fully; many problems disappear after a restart or a firmware update.
                    2. Contact us with your order number, a short description of the problem and, if possible, a photo or video.
                    3. We send you a free return label. We repair or replace the device, or refund you if neither is possible.

                    The warranty covers manufacturing defects, not damage from drops, water (beyond the stated water resistance) or normal battery wear. This is separate from your right to return: within the return window you can also send an unused device back in its original box without giving a reason.
                """),
            ),
            "tr": (
                "Elektronik ürünlerin garantisi var mı?",
                _md("""
                    Tüm elektronik ürünlerimiz (kulaklıklar, akıllı saatler, akıllı bileklikler, taşınabilir şarj cihazları, şarj adaptörleri, hoparlörler ve e-kitap okuyucular) teslim tarihinden itibaren **2 yıl garantilidir**: Türkiye'de 6502 sayılı Tüketicinin Korunması Hakkında Kanun'a göre yasal garanti, AB ve Birleşik Krallık'ta yasal garanti hakkı geçerlidir.

                    Cihazınız düzgün çalışmıyorsa:

                    1. Hızlı başlangıç kılavuzuna bakın ve cihazı tamamen şarj edin; birçok sorun yeniden başlatma veya yazılım güncellemesiyle çözülür.
                    2. Sipariş numaranız, sorunun kısa bir açıklaması ve mümkünse bir fotoğraf veya videoyla bize ulaşın.
                    3. Size ücretsiz bir gönderi kodu veririz. Cihazı onarır veya yenisiyle değiştiririz; ikisi de mümkün değilse ödemenizi iade ederiz.

                    Garanti üretim hatalarını kapsar; düşme, suyla temas (belirtilen su dayanıklılığının ötesinde) veya normal pil yıpranmasından kaynaklanan hasarları kapsamaz. Bu, iade hakkınızdan ayrıdır: iade süresi içinde kullanılmamış bir cihazı orijinal kutusunda, gerekçe göstermeden de iade edebilirsiniz.
                """),
            ),
            "pl": (
                "Jaką gwarancję ma elektronika?",
                _md("""
                    Cała nasza elektronika (słuchawki, smartwatche, opaski sportowe, powerbanki, ładowarki, głośniki i czytniki e-booków) jest objęta **2-letnią odpowiedzialnością** od dnia doręczenia: w UE, także w Polsce, to ustawowa odpowiedzialność sprzedawcy za zgodność towaru z umową (dawniej rękojmia), a w Turcji ustawowa gwarancja.

                    Jeśli urządzenie przestało działać prawidłowo:

                    1. Zajrzyj do skróconej instrukcji i naładuj je do pełna; wiele problemów znika po ponownym uruchomieniu lub aktualizacji oprogramowania.
                    2. Napisz do nas, podając numer zamówienia, krótki opis problemu i, jeśli możesz, zdjęcie lub film.
                    3. Wyślemy Ci bezpłatną etykietę. Naprawimy lub wymienimy urządzenie, a jeśli to niemożliwe, zwrócimy pieniądze.

                    Odpowiedzialność obejmuje wady fabryczne, a nie uszkodzenia po upadku, zalaniu (ponad deklarowaną wodoodporność) czy naturalne zużycie baterii. To coś innego niż prawo do zwrotu: w terminie zwrotu możesz też bez podania przyczyny odesłać nieużywane urządzenie w oryginalnym pudełku.
                """),
            ),
            "de": (
                "Welche Garantie haben Elektronikartikel?",
                _md("""
                    Für alle unsere Elektronikartikel (Ohrhörer, Kopfhörer, Smartwatches, Fitnessarmbänder, Powerbanks, Ladegeräte, Lautsprecher und E-Reader) gilt ab Zustellung eine **zweijährige Gewährleistung**: die gesetzliche Gewährleistung in der EU und im Vereinigten Königreich, die gesetzliche Garantie (garanti) in der Türkei.

                    Wenn ein Gerät nicht mehr richtig funktioniert:

                    1. Sehen Sie in die Kurzanleitung und laden Sie es vollständig auf; viele Probleme verschwinden nach einem Neustart oder Firmware-Update.
                    2. Schreiben Sie uns mit Ihrer Bestellnummer, einer kurzen Beschreibung und nach Möglichkeit einem Foto oder Video.
                    3. Wir schicken Ihnen ein kostenloses Rücksendeetikett. Wir reparieren oder ersetzen das Gerät oder erstatten den Kaufpreis, wenn beides nicht möglich ist.

                    Die Gewährleistung deckt Herstellungsfehler ab, nicht Sturz- oder Wasserschäden (über die angegebene Wasserfestigkeit hinaus) oder den normalen Akkuverschleiß. Sie ist unabhängig von Ihrem Rückgaberecht: Innerhalb der Rückgabefrist können Sie ein unbenutztes Gerät auch ohne Angabe von Gründen im Originalkarton zurücksenden.
                """),
            ),
            "fr": (
                "Quelle garantie pour l'électronique ?",
                _md("""
                    Tous nos produits électroniques (écouteurs, casques, montres connectées, bracelets d'activité, batteries externes, chargeurs, enceintes et liseuses) bénéficient d'une **garantie de 2 ans** à compter de la livraison : la garantie légale de conformité dans l'UE et au Royaume-Uni, et la garantie légale (garanti) en Turquie.

                    Si un appareil ne fonctionne plus correctement :

                    1. Consultez le guide de démarrage et chargez-le complètement ; beaucoup de problèmes disparaissent après un redémarrage ou une mise à jour.
                    2. Contactez-nous avec votre numéro de commande, une courte description du problème et, si possible, une photo ou une vidéo.
                    3. Nous vous envoyons une étiquette de retour gratuite. Nous réparons ou remplaçons l'appareil, ou vous remboursons si ni l'un ni l'autre n'est possible.

                    La garantie couvre les défauts de fabrication, pas les chutes, l'eau (au-delà de l'étanchéité annoncée) ni l'usure normale de la batterie. Elle est indépendante de votre droit de retour : dans le délai de retour, vous pouvez aussi renvoyer un appareil non utilisé dans sa boîte d'origine, sans avoir à vous justifier.
                """),
            ),
            "es": (
                "¿Qué garantía tiene la electrónica?",
                _md("""
                    Toda nuestra electrónica (auriculares, relojes inteligentes, pulseras de actividad, baterías externas, cargadores, altavoces y lectores de libros electrónicos) tiene **garantía legal** desde la entrega: 3 años en España, 2 años en el resto de la UE y en el Reino Unido, y los 2 años de la garantía legal turca (garanti) en Turquía.

                    Si un dispositivo deja de funcionar bien:

                    1. Consulta la guía rápida y cárgalo por completo; muchos problemas desaparecen al reiniciarlo o actualizar el software.
                    2. Escríbenos con tu número de pedido, una breve descripción del problema y, si puedes, una foto o un vídeo.
                    3. Te enviamos una etiqueta de devolución gratuita. Reparamos o sustituimos el dispositivo, o te devolvemos el dinero si no es posible.

                    La garantía cubre los defectos de fabricación, no los golpes, el agua (más allá de la resistencia indicada) ni el desgaste normal de la batería. Es independiente de tu derecho de devolución: dentro del plazo de devolución también puedes devolver un dispositivo sin usar en su caja original sin dar explicaciones.
                """),
            ),
        },
    ),
)


# --- Articles: account & privacy -----------------------------------------------------

_ACCOUNT: tuple[HelpArticle, ...] = (
    HelpArticle(
        slug="account-and-password",
        category="account-privacy",
        related=("delete-my-data",),
        texts={
            "en": (
                "Do I need an account? I forgot my password",
                _md("""
                    You do not need an account to order: you can check out as a guest and follow your order from the link in your confirmation email. An account saves your addresses, shows all your orders and returns in one place, and holds your store credit.

                    **Forgot your password?** Click **Sign in**, then **Forgot password?**, and enter your email address. We send you a link to choose a new password; it is valid for one hour. No email? Check your spam folder and make sure you use the address you registered with.

                    **Change your email address or password** under **My account › Settings**. For your security we never ask for your password by email, chat or phone.
                """),
            ),
            "tr": (
                "Hesap açmam gerekir mi? Şifremi unuttum",
                _md("""
                    Sipariş vermek için hesap açmanız gerekmez: misafir olarak alışveriş yapabilir ve siparişinizi onay e-postasındaki bağlantıdan takip edebilirsiniz. Hesap açarsanız adresleriniz kaydedilir, tüm siparişlerinizi ve iadelerinizi tek bir yerde görürsünüz ve mağaza krediniz hesabınızda tutulur.

                    **Şifrenizi mi unuttunuz?** **Giriş yap**'a, ardından **Şifremi unuttum**'a tıklayın ve e-posta adresinizi girin. Yeni şifre belirlemeniz için size bir bağlantı göndeririz; bağlantı bir saat geçerlidir. E-posta gelmediyse istenmeyen (spam) klasörünüze bakın ve kayıt olurken kullandığınız adresi girdiğinizden emin olun.

                    **E-posta adresinizi veya şifrenizi** **Hesabım › Ayarlar** bölümünden değiştirebilirsiniz. Güvenliğiniz için şifrenizi hiçbir zaman e-posta, sohbet veya telefonla sormayız.
                """),
            ),
            "pl": (
                "Czy muszę zakładać konto? Nie pamiętam hasła",
                _md("""
                    Do złożenia zamówienia konto nie jest potrzebne: możesz kupić jako gość i śledzić zamówienie przez link z e-maila potwierdzającego. Konto zapamiętuje Twoje adresy, pokazuje wszystkie zamówienia i zwroty w jednym miejscu i przechowuje Twoje środki w sklepie.

                    **Nie pamiętasz hasła?** Kliknij **Zaloguj się**, a potem **Nie pamiętasz hasła?**, i podaj swój adres e-mail. Wyślemy Ci link do ustawienia nowego hasła; jest ważny przez godzinę. E-mail nie dotarł? Sprawdź folder spam i upewnij się, że podajesz adres użyty przy rejestracji.

                    **Adres e-mail i hasło zmienisz** w zakładce **Moje konto › Ustawienia**. Dla Twojego bezpieczeństwa nigdy nie prosimy o hasło e-mailem, na czacie ani przez telefon.
                """),
            ),
            "de": (
                "Brauche ich ein Konto? Ich habe mein Passwort vergessen",
                _md("""
                    Zum Bestellen brauchen Sie kein Konto: Sie können als Gast bestellen und Ihre Bestellung über den Link in der Bestellbestätigung verfolgen. Mit einem Konto sind Ihre Adressen gespeichert, Sie sehen alle Bestellungen und Rücksendungen an einem Ort, und Ihr Guthaben wird dort verwaltet.

                    **Passwort vergessen?** Klicken Sie auf **Anmelden**, dann auf **Passwort vergessen?**, und geben Sie Ihre E-Mail-Adresse ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen; er ist eine Stunde gültig. Keine E-Mail erhalten? Sehen Sie im Spam-Ordner nach und prüfen Sie, ob Sie die Adresse verwenden, mit der Sie sich registriert haben.

                    **E-Mail-Adresse oder Passwort ändern** Sie unter **Mein Konto › Einstellungen**. Zu Ihrer Sicherheit fragen wir nie per E-Mail, Chat oder Telefon nach Ihrem Passwort.
                """),
            ),
            "fr": (
                "Dois-je créer un compte ? J'ai oublié mon mot de passe",
                _md("""
                    Pas besoin de compte pour commander : vous pouvez commander en tant qu'invité et suivre votre commande grâce au lien de l'e-mail de confirmation. Un compte enregistre vos adresses, regroupe vos commandes et vos retours, et conserve votre avoir.

                    **Mot de passe oublié ?** Cliquez sur **Se connecter**, puis sur **Mot de passe oublié ?**, et saisissez votre adresse e-mail. Nous vous envoyons un lien pour choisir un nouveau mot de passe ; il est valable une heure. Pas d'e-mail ? Vérifiez vos courriers indésirables et assurez-vous d'utiliser l'adresse de votre inscription.

                    **Changez votre adresse e-mail ou votre mot de passe** dans **Mon compte › Paramètres**. Pour votre sécurité, nous ne vous demandons jamais votre mot de passe par e-mail, chat ou téléphone.
                """),
            ),
            "es": (
                "¿Necesito una cuenta? He olvidado mi contraseña",
                _md("""
                    No necesitas una cuenta para comprar: puedes pedir como invitado y seguir tu pedido desde el enlace del correo de confirmación. Con una cuenta guardas tus direcciones, ves todos tus pedidos y devoluciones en un solo sitio y tienes tu saldo de tienda.

                    **¿Has olvidado tu contraseña?** Haz clic en **Iniciar sesión** y luego en **¿Has olvidado tu contraseña?**, e introduce tu correo. Te enviamos un enlace para elegir una contraseña nueva, válido durante una hora. ¿No te llega? Revisa la carpeta de spam y comprueba que usas el correo con el que te registraste.

                    **Cambia tu correo o tu contraseña** en **Mi cuenta › Ajustes**. Por tu seguridad, nunca te pediremos la contraseña por correo, chat ni teléfono.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="delete-my-data",
        category="account-privacy",
        related=("account-and-password", "newsletter"),
        texts={
            "en": (
                "How can I see or delete my personal data?",
                _md("""
                    You can ask us at any time for a copy of the personal data we hold about you, to correct it, or to delete it. These are your rights under the GDPR in the EU and the KVKK in Turkey.

                    - **Copy of your data:** write to us via the contact form or at privacy@atlas.example. We send you a file with your account details, orders and conversations with us within 30 days, usually much sooner.
                    - **Deletion:** use **My account › Delete account**, or ask us. We delete your account, addresses and conversations. We have to keep invoices and order records for as long as tax law requires (up to 10 years, depending on the country), but we no longer use them for anything else.
                    - **Marketing:** you can withdraw your consent to newsletters at any time; see the article on the newsletter.

                    To protect your data, we may ask you to confirm a request from the email address on your account. Our privacy policy explains in detail what we collect and why.
                """),
            ),
            "tr": (
                "Kişisel verilerimi nasıl görebilir veya sildirebilirim?",
                _md("""
                    Hakkınızda tuttuğumuz kişisel verilerin bir kopyasını, düzeltilmesini veya silinmesini dilediğiniz zaman talep edebilirsiniz. Bunlar Türkiye'de 6698 sayılı Kişisel Verilerin Korunması Kanunu (KVKK), AB'de ise GDPR kapsamındaki haklarınızdır.

                    - **Verilerinizin kopyası:** iletişim formundan veya privacy@atlas.example adresinden bize yazın. Hesap bilgilerinizi, siparişlerinizi ve bizimle yazışmalarınızı içeren dosyayı en geç 30 gün içinde, genellikle çok daha erken göndeririz.
                    - **Silme:** **Hesabım › Hesabı sil** bölümünü kullanın ya da bize yazın. Hesabınızı, adreslerinizi ve yazışmalarınızı sileriz. Fatura ve sipariş kayıtlarını vergi mevzuatının öngördüğü süre boyunca (ülkeye göre 10 yıla kadar) saklamak zorundayız, ancak bunları başka hiçbir amaçla kullanmayız.
                    - **Pazarlama:** bülten iznini dilediğiniz zaman geri alabilirsiniz; ayrıntılar bülten makalemizde.

                    Verilerinizi korumak için talebinizi hesabınızdaki e-posta adresinden onaylamanızı isteyebiliriz. Neleri neden topladığımızı gizlilik politikamızda ayrıntılı olarak anlatıyoruz.
                """),
            ),
            "pl": (
                "Jak mogę zobaczyć lub usunąć swoje dane osobowe?",
                _md("""
                    W każdej chwili możesz poprosić o kopię danych osobowych, które o Tobie przechowujemy, o ich sprostowanie lub usunięcie. To Twoje prawa wynikające z RODO (w Turcji z ustawy KVKK).

                    - **Kopia danych:** napisz do nas przez formularz kontaktowy lub na adres privacy@atlas.example. Plik z danymi konta, zamówieniami i korespondencją z nami wyślemy w ciągu 30 dni, zwykle dużo szybciej.
                    - **Usunięcie:** użyj opcji **Moje konto › Usuń konto** albo napisz do nas. Usuniemy Twoje konto, adresy i korespondencję. Faktury i dane zamówień musimy przechowywać tak długo, jak wymagają tego przepisy podatkowe (do 10 lat, zależnie od kraju), ale nie wykorzystujemy ich do niczego innego.
                    - **Marketing:** zgodę na newsletter możesz wycofać w każdej chwili; zobacz artykuł o newsletterze.

                    Dla ochrony Twoich danych możemy poprosić o potwierdzenie prośby z adresu e-mail przypisanego do konta. Szczegóły tego, co i dlaczego zbieramy, opisuje nasza polityka prywatności.
                """),
            ),
            "de": (
                "Wie kann ich meine Daten einsehen oder löschen lassen?",
                _md("""
                    Sie können jederzeit Auskunft über die personenbezogenen Daten verlangen, die wir über Sie speichern, sowie deren Berichtigung oder Löschung. Das sind Ihre Rechte nach der DSGVO in der EU und nach dem KVKK in der Türkei.

                    - **Auskunft:** Schreiben Sie uns über das Kontaktformular oder an privacy@atlas.example. Wir schicken Ihnen innerhalb von 30 Tagen, meist viel schneller, eine Datei mit Ihren Kontodaten, Bestellungen und Ihrer Korrespondenz mit uns.
                    - **Löschung:** Nutzen Sie **Mein Konto › Konto löschen** oder schreiben Sie uns. Wir löschen Ihr Konto, Ihre Adressen und Ihre Nachrichten. Rechnungen und Bestelldaten müssen wir so lange aufbewahren, wie das Steuerrecht es verlangt (je nach Land bis zu 10 Jahre), verwenden sie aber für nichts anderes mehr.
                    - **Werbung:** Ihre Einwilligung in den Newsletter können Sie jederzeit widerrufen; siehe den Artikel zum Newsletter.

                    Zum Schutz Ihrer Daten bitten wir Sie eventuell, die Anfrage über die E-Mail-Adresse Ihres Kontos zu bestätigen. Was wir warum erheben, erklärt ausführlich unsere Datenschutzerklärung.
                """),
            ),
            "fr": (
                "Comment consulter ou supprimer mes données personnelles ?",
                _md("""
                    Vous pouvez à tout moment nous demander une copie des données personnelles que nous détenons sur vous, leur rectification ou leur effacement. Ce sont vos droits au titre du RGPD dans l'UE et de la loi KVKK en Turquie.

                    - **Copie de vos données :** écrivez-nous via le formulaire de contact ou à privacy@atlas.example. Nous vous envoyons un fichier avec les données de votre compte, vos commandes et vos échanges avec nous sous 30 jours, généralement bien plus vite.
                    - **Effacement :** utilisez **Mon compte › Supprimer mon compte**, ou écrivez-nous. Nous supprimons votre compte, vos adresses et vos conversations. Nous devons conserver les factures et les données de commande aussi longtemps que la loi fiscale l'exige (jusqu'à 10 ans selon le pays), mais nous ne les utilisons plus à aucune autre fin.
                    - **Prospection :** vous pouvez retirer votre consentement à la newsletter à tout moment ; voir l'article sur la newsletter.

                    Pour protéger vos données, nous pouvons vous demander de confirmer la demande depuis l'adresse e-mail de votre compte. Notre politique de confidentialité détaille ce que nous collectons et pourquoi.
                """),
            ),
            "es": (
                "¿Cómo puedo ver o borrar mis datos personales?",
                _md("""
                    Puedes pedirnos en cualquier momento una copia de los datos personales que tenemos sobre ti, que los corrijamos o que los borremos. Son tus derechos según el RGPD en la UE y la ley KVKK en Turquía.

                    - **Copia de tus datos:** escríbenos desde el formulario de contacto o a privacy@atlas.example. Te enviamos un archivo con los datos de tu cuenta, tus pedidos y tus conversaciones con nosotros en un plazo de 30 días, normalmente mucho antes.
                    - **Supresión:** usa **Mi cuenta › Eliminar cuenta**, o pídenoslo. Borramos tu cuenta, tus direcciones y tus conversaciones. Las facturas y los datos de pedidos debemos conservarlos el tiempo que exige la ley fiscal (hasta 10 años, según el país), pero ya no los usamos para nada más.
                    - **Publicidad:** puedes retirar tu consentimiento al boletín en cualquier momento; consulta el artículo sobre el boletín.

                    Para proteger tus datos, podemos pedirte que confirmes la solicitud desde el correo de tu cuenta. Nuestra política de privacidad explica en detalle qué datos recogemos y por qué.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="newsletter",
        category="account-privacy",
        related=("delete-my-data",),
        texts={
            "en": (
                "How do I subscribe to or unsubscribe from the newsletter?",
                _md("""
                    Tick the newsletter box at checkout or in **My account › Settings** to get news and offers by email, about twice a month. We only send it if you have said yes, and we confirm your subscription by email first.

                    To unsubscribe, click **Unsubscribe** at the bottom of any newsletter, or untick the box in your account. It takes effect immediately. You will still receive emails about your orders and returns, because those are part of your purchase.
                """),
            ),
            "tr": (
                "Bültene nasıl abone olurum veya aboneliğimi nasıl iptal ederim?",
                _md("""
                    Ayda yaklaşık iki kez e-postayla yenilik ve kampanyalardan haberdar olmak için ödeme adımında veya **Hesabım › Ayarlar** bölümünde bülten kutusunu işaretleyin. Bülteni yalnızca onay verdiyseniz göndeririz ve aboneliğinizi önce e-postayla doğrulatırız.

                    Aboneliğinizi iptal etmek için herhangi bir bültenin altındaki **Abonelikten çık** bağlantısına tıklayın ya da hesabınızdaki kutunun işaretini kaldırın. İptal hemen geçerli olur. Sipariş ve iade bildirimleri alışverişinizin bir parçası olduğu için bu e-postaları almaya devam edersiniz.
                """),
            ),
            "pl": (
                "Jak zapisać się do newslettera lub z niego wypisać?",
                _md("""
                    Zaznacz zgodę na newsletter przy kasie albo w zakładce **Moje konto › Ustawienia**, aby otrzymywać e-mailem nowości i oferty, mniej więcej dwa razy w miesiącu. Wysyłamy go tylko za Twoją zgodą, którą najpierw potwierdzasz e-mailem.

                    Aby się wypisać, kliknij **Wypisz się** na dole dowolnego newslettera albo odznacz zgodę na swoim koncie. Działa to natychmiast. Nadal będziesz dostawać e-maile o zamówieniach i zwrotach, bo są one częścią zakupu.
                """),
            ),
            "de": (
                "Wie melde ich mich für den Newsletter an oder ab?",
                _md("""
                    Setzen Sie an der Kasse oder unter **Mein Konto › Einstellungen** das Häkchen beim Newsletter, um etwa zweimal im Monat Neuigkeiten und Angebote per E-Mail zu erhalten. Wir verschicken ihn nur mit Ihrer Einwilligung und bitten Sie zuerst per E-Mail um Bestätigung (Double-Opt-in).

                    Zum Abmelden klicken Sie unten in jedem Newsletter auf **Abmelden** oder entfernen das Häkchen in Ihrem Konto. Das gilt sofort. E-Mails zu Bestellungen und Rücksendungen erhalten Sie weiterhin, da sie zu Ihrem Kauf gehören.
                """),
            ),
            "fr": (
                "Comment m'abonner à la newsletter ou me désabonner ?",
                _md("""
                    Cochez la case newsletter lors du paiement ou dans **Mon compte › Paramètres** pour recevoir nouveautés et offres par e-mail, environ deux fois par mois. Nous ne l'envoyons qu'avec votre accord, confirmé d'abord par e-mail.

                    Pour vous désabonner, cliquez sur **Se désabonner** en bas de n'importe quelle newsletter, ou décochez la case dans votre compte. C'est immédiat. Vous continuerez à recevoir les e-mails liés à vos commandes et retours, qui font partie de votre achat.
                """),
            ),
            "es": (
                "¿Cómo me suscribo al boletín o me doy de baja?",
                _md("""
                    Marca la casilla del boletín al pagar o en **Mi cuenta › Ajustes** para recibir novedades y ofertas por correo, unas dos veces al mes. Solo lo enviamos si has dicho que sí, y antes te pedimos que confirmes la suscripción por correo.

                    Para darte de baja, haz clic en **Darse de baja** al final de cualquier boletín o desmarca la casilla en tu cuenta. Es inmediato. Seguirás recibiendo los correos sobre tus pedidos y devoluciones, porque forman parte de tu compra.
                """),
            ),
        },
    ),
)


# --- Articles: about -----------------------------------------------------------------

_ABOUT: tuple[HelpArticle, ...] = (
    HelpArticle(
        slug="about-us",
        category="about",
        related=("contact-us",),
        texts={
            "en": (
                "About us",
                _md("""
                    Atlas started in 2016 as a small linen shop in Kadıköy, Istanbul. Today we sell clothing, shoes, accessories and everyday electronics to customers all over Europe, from Izmir to Kraków, Lyon and Seville, and ship from our own warehouse in Istanbul.

                    **What we care about**

                    - **Things that last.** We choose natural materials such as linen, organic cotton, merino wool and leather, and electronics we would use ourselves, with a 2-year warranty.
                    - **Honest prices.** Every cost is shown before you pay: no surprise fees, no customs charges at the door in the EU.
                    - **People who answer.** Our customer service team in Istanbul and New York speaks Turkish, English, Polish, German, French and Spanish, and answers your messages itself.

                    **Atlas in numbers:** 30 colleagues, 6 languages, orders shipped to more than 30 countries.

                    Thank you for shopping with us. If something is not right, tell us: we read every message.
                """),
            ),
            "tr": (
                "Hakkımızda",
                _md("""
                    Atlas, 2016 yılında İstanbul Kadıköy'de küçük bir keten dükkânı olarak doğdu. Bugün giyim, ayakkabı, aksesuar ve günlük elektronik ürünlerini İzmir'den Krakov'a, Lyon'dan Sevilla'ya kadar tüm Avrupa'daki müşterilerimize satıyor ve İstanbul'daki kendi depomuzdan gönderiyoruz.

                    **Önem verdiklerimiz**

                    - **Uzun ömürlü ürünler.** Keten, organik pamuk, merinos yünü ve deri gibi doğal malzemeleri, elektronikte ise kendimizin de kullanacağı, 2 yıl garantili ürünleri seçiyoruz.
                    - **Dürüst fiyatlar.** Tüm masraflar ödeme yapmadan önce gösterilir: sürpriz ücret yok, AB'de kapıda gümrük ödemesi yok.
                    - **Yanıt veren insanlar.** İstanbul ve New York'taki müşteri hizmetleri ekibimiz Türkçe, İngilizce, Lehçe, Almanca, Fransızca ve İspanyolca konuşur ve mesajlarınızı bizzat yanıtlar.

                    **Rakamlarla Atlas:** 30 çalışan, 6 dil, 30'dan fazla ülkeye gönderim.

                    Bizi tercih ettiğiniz için teşekkür ederiz. Bir sorun olursa bize yazın: her mesajı okuyoruz.
                """),
            ),
            "pl": (
                "O nas",
                _md("""
                    Atlas powstał w 2016 roku jako mały sklep z lnem w stambulskiej dzielnicy Kadıköy. Dziś sprzedajemy odzież, buty, akcesoria i elektronikę na co dzień klientom w całej Europie, od Izmiru po Kraków, Lyon i Sewillę, a wszystko wysyłamy z własnego magazynu w Stambule.

                    **Na czym nam zależy**

                    - **Rzeczy, które służą latami.** Wybieramy naturalne materiały, takie jak len, bawełna organiczna, wełna merino i skóra, a z elektroniki to, czego sami byśmy używali, z 2-letnią odpowiedzialnością za wady.
                    - **Uczciwe ceny.** Wszystkie koszty widzisz przed zapłatą: żadnych ukrytych opłat i żadnego cła przy odbiorze w UE.
                    - **Ludzie, którzy odpowiadają.** Nasz zespół obsługi klienta w Stambule i Nowym Jorku mówi po turecku, angielsku, polsku, niemiecku, francusku i hiszpańsku i sam odpowiada na Twoje wiadomości.

                    **Atlas w liczbach:** 30 osób, 6 języków, wysyłka do ponad 30 krajów.

                    Dziękujemy, że robisz u nas zakupy. Jeśli coś jest nie tak, napisz do nas: czytamy każdą wiadomość.
                """),
            ),
            "de": (
                "Über uns",
                _md("""
                    Atlas begann 2016 als kleiner Leinenladen in Kadıköy, Istanbul. Heute verkaufen wir Kleidung, Schuhe, Accessoires und Alltagselektronik an Kundinnen und Kunden in ganz Europa, von Izmir bis Krakau, Lyon und Sevilla, und versenden aus unserem eigenen Lager in Istanbul.

                    **Was uns wichtig ist**

                    - **Dinge, die halten.** Wir wählen Naturmaterialien wie Leinen, Bio-Baumwolle, Merinowolle und Leder und Elektronik, die wir selbst benutzen würden, mit zwei Jahren Gewährleistung.
                    - **Ehrliche Preise.** Alle Kosten sehen Sie vor dem Bezahlen: keine versteckten Gebühren, in der EU kein Zoll an der Haustür.
                    - **Menschen, die antworten.** Unser Kundenservice in Istanbul und New York spricht Türkisch, Englisch, Polnisch, Deutsch, Französisch und Spanisch und beantwortet Ihre Nachrichten selbst.

                    **Atlas in Zahlen:** 30 Mitarbeitende, 6 Sprachen, Versand in mehr als 30 Länder.

                    Danke, dass Sie bei uns einkaufen. Wenn etwas nicht stimmt, sagen Sie es uns: Wir lesen jede Nachricht.
                """),
            ),
            "fr": (
                "Qui sommes-nous ?",
                _md("""
                    Atlas est né en 2016 : une petite boutique de lin à Kadıköy, à Istanbul. Aujourd'hui, nous vendons vêtements, chaussures, accessoires et électronique du quotidien à des clients de toute l'Europe, d'Izmir à Cracovie, Lyon et Séville, et nous expédions depuis notre propre entrepôt à Istanbul.

                    **Ce qui compte pour nous**

                    - **Des produits qui durent.** Nous choisissons des matières naturelles comme le lin, le coton bio, la laine mérinos et le cuir, et une électronique que nous utiliserions nous-mêmes, garantie 2 ans.
                    - **Des prix honnêtes.** Tous les frais sont affichés avant le paiement : pas de frais surprise, pas de douane à payer à la livraison dans l'UE.
                    - **Des personnes qui répondent.** Notre service client, à Istanbul et à New York, parle turc, anglais, polonais, allemand, français et espagnol, et répond lui-même à vos messages.

                    **Atlas en chiffres :** 30 collègues, 6 langues, des livraisons dans plus de 30 pays.

                    Merci de faire vos achats chez nous. Si quelque chose ne va pas, dites-le-nous : nous lisons chaque message.
                """),
            ),
            "es": (
                "Sobre nosotros",
                _md("""
                    Atlas nació en 2016 como una pequeña tienda de lino en Kadıköy, Estambul. Hoy vendemos ropa, calzado, accesorios y electrónica para el día a día a clientes de toda Europa, de Esmirna a Cracovia, Lyon y Sevilla, y enviamos desde nuestro propio almacén en Estambul.

                    **Lo que nos importa**

                    - **Cosas que duran.** Elegimos materiales naturales como el lino, el algodón orgánico, la lana merino y la piel, y electrónica que usaríamos nosotros mismos, con garantía.
                    - **Precios honestos.** Ves todos los costes antes de pagar: sin cargos sorpresa y, en la UE, sin aduanas que pagar en la puerta.
                    - **Personas que responden.** Nuestro equipo de atención al cliente en Estambul y Nueva York habla turco, inglés, polaco, alemán, francés y español, y responde personalmente a tus mensajes.

                    **Atlas en cifras:** 30 personas, 6 idiomas, envíos a más de 30 países.

                    Gracias por comprar con nosotros. Si algo no va bien, cuéntanoslo: leemos todos los mensajes.
                """),
            ),
        },
    ),
    HelpArticle(
        slug="contact-us",
        category="about",
        related=("where-is-my-order", "how-to-return"),
        texts={
            "en": (
                "How can I contact you?",
                _md("""
                    The quickest way is the **chat** at the bottom right of every page. You can also use the contact form on our contact page, write to support@atlas.example, or send us a message on WhatsApp.

                    | Team | Hours |
                    | --- | --- |
                    | Istanbul | Monday to Saturday, 9:00–18:00 Turkish time |
                    | New York | Monday to Friday, 9:00–17:00 New York time |

                    Outside these hours, leave a message in the chat or send the form: we answer within 24 hours. Please include your order number if your question is about an order; it helps us answer right away. We answer in Turkish, English, Polish, German, French and Spanish.
                """),
            ),
            "tr": (
                "Size nasıl ulaşabilirim?",
                _md("""
                    En hızlı yol, her sayfanın sağ alt köşesindeki **canlı destek**tir. Ayrıca iletişim sayfamızdaki formu kullanabilir, support@atlas.example adresine yazabilir veya bize WhatsApp'tan mesaj gönderebilirsiniz.

                    | Ekip | Çalışma saatleri |
                    | --- | --- |
                    | İstanbul | Pazartesi–cumartesi, 09:00–18:00 (Türkiye saati) |
                    | New York | Pazartesi–cuma, 09:00–17:00 (New York saati) |

                    Bu saatler dışında canlı destekten mesaj bırakın veya formu gönderin: 24 saat içinde yanıt veririz. Sorunuz bir siparişle ilgiliyse lütfen sipariş numaranızı yazın; böylece hemen yardımcı olabiliriz. Türkçe, İngilizce, Lehçe, Almanca, Fransızca ve İspanyolca yanıt veriyoruz.
                """),
            ),
            "pl": (
                "Jak mogę się z wami skontaktować?",
                _md("""
                    Najszybciej przez **czat** w prawym dolnym rogu każdej strony. Możesz też skorzystać z formularza na stronie kontaktowej, napisać na support@atlas.example albo wysłać nam wiadomość na WhatsAppie.

                    | Zespół | Godziny pracy |
                    | --- | --- |
                    | Stambuł | od poniedziałku do soboty, 9:00–18:00 czasu tureckiego |
                    | Nowy Jork | od poniedziałku do piątku, 9:00–17:00 czasu nowojorskiego |

                    Poza tymi godzinami zostaw wiadomość na czacie lub wyślij formularz: odpowiemy w ciągu 24 godzin. Jeśli pytanie dotyczy zamówienia, podaj jego numer; dzięki temu odpowiemy od razu. Odpowiadamy po turecku, angielsku, polsku, niemiecku, francusku i hiszpańsku.
                """),
            ),
            "de": (
                "Wie erreiche ich euch?",
                _md("""
                    Am schnellsten über den **Chat** unten rechts auf jeder Seite. Sie können auch das Formular auf unserer Kontaktseite nutzen, an support@atlas.example schreiben oder uns eine WhatsApp-Nachricht schicken.

                    | Team | Erreichbarkeit |
                    | --- | --- |
                    | Istanbul | Montag bis Samstag, 9:00–18:00 Uhr türkischer Zeit |
                    | New York | Montag bis Freitag, 9:00–17:00 Uhr New Yorker Zeit |

                    Außerhalb dieser Zeiten hinterlassen Sie eine Nachricht im Chat oder schicken das Formular: Wir antworten innerhalb von 24 Stunden. Geht es um eine Bestellung, nennen Sie bitte die Bestellnummer; dann können wir sofort helfen. Wir antworten auf Türkisch, Englisch, Polnisch, Deutsch, Französisch und Spanisch.
                """),
            ),
            "fr": (
                "Comment vous contacter ?",
                _md("""
                    Le plus rapide est le **chat**, en bas à droite de chaque page. Vous pouvez aussi utiliser le formulaire de notre page contact, écrire à support@atlas.example ou nous envoyer un message sur WhatsApp.

                    | Équipe | Horaires |
                    | --- | --- |
                    | Istanbul | du lundi au samedi, 9 h – 18 h (heure de Turquie) |
                    | New York | du lundi au vendredi, 9 h – 17 h (heure de New York) |

                    En dehors de ces horaires, laissez un message dans le chat ou envoyez le formulaire : nous répondons sous 24 heures. Si votre question concerne une commande, indiquez son numéro ; cela nous permet de répondre tout de suite. Nous répondons en turc, anglais, polonais, allemand, français et espagnol.
                """),
            ),
            "es": (
                "¿Cómo puedo contactaros?",
                _md("""
                    Lo más rápido es el **chat**, abajo a la derecha en cada página. También puedes usar el formulario de nuestra página de contacto, escribir a support@atlas.example o enviarnos un mensaje por WhatsApp.

                    | Equipo | Horario |
                    | --- | --- |
                    | Estambul | de lunes a sábado, de 9:00 a 18:00 (hora de Turquía) |
                    | Nueva York | de lunes a viernes, de 9:00 a 17:00 (hora de Nueva York) |

                    Fuera de este horario, déjanos un mensaje en el chat o envía el formulario: respondemos en 24 horas. Si tu pregunta es sobre un pedido, incluye el número de pedido; así podremos responderte enseguida. Respondemos en turco, inglés, polaco, alemán, francés y español.
                """),
            ),
        },
    ),
)

ARTICLES: tuple[HelpArticle, ...] = (
    *_ORDERS,
    *_SHIPPING,
    *_RETURNS,
    *_SIZES,
    *_ACCOUNT,
    *_ABOUT,
)


# --- Prose policies ------------------------------------------------------------------

_PRIVACY = ProsePolicyText(
    kind="privacy",
    texts={
        "en": (
            "Privacy policy",
            _md("""
                This policy explains which personal data Atlas Store collects, why, and what rights you have. The controller is Atlas Mağazacılık A.Ş., Istanbul, Türkiye (privacy@atlas.example). We process data in line with the EU General Data Protection Regulation (GDPR) for customers in the EU and the Turkish Personal Data Protection Law No. 6698 (KVKK).

                ## What we collect and why

                | Data | Purpose | Legal basis |
                | --- | --- | --- |
                | Name, addresses, email, phone | processing and delivering your order, returns | contract |
                | Order and payment details | payment, invoices, accounting | contract, legal obligation |
                | Messages to our customer service | answering your questions | contract, legitimate interest |
                | Email address for the newsletter | sending news and offers | your consent |
                | Technical data and cookies | running the website securely, statistics with your consent | legitimate interest, consent |

                We never sell your data. We do not see or store your full card number: card payments are handled by our payment providers.

                ## Who receives your data

                Only the service providers we need to serve you: carriers (to deliver your parcel), payment providers, our hosting and email providers, and our tax advisers. Each of them is bound by a data processing agreement. Your data is stored in Turkey and in the EU; transfers between them are protected by the European Commission's standard contractual clauses and the undertakings required by the KVKK.

                ## How long we keep it

                Account data for as long as you keep your account; order and invoice records for as long as tax and commercial law require (up to 10 years); customer service conversations for 3 years after the last message; newsletter data until you unsubscribe.

                ## Your rights

                You can ask for access to your data, a copy of it, its correction or deletion, the restriction of its processing, and object to processing based on legitimate interest. You can withdraw your consent at any time, for example by unsubscribing from the newsletter. Write to privacy@atlas.example; we answer within 30 days. You also have the right to complain to a supervisory authority: in the EU, the data protection authority of your country; in Turkey, the Personal Data Protection Authority (KVKK).
            """),
        ),
        "tr": (
            "Gizlilik politikası",
            _md("""
                Bu politika, Atlas Store'un hangi kişisel verileri neden topladığını ve haklarınızı açıklar. Veri sorumlusu Atlas Mağazacılık A.Ş., İstanbul, Türkiye'dir (privacy@atlas.example). Kişisel verilerinizi 6698 sayılı Kişisel Verilerin Korunması Kanunu (KVKK) ve AB'deki müşterilerimiz için Avrupa Birliği Genel Veri Koruma Tüzüğü (GDPR) uyarınca işleriz.

                ## Hangi verileri neden topluyoruz?

                | Veri | Amaç | Hukuki sebep |
                | --- | --- | --- |
                | Ad, adresler, e-posta, telefon | siparişinizin işlenmesi ve teslimatı, iadeler | sözleşmenin ifası |
                | Sipariş ve ödeme bilgileri | ödeme, fatura, muhasebe | sözleşmenin ifası, hukuki yükümlülük |
                | Müşteri hizmetlerine mesajlarınız | sorularınızı yanıtlamak | sözleşmenin ifası, meşru menfaat |
                | Bülten için e-posta adresi | kampanya ve yeniliklerin gönderilmesi | açık rızanız |
                | Teknik veriler ve çerezler | sitenin güvenli çalışması, izninizle istatistik | meşru menfaat, açık rıza |

                Verilerinizi asla satmayız. Kart numaranızın tamamını görmeyiz ve saklamayız: kartlı ödemeler ödeme hizmet sağlayıcılarımız tarafından işlenir.

                ## Verileriniz kimlere aktarılır?

                Yalnızca size hizmet verebilmek için ihtiyaç duyduğumuz hizmet sağlayıcılara: kargo firmaları (paketinizin teslimi için), ödeme kuruluşları, barındırma ve e-posta hizmeti sağlayıcılarımız ile mali müşavirlerimiz. Her biri veri işleme sözleşmesiyle bağlıdır. Verileriniz Türkiye'de ve AB'de saklanır; yurt dışına aktarımlar KVKK'nın öngördüğü standart sözleşmeler ve Avrupa Komisyonu'nun standart sözleşme maddeleri ile korunur.

                ## Ne kadar süre saklıyoruz?

                Hesap verilerini hesabınız açık olduğu sürece; sipariş ve fatura kayıtlarını vergi ve ticaret mevzuatının öngördüğü süre boyunca (10 yıla kadar); müşteri hizmetleri yazışmalarını son mesajdan itibaren 3 yıl; bülten verilerini aboneliğinizi iptal edene kadar saklarız.

                ## Haklarınız

                KVKK'nın 11. maddesi uyarınca verilerinizin işlenip işlenmediğini öğrenme, bilgi talep etme, düzeltilmesini veya silinmesini isteme, aktarıldığı üçüncü kişileri öğrenme ve işlemeye itiraz etme haklarına sahipsiniz. Açık rızanızı dilediğiniz zaman, örneğin bülten aboneliğinden çıkarak geri alabilirsiniz. Başvurularınızı privacy@atlas.example adresine gönderin; en geç 30 gün içinde yanıtlarız. Ayrıca Kişisel Verileri Koruma Kurulu'na, AB'de ise ülkenizin veri koruma otoritesine şikâyette bulunabilirsiniz.
            """),
        ),
        "pl": (
            "Polityka prywatności",
            _md("""
                Niniejsza polityka wyjaśnia, jakie dane osobowe zbiera Atlas Store, w jakim celu i jakie prawa Ci przysługują. Administratorem danych jest Atlas Mağazacılık A.Ş., Stambuł, Turcja (privacy@atlas.example). Przetwarzamy dane zgodnie z ogólnym rozporządzeniem o ochronie danych (RODO) w przypadku klientów z UE oraz z tureckim prawem o ochronie danych osobowych nr 6698 (KVKK).

                ## Jakie dane zbieramy i dlaczego

                | Dane | Cel | Podstawa prawna |
                | --- | --- | --- |
                | Imię i nazwisko, adresy, e-mail, telefon | realizacja i dostawa zamówienia, zwroty | umowa |
                | Dane zamówienia i płatności | płatność, faktury, księgowość | umowa, obowiązek prawny |
                | Wiadomości do obsługi klienta | odpowiadanie na Twoje pytania | umowa, prawnie uzasadniony interes |
                | Adres e-mail do newslettera | wysyłanie nowości i ofert | Twoja zgoda |
                | Dane techniczne i pliki cookie | bezpieczne działanie strony, statystyki za Twoją zgodą | prawnie uzasadniony interes, zgoda |

                Nigdy nie sprzedajemy Twoich danych. Nie widzimy ani nie przechowujemy pełnego numeru Twojej karty: płatności kartą obsługują nasi operatorzy płatności.

                ## Komu przekazujemy dane

                Wyłącznie usługodawcom, bez których nie moglibyśmy Cię obsłużyć: przewoźnikom (aby doręczyć paczkę), operatorom płatności, dostawcom hostingu i poczty e-mail oraz naszym doradcom podatkowym. Każdy z nich jest związany umową powierzenia przetwarzania danych. Dane przechowujemy w Turcji i w UE; przekazywanie ich między nimi zabezpieczają standardowe klauzule umowne Komisji Europejskiej oraz zobowiązania wymagane przez KVKK.

                ## Jak długo przechowujemy dane

                Dane konta tak długo, jak masz konto; dane zamówień i faktury tak długo, jak wymagają tego przepisy podatkowe i handlowe (do 10 lat); korespondencję z obsługą klienta przez 3 lata od ostatniej wiadomości; dane do newslettera do czasu wypisania się.

                ## Twoje prawa

                Masz prawo dostępu do swoich danych, otrzymania ich kopii, ich sprostowania, usunięcia lub ograniczenia przetwarzania, a także prawo sprzeciwu wobec przetwarzania opartego na prawnie uzasadnionym interesie. Zgodę możesz wycofać w każdej chwili, np. wypisując się z newslettera. Napisz na privacy@atlas.example; odpowiemy w ciągu 30 dni. Przysługuje Ci też prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych (PUODO).
            """),
        ),
        "de": (
            "Datenschutzerklärung",
            _md("""
                Diese Erklärung beschreibt, welche personenbezogenen Daten Atlas Store erhebt, wozu, und welche Rechte Sie haben. Verantwortlicher ist die Atlas Mağazacılık A.Ş., Istanbul, Türkei (privacy@atlas.example). Wir verarbeiten Daten nach der Datenschutz-Grundverordnung (DSGVO) für Kundinnen und Kunden in der EU und nach dem türkischen Datenschutzgesetz Nr. 6698 (KVKK).

                ## Welche Daten wir erheben und warum

                | Daten | Zweck | Rechtsgrundlage |
                | --- | --- | --- |
                | Name, Adressen, E-Mail, Telefon | Abwicklung und Lieferung Ihrer Bestellung, Rücksendungen | Vertrag (Art. 6 Abs. 1 lit. b DSGVO) |
                | Bestell- und Zahlungsdaten | Zahlung, Rechnungen, Buchhaltung | Vertrag, rechtliche Pflicht (lit. c) |
                | Nachrichten an den Kundenservice | Beantwortung Ihrer Anfragen | Vertrag, berechtigtes Interesse (lit. f) |
                | E-Mail-Adresse für den Newsletter | Versand von Neuigkeiten und Angeboten | Ihre Einwilligung (lit. a) |
                | Technische Daten und Cookies | sicherer Betrieb der Website, Statistik mit Ihrer Einwilligung | berechtigtes Interesse, Einwilligung |

                Wir verkaufen Ihre Daten nie. Ihre vollständige Kartennummer sehen und speichern wir nicht: Kartenzahlungen wickeln unsere Zahlungsdienstleister ab.

                ## Wer Ihre Daten erhält

                Nur Dienstleister, die wir brauchen, um Sie zu beliefern: Versanddienstleister, Zahlungsdienstleister, unsere Hosting- und E-Mail-Anbieter sowie unsere Steuerberater. Alle sind durch einen Auftragsverarbeitungsvertrag gebunden. Ihre Daten werden in der Türkei und in der EU gespeichert; Übermittlungen sind durch die Standardvertragsklauseln der Europäischen Kommission und die nach dem KVKK erforderlichen Verpflichtungen abgesichert.

                ## Wie lange wir Daten speichern

                Kontodaten, solange Sie Ihr Konto haben; Bestell- und Rechnungsdaten, solange Steuer- und Handelsrecht es verlangen (bis zu 10 Jahre); Kundenservice-Korrespondenz 3 Jahre nach der letzten Nachricht; Newsletter-Daten bis zur Abmeldung.

                ## Ihre Rechte

                Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Datenübertragbarkeit sowie das Recht, einer Verarbeitung aus berechtigtem Interesse zu widersprechen. Eine Einwilligung können Sie jederzeit widerrufen, etwa durch Abmeldung vom Newsletter. Schreiben Sie an privacy@atlas.example; wir antworten innerhalb von 30 Tagen. Außerdem können Sie sich bei einer Datenschutzaufsichtsbehörde beschweren, etwa der Behörde Ihres Bundeslandes.
            """),
        ),
        "fr": (
            "Politique de confidentialité",
            _md("""
                Cette politique explique quelles données personnelles Atlas Store collecte, pourquoi, et quels sont vos droits. Le responsable du traitement est Atlas Mağazacılık A.Ş., Istanbul, Turquie (privacy@atlas.example). Nous traitons les données conformément au Règlement général sur la protection des données (RGPD) pour les clients de l'UE et à la loi turque n° 6698 sur la protection des données personnelles (KVKK).

                ## Ce que nous collectons et pourquoi

                | Données | Finalité | Base légale |
                | --- | --- | --- |
                | Nom, adresses, e-mail, téléphone | traitement et livraison de votre commande, retours | contrat |
                | Données de commande et de paiement | paiement, factures, comptabilité | contrat, obligation légale |
                | Messages au service client | répondre à vos questions | contrat, intérêt légitime |
                | Adresse e-mail pour la newsletter | envoi de nouveautés et d'offres | votre consentement |
                | Données techniques et cookies | fonctionnement sécurisé du site, statistiques avec votre consentement | intérêt légitime, consentement |

                Nous ne vendons jamais vos données. Nous ne voyons ni ne conservons votre numéro de carte complet : les paiements par carte sont traités par nos prestataires de paiement.

                ## Qui reçoit vos données

                Uniquement les prestataires nécessaires pour vous servir : transporteurs, prestataires de paiement, hébergeur et fournisseur d'e-mail, ainsi que nos conseillers fiscaux. Chacun est lié par un contrat de sous-traitance. Vos données sont stockées en Turquie et dans l'UE ; les transferts sont encadrés par les clauses contractuelles types de la Commission européenne et les engagements exigés par la KVKK.

                ## Durée de conservation

                Les données de compte tant que votre compte existe ; les commandes et factures aussi longtemps que le droit fiscal et commercial l'exige (jusqu'à 10 ans) ; les échanges avec le service client 3 ans après le dernier message ; les données de newsletter jusqu'à votre désabonnement.

                ## Vos droits

                Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et de portabilité, ainsi que d'un droit d'opposition au traitement fondé sur l'intérêt légitime. Vous pouvez retirer votre consentement à tout moment, par exemple en vous désabonnant de la newsletter. Écrivez à privacy@atlas.example ; nous répondons sous 30 jours. Vous pouvez aussi introduire une réclamation auprès de la CNIL ou de l'autorité de protection des données de votre pays.
            """),
        ),
        "es": (
            "Política de privacidad",
            _md("""
                Esta política explica qué datos personales recoge Atlas Store, para qué y qué derechos tienes. El responsable del tratamiento es Atlas Mağazacılık A.Ş., Estambul, Turquía (privacy@atlas.example). Tratamos los datos conforme al Reglamento General de Protección de Datos (RGPD) para los clientes de la UE y a la ley turca n.º 6698 de protección de datos personales (KVKK).

                ## Qué datos recogemos y para qué

                | Datos | Finalidad | Base jurídica |
                | --- | --- | --- |
                | Nombre, direcciones, correo, teléfono | gestionar y entregar tu pedido, devoluciones | contrato |
                | Datos del pedido y del pago | cobro, facturas, contabilidad | contrato, obligación legal |
                | Mensajes a atención al cliente | responder a tus consultas | contrato, interés legítimo |
                | Correo para el boletín | enviarte novedades y ofertas | tu consentimiento |
                | Datos técnicos y cookies | funcionamiento seguro de la web, estadísticas con tu consentimiento | interés legítimo, consentimiento |

                Nunca vendemos tus datos. No vemos ni guardamos el número completo de tu tarjeta: los pagos con tarjeta los gestionan nuestros proveedores de pago.

                ## Quién recibe tus datos

                Solo los proveedores que necesitamos para atenderte: transportistas, proveedores de pago, nuestros proveedores de alojamiento y correo, y nuestros asesores fiscales. Todos están obligados por un contrato de encargo del tratamiento. Tus datos se guardan en Turquía y en la UE; las transferencias están protegidas por las cláusulas contractuales tipo de la Comisión Europea y los compromisos que exige la KVKK.

                ## Cuánto tiempo los guardamos

                Los datos de la cuenta mientras la mantengas; los pedidos y facturas durante el tiempo que exige la normativa fiscal y mercantil (hasta 10 años); las conversaciones con atención al cliente 3 años desde el último mensaje; los datos del boletín hasta que te des de baja.

                ## Tus derechos

                Tienes derecho de acceso, rectificación, supresión, limitación, portabilidad y oposición al tratamiento basado en el interés legítimo. Puedes retirar tu consentimiento en cualquier momento, por ejemplo dándote de baja del boletín. Escribe a privacy@atlas.example; respondemos en un plazo de 30 días. También puedes reclamar ante la Agencia Española de Protección de Datos (AEPD) o la autoridad de protección de datos de tu país.
            """),
        ),
    },
)

_TERMS = ProsePolicyText(
    kind="terms",
    texts={
        "en": (
            "Terms of service",
            _md("""
                These terms apply to every purchase from Atlas Store, operated by Atlas Mağazacılık A.Ş., Istanbul, Türkiye (support@atlas.example). Nothing in them limits the rights that consumer law in your country gives you.

                ## Your order

                The products on our website are an invitation to order. When you place an order, you make an offer to buy; the contract is concluded when we confirm your order by email. If a product turns out to be unavailable, we tell you straight away and refund anything you have already paid.

                ## Prices and payment

                Prices are shown in your currency and, for Turkey and the EU, include VAT. Shipping costs and, outside the EU, possible import duties are shown before you pay. You can pay with the methods listed at checkout; we charge card payments when your order is confirmed.

                ## Delivery

                We deliver to the countries listed in our shipping policy, in the delivery times stated there. The risk passes to you when the parcel is delivered to you or to the person or pickup point you named.

                ## Withdrawal, returns and warranty

                Consumers in the EU, the UK and Turkey may withdraw from the contract within 14 days of delivery, as described in our cancellation policy. On top of that, our return policy gives you longer to return many items. All products are covered by the statutory warranty of your country, at least 2 years from delivery.

                ## Liability

                We are liable without limitation for intent, gross negligence and injury to life, body or health, and under product liability law. For slight negligence we are liable only for breaches of essential contractual obligations, limited to the foreseeable damage.

                ## Disputes

                Please contact us first: most problems are solved in one message. Consumers may also turn to the consumer authorities or courts of their country of residence; in Turkey, to the consumer arbitration committees (Tüketici Hakem Heyeti). These terms are governed by Turkish law, without depriving you of the protection of the mandatory law of your country of residence.
            """),
        ),
        "tr": (
            "Kullanım ve satış koşulları",
            _md("""
                Bu koşullar, Atlas Mağazacılık A.Ş., İstanbul, Türkiye (support@atlas.example) tarafından işletilen Atlas Store'dan yapılan tüm alışverişlerde geçerlidir. Bu koşulların hiçbir hükmü, 6502 sayılı Tüketicinin Korunması Hakkında Kanun ve Mesafeli Sözleşmeler Yönetmeliği'nden doğan haklarınızı sınırlamaz.

                ## Siparişiniz

                Sitemizdeki ürünler sipariş vermeniz için bir davettir. Sipariş verdiğinizde satın alma teklifinde bulunursunuz; sözleşme, siparişinizi e-postayla onayladığımızda kurulur. Ödeme öncesinde ön bilgilendirme formu ve mesafeli satış sözleşmesi size gösterilir ve e-postayla gönderilir. Bir ürün stokta kalmamışsa sizi hemen bilgilendirir ve ödediğiniz tutarı iade ederiz.

                ## Fiyatlar ve ödeme

                Fiyatlar para biriminizde gösterilir; Türkiye ve AB için KDV dahildir. Kargo ücreti ve AB dışındaki olası gümrük vergileri ödeme öncesinde gösterilir. Ödeme adımında listelenen yöntemlerle ödeme yapabilirsiniz; kartlı ödemeler sipariş onaylandığında tahsil edilir.

                ## Teslimat

                Kargo politikamızda belirtilen ülkelere, orada belirtilen sürelerde teslimat yaparız. Sipariş, en geç 30 gün içinde teslim edilir. Hasar riski, paketin size veya belirttiğiniz kişiye ya da teslim noktasına teslim edilmesiyle size geçer.

                ## Cayma hakkı, iade ve garanti

                Türkiye, AB ve Birleşik Krallık'taki tüketiciler teslimattan itibaren 14 gün içinde, iptal politikamızda açıklandığı şekilde cayma hakkını kullanabilir. Bunun yanında iade politikamız birçok ürün için daha uzun bir iade süresi tanır. Tüm ürünler, teslimattan itibaren en az 2 yıl yasal garanti kapsamındadır.

                ## Sorumluluk

                Kast, ağır kusur ve hayata, vücut bütünlüğüne veya sağlığa verilen zararlardan ve ürün sorumluluğu mevzuatından doğan sorumluluğumuz sınırsızdır. Hafif kusurda yalnızca sözleşmenin esaslı yükümlülüklerinin ihlalinden ve öngörülebilir zarar ile sınırlı olarak sorumluyuz.

                ## Uyuşmazlıklar

                Lütfen önce bize yazın: sorunların çoğu tek mesajla çözülür. Ayrıca, her yıl belirlenen parasal sınırlar dahilinde yerleşim yerinizdeki veya işlemin yapıldığı yerdeki Tüketici Hakem Heyeti'ne, bu sınırların üzerinde Tüketici Mahkemesi'ne başvurabilirsiniz. Bu koşullar Türk hukukuna tabidir.
            """),
        ),
        "pl": (
            "Regulamin",
            _md("""
                Niniejszy regulamin dotyczy wszystkich zakupów w Atlas Store, prowadzonym przez Atlas Mağazacılık A.Ş., Stambuł, Turcja (support@atlas.example). Żadne jego postanowienie nie ogranicza praw, które daje Ci prawo konsumenckie Twojego kraju.

                ## Zamówienie

                Produkty na naszej stronie są zaproszeniem do składania zamówień. Składając zamówienie, składasz ofertę zakupu; umowa zostaje zawarta, gdy potwierdzimy zamówienie e-mailem. Jeśli produkt okaże się niedostępny, od razu Cię poinformujemy i zwrócimy wpłaconą kwotę.

                ## Ceny i płatność

                Ceny podajemy w Twojej walucie; w przypadku Turcji i UE zawierają VAT. Koszty dostawy oraz, poza UE, ewentualne cło widzisz przed zapłatą. Możesz płacić metodami wymienionymi przy kasie; płatność kartą pobieramy po potwierdzeniu zamówienia.

                ## Dostawa

                Dostarczamy do krajów wymienionych w naszej polityce wysyłki, w podanych tam terminach. Ryzyko przechodzi na Ciebie z chwilą doręczenia paczki Tobie albo wskazanej przez Ciebie osobie lub do punktu odbioru.

                ## Odstąpienie od umowy, zwroty i reklamacje

                Konsumenci w UE, Wielkiej Brytanii i Turcji mogą odstąpić od umowy w ciągu 14 dni od doręczenia, zgodnie z naszymi zasadami anulowania zamówień. Ponadto nasza polityka zwrotów daje więcej czasu na zwrot wielu produktów. Za zgodność towaru z umową odpowiadamy przez co najmniej 2 lata od doręczenia.

                ## Odpowiedzialność

                Odpowiadamy bez ograniczeń za winę umyślną, rażące niedbalstwo, szkody na życiu lub zdrowiu oraz na podstawie przepisów o odpowiedzialności za produkt. Przy lekkim niedbalstwie odpowiadamy tylko za naruszenie istotnych obowiązków umownych, do wysokości przewidywalnej szkody.

                ## Spory

                Najpierw napisz do nas: większość problemów rozwiązujemy jedną wiadomością. Możesz też zwrócić się do miejskiego lub powiatowego rzecznika konsumentów albo do Inspekcji Handlowej, a także do sądu właściwego dla Twojego miejsca zamieszkania. Regulamin podlega prawu tureckiemu, co nie pozbawia Cię ochrony wynikającej z bezwzględnie obowiązujących przepisów kraju Twojego zamieszkania.
            """),
        ),
        "de": (
            "Allgemeine Geschäftsbedingungen",
            _md("""
                Diese Bedingungen gelten für alle Käufe bei Atlas Store, betrieben von der Atlas Mağazacılık A.Ş., Istanbul, Türkei (support@atlas.example). Sie schränken die Rechte nicht ein, die Ihnen das Verbraucherrecht Ihres Landes gibt.

                ## Vertragsschluss

                Die Produkte auf unserer Website sind eine Einladung zur Bestellung. Mit Ihrer Bestellung geben Sie ein Kaufangebot ab; der Vertrag kommt zustande, wenn wir Ihre Bestellung per E-Mail bestätigen. Ist ein Produkt nicht lieferbar, informieren wir Sie sofort und erstatten bereits gezahlte Beträge.

                ## Preise und Zahlung

                Die Preise werden in Ihrer Währung angezeigt und enthalten für die Türkei und die EU die Umsatzsteuer. Versandkosten und außerhalb der EU mögliche Einfuhrabgaben sehen Sie vor dem Bezahlen. Sie können mit den an der Kasse angezeigten Zahlungsarten bezahlen; Kartenzahlungen belasten wir bei Bestätigung der Bestellung.

                ## Lieferung

                Wir liefern in die in unseren Versandbedingungen genannten Länder in den dort angegebenen Lieferzeiten. Die Gefahr geht mit der Übergabe des Pakets an Sie, eine von Ihnen benannte Person oder Abholstelle auf Sie über.

                ## Widerruf, Rückgabe und Gewährleistung

                Verbraucherinnen und Verbraucher in der EU, im Vereinigten Königreich und in der Türkei können den Vertrag innerhalb von 14 Tagen ab Lieferung widerrufen, wie in unseren Stornierungsbedingungen beschrieben. Darüber hinaus gewähren unsere Rückgabebedingungen für viele Artikel eine längere Frist. Es gilt die gesetzliche Gewährleistung von mindestens 2 Jahren ab Lieferung.

                ## Haftung

                Wir haften unbeschränkt bei Vorsatz, grober Fahrlässigkeit, bei Verletzung von Leben, Körper oder Gesundheit sowie nach dem Produkthaftungsgesetz. Bei leichter Fahrlässigkeit haften wir nur für die Verletzung wesentlicher Vertragspflichten und begrenzt auf den vorhersehbaren Schaden.

                ## Streitigkeiten

                Bitte sprechen Sie uns zuerst an: Die meisten Probleme lassen sich mit einer Nachricht lösen. Zur Teilnahme an einem Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle sind wir weder bereit noch verpflichtet. Es gilt türkisches Recht; zwingende Verbraucherschutzvorschriften Ihres Wohnsitzlandes bleiben unberührt.
            """),
        ),
        "fr": (
            "Conditions générales de vente",
            _md("""
                Ces conditions s'appliquent à tout achat sur Atlas Store, exploité par Atlas Mağazacılık A.Ş., Istanbul, Turquie (support@atlas.example). Elles ne limitent en rien les droits que vous confère le droit de la consommation de votre pays.

                ## Votre commande

                Les produits présentés sur notre site constituent une invitation à commander. En passant commande, vous faites une offre d'achat ; le contrat est conclu lorsque nous confirmons votre commande par e-mail. Si un produit s'avère indisponible, nous vous prévenons immédiatement et vous remboursons les sommes déjà versées.

                ## Prix et paiement

                Les prix sont affichés dans votre devise et incluent la TVA pour la Turquie et l'UE. Les frais de port et, hors UE, les éventuels droits d'importation sont indiqués avant le paiement. Vous pouvez payer avec les moyens proposés lors du paiement ; les paiements par carte sont débités à la confirmation de la commande.

                ## Livraison

                Nous livrons dans les pays indiqués dans notre politique de livraison, dans les délais qui y figurent. Le risque vous est transféré à la remise du colis à vous-même, à la personne désignée ou au point relais choisi.

                ## Rétractation, retours et garanties

                Les consommateurs de l'UE, du Royaume-Uni et de Turquie peuvent se rétracter dans les 14 jours suivant la livraison, comme décrit dans notre politique d'annulation. En plus, notre politique de retour accorde un délai plus long pour de nombreux articles. Tous les produits bénéficient de la garantie légale de conformité de 2 ans à compter de la livraison et de la garantie des vices cachés.

                ## Responsabilité

                Notre responsabilité est illimitée en cas de faute intentionnelle ou lourde, d'atteinte à la vie, au corps ou à la santé, ainsi qu'au titre de la responsabilité du fait des produits. En cas de faute légère, elle est limitée à la violation d'obligations essentielles du contrat et au dommage prévisible.

                ## Litiges

                Contactez-nous d'abord : la plupart des problèmes se règlent en un message. En cas de litige, vous pouvez recourir gratuitement à un médiateur de la consommation ou saisir la juridiction de votre lieu de résidence. Ces conditions sont régies par le droit turc, sans vous priver de la protection des dispositions impératives du droit de votre pays de résidence.
            """),
        ),
        "es": (
            "Condiciones generales de venta",
            _md("""
                Estas condiciones se aplican a todas las compras en Atlas Store, gestionada por Atlas Mağazacılık A.Ş., Estambul, Turquía (support@atlas.example). Nada de lo que dicen limita los derechos que te reconoce la normativa de consumo de tu país.

                ## Tu pedido

                Los productos de nuestra web son una invitación a hacer un pedido. Al hacer el pedido realizas una oferta de compra; el contrato se celebra cuando confirmamos tu pedido por correo. Si un producto no está disponible, te avisamos enseguida y te devolvemos lo que hayas pagado.

                ## Precios y pago

                Los precios se muestran en tu moneda e incluyen el IVA para Turquía y la UE. Los gastos de envío y, fuera de la UE, los posibles aranceles se indican antes de pagar. Puedes pagar con los métodos que aparecen al finalizar la compra; los pagos con tarjeta se cargan al confirmar el pedido.

                ## Entrega

                Entregamos en los países indicados en nuestra política de envíos y en los plazos que allí figuran. El riesgo se transmite a ti cuando el paquete se entrega a ti, a la persona que indiques o en el punto de recogida elegido.

                ## Desistimiento, devoluciones y garantía

                Los consumidores de la UE, el Reino Unido y Turquía pueden desistir del contrato en los 14 días siguientes a la entrega, como se explica en nuestra política de cancelación. Además, nuestra política de devoluciones da más tiempo para devolver muchos artículos. Todos los productos tienen la garantía legal de tu país: en España, 3 años desde la entrega.

                ## Responsabilidad

                Respondemos sin límite en caso de dolo, culpa grave, daños a la vida, la integridad física o la salud, y conforme a la normativa de responsabilidad por productos defectuosos. En caso de culpa leve, solo respondemos por el incumplimiento de obligaciones esenciales del contrato y hasta el daño previsible.

                ## Reclamaciones

                Escríbenos primero: la mayoría de los problemas se resuelven con un mensaje. También puedes acudir a las oficinas de consumo o a las juntas arbitrales de consumo, o a los tribunales de tu domicilio. Estas condiciones se rigen por la ley turca, sin privarte de la protección de las normas imperativas de tu país de residencia.
            """),
        ),
    },
)

_CANCELLATION = ProsePolicyText(
    kind="cancellation",
    texts={
        "en": (
            "Cancellation policy",
            _md("""
                ## Cancelling before dispatch

                You can cancel all or part of your order free of charge until it leaves our warehouse. Write to us in the chat or at support@atlas.example with your order number. We refund everything you paid, including shipping, to your original payment method, usually the same day.

                ## Your 14-day right of withdrawal

                If you are a consumer in the EU, the UK or Turkey, you may withdraw from your purchase within **14 days** of the day you, or a person you named, received the goods, without giving any reason. For an order delivered in several parcels, the period starts when the last one arrives.

                To withdraw, tell us clearly before the period ends: start a return in **My orders**, or send us a message or the model withdrawal form ("I hereby withdraw from my contract for the following goods: …, ordered on …, received on …, name, address, date"). Sending your statement in time is enough.

                ## Consequences

                We refund all payments received from you, including the cost of standard delivery, within 14 days of receiving your withdrawal, using the payment method you used. We may withhold the refund until the goods are back with us or you have shown that you sent them. Send the goods back within 14 days of withdrawing.

                Returning clothing, shoes and accessories is free. For electronics, you bear the direct cost of returning the goods: 4.95 EUR with our return label. You are only liable for any loss in value caused by handling the goods beyond what is needed to check them.

                ## Exceptions

                The right of withdrawal does not apply to sealed goods that are not suitable for return for health or hygiene reasons once unsealed after delivery (for example in-ear earbuds whose hygiene seal has been removed), nor to goods made to your specifications.

                Our return policy is more generous than the law for many items; it applies alongside this policy.
            """),
        ),
        "tr": (
            "İptal ve cayma politikası",
            _md("""
                ## Kargoya verilmeden önce iptal

                Siparişinizin tamamını veya bir kısmını, depomuzdan çıkana kadar ücretsiz iptal edebilirsiniz. Sipariş numaranızla canlı destekten veya support@atlas.example adresinden bize yazın. Kargo ücreti dahil ödediğiniz tutarın tamamını, genellikle aynı gün, ödeme yaptığınız yönteme iade ederiz.

                ## 14 günlük cayma hakkınız

                Tüketici olarak, Mesafeli Sözleşmeler Yönetmeliği uyarınca ürünü sizin veya belirttiğiniz kişinin teslim aldığı günden itibaren **14 gün** içinde hiçbir gerekçe göstermeden ve cezai şart ödemeden sözleşmeden cayabilirsiniz. Birden fazla pakette teslim edilen siparişlerde süre, son paketin teslimiyle başlar. AB ve Birleşik Krallık'taki tüketiciler de aynı 14 günlük hakka sahiptir.

                Cayma hakkınızı kullanmak için süre dolmadan bize açıkça bildirin: **Siparişlerim** sayfasından iade başlatın ya da bize yazılı bildirimde bulunun veya cayma formunu gönderin. Bildirimi süresi içinde göndermeniz yeterlidir.

                ## Cayma hakkının sonuçları

                Cayma bildiriminizin bize ulaşmasından itibaren en geç 14 gün içinde, teslimat masrafları dahil tüm ödemeleri, ödeme yaptığınız yöntemle iade ederiz. Ürünü cayma bildiriminden itibaren 10 gün içinde geri göndermeniz gerekir. İade, ürünler bize ulaştıktan ya da gönderdiğinizi belgeledikten sonra yapılır.

                Giyim, ayakkabı ve aksesuar iadesi ücretsizdir; iade kodunuzla anlaşmalı kargo firmamıza teslim ettiğinizde hiçbir ücret ödemezsiniz. Elektronik ürünlerde iade kargo ücreti 4,95 EUR'dur ve iade tutarından düşülür. Ürünün olağan kullanımı dışında meydana gelen değer kayıplarından siz sorumlusunuz.

                ## Cayma hakkının istisnaları

                Teslimattan sonra ambalajı, bandı veya mührü açılmış olup sağlık ve hijyen açısından iadesi uygun olmayan ürünler (örneğin hijyen bandı çıkarılmış kulak içi kulaklıklar) ile kişiye özel üretilen ürünlerde cayma hakkı kullanılamaz.

                İade politikamız birçok ürün için yasal haklarınızdan daha geniştir ve bu politikayla birlikte uygulanır.
            """),
        ),
        "pl": (
            "Zasady anulowania zamówień i odstąpienia od umowy",
            _md("""
                ## Anulowanie przed wysyłką

                Całe zamówienie lub jego część możesz bezpłatnie anulować, dopóki nie opuści naszego magazynu. Napisz do nas na czacie lub na support@atlas.example, podając numer zamówienia. Zwrot pieniędzy, łącznie z kosztem dostawy, otrzymasz na ten sam środek płatności, zwykle tego samego dnia.

                ## 14-dniowe prawo odstąpienia od umowy

                Jako konsument w UE (w tym w Polsce), w Wielkiej Brytanii lub w Turcji możesz odstąpić od umowy w terminie **14 dni** od dnia, w którym Ty lub wskazana przez Ciebie osoba otrzymaliście towar, bez podawania przyczyny. Przy zamówieniu dostarczonym w kilku paczkach termin biegnie od doręczenia ostatniej.

                Aby odstąpić od umowy, poinformuj nas o tym jednoznacznie przed upływem terminu: rozpocznij zwrot w **Moich zamówieniach** albo wyślij nam wiadomość lub wzór formularza odstąpienia („Niniejszym informuję o moim odstąpieniu od umowy sprzedaży następujących rzeczy: …, data zamówienia …, data odbioru …, imię i nazwisko, adres, data”). Do zachowania terminu wystarczy wysłanie oświadczenia przed jego upływem.

                ## Skutki odstąpienia

                Zwrot pieniędzy obejmuje wszystkie otrzymane od Ciebie płatności, w tym koszt najtańszej zwykłej dostawy, i następuje w ciągu 14 dni od otrzymania Twojego oświadczenia, tą samą metodą płatności. Możemy wstrzymać się ze zwrotem do chwili otrzymania towaru lub dowodu jego odesłania. Towar odeślij w ciągu 14 dni od odstąpienia od umowy.

                Zwrot odzieży, butów i akcesoriów jest bezpłatny. Przy elektronice ponosisz bezpośredni koszt odesłania towaru: 4,95 EUR za naszą etykietę zwrotną. Odpowiadasz tylko za zmniejszenie wartości towaru wynikające z korzystania z niego w sposób wykraczający poza konieczny do stwierdzenia jego charakteru, cech i funkcjonowania.

                ## Wyjątki

                Prawo odstąpienia nie przysługuje w przypadku towarów w zapieczętowanym opakowaniu, których po otwarciu nie można zwrócić ze względu na ochronę zdrowia lub higienę (np. słuchawki dokanałowe z zerwaną plombą higieniczną), ani towarów wykonanych według Twojej specyfikacji.

                Nasza polityka zwrotów jest dla wielu produktów korzystniejsza niż przepisy i obowiązuje niezależnie od tych zasad.
            """),
        ),
        "de": (
            "Widerrufsbelehrung und Stornierung",
            _md("""
                ## Stornierung vor dem Versand

                Sie können Ihre Bestellung ganz oder teilweise kostenlos stornieren, bis sie unser Lager verlässt. Schreiben Sie uns im Chat oder an support@atlas.example mit Ihrer Bestellnummer. Wir erstatten alles, was Sie bezahlt haben, einschließlich Versandkosten, auf Ihre ursprüngliche Zahlungsart, meist noch am selben Tag.

                ## Widerrufsrecht

                Als Verbraucherin oder Verbraucher in der EU, im Vereinigten Königreich oder in der Türkei haben Sie das Recht, binnen **vierzehn Tagen** ohne Angabe von Gründen diesen Vertrag zu widerrufen. Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter die Waren in Besitz genommen haben; bei Lieferung in mehreren Paketen ab Erhalt des letzten.

                Um Ihr Widerrufsrecht auszuüben, müssen Sie uns mittels einer eindeutigen Erklärung über Ihren Entschluss informieren: Starten Sie eine Rücksendung unter **Meine Bestellungen** oder schicken Sie uns eine Nachricht oder das Muster-Widerrufsformular. Zur Wahrung der Frist reicht es aus, dass Sie die Mitteilung vor Ablauf der Frist absenden.

                ## Folgen des Widerrufs

                Wenn Sie widerrufen, erstatten wir Ihnen alle Zahlungen einschließlich der Kosten der Standardlieferung unverzüglich, spätestens binnen vierzehn Tagen ab Eingang Ihres Widerrufs, über dasselbe Zahlungsmittel. Wir können die Rückzahlung verweigern, bis wir die Waren zurückerhalten haben oder Sie den Nachweis der Rücksendung erbracht haben. Senden Sie die Waren binnen vierzehn Tagen ab Ihrem Widerruf zurück.

                Die Rücksendung von Kleidung, Schuhen und Accessoires ist kostenlos. Bei Elektronik tragen Sie die unmittelbaren Kosten der Rücksendung: 4,95 EUR für unser Rücksendeetikett. Für einen Wertverlust müssen Sie nur aufkommen, wenn er auf einen zur Prüfung der Waren nicht notwendigen Umgang zurückzuführen ist.

                ## Ausnahmen

                Das Widerrufsrecht besteht nicht bei versiegelten Waren, die aus Gründen des Gesundheitsschutzes oder der Hygiene nicht zur Rückgabe geeignet sind, wenn ihre Versiegelung nach der Lieferung entfernt wurde (etwa In-Ear-Kopfhörer mit entferntem Hygienesiegel), sowie bei nach Ihren Vorgaben angefertigten Waren.

                Unsere Rückgabebedingungen gehen für viele Artikel über das Gesetz hinaus und gelten zusätzlich.
            """),
        ),
        "fr": (
            "Politique d'annulation et de rétractation",
            _md("""
                ## Annulation avant expédition

                Vous pouvez annuler tout ou partie de votre commande gratuitement tant qu'elle n'a pas quitté notre entrepôt. Écrivez-nous dans le chat ou à support@atlas.example avec votre numéro de commande. Nous remboursons l'intégralité des sommes versées, frais de port compris, sur votre moyen de paiement d'origine, généralement le jour même.

                ## Votre droit de rétractation de 14 jours

                Si vous êtes un consommateur dans l'UE, au Royaume-Uni ou en Turquie, vous pouvez vous rétracter dans un délai de **14 jours** à compter du jour où vous, ou une personne que vous avez désignée, avez reçu les biens, sans avoir à vous justifier. Pour une commande livrée en plusieurs colis, le délai court à partir de la réception du dernier.

                Pour exercer ce droit, informez-nous clairement de votre décision avant la fin du délai : lancez un retour depuis **Mes commandes**, ou envoyez-nous un message ou le formulaire type de rétractation. Il suffit d'envoyer votre déclaration avant l'expiration du délai.

                ## Effets de la rétractation

                Nous vous remboursons tous les paiements reçus, y compris les frais de livraison standard, au plus tard 14 jours après réception de votre rétractation, par le même moyen de paiement. Nous pouvons différer le remboursement jusqu'à la récupération des biens ou jusqu'à ce que vous ayez fourni une preuve d'expédition. Renvoyez les biens au plus tard 14 jours après votre rétractation.

                Le retour des vêtements, chaussures et accessoires est gratuit. Pour l'électronique, les frais directs de renvoi sont à votre charge : 4,95 EUR avec notre étiquette de retour. Votre responsabilité n'est engagée qu'en cas de dépréciation des biens résultant de manipulations autres que celles nécessaires pour établir leur nature, leurs caractéristiques et leur bon fonctionnement.

                ## Exceptions

                Le droit de rétractation ne s'applique pas aux biens scellés ne pouvant être renvoyés pour des raisons d'hygiène ou de protection de la santé et qui ont été descellés après la livraison (par exemple des écouteurs intra-auriculaires dont l'opercule d'hygiène a été retiré), ni aux biens confectionnés selon vos spécifications.

                Pour de nombreux articles, notre politique de retour va au-delà de la loi ; elle s'applique en plus de la présente politique.
            """),
        ),
        "es": (
            "Política de cancelación y desistimiento",
            _md("""
                ## Cancelación antes del envío

                Puedes cancelar todo o parte de tu pedido sin coste mientras no haya salido de nuestro almacén. Escríbenos en el chat o a support@atlas.example con tu número de pedido. Te devolvemos todo lo pagado, gastos de envío incluidos, al método de pago original, normalmente el mismo día.

                ## Tu derecho de desistimiento de 14 días

                Si eres consumidor en la UE, el Reino Unido o Turquía, puedes desistir de tu compra en un plazo de **14 días naturales** desde el día en que tú, o la persona que indicaste, recibiste los bienes, sin necesidad de justificación. En un pedido entregado en varios paquetes, el plazo empieza al recibir el último.

                Para desistir, comunícanoslo de forma inequívoca antes de que acabe el plazo: inicia una devolución en **Mis pedidos**, o envíanos un mensaje o el modelo de formulario de desistimiento. Basta con enviar la comunicación antes de que venza el plazo.

                ## Consecuencias del desistimiento

                Te devolveremos todos los pagos recibidos, incluidos los gastos de entrega estándar, en un plazo máximo de 14 días naturales desde que recibamos tu desistimiento, por el mismo medio de pago. Podemos retener el reembolso hasta haber recibido los bienes o hasta que presentes una prueba de su envío. Devuelve los bienes en un plazo de 14 días naturales desde tu desistimiento.

                La devolución de ropa, calzado y accesorios es gratuita. En electrónica asumes el coste directo de la devolución: 4,95 EUR con nuestra etiqueta de devolución. Solo respondes de la disminución de valor de los bienes resultante de una manipulación distinta a la necesaria para establecer su naturaleza, sus características o su funcionamiento.

                ## Excepciones

                El derecho de desistimiento no se aplica a los bienes precintados que no sean aptos para ser devueltos por razones de protección de la salud o de higiene y que hayan sido desprecintados tras la entrega (por ejemplo, auriculares intraurales sin su precinto de higiene), ni a los bienes confeccionados según tus especificaciones.

                Para muchos artículos, nuestra política de devoluciones es más generosa que la ley y se aplica además de esta política.
            """),
        ),
    },
)

PROSE_POLICIES: tuple[ProsePolicyText, ...] = (_PRIVACY, _TERMS, _CANCELLATION)
