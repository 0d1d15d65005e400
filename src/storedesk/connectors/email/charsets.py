"""Bytes of a mail part to text, when the declared charset may be wrong or missing.

The rule: bytes that are plain ASCII are ASCII (or ISO-2022-JP when they carry its escape
sequences); bytes that are valid UTF-8 are UTF-8 whatever the declaration says (no real
text in a single-byte charset is valid UTF-8 by accident); otherwise the declared charset
is kept when it decodes strictly into plausible text. When it fails, is missing, or yields
mojibake ("sipariþim", "dotar³o", "úÄÒÁ×ÓÔ×ÕÊÔÅ"), every candidate that decodes strictly is
scored by how much its letters look like the languages our shoppers write in, and the best
wins; charset-normalizer adds its own guess to the candidates. Only bytes that no candidate
can decode end with replacement characters.
"""

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# Labels mail clients write for a charset, mapped to the codec that really decodes them.
# Like the WHATWG encoding standard: Latin-1 and US-ASCII mail is written by Windows
# machines in windows-1252, ISO-8859-9 in windows-1254, and so on.
_SUPERSETS = {
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "iso-8859-8-i": "iso-8859-8",
    "utf8": "utf-8",
    "unicode-1-1-utf-7": "utf-7",
}
# Tried, besides the declared one, when the declared charset does not fit the bytes.
_CANDIDATES = (
    "cp1252",
    "cp1254",
    "iso-8859-2",
    "cp1250",
    "koi8-r",
    "cp1251",
    "iso-8859-15",
    "iso-2022-jp",
    "cp932",
    "euc-jp",
)
# Letters of the languages Storedesk speaks (Turkish, Polish, German, French, Spanish) and
# the punctuation their mail is written with.
_EXPECTED = frozenset(
    "çğıöşüÇĞİÖŞÜâîûÂÎÛ"
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
    "äöüßÄÖÜẞ"
    "àâæçéèêëîïôœùûüÀÆÇÉÈÊËÎÏÔŒÙÛ"
    "áéíñóúÁÉÍÑÓÚ"
    "“”„‘’‚–—…€«»°·•§\u00a0\u202f"
)
# What a wrong single-byte charset turns those letters into: Icelandic and symbol
# characters (ð ý þ for Turkish ğ ı ş in Latin-1; ± ³ ¶ ¼ for Polish ą ł ś ź).
_MOJIBAKE = frozenset("ðýþÐÝÞ±³¶¹¼¾¤¦¨¬¯¸¢¥µŸÿĐđŢţŅņĢģĶķ")
# UTF-8 decoded as Latin-1 or windows-1252: "Ã§" for "ç", "Ä±" for "ı", "Å\x9f" for "ş".
_DOUBLE_ENCODED = re.compile(
    "[ÂÃÄÅÆÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]"
)
_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_ESCAPE = 0x1B
# Enough text to tell charsets apart; scoring a whole large mail would only cost time.
_SCORED_CHARACTERS = 50_000


def codec_for(label: str | None) -> str | None:
    """The codec that decodes a declared charset, or None for an unknown label."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """``data`` as text, by the rule of this module."""
    if not data:
        return ""
    codec = codec_for(declared)
    if data.isascii():
        if _ESCAPE in data and (text := _strict(data, "iso-2022-jp")) is not None:
            return text
        if codec == "utf-7" and (text := _strict(data, codec)) is not None:
            return text
        return data.decode("ascii")
    if codec is not None and _is_multibyte(codec) and (text := _strict(data, codec)) is not None:
        return _repair_double_encoding(text) if codec == "utf-8" else text
    if (text := _strict(data, "utf-8")) is not None:
        return _repair_double_encoding(text.removeprefix("\ufeff"))
    if codec is not None and (text := _strict(data, codec)) is not None and _looks_right(text):
        return text
    return _best_guess(data, codec)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_multibyte(codec: str) -> bool:
    return codec.startswith(("utf", "iso2022", "euc", "cp932", "cp949", "cp950", "gb", "big5"))


def _looks_right(text: str) -> bool:
    return _score(text) >= 0 and not any(char in _MOJIBAKE for char in text)


def _score(text: str) -> float:
    """How much ``text`` looks like real writing: each expected letter counts for it, each
    mojibake sign, control character or case change inside a word against it."""
    score = 0.0
    previous = " "
    for char in text[:_SCORED_CHARACTERS]:
        if char.isascii():
            previous = char
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            score -= 3
        elif char in _EXPECTED:
            score += 1
        elif char in "¿¡":
            # Spanish opens questions with them; inside a word they are a Polish ż or ą.
            score += 1 if not previous.isalpha() else -2
        elif char in _MOJIBAKE:
            score -= 2
        elif char in _RUSSIAN:
            # KOI8-R read as windows-1251 swaps the cases: "зДТБЧУФЧХКФЕ".
            score += -1 if previous.islower() and char.isupper() else 1
        elif _is_cjk(ord(char)):
            score += 1  # Japanese, Chinese, Korean
        elif category.startswith("L"):
            score -= 1 if previous.isalpha() and previous.islower() and char.isupper() else 0.5
        else:
            score -= 1
        previous = char
    return score


def _is_cjk(code: int) -> bool:
    return (
        0x3000 <= code <= 0x30FF  # punctuation, hiragana, katakana
        or 0x4E00 <= code <= 0x9FFF  # ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul
        or 0xFF01 <= code <= 0xFF60  # full-width forms
    )


def _best_guess(data: bytes, codec: str | None) -> str:
    candidates: dict[str, str] = {}
    for candidate in (codec, *_CANDIDATES):
        if candidate is not None and candidate not in candidates:
            text = _strict(data, candidate)
            if text is not None:
                candidates[candidate] = text
    if _UTF8_SEQUENCE.search(data):
        # Mostly UTF-8 with stray single bytes (a windows-1252 signature pasted into a
        # UTF-8 body): what is UTF-8 stays so, the rest is read as windows-1252.
        candidates["utf-8+cp1252"] = data.decode("utf-8", errors="storedesk-cp1252")
    guessed = from_bytes(data[:_SCORED_CHARACTERS]).best()
    # Without a byte order mark, UTF-16 and UTF-32 "decode" any even number of bytes.
    if (
        guessed is not None
        and guessed.encoding not in candidates
        and not guessed.encoding.startswith(("utf_16", "utf_32"))
    ):
        candidates[guessed.encoding] = str(guessed)
    if candidates:
        # Ties go to the declared charset, then to the order of _CANDIDATES.
        return max(candidates.values(), key=_score)
    return data.decode("utf-8", errors="storedesk-cp1252")


def _repair_double_encoding(text: str) -> str:
    """Text that was UTF-8, read as windows-1252 and encoded as UTF-8 again, put back."""
    if not _DOUBLE_ENCODED.search(text):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return repaired
    return text


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return stray.decode("cp1252", errors="ignore") or stray.decode("latin-1"), error.end


codecs.register_error("storedesk-cp1252", _cp1252_fallback)
