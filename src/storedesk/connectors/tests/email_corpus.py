"""The corpus of real-world-shaped mail in ``mail/``: how each file is built, byte for byte,
and what receiving it must give.

The files are written by this module (``python -m storedesk.connectors.tests.email_corpus``)
and kept in the repository, so that the non-UTF-8 ones hold the real encoded bytes that
mail clients send: windows-1254 and ISO-8859-9 Turkish, ISO-8859-2 and windows-1250 Polish,
KOI8-R, ISO-2022-JP, declarations that lie and declarations that are missing. A test checks
that the files still are what this module builds.
"""

import base64
import quopri
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MAIL_DIR = Path(__file__).parent / "mail"
SUPPORT = "destek@moda.example"
# The host of STOREDESK_URL in the tests, so our own Message-IDs end "@storedesk.desk.moda.example".
STOREDESK_URL = "https://desk.moda.example"
OWN_DOMAIN = "storedesk.desk.moda.example"


@dataclass(frozen=True)
class Expected:
    outcome: str
    # A phrase the message's text must contain (in the mail's language), or for ignored
    # mail a phrase of its subject.
    phrase: str = ""
    # A phrase of the quoted history or signature that the new text must not contain.
    absent: str = ""
    # The corpus file whose conversation this one must join.
    thread_to: str = ""
    subject: str = ""
    attachments: tuple[str, ...] = ()
    # Whether a note tells the agent that some files were not kept.
    note: bool = False
    customer: str = ""
    bounced_message_id: str = ""


# Building blocks ------------------------------------------------------------------------


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\xff\x00\x00" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()
JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    + b"\x00" * 64
    + (b"\xff\xd9")
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def ew(text: str, charset: str = "utf-8", encoding: str = "B") -> str:
    """An RFC 2047 encoded word."""
    data = text.encode(charset)
    if encoding == "B":
        return f"=?{charset}?B?{base64.b64encode(data).decode()}?="
    quoted = "".join(
        chr(byte) if byte < 128 and chr(byte).isalnum() else "_" if byte == 32 else f"={byte:02X}"
        for byte in data
    )
    return f"=?{charset}?Q?{quoted}?="


def headers(*lines: str) -> bytes:
    # Non-ASCII goes raw as UTF-8 (RFC 6532), as many clients and platforms send it.
    return "".join(f"{line}\r\n" for line in lines).encode("utf-8")


def body(text: str, charset: str, transfer: str) -> bytes:
    data = text.replace("\n", "\r\n").encode(charset)
    if transfer == "quoted-printable":
        return quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if transfer == "base64":
        return _base64(data)
    return data


def _base64(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76)) + b"\r\n"


def text_part(
    text: str,
    *,
    charset: str | None = "utf-8",
    transfer: str = "8bit",
    subtype: str = "plain",
    encode_as: str | None = None,
) -> bytes:
    """A text part; ``charset`` is what it declares, ``encode_as`` what its bytes are."""
    declared = f"; charset={charset}" if charset else ""
    return (
        headers(f"Content-Type: text/{subtype}{declared}", f"Content-Transfer-Encoding: {transfer}")
        + b"\r\n"
        + body(text, encode_as or charset or "ascii", transfer)
    )


def file_part(
    content: bytes,
    content_type: str,
    *,
    disposition: str = "attachment",
    filename_header: str = "",
    content_id: str = "",
) -> bytes:
    lines = [f"Content-Type: {content_type}", "Content-Transfer-Encoding: base64"]
    if filename_header:
        lines.append(f"Content-Disposition: {disposition};\r\n {filename_header}")
    else:
        lines.append(f"Content-Disposition: {disposition}")
    if content_id:
        lines.append(f"Content-ID: <{content_id}>")
    return headers(*lines) + b"\r\n" + _base64(content)


def multipart(subtype: str, boundary: str, *parts: bytes, extra: str = "") -> bytes:
    out = headers(f'Content-Type: multipart/{subtype}; boundary="{boundary}"{extra}') + b"\r\n"
    for part in parts:
        out += f"--{boundary}\r\n".encode() + part + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def mail(envelope: list[str], content: bytes) -> bytes:
    """Top-level headers (ASCII), then the content's own headers and body."""
    return headers(*envelope, "MIME-Version: 1.0") + content


def raw_mail(head: bytes, content: bytes) -> bytes:
    """Top-level headers given as bytes (raw 8-bit headers, as some clients send)."""
    return head + b"MIME-Version: 1.0\r\n" + content


def gmail(sender: str, subject: str, message_id: str, date: str, *extra: str) -> list[str]:
    return [
        f"Return-Path: <{sender.split('<')[-1].rstrip('>')}>",
        f"Delivered-To: {SUPPORT}",
        f"Received: by mail-wm1-f41.google.com with SMTP id 5b1f17b1804b1-43; {date}",
        f"From: {sender}",
        f"Date: {date}",
        f"Message-ID: <{message_id}>",
        f"Subject: {subject}",
        f"To: Moda Destek <{SUPPORT}>",
        *extra,
    ]


def outlook(sender: str, subject: str, message_id: str, date: str, *extra: str) -> list[str]:
    return [
        f"Return-Path: <{sender.split('<')[-1].rstrip('>')}>",
        "Received: from EUR03-VI1-obe.outbound.protection.outlook.com (40.107.103.1) by "
        f"mx.moda.example; {date}",
        f"From: {sender}",
        f"To: {SUPPORT}",
        f"Subject: {subject}",
        "Thread-Topic: " + subject,
        f"Date: {date}",
        f"Message-ID: <{message_id}>",
        "Accept-Language: tr-TR, en-US",
        "X-MS-Has-Attach:",
        "X-MS-TNEF-Correlator:",
        *extra,
    ]


def simple(
    sender: str, subject: str, message_id: str, date: str, mailer: str, *extra: str
) -> list[str]:
    return [
        f"Return-Path: <{sender.split('<')[-1].rstrip('>')}>",
        f"Delivered-To: {SUPPORT}",
        f"From: {sender}",
        f"To: {SUPPORT}",
        f"Subject: {subject}",
        f"Date: {date}",
        f"Message-ID: <{message_id}>",
        f"X-Mailer: {mailer}" if mailer else "X-Priority: 3",
        *extra,
    ]


DATE = "Mon, 3 Mar 2025 10:12:45 +0300"
LATER = "Tue, 4 Mar 2025 09:01:10 +0300"
STORE_SAID = "Moda Destek <destek@moda.example>"

# The corpus -----------------------------------------------------------------------------

CORPUS: dict[str, tuple[Callable[[], bytes], Expected]] = {}


def case(name: str, expected: Expected) -> Callable[[Callable[[], bytes]], Callable[[], bytes]]:
    def register(build: Callable[[], bytes]) -> Callable[[], bytes]:
        CORPUS[name] = (build, expected)
        return build

    return register


# Turkish


@case(
    "tr_windows1254_outlook_new.eml",
    Expected("stored", "siparişim hâlâ gelmedi", subject="Sipariş durumu #10234"),
)
def _() -> bytes:
    text = (
        "Merhaba,\n\n10234 numaralı siparişim hâlâ gelmedi. Kargo şirketi İstanbul "
        "şubesinde bekliyor diyor. Ne zaman teslim edilir?\n\nTeşekkürler,\nAyşe Yılmaz"
    )
    envelope = outlook(
        f"{ew('Ayşe Yılmaz', 'windows-1254', 'Q')} <ayse.yilmaz@hotmail.com.tr>",
        ew("Sipariş durumu #10234", "windows-1254", "Q"),
        "VI1PR03MB4521A1B2C3D4@VI1PR03MB4521.eurprd03.prod.outlook.com",
        DATE,
    )
    return mail(envelope, text_part(text, charset="windows-1254", transfer="quoted-printable"))


@case(
    "tr_windows1254_outlook_reply.eml",
    Expected(
        "stored",
        "Kargo takip numarasını aldım",
        absent="siparişim hâlâ gelmedi",
        thread_to="tr_windows1254_outlook_new.eml",
        subject="YNT: Sipariş durumu #10234",
    ),
)
def _() -> bytes:
    text = (
        "Kargo takip numarasını aldım, çok teşekkür ederim. Yarın evde olacağım.\n\n"
        "Ayşe\n\n________________________________\n"
        "Kimden: Moda Destek <destek@moda.example>\n"
        "Gönderildi: 3 Mart 2025 Pazartesi 11:02\n"
        "Kime: Ayşe Yılmaz <ayse.yilmaz@hotmail.com.tr>\n"
        "Konu: Re: Sipariş durumu #10234\n\n"
        "Merhaba Ayşe Hanım, kargonuz yolda.\n\n"
        "> 10234 numaralı siparişim hâlâ gelmedi."
    )
    envelope = outlook(
        f"{ew('Ayşe Yılmaz', 'windows-1254', 'Q')} <ayse.yilmaz@hotmail.com.tr>",
        ew("YNT: Sipariş durumu #10234", "windows-1254", "Q"),
        "VI1PR03MB4521E5F6A7B8@VI1PR03MB4521.eurprd03.prod.outlook.com",
        LATER,
        "In-Reply-To: <VI1PR03MB4521A1B2C3D4@VI1PR03MB4521.eurprd03.prod.outlook.com>",
    )
    return mail(envelope, text_part(text, charset="windows-1254", transfer="quoted-printable"))


@case(
    "tr_iso88599_thunderbird_references.eml",
    Expected(
        "stored",
        "İade formunu doldurdum",
        absent="kargonuz yolda",
        thread_to="tr_windows1254_outlook_new.eml",
    ),
)
def _() -> bytes:
    text = (
        "İade formunu doldurdum, ürünü yarın kargoya vereceğim. Ücret iadesi kaç günde yapılır?\n\n"
        "3.03.2025 11:02 tarihinde Moda Destek yazdı:\n"
        "> Merhaba Ayşe Hanım, kargonuz yolda.\n>\n> Saygılarımızla"
    )
    envelope = simple(
        "Ayşe Yılmaz <ayse.yilmaz@hotmail.com.tr>",
        ew("Re: Sipariş durumu #10234", "iso-8859-9", "Q"),
        "5c1e2f3a-1b2c-4d5e-8f90-a1b2c3d4e5f6@hotmail.com.tr",
        LATER,
        "Mozilla Thunderbird",
        "References: <VI1PR03MB4521A1B2C3D4@VI1PR03MB4521.eurprd03.prod.outlook.com>",
        "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Thunderbird/128.7.1",
    )
    return mail(envelope, text_part(text, charset="iso-8859-9", transfer="8bit"))


@case(
    "tr_wrong_charset_latin1_is_1254.eml",
    Expected("stored", "Ödeme yaptım ama onay gelmedi", subject="İade talebi"),
)
def _() -> bytes:
    text = (
        "İyi günler,\n\nÖdeme yaptım ama onay gelmedi. Hesabımdan para çekildi, sipariş "
        "görünmüyor. Lütfen kontrol eder misiniz?\n\nŞükrü Işık"
    )
    envelope = simple(
        "Sukru Isik <sukru.isik@ttmail.com>",
        "=?iso-8859-1?Q?=DDade_talebi?=",
        "20250303101245.4A2B@ttmail.com",
        DATE,
        "Microsoft Outlook Express 6.00.2900.5512",
    )
    return mail(
        envelope,
        text_part(text, charset="iso-8859-1", transfer="quoted-printable", encode_as="cp1254"),
    )


@case(
    "tr_gmail_utf8_reply_yazdi.eml",
    Expected("stored", "Teşekkürler, kodu aldım", absent="indirim kodunuz"),
)
def _() -> bytes:
    plain = (
        "Teşekkürler, kodu aldım. Sepette çalışıyor.\n\n"
        "Zeynep\n\n"
        "Moda Destek <destek@moda.example>, 2 Mar 2025 Paz, 18:40 tarihinde şunu yazdı:\n\n"
        "> Merhaba Zeynep Hanım, indirim kodunuz: MODA10\n"
    )
    html = (
        '<div dir="ltr">Teşekkürler, kodu aldım. Sepette çalışıyor.<div><br></div><div>Zeynep'
        '</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Moda Destek'
        " &lt;destek@moda.example&gt;, 2 Mar 2025 Paz, 18:40 tarihinde şunu yazdı:<br></div>"
        '<blockquote class="gmail_quote">Merhaba Zeynep Hanım, indirim kodunuz: MODA10'
        "</blockquote></div>"
    )
    envelope = gmail(
        f"{ew('Zeynep Kaya')} <zeynep.kaya@gmail.com>",
        ew("Re: İndirim kodu"),
        "CAK8bY+4sP0e1qZ=xw3Fq0H7kJm@mail.gmail.com",
        DATE,
        "In-Reply-To: <not-in-this-store-1@moda.example>",
    )
    return mail(
        envelope,
        multipart(
            "alternative",
            "000000000000a1b2c3d4e5f60718",
            text_part(plain, transfer="base64"),
            text_part(html, transfer="base64", subtype="html"),
        ),
    )


@case("tr_iphone_gonderildi.eml", Expected("stored", "Beden değişimi", absent="iPhone"))
def _() -> bytes:
    text = "Beden değişimi yapabilir miyim? M yerine L istiyorum.\n\niPhone'umdan gönderildi"
    envelope = simple(
        f"{ew('Elif Şahin', 'utf-8', 'Q')} <elif.sahin@icloud.com>",
        ew("Beden değişimi", "utf-8", "Q"),
        "4F2A1C3B-9D8E-4F7A-B6C5-D4E3F2A1B0C9@icloud.com",
        DATE,
        "iPhone Mail (22D72)",
    )
    return mail(envelope, text_part(text, transfer="quoted-printable"))


@case("tr_yandex_missing_charset.eml", Expected("stored", "Kapıda ödeme", subject="Kapıda ödeme"))
def _() -> bytes:
    text = "Merhaba, kapıda ödeme seçeneği var mı? Kapıda ödeme ile sipariş vermek istiyorum."
    head = (
        b"Received: from mail-nwsmtp-smtp-production-main-51.vla.yp-c.yandex.net\r\n"
        b"From: Mehmet \xd6zt\xfcrk <mehmet.ozturk@yandex.com.tr>\r\n"
        b"To: destek@moda.example\r\n"
        b"Subject: Kap\xfdda \xf6deme\r\n"
        b"Date: Mon, 03 Mar 2025 10:12:45 +0300\r\n"
        b"Message-Id: <1234561741000000@mail.yandex.com.tr>\r\n"
        b"X-Mailer: Yamail [ http://yandex.ru ] 5.0\r\n"
    )
    return raw_mail(head, text_part(text, charset=None, encode_as="cp1254"))


@case("tr_out_of_office_subject.eml", Expected("auto_reply", "Otomatik yanıt"))
def _() -> bytes:
    envelope = outlook(
        "Burak Demir <burak.demir@firma.com.tr>",
        ew("Otomatik yanıt: Kampanya hakkında", "utf-8", "Q"),
        "AM0PR02MB5555OOF@AM0PR02MB5555.eurprd02.prod.outlook.com",
        DATE,
    )
    text = "10 Mart'a kadar ofis dışındayım. Acil konular için info@firma.com.tr adresine yazın."
    return mail(envelope, text_part(text, transfer="quoted-printable"))


@case(
    "tr_shop_platform_contact_form.eml",
    Expected(
        "stored",
        "Ürün stokta var mı",
        customer="canan.aydin@gmail.com",
        subject="Yeni iletişim formu mesajı",
    ),
)
def _() -> bytes:
    html = (
        "<html><head><style>td{font-family:Arial}</style></head><body>"
        "<h2>Yeni iletişim formu mesajı</h2><table><tr><td><b>Ad:</b></td><td>Canan Aydın</td>"
        "</tr><tr><td><b>E-posta:</b></td><td>canan.aydin@gmail.com</td></tr><tr><td><b>Mesaj:"
        "</b></td><td>Ürün stokta var mı? Kırmızı elbisenin 38 bedeni ne zaman gelir?</td></tr>"
        '</table><img src="https://cdn.shop.example/pixel.gif" width="1" height="1">'
        "</body></html>"
    )
    envelope = [
        "Return-Path: <bounce+a1b2@mailer.shopplatform.example>",
        f"Delivered-To: {SUPPORT}",
        "From: Moda Mağaza <no-reply@shopplatform.example>",
        f"Reply-To: {ew('Canan Aydın')} <canan.aydin@gmail.com>",
        f"To: {SUPPORT}",
        f"Subject: {ew('Yeni iletişim formu mesajı')}",
        "Date: Mon, 03 Mar 2025 07:12:45 +0000",
        "Message-ID: <contact-7f3a9b21@mailer.shopplatform.example>",
    ]
    return mail(envelope, text_part(html, subtype="html", transfer="quoted-printable"))


@case(
    "tr_double_encoded_utf8.eml",
    Expected("stored", "Siparişimi iptal etmek istiyorum", subject="Sipariş iptali"),
)
def _() -> bytes:
    text = "Merhaba, Siparişimi iptal etmek istiyorum. Çok teşekkürler."
    doubled = text.encode("utf-8").decode("cp1252")
    envelope = simple(
        "Hakan Çelik <hakan@celik-tekstil.com.tr>",
        ew("Sipariş iptali"),
        "20250303.hakan.8812@celik-tekstil.com.tr",
        DATE,
        "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)",
    )
    return mail(envelope, text_part(doubled, transfer="8bit"))


# Polish


@case(
    "pl_iso88592_thunderbird_new.eml",
    Expected(
        "stored",
        "Zamówienie nie dotarło",
        absent="Handel Łukasz",
        subject="Zamówienie 10311 – brak przesyłki",
    ),
)
def _() -> bytes:
    text = (
        "Dzień dobry,\n\nZamówienie nie dotarło, choć minęły już dwa tygodnie. Proszę o "
        "sprawdzenie, gdzie jest przesyłka.\n\nPozdrawiam\nŁukasz Wiśniewski\n-- \n"
        "Handel Łukasz Wiśniewski\nul. Piotrkowska 12, 90-001 Łódź"
    )
    envelope = simple(
        "=?ISO-8859-2?Q?=A3ukasz_Wi=B6niewski?= <lukasz.wisniewski@wp.pl>",
        ew("Zamówienie 10311 – brak przesyłki", "utf-8", "B"),
        "8b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e@wp.pl",
        DATE,
        "",
        "User-Agent: Mozilla Thunderbird",
    )
    return mail(envelope, text_part(text, charset="iso-8859-2", transfer="8bit"))


@case(
    "pl_windows1250_outlook_reply.eml",
    Expected(
        "stored",
        "Proszę o fakturę VAT",
        absent="Zamówienie nie dotarło",
        thread_to="pl_iso88592_thunderbird_new.eml",
    ),
)
def _() -> bytes:
    text = (
        "Przesyłka dotarła, dziękuję. Proszę o fakturę VAT na firmę.\n\n"
        "Łukasz\n\n"
        "Od: Moda Destek <destek@moda.example>\n"
        "Wysłano: poniedziałek, 3 marca 2025 11:20\n"
        "Do: Łukasz Wiśniewski <lukasz.wisniewski@wp.pl>\n"
        "Temat: Re: Zamówienie 10311\n\n"
        "Dzień dobry, przesyłka jest w drodze.\n\n"
        "Zamówienie nie dotarło, choć minęły już dwa tygodnie."
    )
    envelope = outlook(
        "=?windows-1250?Q?=A3ukasz_Wi=9Cniewski?= <lukasz.wisniewski@wp.pl>",
        ew("ODP: Zamówienie 10311 – brak przesyłki", "windows-1250", "Q"),
        "DB9PR01MB7777C0FFEE@DB9PR01MB7777.eurprd01.prod.outlook.com",
        LATER,
        "In-Reply-To: <8b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e@wp.pl>",
        "References: <8b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e@wp.pl>",
    )
    return mail(envelope, text_part(text, charset="windows-1250", transfer="quoted-printable"))


@case(
    "pl_gmail_napisal_references.eml",
    Expected(
        "stored",
        "Dziękuję za szybką odpowiedź",
        absent="przesyłka jest w drodze",
        thread_to="pl_iso88592_thunderbird_new.eml",
    ),
)
def _() -> bytes:
    text = (
        "Dziękuję za szybką odpowiedź! Faktura jest w porządku.\n\n"
        "W dniu pon., 3 mar 2025 o 11:20 Moda Destek <destek@moda.example>\nnapisał(a):\n\n"
        "> Dzień dobry, przesyłka jest w drodze.\n"
    )
    envelope = gmail(
        f"{ew('Łukasz Wiśniewski')} <lukasz.wisniewski@wp.pl>",
        ew("Re: Zamówienie 10311 – brak przesyłki"),
        "CAF3x9Q_pl-1@mail.gmail.com",
        LATER,
        "References: <root-unknown@wp.pl>\r\n <8b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e@wp.pl>",
    )
    return mail(envelope, text_part(text, transfer="quoted-printable"))


@case(
    "pl_wrong_charset_latin1_is_iso88592.eml",
    Expected("stored", "czy mogę odebrać paczkę w Łodzi", subject="Odbiór osobisty"),
)
def _() -> bytes:
    text = "Dzień dobry, czy mogę odebrać paczkę w Łodzi osobiście? Zależy mi na czasie."
    envelope = simple(
        "Zofia Kowalczyk <zofia.k@onet.pl>",
        "=?iso-8859-1?Q?Odbi=F3r_osobisty?=",
        "onet-5566778899@onet.pl",
        DATE,
        "Onet Poczta",
    )
    return mail(envelope, text_part(text, charset="iso-8859-1", encode_as="iso-8859-2"))


@case(
    "pl_attachments_rfc2231_names.eml",
    Expected(
        "stored",
        "W załączniku faktura",
        attachments=("Faktura_zamówienie_Łódź.pdf", "zdjęcie paczki.jpg"),
    ),
)
def _() -> bytes:
    envelope = simple(
        "Marta Nowak <marta.nowak@o2.pl>",
        ew("Reklamacja – zdjęcia"),
        "o2-reklamacja-991@o2.pl",
        DATE,
        "",
    )
    return mail(
        envelope,
        multipart(
            "mixed",
            "----=_Part_1_2131",
            text_part("W załączniku faktura i zdjęcie uszkodzonej paczki.", transfer="8bit"),
            file_part(
                PDF,
                "application/pdf",
                filename_header="filename*=utf-8''Faktura_zam%C3%B3wienie_%C5%81%C3%B3d%C5%BA.pdf",
            ),
            file_part(
                JPEG,
                'image/jpeg; name="' + ew("zdjęcie paczki.jpg") + '"',
                filename_header='filename="' + ew("zdjęcie paczki.jpg") + '"',
            ),
        ),
    )


@case("pl_auto_submitted_header.eml", Expected("auto_reply", "Odpowiedź automatyczna"))
def _() -> bytes:
    envelope = simple(
        "Piotr Zieliński <p.zielinski@firma.pl>",
        ew("Odpowiedź automatyczna: Nowa kolekcja"),
        "auto-77@firma.pl",
        DATE,
        "",
        "Auto-Submitted: auto-replied",
    )
    return mail(envelope, text_part("Jestem na urlopie do 10 marca.", transfer="8bit"))


@case("pl_wyslane_z_iphone.eml", Expected("stored", "Czy jest rozmiar 40", absent="iPhone"))
def _() -> bytes:
    text = "Czy jest rozmiar 40 w kolorze czarnym?\n\nWysłane z iPhone'a"
    envelope = simple(
        "Anna Wójcik <anna.wojcik@interia.pl>",
        ew("Rozmiar"),
        "A1B2C3D4-pl-iphone@interia.pl",
        DATE,
        "iPhone Mail (21G93)",
    )
    return mail(envelope, text_part(text, transfer="quoted-printable"))


# German


@case(
    "de_outlook_urspruengliche_nachricht.eml",
    Expected("stored", "bitte um Rückruf", absent="Ihre Bestellung wurde versandt"),
)
def _() -> bytes:
    text = (
        "Guten Tag,\n\nbitte um Rückruf wegen der Lieferung. Das Paket ist beschädigt.\n\n"
        "Mit freundlichen Grüßen\nJürgen Müller\n\n"
        "-----Ursprüngliche Nachricht-----\n"
        "Von: Moda Destek <destek@moda.example>\n"
        "Gesendet: Freitag, 28. Februar 2025 16:00\n"
        "An: Jürgen Müller <j.mueller@t-online.de>\n"
        "Betreff: Ihre Bestellung 10400\n\nIhre Bestellung wurde versandt."
    )
    envelope = outlook(
        "=?iso-8859-1?Q?J=FCrgen_M=FCller?= <j.mueller@t-online.de>",
        ew("AW: Ihre Bestellung 10400", "iso-8859-1", "Q"),
        "000001db8c1a$5e6f7a80$1b2c3d4e$@t-online.de",
        DATE,
    )
    return mail(envelope, text_part(text, charset="windows-1252", transfer="quoted-printable"))


@case(
    "de_gmx_schrieb_reply.eml",
    Expected(
        "stored",
        "Die Größe passt nicht",
        absent="bitte um Rückruf",
        thread_to="de_outlook_urspruengliche_nachricht.eml",
    ),
)
def _() -> bytes:
    text = (
        "Die Größe passt nicht, ich möchte umtauschen.\n\n"
        "Am 03.03.2025 um 10:12 schrieb Jürgen Müller <j.mueller@t-online.de>:\n"
        "> Guten Tag,\n> bitte um Rückruf wegen der Lieferung."
    )
    envelope = simple(
        f"{ew('Jürgen Müller', 'utf-8', 'Q')} <j.mueller@t-online.de>",
        ew("Re: AW: Ihre Bestellung 10400"),
        "trinity-9a8b7c6d-gmx@3c-app-gmx-bap12",
        LATER,
        "",
        "In-Reply-To: <000001db8c1a$5e6f7a80$1b2c3d4e$@t-online.de>",
    )
    return mail(envelope, text_part(text, charset="UTF-8", transfer="quoted-printable"))


@case("de_abwesenheitsnotiz.eml", Expected("auto_reply", "Automatische Antwort"))
def _() -> bytes:
    envelope = outlook(
        "Sabine Schmidt <s.schmidt@firma.de>",
        ew("Automatische Antwort: Ihre Anfrage", "iso-8859-1", "Q"),
        "OOF-de-1@firma.de",
        DATE,
        "Auto-Submitted: auto-generated",
        "X-Auto-Response-Suppress: All",
    )
    return mail(
        envelope,
        text_part("Ich bin bis 10.03. nicht im Büro.", charset="iso-8859-1", transfer="8bit"),
    )


@case("de_precedence_bulk_abwesend.eml", Expected("auto_reply", "Abwesenheitsnotiz"))
def _() -> bytes:
    envelope = simple(
        "Klaus Becker <k.becker@web.de>",
        "Abwesenheitsnotiz: Re: Lieferung",
        "abwesend-55@web.de",
        DATE,
        "",
        "Precedence: bulk",
    )
    return mail(envelope, text_part("Ich bin im Urlaub.", transfer="7bit"))


@case(
    "de_shop_notification_html_only_bulk.eml",
    Expected("stored", "Kundenfrage zu Artikel", subject="Neue Kundenfrage"),
)
def _() -> bytes:
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Frage</title>'
        "<script>alert(1)</script></head><body><p>Kundenfrage zu Artikel <b>Leinenhemd</b>:"
        '</p><p>Ist das Hemd auch in Größe XL verfügbar?</p><p><a href="https://moda.example/'
        'p/leinenhemd" onclick="x()">Zum Artikel</a></p></body></html>'
    )
    envelope = simple(
        "Kerstin Wolf <kerstin.wolf@gmx.de>",
        "Neue Kundenfrage",
        "q-4411@marktplatz.example",
        DATE,
        "",
        "Precedence: bulk",
        "List-Unsubscribe: <mailto:unsubscribe@marktplatz.example>",
    )
    return mail(
        envelope,
        text_part(html, charset=None, subtype="html", transfer="base64", encode_as="utf-8"),
    )


@case("de_von_meinem_iphone.eml", Expected("stored", "Lieferadresse ändern", absent="iPhone"))
def _() -> bytes:
    text = "Kann ich die Lieferadresse ändern?\n\nVon meinem iPhone gesendet"
    envelope = simple(
        "Lena Fischer <lena.fischer@icloud.com>",
        ew("Lieferadresse"),
        "7D6C5B4A-de-iphone@icloud.com",
        DATE,
        "iPhone Mail (22D72)",
    )
    return mail(envelope, text_part(text, transfer="quoted-printable"))


@case(
    "de_forwarded_as_attachment.eml",
    Expected(
        "stored",
        "Zustellung fehlgeschlagen",
        note=True,
        attachments=("beleg.png",),
    ),
)
def _() -> bytes:
    inner = mail(
        [
            "From: DHL Paket <noreply@dhl.example>",
            "To: Tobias Braun <tobias.braun@posteo.de>",
            "Subject: Zustellung fehlgeschlagen",
            "Date: Sun, 2 Mar 2025 15:00:00 +0100",
            "Message-ID: <dhl-123@dhl.example>",
        ],
        multipart(
            "mixed",
            "inner-boundary-1",
            text_part("Zustellung fehlgeschlagen: Empfänger nicht angetroffen.", transfer="8bit"),
            file_part(PNG, "image/png", filename_header='filename="beleg.png"'),
        ),
    )
    outer_text = "Hallo, siehe weitergeleitete Nachricht von DHL. Was soll ich tun?"
    envelope = simple(
        "Tobias Braun <tobias.braun@posteo.de>",
        "Fwd: Zustellung fehlgeschlagen",
        "fwd-9876@posteo.de",
        DATE,
        "",
        "User-Agent: Mozilla Thunderbird",
    )
    forwarded = (
        headers(
            'Content-Type: message/rfc822; name="Zustellung.eml"',
            'Content-Disposition: attachment; filename="Zustellung.eml"',
        )
        + b"\r\n"
        + inner
    )
    return mail(
        envelope,
        multipart("mixed", "outer-boundary-2", text_part(outer_text, transfer="8bit"), forwarded),
    )


# French


@case(
    "fr_iso88591_orange_new.eml",
    Expected("stored", "Où est ma commande", subject="Commande non reçue"),
)
def _() -> bytes:
    text = (
        "Bonjour,\n\nOù est ma commande ? Je l'ai passée il y a dix jours et je n'ai rien "
        "reçu.\n\nCordialement,\nHélène Lefèvre"
    )
    envelope = simple(
        "=?iso-8859-1?Q?H=E9l=E8ne_Lef=E8vre?= <helene.lefevre@orange.fr>",
        ew("Commande non reçue", "iso-8859-1", "Q"),
        "1741000000.orange.fr.12345@orange.fr",
        DATE,
        "Orange Messagerie",
    )
    return mail(envelope, text_part(text, charset="iso-8859-1", transfer="8bit"))


@case(
    "fr_apple_mail_a_ecrit.eml",
    Expected(
        "stored",
        "Merci pour le suivi",
        absent="Votre colis est parti",
        thread_to="fr_iso88591_orange_new.eml",
    ),
)
def _() -> bytes:
    text = (
        "Merci pour le suivi, je l’ai bien reçu.\n\n"
        "Le 3 mars 2025 à 11:30, Moda Destek <destek@moda.example> a écrit\u00a0:\n\n"
        "> Votre colis est parti ce matin.\n"
    )
    envelope = simple(
        "=?utf-8?Q?H=C3=A9l=C3=A8ne_Lef=C3=A8vre?= <helene.lefevre@orange.fr>",
        ew("Re: Commande non reçue"),
        "9E8D7C6B-fr-apple@orange.fr",
        LATER,
        "Apple Mail (2.3774.300.61.1.2)",
        "In-Reply-To: <1741000000.orange.fr.12345@orange.fr>",
    )
    return mail(envelope, text_part(text, transfer="quoted-printable"))


@case(
    "fr_outlook_de_envoye_html.eml",
    Expected("stored", "Je souhaite échanger", absent="Nous avons bien reçu"),
)
def _() -> bytes:
    html = (
        "<html><body><div>Bonjour,</div><div>Je souhaite échanger la robe contre une taille 40."
        '</div><div>Merci</div><hr><div id="divRplyFwdMsg"><b>De :</b> Moda Destek &lt;'
        "destek@moda.example&gt;<br><b>Envoyé :</b> lundi 3 mars 2025 09:00<br><b>À :</b> "
        "Camille<br><b>Objet :</b> Votre commande</div><div>Nous avons bien reçu votre "
        "commande.</div></body></html>"
    )
    plain = (
        "Bonjour,\nJe souhaite échanger la robe contre une taille 40.\nMerci\n"
        "________________________________\nDe : Moda Destek <destek@moda.example>\n"
        "Envoyé : lundi 3 mars 2025 09:00\nÀ : Camille\nObjet : Votre commande\n\n"
        "Nous avons bien reçu votre commande."
    )
    envelope = outlook(
        "Camille Martin <camille.martin@outlook.fr>",
        ew("RE: Votre commande", "utf-8", "Q"),
        "PR3P192MB0001FR@PR3P192MB0001.EURP192.PROD.OUTLOOK.COM",
        DATE,
    )
    return mail(
        envelope,
        multipart(
            "alternative",
            "_000_PR3P192MB0001FR_",
            text_part(plain, charset="iso-8859-1", transfer="quoted-printable"),
            text_part(html, charset="iso-8859-1", transfer="quoted-printable", subtype="html"),
        ),
    )


@case("fr_reponse_automatique_x_autoreply.eml", Expected("auto_reply", "Réponse automatique"))
def _() -> bytes:
    envelope = simple(
        "Julien Bernard <julien.bernard@free.fr>",
        ew("Réponse automatique : Votre commande"),
        "autoreply-free-1@free.fr",
        DATE,
        "",
        "X-Autoreply: yes",
    )
    return mail(envelope, text_part("Je suis absent jusqu'au 10 mars.", transfer="8bit"))


@case(
    "fr_envoye_de_mon_iphone.eml",
    Expected("stored", "Puis-je payer en trois fois", absent="iPhone"),
)
def _() -> bytes:
    text = "Puis-je payer en trois fois ?\n\nEnvoyé de mon iPhone"
    envelope = simple(
        f"{ew('Chloé Dubois', 'utf-8', 'Q')} <chloe.dubois@icloud.com>",
        ew("Paiement"),
        "FR-iphone-2@icloud.com",
        DATE,
        "iPhone Mail (22D72)",
    )
    return mail(envelope, text_part(text, transfer="quoted-printable"))


# Spanish


@case(
    "es_gmail_escribio.eml",
    Expected("stored", "¿Cuándo llega mi pedido?", absent="Gracias por su compra"),
)
def _() -> bytes:
    text = (
        "¿Cuándo llega mi pedido? Necesito el vestido para el sábado.\n\n"
        "El lun, 3 mar 2025 a las 9:00, Moda Destek (<destek@moda.example>) escribió:\n\n"
        "> Gracias por su compra.\n"
    )
    envelope = gmail(
        f"{ew('Lucía Fernández')} <lucia.fernandez@gmail.com>",
        ew("Re: Pedido 10555"),
        "CAes-1@mail.gmail.com",
        DATE,
        "In-Reply-To: <unknown-es@moda.example>",
    )
    return mail(envelope, text_part(text, transfer="base64"))


@case(
    "es_outlook_mensaje_original.eml",
    Expected("stored", "Quiero devolver las zapatillas", absent="Su pedido ha sido enviado"),
)
def _() -> bytes:
    text = (
        "Hola,\nQuiero devolver las zapatillas, son pequeñas.\nSaludos, José Martínez\n\n"
        "-----Mensaje original-----\nDe: Moda Destek\nEnviado el: lunes, 3 de marzo de 2025\n"
        "Para: José\nAsunto: Pedido\n\nSu pedido ha sido enviado."
    )
    envelope = outlook(
        "=?windows-1252?Q?Jos=E9_Mart=EDnez?= <jose.martinez@hotmail.es>",
        ew("RE: Pedido", "windows-1252", "Q"),
        "ES-outlook-1@hotmail.es",
        DATE,
    )
    return mail(envelope, text_part(text, charset="windows-1252", transfer="quoted-printable"))


@case("es_fuera_de_la_oficina.eml", Expected("auto_reply", "Fuera de la oficina"))
def _() -> bytes:
    envelope = simple(
        "Carmen Ruiz <carmen.ruiz@empresa.es>",
        ew("Fuera de la oficina"),
        "ooo-es@empresa.es",
        DATE,
        "",
    )
    return mail(envelope, text_part("Estaré fuera hasta el lunes.", transfer="8bit"))


@case("es_enviado_desde_mi_iphone.eml", Expected("stored", "talla M", absent="iPhone"))
def _() -> bytes:
    text = "¿Tienen la camiseta en talla M?\n\nEnviado desde mi iPhone"
    envelope = simple(
        f"{ew('Pablo Gómez', 'utf-8', 'Q')} <pablo.gomez@yahoo.es>",
        ew("Talla"),
        "es-iphone-3@yahoo.es",
        DATE,
        "iPhone Mail (22D72)",
    )
    return mail(envelope, text_part(text, transfer="quoted-printable"))


@case("es_missing_charset_utf8.eml", Expected("stored", "Soy Íñigo Muñoz"))
def _() -> bytes:
    text = "Buenas tardes. Soy Íñigo Muñoz y no recibí el código de seguimiento."
    envelope = simple(
        "Inigo Munoz <inigo@telefonica.net>",
        "Seguimiento",
        "es-nocharset@telefonica.net",
        DATE,
        "",
    )
    return mail(envelope, text_part(text, charset=None, encode_as="utf-8"))


# English


@case(
    "en_gmail_alternative_new.eml",
    Expected("stored", "Where is my order #10234", subject="Order #10234"),
)
def _() -> bytes:
    plain = "Hi,\n\nWhere is my order #10234? It has been a week.\n\nThanks,\nEmma"
    html = (
        '<div dir="ltr">Hi,<div><br></div><div>Where is my order #10234? It has been a week.'
        "</div><div><br></div><div>Thanks,</div><div>Emma</div></div>"
    )
    envelope = gmail(
        "Emma Brown <emma.brown@gmail.com>", "Order #10234", "CAen-new-1@mail.gmail.com", DATE
    )
    return mail(
        envelope,
        multipart(
            "alternative",
            "000000000000f1e2d3c4b5a69788",
            text_part(plain, charset="UTF-8", transfer="7bit"),
            text_part(html, charset="UTF-8", transfer="7bit", subtype="html"),
        ),
    )


@case(
    "en_gmail_reply_wrote.eml",
    Expected(
        "stored",
        "Thanks, that works",
        absent="It has been a week",
        thread_to="en_gmail_alternative_new.eml",
    ),
)
def _() -> bytes:
    text = (
        "Thanks, that works for me.\n\n"
        "On Mon, Mar 3, 2025 at 10:12 AM Emma Brown <emma.brown@gmail.com>\nwrote:\n\n"
        "> Hi,\n>\n> Where is my order #10234? It has been a week.\n"
    )
    envelope = gmail(
        "Emma Brown <emma.brown@gmail.com>",
        "Re: Order #10234",
        "CAen-reply-2@mail.gmail.com",
        LATER,
        "In-Reply-To: <CAen-new-1@mail.gmail.com>",
        "References: <CAen-new-1@mail.gmail.com>",
    )
    return mail(envelope, text_part(text, charset="UTF-8", transfer="7bit"))


@case(
    "en_outlook_html_only_from_sent_block.eml",
    Expected(
        "stored",
        "Can I change the delivery address",
        absent="It has been a week",
        thread_to="en_gmail_alternative_new.eml",
    ),
)
def _() -> bytes:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        "</head><body><div>Can I change the delivery address to my office?</div><div><br></div>"
        '<div id="appendonsend"></div><hr style="display:inline-block;width:98%">'
        '<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Emma Brown &lt;emma.brown@gmail.com&gt;'
        "<br><b>Sent:</b> Monday, March 3, 2025 10:12 AM<br><b>To:</b> destek@moda.example<br>"
        "<b>Subject:</b> Order #10234</div><div>Where is my order #10234? It has been a week."
        "</div></body></html>"
    )
    envelope = outlook(
        "Emma Brown <emma.brown@outlook.com>",
        "RE: Order #10234",
        "en-outlook-html-3@outlook.com",
        LATER,
        "References: <CAen-new-1@mail.gmail.com>",
    )
    return mail(envelope, text_part(html, subtype="html", transfer="quoted-printable"))


@case(
    "en_inline_image_cid.eml",
    Expected("stored", "photo of the damaged box", attachments=("image001.png",)),
)
def _() -> bytes:
    html = '<p>Here is a photo of the damaged box:</p><p><img src="cid:image001.png@01DB8C1A"></p>'
    envelope = simple(
        "Oliver Smith <oliver.smith@yahoo.co.uk>",
        "Damaged parcel",
        "en-cid-4@yahoo.co.uk",
        DATE,
        "",
    )
    return mail(
        envelope,
        multipart(
            "related",
            "related-boundary-5",
            text_part(html, subtype="html", transfer="quoted-printable"),
            file_part(
                PNG,
                'image/png; name="image001.png"',
                disposition="inline",
                filename_header='filename="image001.png"',
                content_id="image001.png@01DB8C1A",
            ),
            extra='; type="text/html"',
        ),
    )


@case(
    "en_calendar_invite.eml",
    Expected("stored", "call to discuss the wholesale order", note=True),
)
def _() -> bytes:
    calendar = (
        "BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\n"
        "VERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\nDTSTART:20250305T090000Z\n"
        "DTEND:20250305T093000Z\nSUMMARY:Wholesale order\nUID:040000008200E00074C5B7101A82E008\n"
        "END:VEVENT\nEND:VCALENDAR"
    )
    envelope = outlook(
        "Grace Lee <grace.lee@boutique.example>",
        "Wholesale order call",
        "en-invite-6@boutique.example",
        DATE,
    )
    return mail(
        envelope,
        multipart(
            "alternative",
            "_002_invite_",
            text_part("Let's have a call to discuss the wholesale order.", transfer="7bit"),
            text_part(
                "<p>Let's have a call to discuss the wholesale order.</p>",
                subtype="html",
                transfer="7bit",
            ),
            headers(
                'Content-Type: text/calendar; charset="utf-8"; method=REQUEST',
                "Content-Transfer-Encoding: base64",
            )
            + b"\r\n"
            + _base64(calendar.replace("\n", "\r\n").encode()),
        ),
    )


@case("en_tnef_winmail_dat.eml", Expected("stored", "Please see the attached", note=True))
def _() -> bytes:
    tnef = b"\x78\x9f\x3e\x22" + b"\x01\x06\x90\x08\x00\x04\x00\x00\x00\x00\x00" * 8
    envelope = outlook(
        "Harry Wilson <harry.wilson@corp.example>",
        "Invoice question",
        "en-tnef-7@corp.example",
        DATE,
    )
    return mail(
        envelope,
        multipart(
            "mixed",
            "tnef-boundary",
            text_part(
                "Please see the attached invoice and correct the VAT number.", transfer="7bit"
            ),
            file_part(
                tnef,
                'application/ms-tnef; name="winmail.dat"',
                filename_header='filename="winmail.dat"',
            ),
        ),
    )


@case(
    "en_bounce_postfix_dsn.eml",
    Expected("bounce", "Undelivered Mail", bounced_message_id="a1b2c3d4@" + OWN_DOMAIN),
)
def _() -> bytes:
    envelope = [
        "Return-Path: <>",
        f"Delivered-To: {SUPPORT}",
        "From: MAILER-DAEMON@mx.moda.example (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender",
        f"To: {SUPPORT}",
        "Auto-Submitted: auto-replied",
        "Date: Mon,  3 Mar 2025 10:12:45 +0300 (+03)",
        "Message-Id: <20250303071245.1A2B3C@mx.moda.example>",
    ]
    notice = (
        "This is the mail system at host mx.moda.example.\n\nI'm sorry to have to inform you "
        "that your message could not\nbe delivered to one or more recipients.\n\n"
        "<nobody@nowhere.example>: host mx.nowhere.example said: 550 5.1.1 User unknown"
    )
    status = (
        "Reporting-MTA: dns; mx.moda.example\n\nFinal-Recipient: rfc822; nobody@nowhere.example\n"
        "Action: failed\nStatus: 5.1.1\n"
    )
    original_headers = (
        f"From: Moda Destek <{SUPPORT}>\nTo: nobody@nowhere.example\nSubject: Your order\n"
        f"Message-ID: <a1b2c3d4@{OWN_DOMAIN}>\n"
    )
    return mail(
        envelope,
        multipart(
            "report",
            "1A2B3C.1741000000/mx.moda.example",
            text_part(notice, charset="us-ascii", transfer="7bit"),
            headers("Content-Type: message/delivery-status") + b"\r\n" + status.encode(),
            headers("Content-Type: text/rfc822-headers") + b"\r\n" + original_headers.encode(),
            extra="; report-type=delivery-status",
        ),
    )


@case(
    "en_bounce_gmail_dsn_rfc822.eml",
    Expected("bounce", "Delivery Status Notification", bounced_message_id="f00d@" + OWN_DOMAIN),
)
def _() -> bytes:
    envelope = [
        "Return-Path: <>",
        "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        f"To: {SUPPORT}",
        "Subject: Delivery Status Notification (Failure)",
        "Date: Mon, 03 Mar 2025 00:12:45 -0800 (PST)",
        "Message-ID: <67c5a1b2.050a0220.gmail-dsn@mx.google.com>",
    ]
    original = mail(
        [
            f"From: {SUPPORT}",
            "To: gone@gmail.com",
            "Subject: Re: Order",
            f"Message-ID: <f00d@{OWN_DOMAIN}>",
        ],
        text_part("Hello", transfer="7bit"),
    )
    return mail(
        envelope,
        multipart(
            "report",
            "gmail-dsn-boundary",
            text_part(
                "Address not found. The address gone@gmail.com couldn't be found.", transfer="7bit"
            ),
            headers("Content-Type: message/delivery-status")
            + b"\r\n"
            + b"Final-Recipient: rfc822; gone@gmail.com\r\nAction: failed\r\nStatus: 5.1.1\r\n",
            headers("Content-Type: message/rfc822") + b"\r\n" + original,
            extra="; report-type=delivery-status",
        ),
    )


@case("en_loop_own_message_id.eml", Expected("auto_reply", "Your order"))
def _() -> bytes:
    envelope = simple(
        f"Moda Destek <{SUPPORT}>",
        "Re: Your order",
        f"b00c1e@{OWN_DOMAIN}",
        DATE,
        "",
    )
    return mail(envelope, text_part("This came back to us.", transfer="7bit"))


@case("en_out_of_office_auto_submitted.eml", Expected("auto_reply", "Out of Office"))
def _() -> bytes:
    envelope = outlook(
        "Jack Taylor <jack.taylor@company.example>",
        "Out of Office: Re: Order #10234",
        "ooo-en@company.example",
        DATE,
        "Auto-Submitted: auto-replied",
        f"In-Reply-To: <b00c1e2@{OWN_DOMAIN}>",
    )
    return mail(envelope, text_part("I am out of the office until Monday.", transfer="7bit"))


@case("en_read_receipt_mdn.eml", Expected("auto_reply", "Read: Order"))
def _() -> bytes:
    envelope = [
        "Return-Path: <>",
        "From: Noah Davies <noah.davies@company.example>",
        f"To: {SUPPORT}",
        "Subject: Read: Order #10999",
        f"Date: {DATE}",
        "Message-ID: <mdn-1@company.example>",
    ]
    return mail(
        envelope,
        multipart(
            "report",
            "mdn-boundary",
            text_part("Your message was read on Monday.", transfer="7bit"),
            headers("Content-Type: message/disposition-notification")
            + b"\r\n"
            + b"Final-Recipient: rfc822; noah.davies@company.example\r\n"
            + b"Disposition: manual-action/MDN-sent-manually; displayed\r\n",
            extra="; report-type=disposition-notification",
        ),
    )


@case("en_no_message_id.eml", Expected("stored", "sent without a message id"))
def _() -> bytes:
    return mail(
        [
            "From: Old Script <orders@legacy-shop.example>",
            f"To: {SUPPORT}",
            "Subject: Question",
            f"Date: {DATE}",
        ],
        text_part("This mail was sent without a message id by an old script.", transfer="7bit"),
    )


@case("en_shop_order_notification_auto_generated.eml", Expected("auto_reply", "Order #1001"))
def _() -> bytes:
    envelope = simple(
        "Shop Platform <no-reply@shopplatform.example>",
        "[Moda] Order #1001 placed by Emma Brown",
        "order-1001@shopplatform.example",
        DATE,
        "",
        "Auto-Submitted: auto-generated",
        "Precedence: bulk",
    )
    return mail(envelope, text_part("Order #1001: 1 x Linen shirt, 49.00 EUR", transfer="7bit"))


@case(
    "en_signature_delimiter.eml",
    Expected("stored", "Do you ship to Ireland", absent="Managing Director"),
)
def _() -> bytes:
    text = (
        "Hello,\n\nDo you ship to Ireland?\n\nBest\nAmelia\n-- \nAmelia Clarke\nManaging Director"
    )
    envelope = simple(
        "Amelia Clarke <amelia@clarke.example>", "Shipping", "sig-1@clarke.example", DATE, ""
    )
    return mail(envelope, text_part(text, transfer="7bit"))


@case(
    "en_forward_inline_gmail.eml",
    Expected("stored", "Your parcel is on its way"),
)
def _() -> bytes:
    text = (
        "Is this mail really from you?\n\n---------- Forwarded message ---------\n"
        "From: Parcel Service <info@parcel.example>\nDate: Sun, Mar 2, 2025 at 3:00 PM\n"
        "Subject: Your parcel\nTo: <ella@gmail.com>\n\nYour parcel is on its way. Pay 2 EUR "
        "customs here.\n"
    )
    envelope = gmail(
        "Ella Walker <ella@gmail.com>", "Fwd: Your parcel", "CAfwd-9@mail.gmail.com", DATE
    )
    return mail(envelope, text_part(text, transfer="7bit"))


@case("en_mbox_from_line.eml", Expected("stored", "saved from an mbox file"))
def _() -> bytes:
    return b"From sophie@example.org Mon Mar  3 10:12:45 2025\r\n" + mail(
        [
            "From: Sophie Hall <sophie@example.org>",
            f"To: {SUPPORT}",
            "Subject: Imported",
            f"Date: {DATE}",
            "Message-ID: <mbox-1@example.org>",
        ],
        text_part("This mail was saved from an mbox file by the old help desk.", transfer="7bit"),
    )


@case(
    "en_long_folded_subject_split_words.eml",
    Expected(
        "stored",
        "the subject is long",
        subject="Question about order #10234 – İade, zwrot, Rückgabe, remboursement, devolución",
    ),
)
def _() -> bytes:
    subject = "Question about order #10234 – İade, zwrot, Rückgabe, remboursement, devolución"
    data = subject.encode("utf-8")
    # Split in the middle of a character, as some clients do: only joined bytes decode.
    cut = data.index("İ".encode()) + 1
    words = [data[:cut], data[cut:40], data[40:]]
    folded = "\r\n ".join(f"=?UTF-8?B?{base64.b64encode(w).decode()}?=" for w in words)
    envelope = simple("Mia Young <mia@young.example>", folded, "subject-1@young.example", DATE, "")
    return mail(envelope, text_part("Yes, the subject is long.", transfer="7bit"))


# Russian and Japanese


@case(
    "ru_koi8r_yandex.eml",
    Expected("stored", "Мой заказ до сих пор не пришёл", subject="Где мой заказ?"),
)
def _() -> bytes:
    text = "Здравствуйте!\n\nМой заказ до сих пор не пришёл. Когда будет доставка?\n\nИван Петров"
    envelope = simple(
        f"{ew('Иван Петров', 'koi8-r', 'B')} <ivan.petrov@yandex.ru>",
        ew("Где мой заказ?", "koi8-r", "B"),
        "987651741000000@mail.yandex.ru",
        DATE,
        "Yamail [ http://yandex.ru ] 5.0",
    )
    return mail(envelope, text_part(text, charset="koi8-r", transfer="8bit"))


@case(
    "ru_windows1251_reply_pishet.eml",
    Expected(
        "stored",
        "Спасибо, посылку получил",
        absent="отправлен",
        thread_to="ru_koi8r_yandex.eml",
    ),
)
def _() -> bytes:
    text = (
        'Спасибо, посылку получил.\n\n03.03.2025, 11:00, "Moda Destek" <destek@moda.example>'
        " пишет:\n> Ваш заказ отправлен."
    )
    envelope = simple(
        "Ivan Petrov <ivan.petrov@yandex.ru>",
        ew("Re: Где мой заказ?", "windows-1251", "Q"),
        "111221741100000@mail.yandex.ru",
        LATER,
        "",
        "In-Reply-To: <987651741000000@mail.yandex.ru>",
    )
    return mail(envelope, text_part(text, charset="windows-1251", transfer="8bit"))


@case(
    "ja_iso2022jp_docomo.eml",
    Expected("stored", "注文した商品がまだ届いていません", subject="注文について"),
)
def _() -> bytes:
    text = "こんにちは。\n注文した商品がまだ届いていません。確認をお願いします。\n\n山田花子"
    envelope = simple(
        f"{ew('山田花子', 'iso-2022-jp', 'B')} <hanako.yamada@docomo.ne.jp>",
        ew("注文について", "iso-2022-jp", "B"),
        "ja-docomo-1@docomo.ne.jp",
        DATE,
        "",
    )
    return mail(envelope, text_part(text, charset="ISO-2022-JP", transfer="7bit"))


@case("ja_shift_jis_missing_charset.eml", Expected("stored", "返品できますか"))
def _() -> bytes:
    text = "サイズが合わないので返品できますか？よろしくお願いします。"
    envelope = simple(
        "Taro Suzuki <taro.suzuki@ezweb.ne.jp>", "Henpin", "ja-sjis-2@ezweb.ne.jp", DATE, ""
    )
    return mail(envelope, text_part(text, charset=None, encode_as="shift_jis"))


def build(name: str) -> bytes:
    return CORPUS[name][0]()


def write_all() -> None:
    MAIL_DIR.mkdir(exist_ok=True)
    for name in CORPUS:
        (MAIL_DIR / name).write_bytes(build(name))


if __name__ == "__main__":
    write_all()
