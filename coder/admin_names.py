"""Comparing administrative-unit names across sources that spell them differently.

ACLED writes "Sala al-Din", "Thi-Qar", "Anbar"; OCHA "Salah Al-Din", "Thi Qar", "Al-Anbar";
GeoNames "Salah ad Din", "Dhi Qar", "Al Anbar". `normalise_admin` folds a name to a key so
that spellings of one unit share it, and `same_admin(a, b)` is `normalise_admin(a) ==
normalise_admin(b)`, so callers can also group or index by the key.

The folding is general (it knows nothing about any one country):
  * NFKD, diacritics and apostrophe-like marks dropped, case folded;
  * unit words dropped ("province", "governorate", "district", "muhafazat", "qada", ...);
  * articles dropped wherever they stand as words (al/el/as/ad/an/ar/at/az/ash/ud/ul/ed),
    and the glued forms of "-ad-din" names ("Salahuddin" ~ "Salah ad Din");
  * transliteration digraphs folded (dh/th->d, gh->g, q->k, v->w, ph->f), a non-initial y and
    a vowel-closing w read as vowels, an "h" that only closes a vowel ("Basrah", "Salah") dropped;
  * then every inner run of vowels becomes one "a" (a final one keeps its class i/u/a) and
    doubled letters collapse, because Arabic and Kurdish names are transliterated with freely
    varying vowels (Erbil/Arbil/Irbil, Duhok/Dahuk/Dohuk, Missan/Maysan, Sulaymaniyah/Sulaimani).
Exonyms no folding can reach (Babylon for Babil, Hawler for Erbil) are a small table.

Arabic-script names get the matching treatment (article, unit words, hamza/ta-marbuta forms).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_admin", "same_admin"]

# Words naming the kind of unit, not the unit. Compared after case folding and diacritics.
_UNIT_WORDS = frozenset({
    "province", "provinces", "governorate", "governorates", "governate", "district", "districts",
    "subdistrict", "sub", "county", "region", "state", "division", "department", "prefecture",
    "municipality", "city", "muhafazat", "muhafazah", "muhafaza", "mohafazat", "qada", "qadha",
    "qadaa", "kaza", "nahiya", "nahiyah", "nahiyat", "liwa", "wilayah", "wilayat", "ilce",
    "of", "the",
})
# Arabic articles as separate words (after hyphens and spaces are split).
_ARTICLES = frozenset({"al", "el", "as", "ad", "an", "ar", "at", "az", "ash", "ath", "adh", "ud", "ul", "ed", "ez", "es"})
# Exonyms and other-language names no spelling fold can reach: (name, name it equals).
_EXONYMS = (
    ("Babylon", "Babil"),
    ("Hawler", "Erbil"),
    ("Hewler", "Erbil"),
    ("Slemani", "Sulaymaniyah"),
    ("Silemani", "Sulaymaniyah"),
)
# Words that must survive the vowel fold distinct ("Centre-Est" is not "Centre-Ouest").
_DIRECTIONS = {
    "north": "N", "nord": "N", "northern": "N", "south": "S", "sud": "S", "southern": "S",
    "east": "E", "est": "E", "eastern": "E", "west": "W", "ouest": "W", "western": "W",
    "central": "C", "centre": "C", "center": "C",
}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
_ARABIC_UNIT_WORDS = frozenset({"محافظة", "محافظه", "قضاء", "ناحية", "ناحيه", "مدينة", "مدينه"})

_MARKS = re.compile(r"['`\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4]")
_SPLIT = re.compile(r"[\s\-_/.,()]+")
_GLUED_DIN = re.compile(r"(?<=[a-z])[aeiu][dlz]+din$")  # salahuddin, nuraddin -> salahdin
_VOWELS = re.compile(r"[aeiou]+")
_FINAL_VOWELS = re.compile(r"[aeiou]+$")
_DOUBLE = re.compile(r"(.)\1+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alif, tatweel


def _fold_word(word: str, loose_vowels: bool) -> str:
    """One Latin word: digraphs, y as a vowel, closing h, then vowels and doubled letters."""
    if word in _DIRECTIONS:
        return _DIRECTIONS[word]
    if word.isdigit():
        return f"#{int(word)}"
    word = _GLUED_DIN.sub("din", word)
    # dh and th both stand for the interdental letters (Dhi Qar / Thi Qar, Baydha / Bayda).
    word = word.replace("dh", "d").replace("th", "d").replace("gh", "g").replace("ph", "f")
    word = word.replace("q", "k").replace("v", "w")
    if len(word) > 1:
        word = word[0] + word[1:].replace("y", "i")
    # w closing a vowel is a diphthong spelling (Hadramawt / Hadramout, Zawr / Zor).
    word = re.sub(r"(?<=[aeiou])w(?![aeiou])", "u", word)
    # h after a vowel and not before one: ta marbuta / "Salah" (kept in digraphs sh, th, kh, ch).
    word = re.sub(r"(?<=[aeiou])h(?![aeiou])", "", word)
    word = re.sub(r"[^a-z]", "", word)
    if not loose_vowels:
        word = word.replace("ou", "u").replace("ee", "i").replace("oo", "u")
    return _DOUBLE.sub(r"\1", word)


def _loosen_vowels(key: str) -> str:
    """Inner vowel runs become "a"; a final run keeps its class (i / u / a), since endings tell
    names apart (Ramadi, Rumaitha) while -iya, -iyah, -i are one ending (Sulaimani, Sulaymaniyah)."""
    final = _FINAL_VOWELS.search(key)
    tail = ""
    if final and final.start() > 0:
        run = final.group()
        tail = "i" if "i" in run else ("u" if run[-1] in "ou" else "a")
        key = key[:final.start()]
    return _VOWELS.sub("a", key) + tail


def _latin_key(name: str, loose_vowels: bool) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _MARKS.sub("", text).casefold()
    words = [w for w in _SPLIT.split(text) if w]
    words = [w for w in words if w not in _UNIT_WORDS]
    kept = [w for w in words if w not in _ARTICLES]
    words = kept or words
    # A Roman numeral after the name is a number ("Ile Perseverance II"), not letters.
    words = words[:1] + [_ROMAN.get(w, w) for w in words[1:]]
    # Words are joined before the vowel fold: "Dhi Qar" and "Dhiqar" are one name.
    joined = "".join(_fold_word(w, loose_vowels) for w in words)
    if loose_vowels:
        joined = _loosen_vowels(joined)
    return _DOUBLE.sub(r"\1", joined) if joined.isalpha() else joined


def _arabic_key(name: str) -> str:
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", name))
    text = re.sub("[أإآٱ]", "ا", text).replace("ة", "ه").replace("ى", "ي")
    words = [w for w in _SPLIT.split(text) if w and w not in _ARABIC_UNIT_WORDS]
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
    return "".join(words)


def _raw_key(name: str, loose_vowels: bool) -> str:
    return _arabic_key(name) if _ARABIC.search(name) else _latin_key(name, loose_vowels)


def normalise_admin(name: str | None, *, loose_vowels: bool = True) -> str:
    """The comparison key of an admin-unit name ("" for None or a blank name).

    With `loose_vowels` (the default, right for transliterated Arabic, Kurdish, Persian,
    Pashto) any vowels count as the same; pass False where vowels tell units apart
    (Chinese pinyin: Henan, Hunan, Hainan).

    >>> normalise_admin("Sala al-Din") == normalise_admin("Salah ad Din")
    True
    """
    if not name or not name.strip():
        return ""
    key = _raw_key(name, loose_vowels)
    for exonym, local in _EXONYMS:
        if key == _raw_key(exonym, loose_vowels):
            return _raw_key(local, loose_vowels)
    return key


def same_admin(a: str | None, b: str | None, *, loose_vowels: bool = True) -> bool:
    """True when `a` and `b` are spellings of one admin unit's name. Blank names match nothing."""
    ka, kb = normalise_admin(a, loose_vowels=loose_vowels), normalise_admin(b, loose_vowels=loose_vowels)
    return bool(ka) and ka == kb
