"""The "số ký hiệu" of a document: its shapes, the checks against the form and the issuer,
and the closest correct spelling of a malformed one.

Shapes (Decree 30/2020/NĐ-CP, Appendix I; Party documents: Hướng dẫn 36-HD/VPTW):

- ``125/KH-UBND``      number / FORM-ISSUER[-UNIT]          (administrative documents)
- ``05/2025/NQ-HĐND``  number / year / FORM-ISSUER          (legal normative documents)
- ``356/UBND-VP``      number / ISSUER[-UNIT]               (official letters, no form code)
- ``02-CT/ĐU``         number-FORM / ISSUER                 (Party and mass organizations)

Plain functions; ``forms`` is the setting DOCUMENTS_FORMS ({name: code or None}).
"""

import re
import unicodedata
from dataclasses import dataclass

from trangxa.lib.text import fold

_CODE = r"[A-ZĐ][A-Za-zĐđ]*"  # QĐ, KH, TTr, CTr, QyĐ
_UNIT = r"[A-ZĐ][A-ZĐ0-9]*"  # UBND, HĐND, ĐU, MTTQ, VP, BTT
_ORG = rf"{_UNIT}(?:-{_UNIT})*"
STATE = re.compile(rf"(?P<no>\d{{1,5}})(?:/(?P<year>(?:19|20)\d\d))?/(?P<code>{_CODE})-(?P<org>{_ORG})")
LETTER = re.compile(rf"(?P<no>\d{{1,5}})/(?P<org>{_ORG})")
PARTY = re.compile(rf"(?P<no>\d{{1,5}})-(?P<code>{_CODE})/(?P<org>{_ORG})")
PARTY_LETTER_CODE = "CV"  # a Party official letter: 125-CV/ĐU
EXAMPLES = "125/KH-UBND; văn bản quy phạm: 05/2025/NQ-HĐND; công văn: 356/UBND-VP; văn bản Đảng: 02-CT/ĐU"


@dataclass(frozen=True)
class Number:
    no: int
    year: int | None
    code: str | None  # the form's code, None for an official letter
    org: str  # ISSUER[-UNIT]
    style: str  # "state" or "party"

    @property
    def issuer_code(self):
        return self.org.split("-")[0]


def parse(text, forms):
    """The parts of a well-formed number, or None. A STATE match whose "form code" is no
    known code is an official letter (356/UBND-VP)."""
    text = str(text).strip()
    codes = {code for code in forms.values() if code}
    match = STATE.fullmatch(text)
    if match and (match["code"] in codes or not LETTER.fullmatch(text)):
        year = int(match["year"]) if match["year"] else None
        return Number(int(match["no"]), year, match["code"], match["org"], "state")
    match = LETTER.fullmatch(text)
    if match:
        return Number(int(match["no"]), None, None, match["org"], "state")
    match = PARTY.fullmatch(text)
    if match:
        return Number(int(match["no"]), None, match["code"], match["org"], "party")
    return None


def key(text):
    """What makes two numbers the same: case, accents, spaces and leading zeros aside."""
    folded = fold(text).replace(" ", "")
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", folded)


def problems(text, form, issuer_code, issued_year, forms, party_style=False):
    """Vietnamese messages about ``text`` written for a document of ``form`` issued by the
    organization whose number code is ``issuer_code`` (None when not configured); at most one."""
    value = str(text or "").strip()
    if not value:
        example = suggest("125", form, issuer_code, forms, party_style) or "125/KH-UBND"
        return [
            f"Văn bản chưa có số ký hiệu. Thêm dòng “number: {example}” (số và ký hiệu như in trên văn bản)."
        ]
    parsed = parse(value, forms)
    fix = suggest(value, form, issuer_code, forms, party_style, issued_year)
    hint = f" Có phải “{fix}”?" if fix and fix != value else ""
    if parsed is None:
        return [
            f"Số ký hiệu “{value}” không đúng dạng số/LOẠI-CƠ QUAN (ví dụ {EXAMPLES}).{hint}"
            " Ghi đúng như trên văn bản, không có chữ “Số:”."
        ]
    reasons = [*_form_reasons(parsed, form, forms)]
    if issuer_code and parsed.style != ("party" if party_style else "state"):
        shape = "số-LOẠI/CƠ QUAN, như 02-CT/ĐU" if party_style else "số/LOẠI-CƠ QUAN, như 125/KH-UBND"
        reasons.append(f"văn bản của {issuer_code} ghi số theo dạng {shape}")
    if issuer_code and parsed.issuer_code != issuer_code:
        if fold(parsed.issuer_code) == fold(issuer_code):
            reasons.append(f"ký hiệu cơ quan viết “{parsed.issuer_code}”, đúng là “{issuer_code}”")
        else:
            reasons.append(
                f"ghi cơ quan {parsed.issuer_code} nhưng cơ quan ban hành có ký hiệu {issuer_code}"
            )
    if parsed.year and issued_year and parsed.year != issued_year:
        reasons.append(f"năm trong số ký hiệu ({parsed.year}) khác năm ban hành ({issued_year})")
    if not reasons:
        return []
    return [f"Số ký hiệu “{value}”: {'; '.join(reasons)}.{hint}"]


def _form_reasons(parsed, form, forms):
    if form not in forms:
        return []  # an unknown form is reported on its own line
    expected = forms[form]
    by_code = {code: name for name, code in forms.items() if code}
    letters = [name for name, code in forms.items() if code is None]
    if letters:
        by_code.setdefault(PARTY_LETTER_CODE, letters[0])
    if parsed.code == expected or (expected is None and parsed.code in (None, PARTY_LETTER_CODE)):
        return []
    wanted = f"{form} ({expected})" if expected else f"{form} (không có ký hiệu loại)"
    if parsed.code is None:
        return [f"thiếu ký hiệu loại văn bản của {wanted}"]
    if parsed.code in by_code:
        return [
            f"“{parsed.code}” là ký hiệu của {by_code[parsed.code]} nhưng loại văn bản là {wanted}"
            f" (nếu số ký hiệu đúng, sửa dòng form thành “{by_code[parsed.code]}”)"
        ]
    own = expected or "không có ký hiệu"
    return [f"ký hiệu loại văn bản “{parsed.code}” không có trong danh sách, {form} là {own}"]


_PREFIX = re.compile(r"^\s*(?:s[oố]|no\.?)\s*[:.]?\s*", re.IGNORECASE)
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def suggest(text, form, issuer_code, forms, party_style=False, issued_year=None):
    """The closest correct spelling of ``text`` for this form and issuer, or None.

    The number and year are kept; the form code is the form's; a word that is the issuer's
    code written without accents or in lower case gets its own spelling.
    """
    value = unicodedata.normalize("NFC", str(text))
    value = _PREFIX.sub("", value)
    tokens = _TOKEN.findall(value)
    digits = [t for t in tokens if t.isdigit()]
    if not digits:
        return None
    years = [t for t in digits[1:] if len(t) == 4 and t[:2] in ("19", "20")]
    number = digits[0]
    year = years[0] if years else None
    codes = {fold(code): code for code in forms.values() if code}
    code = forms.get(form) if form in forms else None
    org = []
    for token in tokens:
        if token.isdigit():
            continue
        folded = fold(token)
        if folded in codes or folded == "cv":
            if form not in forms:  # the form is unknown: keep the code written
                code = codes.get(folded, "CV")
            continue
        if issuer_code and folded == fold(issuer_code):
            org.insert(0, issuer_code)
        else:
            org.append(token.upper())
    if issuer_code and (not org or fold(org[0]) != fold(issuer_code)):
        org = [issuer_code, *org[1:]] if org else [issuer_code]
    if not org:
        return None
    org_text = "-".join(org)
    party = party_style or bool(re.match(r"\s*\d+\s*-\s*[^\W\d_]+\s*/", value))
    if party:
        return f"{number}-{code or PARTY_LETTER_CODE}/{org_text}"
    if year is None and issued_year and re.search(r"/\s*(?:19|20)\d\d\s*/", value):
        year = str(issued_year)
    middle = f"/{year}" if year else ""
    return f"{number}{middle}/{code}-{org_text}" if code else f"{number}/{org_text}"
