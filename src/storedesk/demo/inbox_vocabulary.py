"""The words of the demo inbox: threads, subjects, notes and canned replies in six languages.

A thread alternates the customer's messages and the agent's answers, customer first. The
fields in braces are filled in with the customer's real order, carrier and tracking link;
``{product}`` is the product's name as it reads inside a sentence, ``{Product}`` at its start.
"""

# topic -> language -> thread
THREADS: dict[str, dict[str, tuple[str, ...]]] = {
    "where": {
        "en": (
            "Hi, my order #{order} hasn't arrived yet. Can you tell me where it is?",
            "Hi {first_name}, thanks for waiting! Your order #{order} is on its way with "
            "{carrier}. You can follow it here: {tracking_url}",
            "Thanks. The tracking hasn't changed for two days though, is that normal?",
            "I've asked {carrier} to check on the parcel and will get back to you as soon as "
            "they answer.",
            "It just arrived, thank you for your help!",
            "Great to hear, {first_name}! Enjoy your order.",
        ),
        "tr": (
            "Merhaba, {order} numaralı siparişim henüz gelmedi. Nerede olduğunu söyleyebilir "
            "misiniz?",
            "Merhaba {first_name}, beklediğiniz için teşekkürler! {order} numaralı siparişiniz "
            "{carrier} ile yolda. Buradan takip edebilirsiniz: {tracking_url}",
            "Teşekkürler. Ama takip bilgisi iki gündür değişmedi, bu normal mi?",
            "{carrier} ile iletişime geçip gönderinizi kontrol etmelerini istedim; yanıt gelir "
            "gelmez size yazacağım.",
            "Kargo az önce geldi, yardımınız için çok teşekkürler!",
            "Ne güzel {first_name}! Siparişinizi güle güle kullanın.",
        ),
        "pl": (
            "Dzień dobry, moje zamówienie nr {order} jeszcze nie dotarło. Gdzie jest teraz paczka?",
            "Dzień dobry, dziękujemy za cierpliwość! Zamówienie nr {order} jest w drodze "
            "(przewoźnik: {carrier}). Można je śledzić tutaj: {tracking_url}",
            "Dziękuję. Ale status przesyłki nie zmienił się od dwóch dni, czy to normalne?",
            "Poprosiłem {carrier} o sprawdzenie przesyłki i odezwę się, gdy tylko dostanę "
            "odpowiedź.",
            "Paczka właśnie dotarła, dziękuję za pomoc!",
            "Świetnie, cieszymy się! Miłego korzystania z zakupów.",
        ),
        "de": (
            "Hallo, meine Bestellung #{order} ist noch nicht angekommen. Können Sie mir sagen, "
            "wo sie ist?",
            "Hallo {first_name}, danke für Ihre Geduld! Ihre Bestellung #{order} ist mit "
            "{carrier} unterwegs. Hier können Sie sie verfolgen: {tracking_url}",
            "Danke. Die Sendungsverfolgung hat sich aber seit zwei Tagen nicht geändert, ist das "
            "normal?",
            "Ich habe {carrier} gebeten, die Sendung zu prüfen, und melde mich, sobald ich eine "
            "Antwort habe.",
            "Das Paket ist gerade angekommen, vielen Dank für Ihre Hilfe!",
            "Das freut uns, {first_name}! Viel Freude mit Ihrer Bestellung.",
        ),
        "fr": (
            "Bonjour, ma commande n° {order} n'est toujours pas arrivée. Pouvez-vous me dire où "
            "elle en est ?",
            "Bonjour {first_name}, merci de votre patience ! Votre commande n° {order} est en "
            "route avec {carrier}. Vous pouvez la suivre ici : {tracking_url}",
            "Merci. Mais le suivi n'a pas bougé depuis deux jours, c'est normal ?",
            "J'ai demandé à {carrier} de vérifier votre colis ; je reviens vers vous dès que "
            "j'ai leur réponse.",
            "Le colis vient d'arriver, merci pour votre aide !",
            "Ravi de l'apprendre, {first_name} ! Profitez bien de votre commande.",
        ),
        "es": (
            "Hola, mi pedido n.º {order} todavía no ha llegado. ¿Me podéis decir dónde está?",
            "Hola {first_name}, ¡gracias por esperar! Tu pedido n.º {order} está en camino con "
            "{carrier}. Puedes seguirlo aquí: {tracking_url}",
            "Gracias. Pero el seguimiento no ha cambiado en dos días, ¿es normal?",
            "He pedido a {carrier} que revise el envío y te escribo en cuanto me respondan.",
            "¡Acaba de llegar el paquete, gracias por la ayuda!",
            "¡Qué bien, {first_name}! Que disfrutes tu pedido.",
        ),
    },
    "return": {
        "en": (
            "Hello, I'd like to return the {product} from order #{order}. How do I do that?",
            "Hi {first_name}, of course! Returns are free within 30 days. Would you like a "
            "refund or an exchange?",
            "A refund, please.",
            "All set: your return code is {return_code}. Pack the item with the code and drop "
            "it at any {carrier} point. We refund you as soon as it reaches us.",
            "Sent it today. Thanks!",
            "Thank you, {first_name}! We'll let you know when it arrives.",
        ),
        "tr": (
            "Merhaba, {order} numaralı siparişimdeki {product} ürününü iade etmek istiyorum. "
            "Nasıl yapabilirim?",
            "Merhaba {first_name}, elbette! 30 gün içinde iade ücretsiz. Para iadesi mi yoksa "
            "değişim mi istersiniz?",
            "Para iadesi lütfen.",
            "Hazır: iade kodunuz {return_code}. Ürünü kodla birlikte paketleyip herhangi bir "
            "{carrier} şubesine bırakabilirsiniz. Ürün bize ulaşınca ödemeniz iade edilecek.",
            "Bugün kargoya verdim. Teşekkürler!",
            "Teşekkür ederiz {first_name}! Ürün elimize ulaşınca size haber vereceğiz.",
        ),
        "pl": (
            "Dzień dobry, jak mogę zwrócić {product} z zamówienia nr {order}?",
            "Dzień dobry, oczywiście! Zwrot w ciągu 30 dni jest bezpłatny. Czy chodzi o zwrot "
            "pieniędzy, czy o wymianę?",
            "Poproszę o zwrot pieniędzy.",
            "Gotowe: kod zwrotu to {return_code}. Wystarczy zapakować produkt z kodem i nadać go "
            "w dowolnym punkcie {carrier}. Zwrot pieniędzy zlecimy, gdy tylko paczka do nas "
            "dotrze.",
            "Nadane dzisiaj. Dziękuję!",
            "Dziękujemy! Damy znać, gdy paczka do nas dotrze.",
        ),
        "de": (
            "Hallo, ich möchte den Artikel {product} aus Bestellung #{order} zurückschicken. Wie "
            "geht das?",
            "Hallo {first_name}, gerne! Rücksendungen sind innerhalb von 30 Tagen kostenlos. "
            "Möchten Sie eine Erstattung oder einen Umtausch?",
            "Eine Erstattung, bitte.",
            "Erledigt: Ihr Rücksendecode ist {return_code}. Legen Sie den Code dem Paket bei und "
            "geben Sie es in einer {carrier}-Filiale ab. Sobald es bei uns ist, erstatten wir "
            "den Betrag.",
            "Heute abgeschickt. Danke!",
            "Vielen Dank, {first_name}! Wir melden uns, sobald das Paket bei uns ist.",
        ),
        "fr": (
            "Bonjour, je voudrais retourner l'article {product} de la commande n° {order}. "
            "Comment faire ?",
            "Bonjour {first_name}, bien sûr ! Les retours sont gratuits sous 30 jours. "
            "Préférez-vous un remboursement ou un échange ?",
            "Un remboursement, s'il vous plaît.",
            "C'est fait : votre code de retour est {return_code}. Joignez-le au colis et "
            "déposez-le dans n'importe quel point {carrier}. Nous vous remboursons dès sa "
            "réception.",
            "Envoyé aujourd'hui. Merci !",
            "Merci {first_name} ! Nous vous prévenons dès que le colis arrive.",
        ),
        "es": (
            "Hola, quiero devolver el artículo {product} del pedido n.º {order}. ¿Cómo lo hago?",
            "Hola {first_name}, ¡claro! Las devoluciones son gratuitas durante 30 días. "
            "¿Prefieres un reembolso o un cambio?",
            "Un reembolso, por favor.",
            "Listo: tu código de devolución es {return_code}. Mete el código en el paquete y "
            "déjalo en cualquier punto de {carrier}. Te reembolsamos en cuanto nos llegue.",
            "Enviado hoy. ¡Gracias!",
            "¡Gracias, {first_name}! Te avisamos cuando llegue.",
        ),
    },
    "size": {
        "en": (
            "Hi! Does the {product} run small? I usually wear M.",
            "Hi {first_name}, it's true to size, so M should fit you well. The size chart "
            'with exact measurements is on the product page under "Size guide".',
            "Thanks! And if it doesn't fit, can I exchange it?",
            "Yes, exchanges are free within 30 days, just keep the label on.",
            "Perfect, I'm ordering it now.",
            "Happy shopping, {first_name}!",
        ),
        "tr": (
            "Merhaba! {Product} dar kalıp mı? Genelde M giyiyorum.",
            "Merhaba {first_name}, ürün standart kalıp, M size rahatça olur. Ölçülerin yer "
            'aldığı beden tablosu ürün sayfasında "Beden rehberi" bölümünde.',
            "Teşekkürler! Olmazsa değiştirebilir miyim?",
            "Evet, 30 gün içinde değişim ücretsiz; yeter ki etiketi çıkarmayın.",
            "Harika, hemen sipariş veriyorum.",
            "İyi alışverişler {first_name}!",
        ),
        "pl": (
            "Dzień dobry! Czy {product} ma małą rozmiarówkę? Zwykle noszę M.",
            "Dzień dobry, rozmiarówka jest standardowa, więc M powinno pasować. Tabela rozmiarów "
            "z dokładnymi wymiarami jest na stronie produktu, w zakładce „Tabela rozmiarów”.",
            "Dziękuję! A jeśli nie będzie pasować, mogę wymienić?",
            "Tak, wymiana w ciągu 30 dni jest bezpłatna, wystarczy nie odcinać metki.",
            "Super, zamawiam.",
            "Udanych zakupów!",
        ),
        "de": (
            "Hallo! Fällt {product} eher klein aus? Ich trage normalerweise M.",
            "Hallo {first_name}, der Artikel fällt normal aus, M sollte also gut passen. Die "
            "Größentabelle mit genauen Maßen finden Sie auf der Produktseite unter "
            "„Größenberater“.",
            "Danke! Und wenn es nicht passt, kann ich umtauschen?",
            "Ja, der Umtausch ist innerhalb von 30 Tagen kostenlos, solange das Etikett noch "
            "dran ist.",
            "Perfekt, dann bestelle ich jetzt.",
            "Viel Spaß beim Einkaufen, {first_name}!",
        ),
        "fr": (
            "Bonjour ! Est-ce que {product} taille petit ? Je porte habituellement du M.",
            "Bonjour {first_name}, il taille normalement, le M devrait donc vous aller. Le guide "
            "des tailles avec les mesures exactes se trouve sur la fiche produit, rubrique "
            "« Guide des tailles ».",
            "Merci ! Et si ça ne va pas, je peux l'échanger ?",
            "Oui, l'échange est gratuit sous 30 jours, il suffit de garder l'étiquette.",
            "Parfait, je commande.",
            "Bon shopping, {first_name} !",
        ),
        "es": (
            "¡Hola! ¿La talla de {product} es pequeña? Normalmente uso la M.",
            "Hola {first_name}, la talla es normal, así que la M te quedará bien. La guía de "
            "tallas con las medidas exactas está en la página del producto, en «Guía de tallas».",
            "¡Gracias! ¿Y si no me queda bien, puedo cambiarlo?",
            "Sí, los cambios son gratuitos durante 30 días, solo tienes que dejar la etiqueta "
            "puesta.",
            "Perfecto, lo pido ahora.",
            "¡Felices compras, {first_name}!",
        ),
    },
    "damaged": {
        "en": (
            "Hello, my order #{order} arrived but the {product} is damaged. The box was crushed.",
            "I'm so sorry, {first_name}! Could you send us a photo of the item and the box? "
            "Then we'll sort it out right away.",
            "Sure: the corner is broken and there's a deep scratch on the front.",
            "Thank you. We're sending a replacement today at no cost, and you don't need to "
            "return the damaged one.",
            "That's very kind, thank you!",
            "You're welcome, and sorry again for the trouble.",
        ),
        "tr": (
            "Merhaba, {order} numaralı siparişim geldi ama {product} hasarlı. Kutu ezilmişti.",
            "Çok üzgünüz {first_name}! Ürünün ve kutunun bir fotoğrafını gönderebilir misiniz? "
            "Hemen çözelim.",
            "Tabii: köşesi kırık ve ön yüzünde derin bir çizik var.",
            "Teşekkürler. Bugün ücretsiz olarak yenisini gönderiyoruz; hasarlı ürünü geri "
            "göndermenize gerek yok.",
            "Çok naziksiniz, teşekkür ederim!",
            "Rica ederiz, yaşadığınız sorun için tekrar özür dileriz.",
        ),
        "pl": (
            "Dzień dobry, zamówienie nr {order} dotarło, ale produkt {product} jest uszkodzony. "
            "Karton był zgnieciony.",
            "Bardzo nam przykro! Prosimy o zdjęcie produktu i kartonu – od razu wszystko "
            "załatwimy.",
            "Proszę: róg jest odłamany, a z przodu jest głęboka rysa.",
            "Dziękujemy. Jeszcze dziś bezpłatnie wysyłamy nowy egzemplarz, a uszkodzonego nie "
            "trzeba odsyłać.",
            "Bardzo dziękuję, to miłe!",
            "Nie ma za co, jeszcze raz przepraszamy za kłopot.",
        ),
        "de": (
            "Hallo, meine Bestellung #{order} ist angekommen, aber der Artikel {product} ist "
            "beschädigt. Der Karton war eingedrückt.",
            "Das tut uns sehr leid, {first_name}! Könnten Sie uns ein Foto vom Artikel und vom "
            "Karton schicken? Dann kümmern wir uns sofort darum.",
            "Klar: Die Ecke ist abgebrochen und vorne ist ein tiefer Kratzer.",
            "Danke. Wir schicken Ihnen heute kostenlos Ersatz, den beschädigten Artikel müssen "
            "Sie nicht zurücksenden.",
            "Das ist sehr nett, vielen Dank!",
            "Gern geschehen, und nochmals Entschuldigung für die Umstände.",
        ),
        "fr": (
            "Bonjour, ma commande n° {order} est arrivée mais l'article {product} est abîmé. Le "
            "carton était écrasé.",
            "Nous sommes vraiment désolés, {first_name} ! Pourriez-vous nous envoyer une photo "
            "de l'article et du carton ? Nous réglons cela tout de suite.",
            "Bien sûr : le coin est cassé et il y a une rayure profonde sur le devant.",
            "Merci. Nous vous envoyons un remplacement dès aujourd'hui, sans frais, et vous "
            "n'avez pas besoin de renvoyer l'article abîmé.",
            "C'est très gentil, merci !",
            "Avec plaisir, et encore désolés pour ce désagrément.",
        ),
        "es": (
            "Hola, mi pedido n.º {order} ha llegado pero el artículo {product} está dañado. La "
            "caja venía aplastada.",
            "¡Lo sentimos mucho, {first_name}! ¿Puedes enviarnos una foto del artículo y de la "
            "caja? Así lo solucionamos enseguida.",
            "Claro: la esquina está rota y tiene un arañazo profundo en la parte delantera.",
            "Gracias. Hoy mismo te enviamos uno nuevo sin coste, y no hace falta que devuelvas "
            "el dañado.",
            "¡Muy amables, gracias!",
            "De nada, y perdona de nuevo las molestias.",
        ),
    },
    "invoice": {
        "en": (
            "Hi, could you send me an invoice for order #{order}? I need it for my company.",
            "Of course, {first_name}. Which company name and VAT number should be on the invoice?",
            "{company}, VAT number {tax_id}.",
            "Done! The invoice for order #{order} is on its way to {email}.",
            "Got it, thank you!",
            "You're welcome, {first_name}. Have a great day!",
        ),
        "tr": (
            "Merhaba, {order} numaralı sipariş için fatura gönderebilir misiniz? Şirketim için "
            "lazım.",
            "Elbette {first_name}. Faturada hangi şirket unvanı ve vergi numarası yer alsın?",
            "{company}, vergi no {tax_id}.",
            "Tamamdır! {order} numaralı siparişin faturası {email} adresine gönderildi.",
            "Aldım, teşekkürler!",
            "Rica ederiz {first_name}, iyi günler!",
        ),
        "pl": (
            "Dzień dobry, czy mogą Państwo wystawić fakturę do zamówienia nr {order}? Potrzebuję "
            "jej dla firmy.",
            "Oczywiście. Prosimy o nazwę firmy i NIP do faktury.",
            "{company}, NIP {tax_id}.",
            "Gotowe! Faktura do zamówienia nr {order} została wysłana na adres {email}.",
            "Dotarła, dziękuję!",
            "Nie ma za co. Miłego dnia!",
        ),
        "de": (
            "Hallo, können Sie mir eine Rechnung für Bestellung #{order} schicken? Ich brauche "
            "sie für meine Firma.",
            "Natürlich, {first_name}. Welcher Firmenname und welche USt-IdNr. sollen auf der "
            "Rechnung stehen?",
            "{company}, USt-IdNr. {tax_id}.",
            "Erledigt! Die Rechnung für Bestellung #{order} ist an {email} unterwegs.",
            "Angekommen, danke!",
            "Gern geschehen, {first_name}. Einen schönen Tag noch!",
        ),
        "fr": (
            "Bonjour, pourriez-vous m'envoyer une facture pour la commande n° {order} ? J'en ai "
            "besoin pour ma société.",
            "Bien sûr, {first_name}. Quels nom de société et numéro de TVA faut-il indiquer sur "
            "la facture ?",
            "{company}, TVA {tax_id}.",
            "C'est fait ! La facture de la commande n° {order} a été envoyée à {email}.",
            "Bien reçue, merci !",
            "Avec plaisir, {first_name}. Bonne journée !",
        ),
        "es": (
            "Hola, ¿podéis enviarme una factura del pedido n.º {order}? La necesito para mi "
            "empresa.",
            "Claro, {first_name}. ¿Qué razón social y NIF ponemos en la factura?",
            "{company}, NIF {tax_id}.",
            "¡Hecho! La factura del pedido n.º {order} va de camino a {email}.",
            "Recibida, ¡gracias!",
            "De nada, {first_name}. ¡Que tengas un buen día!",
        ),
    },
    "thanks": {
        "en": (
            "Just received my order #{order}, the {product} is lovely. Thank you!",
            "Thank you, {first_name}, that made our day! Enjoy it.",
        ),
        "tr": (
            "{order} numaralı siparişim elime ulaştı, {product} çok güzel. Teşekkürler!",
            "Biz teşekkür ederiz {first_name}, günümüzü güzelleştirdiniz! Güle güle kullanın.",
        ),
        "pl": (
            "Zamówienie nr {order} dotarło i wszystko jest super. Dziękuję!",
            "To my dziękujemy! Miłego korzystania.",
        ),
        "de": (
            "Meine Bestellung #{order} ist angekommen und {product} gefällt mir sehr. Danke!",
            "Vielen Dank, {first_name}, das freut uns sehr! Viel Freude damit.",
        ),
        "fr": (
            "Commande n° {order} bien reçue, {product} est superbe. Merci !",
            "Merci à vous, {first_name}, ça nous fait très plaisir ! Profitez-en bien.",
        ),
        "es": (
            "Ya recibí mi pedido n.º {order}, ¡{Product} es precioso! Gracias.",
            "¡Gracias a ti, {first_name}! Nos alegra mucho. Que lo disfrutes.",
        ),
    },
    # The featured customer: she asks in the chat, then writes an email the next day.
    "featured_chat": {
        "tr": (
            "Merhaba, {order} numaralı siparişim ne zaman gelir?",
            "Merhaba {first_name}, siparişiniz {carrier} ile yolda ve dağıtım şubesine ulaştı. "
            "Takip bağlantısı: {tracking_url}",
            "Süper, teşekkürler!",
            "Rica ederiz, iyi günler dileriz!",
        ),
    },
    "featured_email": {
        "tr": (
            "Merhaba, dün canlı destekte {order} numaralı siparişimi sormuştum. Kargo hâlâ "
            "dağıtım şubesinde görünüyor ve yarın evde olmayacağım. Teslimatı cumartesiye "
            "aldırabilir misiniz?",
            "Merhaba {first_name}, {carrier} ile görüştüm; teslimatınız cumartesi gününe "
            "alındı. Güncel durumu buradan izleyebilirsiniz: {tracking_url}",
            "Çok teşekkürler! Bir de bu siparişin faturasını e-postayla gönderebilir misiniz?",
        ),
    },
    # An anonymous chat visitor gives the address of a customer who has ordered before.
    "visitor": {
        "de": (
            "Hallo, ich habe letzte Woche bestellt und finde meine Bestellnummer nicht mehr. "
            "Meine E-Mail-Adresse ist {email}. Können Sie nachsehen, wann das Paket kommt?",
        ),
    },
}

# topic -> language -> subject of an email or contact form message
SUBJECTS: dict[str, dict[str, str]] = {
    "where": {
        "en": "Where is my order #{order}?",
        "tr": "{order} numaralı siparişim nerede?",
        "pl": "Gdzie jest moje zamówienie nr {order}?",
        "de": "Wo ist meine Bestellung #{order}?",
        "fr": "Où est ma commande n° {order} ?",
        "es": "¿Dónde está mi pedido n.º {order}?",
    },
    "return": {
        "en": "Return for order #{order}",
        "tr": "{order} numaralı sipariş için iade",
        "pl": "Zwrot – zamówienie nr {order}",
        "de": "Rücksendung Bestellung #{order}",
        "fr": "Retour de la commande n° {order}",
        "es": "Devolución del pedido n.º {order}",
    },
    "size": {
        "en": "Size question",
        "tr": "Beden sorusu",
        "pl": "Pytanie o rozmiar",
        "de": "Frage zur Größe",
        "fr": "Question sur la taille",
        "es": "Consulta sobre tallas",
    },
    "damaged": {
        "en": "Damaged item in order #{order}",
        "tr": "{order} numaralı siparişte hasarlı ürün",
        "pl": "Uszkodzony produkt – zamówienie nr {order}",
        "de": "Beschädigter Artikel in Bestellung #{order}",
        "fr": "Article abîmé – commande n° {order}",
        "es": "Artículo dañado en el pedido n.º {order}",
    },
    "invoice": {
        "en": "Invoice for order #{order}",
        "tr": "{order} numaralı sipariş için fatura",
        "pl": "Faktura do zamówienia nr {order}",
        "de": "Rechnung für Bestellung #{order}",
        "fr": "Facture pour la commande n° {order}",
        "es": "Factura del pedido n.º {order}",
    },
    "thanks": {
        "en": "Thank you!",
        "tr": "Teşekkürler!",
        "pl": "Dziękuję!",
        "de": "Vielen Dank!",
        "fr": "Merci !",
        "es": "¡Gracias!",
    },
    "featured_email": {"tr": "{order} numaralı sipariş – teslimat günü"},
}

# The company a customer asks an invoice for, from their last name, and its tax number.
COMPANIES = {
    "en": ("{last_name} Design Ltd", "GB{digits9}"),
    "tr": ("{last_name} Tekstil Ltd. Şti.", "{digits10}"),
    "pl": ("{last_name} Sp. z o.o.", "{digits10}"),
    "de": ("{last_name} GmbH", "DE{digits9}"),
    "fr": ("{last_name} SARL", "FR{digits11}"),
    "es": ("{last_name} S.L.", "B{digits8}"),
}

# Private notes between colleagues, in the team's working language.
NOTES = {
    "replacement": "@emily the item arrived broken. OK to send the replacement by express at "
    "our cost?",
    "warehouse": "@piotr could you ask the warehouse to check how order {order} was packed? "
    "Second damaged parcel this week.",
    "carrier": "@deniz another crushed parcel from {carrier} this month. Worth raising with them?",
    "claim": "@emily snoozed until {carrier} answers the damage claim for order {order}.",
    "featured": "@piotr she asked in the chat yesterday too; {carrier} confirmed the Saturday "
    "delivery. The invoice is still to send.",
    "label": "@lucas return code sent. If the parcel isn't scanned by Friday, could you follow up?",
}

# (name, shortcut, language -> text)
CANNED_REPLIES: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "Where is my order",
        "where",
        {
            # {{ order.shipping_status }} says what the tracking says ("a label is ready", "on
            # its way", "delivered"), in the text's language; the link is empty without one.
            "en": "Hi {{ customer.first_name }}, here is the latest on your order "
            "{{ order.number }}: {{ order.shipping_status }} {{ order.tracking_url }}",
            "tr": "Merhaba {{ customer.first_name }}, {{ order.number }} numaralı siparişinizin "
            "son durumu: {{ order.shipping_status }} {{ order.tracking_url }}",
            "pl": "Dzień dobry, oto najnowsze informacje o zamówieniu nr {{ order.number }}: "
            "{{ order.shipping_status }} {{ order.tracking_url }}",
            "de": "Hallo {{ customer.first_name }}, der aktuelle Stand Ihrer Bestellung "
            "{{ order.number }}: {{ order.shipping_status }} {{ order.tracking_url }}",
            "fr": "Bonjour {{ customer.first_name }}, voici où en est votre commande n° "
            "{{ order.number }} : {{ order.shipping_status }} {{ order.tracking_url }}",
            "es": "Hola {{ customer.first_name }}, así va tu pedido n.º {{ order.number }}: "
            "{{ order.shipping_status }} {{ order.tracking_url }}",
        },
    ),
    (
        "Return instructions",
        "return",
        {
            "en": "Hi {{ customer.first_name }}, returns are free within 30 days of delivery. "
            "Tell us which items you'd like to return and whether you prefer a refund or an "
            "exchange, and we'll send you a return code for order {{ order.number }}.",
            "tr": "Merhaba {{ customer.first_name }}, teslimattan itibaren 30 gün içinde iade "
            "ücretsizdir. İade etmek istediğiniz ürünleri ve para iadesi mi değişim mi "
            "istediğinizi yazarsanız {{ order.number }} numaralı siparişiniz için iade kodunu "
            "gönderelim.",
            "pl": "Dzień dobry, zwrot w ciągu 30 dni od dostawy jest bezpłatny. Prosimy napisać, "
            "które produkty chcą Państwo zwrócić i czy wolą zwrot pieniędzy, czy wymianę – "
            "wyślemy kod zwrotu do zamówienia nr {{ order.number }}.",
            "de": "Hallo {{ customer.first_name }}, Rücksendungen sind innerhalb von 30 Tagen "
            "nach Lieferung kostenlos. Schreiben Sie uns, welche Artikel Sie zurücksenden "
            "möchten und ob Sie eine Erstattung oder einen Umtausch wünschen, dann schicken wir "
            "Ihnen einen Rücksendecode für Bestellung {{ order.number }}.",
            "fr": "Bonjour {{ customer.first_name }}, les retours sont gratuits sous 30 jours "
            "après la livraison. Indiquez-nous les articles à retourner et si vous préférez un "
            "remboursement ou un échange : nous vous enverrons un code de retour pour la "
            "commande n° {{ order.number }}.",
            "es": "Hola {{ customer.first_name }}, las devoluciones son gratuitas durante 30 "
            "días desde la entrega. Dinos qué artículos quieres devolver y si prefieres "
            "reembolso o cambio, y te enviaremos un código de devolución para el pedido "
            "n.º {{ order.number }}.",
        },
    ),
    (
        "Size chart",
        "size",
        {
            "en": "Hi {{ customer.first_name }}, our clothes are true to size. The size chart "
            'with exact measurements is on every product page under "Size guide". Exchanges '
            "are free within 30 days.",
            "tr": "Merhaba {{ customer.first_name }}, ürünlerimiz standart kalıptır. Ölçülerin "
            'yer aldığı beden tablosu her ürün sayfasında "Beden rehberi" bölümünde. 30 gün '
            "içinde değişim ücretsizdir.",
            "pl": "Dzień dobry, nasze ubrania mają standardową rozmiarówkę. Tabela rozmiarów z "
            "dokładnymi wymiarami jest na każdej stronie produktu, w zakładce „Tabela "
            "rozmiarów”. Wymiana w ciągu 30 dni jest bezpłatna.",
            "de": "Hallo {{ customer.first_name }}, unsere Kleidung fällt normal aus. Die "
            "Größentabelle mit genauen Maßen finden Sie auf jeder Produktseite unter "
            "„Größenberater“. Der Umtausch ist innerhalb von 30 Tagen kostenlos.",
            "fr": "Bonjour {{ customer.first_name }}, nos vêtements taillent normalement. Le "
            "guide des tailles avec les mesures exactes se trouve sur chaque fiche produit, "
            "rubrique « Guide des tailles ». L'échange est gratuit sous 30 jours.",
            "es": "Hola {{ customer.first_name }}, nuestra ropa tiene una talla normal. La guía "
            "de tallas con las medidas exactas está en cada página de producto, en «Guía de "
            "tallas». Los cambios son gratuitos durante 30 días.",
        },
    ),
    (
        "Apology",
        "sorry",
        {
            "en": "Hi {{ customer.first_name }}, I'm very sorry about this. It isn't the "
            "experience we want for you, and I'm taking care of it personally.\n"
            "{{ agent.first_name }}, {{ store.name }}",
            "tr": "Merhaba {{ customer.first_name }}, yaşadığınız sorun için çok özür dileriz. "
            "Bu sizin için istediğimiz deneyim değil; konuyla bizzat ilgileniyorum.\n"
            "{{ agent.first_name }}, {{ store.name }}",
            "pl": "Dzień dobry, bardzo przepraszamy za ten kłopot. Nie tak powinny wyglądać "
            "zakupy u nas – osobiście się tym zajmę.\n{{ agent.first_name }}, {{ store.name }}",
            "de": "Hallo {{ customer.first_name }}, das tut mir sehr leid. So soll es bei uns "
            "nicht laufen, ich kümmere mich persönlich darum.\n"
            "{{ agent.first_name }}, {{ store.name }}",
            "fr": "Bonjour {{ customer.first_name }}, toutes nos excuses pour ce désagrément. Ce "
            "n'est pas l'expérience que nous voulons vous offrir, et je m'en occupe "
            "personnellement.\n{{ agent.first_name }}, {{ store.name }}",
            "es": "Hola {{ customer.first_name }}, lo siento mucho. No es la experiencia que "
            "queremos para ti y me encargo personalmente de solucionarlo.\n"
            "{{ agent.first_name }}, {{ store.name }}",
        },
    ),
    (
        "Thanks",
        "thanks",
        {
            "en": "Thank you, {{ customer.first_name }}! It was a pleasure to help. Write to us "
            "any time.",
            "tr": "Teşekkür ederiz {{ customer.first_name }}! Yardımcı olabildiysek ne mutlu. "
            "Dilediğiniz zaman bize yazabilirsiniz.",
            "pl": "Dziękujemy! Cieszymy się, że mogliśmy pomóc. W razie pytań prosimy pisać "
            "śmiało.",
            "de": "Vielen Dank, {{ customer.first_name }}! Wir helfen gern. Schreiben Sie uns "
            "jederzeit.",
            "fr": "Merci {{ customer.first_name }} ! Ce fut un plaisir de vous aider. N'hésitez "
            "pas à nous écrire à tout moment.",
            "es": "¡Gracias, {{ customer.first_name }}! Ha sido un placer ayudarte. Escríbenos "
            "cuando quieras.",
        },
    ),
    (
        "Invoice sent",
        "invoice",
        {
            "en": "Hi {{ customer.first_name }}, the invoice for order {{ order.number }} is on "
            "its way to {{ customer.email }}.",
            "tr": "Merhaba {{ customer.first_name }}, {{ order.number }} numaralı siparişinizin "
            "faturası {{ customer.email }} adresine gönderildi.",
            "pl": "Dzień dobry, faktura do zamówienia nr {{ order.number }} została wysłana na "
            "adres {{ customer.email }}.",
            "de": "Hallo {{ customer.first_name }}, die Rechnung für Bestellung "
            "{{ order.number }} ist an {{ customer.email }} unterwegs.",
            "fr": "Bonjour {{ customer.first_name }}, la facture de la commande "
            "n° {{ order.number }} a été envoyée à {{ customer.email }}.",
            "es": "Hola {{ customer.first_name }}, la factura del pedido n.º {{ order.number }} "
            "va de camino a {{ customer.email }}.",
        },
    ),
)

# The first words of the website chat, per language.
CHAT_GREETINGS = {
    "en": "Hi! Questions about an order, a size or a return? We're here to help.",
    "tr": "Merhaba! Siparişiniz, bedenler ya da iade hakkında sorunuz mu var? Yardımcı olalım.",
    "pl": "Dzień dobry! Pytanie o zamówienie, rozmiar albo zwrot? Chętnie pomożemy.",
    "de": "Hallo! Fragen zu einer Bestellung, zur Größe oder zur Rücksendung? Wir helfen gern.",
    "fr": "Bonjour ! Une question sur une commande, une taille ou un retour ? Nous sommes là "
    "pour vous aider.",
    "es": "¡Hola! ¿Alguna pregunta sobre un pedido, una talla o una devolución? Estamos aquí "
    "para ayudarte.",
}
