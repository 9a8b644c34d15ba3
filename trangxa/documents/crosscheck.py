"""Checks that need every document: addresses, numbers used twice, replaced_by, validity.

Each one is a pass over the records with dictionaries: linear in the number of documents.
"""

import difflib
import os

from trangxa.lib.dates import format_date

from . import numbers
from .model import relative_to, slug


def address(record, settings):
    """The document's page, from its file's path under the documents folder:
    van-ban/2025/125-kh-ubnd.md -> van-ban/2025/125-kh-ubnd.html."""
    inside = relative_to(record.relative, settings["DOCUMENTS_PATH"])
    stem = os.path.splitext(inside)[0]
    path = "/".join(slug(part) or "van-ban" for part in stem.split("/"))
    return settings["DOCUMENT_URL"].format(path=path), settings["DOCUMENT_SAVE_AS"].format(path=path)


def shown(record):
    """The file as messages name it: content/van-ban/x.md under the current directory."""
    relative = relative_to(record.source_path, os.curdir)
    return record.source_path if relative.startswith("..") else relative


def oldest_first(records):
    return sorted(records, key=lambda r: (r.issued, r.relative))


def check_future(records, today):
    for record in records:
        if record.issued and record.issued.date() > today:
            record.add(
                "issued",
                f"Ngày ban hành {format_date(record.issued)} chưa tới (hôm nay {format_date(today)}): "
                "có lẽ ngày và tháng bị viết ngược, hoặc năm viết sai. Văn bản chỉ đăng sau khi đã ban hành.",
            )


def check_addresses(records, settings):
    """Two files whose names give one address: the later one is not published."""
    first = {}
    for record in sorted(records, key=lambda r: r.relative):
        url, save_as = address(record, settings)
        if save_as in first:
            record.add(
                "title",
                f"Tệp này cho cùng địa chỉ “{url}” với {first[save_as]}, nên chưa được đăng. Đổi tên tệp .md "
                "(chỉ dùng chữ không dấu, số và dấu gạch ngang).",
                blocking=True,
            )
        else:
            first[save_as] = shown(record)
        record.url, record.save_as = url, save_as


def check_duplicates(records):
    """The same number from the same issuer in the same year: one of them is wrong (numbers
    start again from 01 every year)."""
    seen = {}
    for record in oldest_first(records):
        if not record.number:
            continue
        issuer = record.issuer.slug if record.issuer is not None else record.issuer_name
        key = (numbers.key(record.number), issuer, record.issued.year)
        if key in seen:
            record.add(
                "number",
                f"Số ký hiệu “{record.number}” của {record.issuer_name or 'cơ quan này'} "
                f"năm {record.issued.year} đã dùng cho văn bản {seen[key]}. Mỗi văn bản có một số "
                "riêng: kiểm tra lại số ký hiệu "
                "(hoặc xóa tệp trùng).",
            )
        else:
            seen[key] = shown(record)


def resolve_replacements(records):
    """{id(record): the record that replaces it}; a replaced_by naming no document is reported."""
    by_number = {}
    for record in oldest_first(records):
        if record.number:
            by_number.setdefault(numbers.key(record.number), []).append(record)
    found = {}
    for record in records:
        if not record.replaced_by:
            continue
        candidates = [
            other
            for other in by_number.get(numbers.key(record.replaced_by), [])
            if other is not record and other.issued >= record.issued
        ]
        if candidates:
            found[id(record)] = candidates[0]  # the first issued after it
            continue
        known = {other.number for group in by_number.values() for other in group}
        close = difflib.get_close_matches(record.replaced_by, sorted(known), n=1, cutoff=0.7)
        hint = f" Có phải “{close[0]}”?" if close else ""
        record.add(
            "replaced_by",
            f"Không có văn bản số “{record.replaced_by}” ban hành sau văn bản này trên trang.{hint} "
            "Đăng văn bản thay thế trước (một tệp .md), rồi ghi đúng số ký hiệu của nó ở dòng replaced_by.",
        )
    return found


def validity(record, replacement, today):
    """{"code", "label", "note"}: in force, not yet, expired, or replaced (as of ``today``)."""
    start = (record.effective or record.issued).date()
    if replacement is not None:
        since = (replacement.effective or replacement.issued).date()
        if since <= today:
            return {"code": "bi-thay-the", "label": "Bị thay thế", "note": f"từ ngày {format_date(since)}"}
    if record.expires and record.expires.date() <= today:
        return {
            "code": "het-hieu-luc",
            "label": "Hết hiệu lực",
            "note": f"từ ngày {format_date(record.expires)}",
        }
    if start > today:
        return {
            "code": "chua-hieu-luc",
            "label": "Chưa có hiệu lực",
            "note": f"có hiệu lực từ ngày {format_date(start)}",
        }
    note = ""
    if replacement is not None:
        note = f"được thay thế từ ngày {format_date((replacement.effective or replacement.issued).date())}"
    elif record.expires:
        note = f"hết hiệu lực từ ngày {format_date(record.expires)}"
    return {"code": "con-hieu-luc", "label": "Còn hiệu lực", "note": note}
