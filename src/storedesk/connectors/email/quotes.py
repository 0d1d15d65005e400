"""The new text of a reply: the quoted history and the signature cut off.

Mail clients mark where the history starts in a handful of ways, each translated: an
attribution line ("On … wrote:", "… yazdı:", "W dniu … napisał(a):", "Am … schrieb …:",
"Le … a écrit :", "El … escribió:"), Outlook's "-----Original Message-----" or its header
block ("From: … Sent: … To: … Subject: …"), a tail of ``>`` lines, the ``-- `` signature
delimiter and a phone's "Sent from my iPhone". The text is cut at the earliest of them.
Nothing is ever cut to empty: when everything looks quoted, everything is kept.
"""

import re

_FLAGS = re.IGNORECASE | re.UNICODE
# An attribution line may wrap (a long name and address): up to this many lines are joined.
_ATTRIBUTION_LINES = 3
_ATTRIBUTION = re.compile(
    r"^(?:"
    r"On\s.{4,300}\swrote\s?:"  # Gmail, Apple Mail, Thunderbird (en)
    r"|.{4,300}\s(?:şunu\s|şunları\s)?yazdı\s?:"  # tr
    r"|.{4,300}\s(?:napisał\(a\)|napisała|napisał|pisze)\s?:"  # pl
    r"|Am\s.{4,300}\sschrieb.{0,200}:"  # de
    r"|.{0,20}Le\s.{4,300}\sa\s[ée]crit[\s\u00a0\u202f]?:"  # fr
    r"|El\s.{4,300}\sescribi[óo]\s?:"  # es
    r"|.{4,300}\s(?:пишет|написал\(а\)|написала|написал)\s?:"  # ru
    r"|.{4,300}(?:のメッセージ|さんは書きました|が書きました)\s?:"  # ja
    r")\s*$",
    _FLAGS,
)
_ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine"
    r"|Mensaje original|Oryginalna wiadomość|Wiadomość oryginalna|Özgün İleti|Orijinal Mesaj"
    r"|Özgün ileti|Исходное сообщение|元のメッセージ)\s*-{2,}\s*$",
    _FLAGS,
)
# Outlook's header block of the message replied to: "From:" and, within the next lines,
# "Sent:" (or "Date:"), in the client's language. Bold in HTML mail, hence the asterisks.
_HEADER_FROM = re.compile(
    r"^\s*\*?(?:From|Von|De|Od|Kimden|Gönderen|От|差出人|Remitente)\s?\*?\s?:\s?\*?\s*\S", _FLAGS
)
_HEADER_SENT = re.compile(
    r"^\s*\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Date d'envoi|Enviado|Fecha|Wysłano|Wysłane|Data"
    r"|Gönderildi|Gönderilme|Tarih|Отправлено|Дата|送信日時|日付)\s?\*?\s?:",
    _FLAGS,
)
_UNDERSCORES = re.compile(r"^\s*_{8,}\s*$")
_SIGNATURE = re.compile(r"^-- ?$")
_MOBILE = re.compile(
    r"^\s*(?:"
    r"Sent from my \w[\w ]{0,30}|Sent from (?:Outlook|Yahoo Mail|Mail for Windows)[\w ]{0,30}"
    r"|Get Outlook for \w+|Sent with \w[\w ]{0,30}"
    r"|iPhone'?(?:umdan|dan|'dan|'umdan) gönderildi|\w+ cihazımdan gönderildi"
    r"|Wysłane z (?:mojego )?(?:iPhone'?a|iPada|telefonu\b.{0,30}|urządzenia\b.{0,30})"
    r"|Wysłano z (?:mojego )?\w.{0,40}"
    r"|Von meinem \w[\w ]{0,30} gesendet|Gesendet (?:von|mit) (?:meinem )?\w[\w ]{0,40}"
    r"|Envoyé (?:de|depuis) mon \w[\w ]{0,30}|Obtenir Outlook pour \w+"
    r"|Enviado desde mi \w[\w ]{0,30}|Obtener Outlook para \w+"
    r"|Отправлено (?:с|из) .{1,60}|iPhoneから送信"
    r")\s*\.?\s*$",
    _FLAGS,
)
_QUOTED = re.compile(r"^\s*>")
# A signature shorter than this many lines after "--" (no trailing space) counts as one;
# "--" alone before a long text is more likely a separator someone typed.
_LONGEST_BARE_SIGNATURE = 10


def split_reply(text: str, *, forwarded: bool = False) -> tuple[str, str]:
    """(the new text, the history and signature cut from it). A forward keeps everything:
    what it forwards is its point."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if forwarded:
        return text.strip(), ""
    cut = _cut_line(lines)
    if cut is None:
        return text.strip(), ""
    new = "\n".join(lines[:cut]).strip()
    if not new:
        return text.strip(), ""
    return new, "\n".join(lines[cut:]).strip()


def _cut_line(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if _SIGNATURE.match(line) and _is_signature(lines, index):
            return index
        if _MOBILE.match(line) or _ORIGINAL_MESSAGE.match(line):
            return index
        if _UNDERSCORES.match(line) and _header_block_at(lines, index + 1):
            return index
        if _header_block_at(lines, index):
            return index
        if (attribution := _attribution_at(lines, index)) is not None:
            return attribution
        if _QUOTED.match(line) and _only_quotes_follow(lines, index):
            return index
    return None


def _is_signature(lines: list[str], index: int) -> bool:
    if lines[index] == "-- ":
        return True
    rest = [line for line in lines[index + 1 :] if line.strip()]
    return 0 < len(rest) <= _LONGEST_BARE_SIGNATURE


def _header_block_at(lines: list[str], index: int) -> bool:
    if index >= len(lines) or not _HEADER_FROM.match(lines[index]):
        return False
    following = [line for line in lines[index + 1 : index + 5] if line.strip()][:3]
    return any(_HEADER_SENT.match(line) for line in following)


def _attribution_at(lines: list[str], index: int) -> int | None:
    """``index`` when an attribution line starts there (perhaps wrapped over a few lines)
    and history follows it."""
    joined = ""
    for end in range(index, min(index + _ATTRIBUTION_LINES, len(lines))):
        if not lines[end].strip() or _QUOTED.match(lines[end]):
            break
        joined = f"{joined} {lines[end].strip()}".strip()
        # A real attribution names a date or an address; "Mój brat pisze:" is the text.
        if _ATTRIBUTION.match(joined) and re.search(r"\d|@", joined):
            return index
    return None


def _only_quotes_follow(lines: list[str], index: int) -> bool:
    """Whether from ``index`` on there are only quoted lines, blank lines and a signature:
    a reply written between the quotes (inline answers) is all new text."""
    for position in range(index, len(lines)):
        line = lines[position]
        if not line.strip() or _QUOTED.match(line):
            continue
        return bool(_SIGNATURE.match(line) or _MOBILE.match(line))
    return True
