"""One document: its fields checked one by one (plain functions, no I/O but the attachments').

A read (the project's Markdown reader: fields with their lines, problems) becomes a
``Record``: the values the pages show and the problems found, each at its line. The
checks that need every document (same number, replaced_by, same address) are in
``crosscheck.py``.
"""

import dataclasses
import datetime
import difflib
import os
import re
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from trangxa.front_matter.front_matter import EMPTY_BODY
from trangxa.lib.dates import DateError, format_date, parse_date
from trangxa.lib.problems import FIELD_LINES, FRONT_MATTER, PROBLEMS, problem
from trangxa.lib.text import fold, plain_text

from . import attachments, numbers

KNOWN_FIELDS = (
    "title", "number", "form", "issuer", "signer", "issued", "effective", "expires",
    "replaced_by", "field", "disclosure", "files",
)  # fmt: skip
# Names editors may write instead (Vietnamese, or Pelican's): the message names the right one.
LIKELY = {
    "so": "number", "so_ky_hieu": "number", "so-ky-hieu": "number", "sokyhieu": "number",
    "trich_yeu": "title", "trich-yeu": "title", "loai": "form", "loai_van_ban": "form",
    "co_quan": "issuer", "co-quan": "issuer", "co_quan_ban_hanh": "issuer", "nguoi_ky": "signer",
    "ngay_ban_hanh": "issued", "date": "issued", "ngay": "issued", "hieu_luc": "effective",
    "ngay_hieu_luc": "effective", "het_hieu_luc": "expires", "linh_vuc": "field", "category": "field",
    "tep": "files", "file": "files", "tep_dinh_kem": "files", "attachments": "files",
    "cong_khai": "disclosure", "thay_the_boi": "replaced_by", "organizations": "issuer",
}  # fmt: skip
SIGNING_DAY = {"ngay ky", "tu ngay ky", "ke tu ngay ky"}
YES = {"true", "yes", "co", "1", "x"}
NO = {"false", "no", "khong", "0", ""}


@dataclass
class Record:
    """What one document file says, checked."""

    source_path: str  # absolute
    relative: str  # under content/, POSIX
    content: str  # the body, as HTML (sanitized by the reader)
    lines: dict  # field -> line
    problems: list = dataclasses.field(default_factory=list)
    blocking: str | None = None  # why it cannot be published, if so
    title: Markup = Markup("")
    number: str = ""
    form: dict | None = None  # {"name", "code", "slug"}
    form_name: str = ""
    issuer: object = None  # trangxa.organizations Organization
    issuer_name: str = ""
    signer: str = ""
    issued: datetime.datetime | None = None
    effective: datetime.datetime | None = None
    expires: datetime.datetime | None = None
    replaced_by: str = ""
    field: dict | None = None  # {"name", "slug"}
    field_name: str = ""
    disclosure: bool = False
    files: list = dataclasses.field(default_factory=list)  # describe() dicts
    listed: set = dataclasses.field(default_factory=set)  # every file named in `files` (under content/)
    url: str = ""  # set by crosscheck.check_addresses
    save_as: str = ""
    validity: dict = dataclasses.field(default_factory=dict)  # crosscheck.validity()

    def add(self, field_name, message, level="error", blocking=False):
        found = problem(self.lines.get(field_name, 1), message, level, blocking, field_name)
        self.problems.append(found)
        if blocking and not self.blocking:
            self.blocking = message


def relative_to(path, root):
    """``path`` under ``root``, POSIX (os.path.relpath is slow at thousands of calls)."""
    root = os.path.abspath(root)
    path = os.path.abspath(path)
    if path.startswith(root + os.sep):
        return path[len(root) + 1 :].replace(os.sep, "/")
    return os.path.relpath(path, root).replace(os.sep, "/")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def record_from_read(content, metadata, source_path, settings, registry):
    """A Record of the reader's (content, metadata), every field checked."""
    relative = relative_to(source_path, settings["PATH"])
    record = Record(source_path, relative, content, dict(metadata.get(FIELD_LINES, {})))
    for found in metadata.get(PROBLEMS, []):
        if found["message"] == EMPTY_BODY:
            continue  # the body of a document is an optional summary
        record.problems.append(found)
        if found["blocking"] and not record.blocking:
            record.blocking = found["message"]
    if any(p.get("field") == FRONT_MATTER for p in record.problems):
        return record  # its fields are unknown: the reader's one message says why
    check_names(record)
    check_title(record, metadata)
    check_form(record, metadata, settings)
    check_issuer(record, metadata, registry, settings)
    check_dates(record, metadata)
    check_number(record, metadata, settings)
    check_field(record, metadata, settings)
    record.signer = " ".join(str(metadata.get("signer", "")).split())
    record.replaced_by = " ".join(str(metadata.get("replaced_by", "")).split())
    check_disclosure(record, metadata)
    record.files = attachments_of(record, metadata, settings)
    return record


def check_names(record):
    for name, line in record.lines.items():
        if name in KNOWN_FIELDS:
            continue
        close = LIKELY.get(name.replace(" ", "_")) or next(
            iter(difflib.get_close_matches(name, KNOWN_FIELDS, n=1, cutoff=0.6)), None
        )
        hint = f" Có phải “{close}”?" if close else f" Các trường dùng được: {', '.join(KNOWN_FIELDS)}."
        record.problems.append(problem(line, f"Trường “{name}” không được hỗ trợ nên bị bỏ qua.{hint}"))


def check_title(record, metadata):
    title = metadata.get("title")
    if not str(title or "").strip():
        record.add(
            "title",
            "Văn bản chưa có trích yếu. Thêm dòng “title: …” (trích yếu như trên văn bản).",
            blocking=True,
        )
        return
    record.title = title if isinstance(title, Markup) else Markup(escape(str(title)))


def check_form(record, metadata, settings):
    forms = settings["DOCUMENTS_FORMS"]
    written = " ".join(str(metadata.get("form", "")).split())
    if not written:
        record.add("form", f"Chưa ghi loại văn bản. Thêm dòng “form: …”, một trong: {', '.join(forms)}.")
        return
    by_fold = {fold(name): name for name in forms}
    by_fold.update({fold(code): name for name, code in forms.items() if code})
    name = written if written in forms else by_fold.get(fold(written))
    if name is None:
        close = difflib.get_close_matches(fold(written), list(by_fold), n=1, cutoff=0.6)
        hint = f" Có phải “{by_fold[close[0]]}”?" if close else f" Chọn một trong: {', '.join(forms)}."
        record.add("form", f"Loại văn bản “{written}” không có trong danh sách (DOCUMENTS_FORMS).{hint}")
        record.form_name = written
        return
    record.form = {"name": name, "code": forms[name], "slug": slug(name)}
    record.form_name = name


def check_issuer(record, metadata, registry, settings):
    written = " ".join(str(metadata.get("issuer", "")).split())
    if not written:
        record.add(
            "issuer",
            "Chưa ghi cơ quan ban hành. Thêm dòng “issuer: UBND” (tên hoặc tên ngắn trong danh mục tổ chức).",
        )
        return
    organization = registry.match(written) if registry else None
    if organization is None:
        suggestions = registry.suggestions(written) if registry else []
        hint = f" Có phải: {', '.join(suggestions)}?" if suggestions else ""
        registry_file = settings.get("ORGANIZATIONS_REGISTRY", "organizations.yml")
        record.add(
            "issuer",
            f"Không có tổ chức “{written}” trong danh mục {registry_file}.{hint} "
            "Văn bản của cơ quan cấp trên (huyện, tỉnh) không đăng ở đây; tổ chức mới của xã thì "
            "thêm vào danh mục rồi dựng lại.",
        )
        record.issuer_name = written
        return
    record.issuer = organization
    record.issuer_name = organization.name


def _date(record, metadata, name, what, allow_signing_day=False):
    if name not in metadata or not str(metadata[name]).strip():
        return None
    value = metadata[name]
    if allow_signing_day and fold(value) in SIGNING_DAY:
        return record.issued
    try:
        return parse_date(value)
    except DateError as error:
        record.add(name, f"{what}: {error}")
        return None


def check_dates(record, metadata):
    record.issued = _date(record, metadata, "issued", "Ngày ban hành")
    if record.issued is None:  # no date to list it by: not published, as an article without date
        written = [p for p in record.problems if p.get("field") == "issued"]
        if written:
            written[-1]["blocking"] = True
            record.blocking = record.blocking or written[-1]["message"]
        else:
            message = "Chưa ghi ngày ban hành. Thêm dòng “issued: 05/03/2025” (ngày/tháng/năm)."
            record.add("issued", message, blocking=True)
    record.effective = _date(record, metadata, "effective", "Ngày có hiệu lực", allow_signing_day=True)
    record.expires = _date(record, metadata, "expires", "Ngày hết hiệu lực")
    issued, effective, expires = record.issued, record.effective, record.expires
    if issued and effective and effective.date() < issued.date():
        record.add(
            "effective",
            f"Ngày có hiệu lực {format_date(effective)} trước ngày ban hành {format_date(issued)}: "
            "văn bản không thể có hiệu lực trước khi ban hành. "
            "Kiểm tra lại hai ngày (ngày/tháng/năm, ngày viết trước).",
        )
    start = effective or issued
    if start and expires and expires.date() <= start.date():
        record.add(
            "expires",
            f"Ngày hết hiệu lực {format_date(expires)} không sau ngày có hiệu lực {format_date(start)}. "
            "Kiểm tra lại ngày (ngày/tháng/năm).",
        )


def check_number(record, metadata, settings):
    record.number = " ".join(str(metadata.get("number", "")).split())
    slug_ = record.issuer.slug if record.issuer is not None else None
    code = settings["DOCUMENTS_ISSUER_CODES"].get(slug_) if slug_ else None
    party = slug_ in settings["DOCUMENTS_PARTY_STYLE"]
    year = record.issued.year if record.issued else None
    for message in numbers.problems(
        record.number, record.form_name, code, year, settings["DOCUMENTS_FORMS"], party_style=party
    ):
        record.add("number", message)


def check_field(record, metadata, settings):
    fields = settings["DOCUMENTS_FIELDS"]
    written = " ".join(str(metadata.get("field", "")).split())
    if not written:
        record.add("field", f"Chưa ghi lĩnh vực. Thêm dòng “field: …”, một trong: {', '.join(fields)}.")
        return
    by_fold = {fold(name): name for name in fields}
    name = written if written in fields else by_fold.get(fold(written))
    if name is None:
        close = difflib.get_close_matches(fold(written), list(by_fold), n=1, cutoff=0.5)
        hint = f" Có phải “{by_fold[close[0]]}”?" if close else f" Chọn một trong: {', '.join(fields)}."
        record.add("field", f"Lĩnh vực “{written}” không có trong danh sách (DOCUMENTS_FIELDS).{hint}")
        record.field_name = written
        return
    record.field = {"name": name, "slug": slug(name)}
    record.field_name = name


def check_disclosure(record, metadata):
    value = fold(metadata.get("disclosure", ""))
    if value in YES:
        record.disclosure = True
    elif value not in NO:
        record.add(
            "disclosure",
            f"“disclosure: {metadata.get('disclosure')}” không hiểu được: "
            "ghi “disclosure: true” để đưa văn bản vào danh sách công khai, hoặc bỏ dòng này.",
        )


# --- Attachments ----------------------------------------------------------------------------


def attachments_of(record, metadata, settings):
    """The files named in ``files``, each checked: there, allowed, what its name says."""
    names = [name.strip() for name in str(metadata.get("files", "")).split(",") if name.strip()]
    if not names:
        record.add(
            "files",
            "Văn bản chưa có tệp đính kèm. Thêm dòng “files: ten-tep.pdf” "
            "(tệp PDF, DOCX hoặc XLSX đặt cạnh tệp .md).",
        )
        return []
    folder = os.path.dirname(record.source_path)
    root = os.path.abspath(os.path.join(settings["PATH"], settings["DOCUMENTS_PATH"]))
    allowed = settings["DOCUMENTS_FILE_TYPES"]
    found = []
    for name in dict.fromkeys(names):
        path = os.path.abspath(os.path.join(folder, name))
        record.listed.add(relative_to(path, settings["PATH"]))
        extension = os.path.splitext(name)[1].lower().lstrip(".")
        if not path.startswith(root + os.sep):
            record.add(
                "files",
                f"Tệp “{name}” nằm ngoài thư mục content/{settings['DOCUMENTS_PATH']}/: "
                "đặt tệp cạnh văn bản.",
            )
            continue
        if not os.path.isfile(path):
            record.add("files", missing_message(name, folder, settings))
            continue
        if extension not in allowed:
            record.add(
                "files",
                f"Tệp “{name}”: loại tệp .{extension} không được đăng. Dùng một trong: "
                f"{', '.join('.' + e for e in allowed)} (bản scan thì xuất ra PDF).",
            )
            continue
        kind = attachments.sniff(path)
        if not attachments.matches_extension(kind, extension):
            really = attachments.MAGIC_NAMES.get(kind, "một loại tệp khác")
            record.add(
                "files",
                f"Tệp “{name}” có đuôi .{extension} nhưng nội dung là {really}, "
                "nên người tải về không mở được. "
                "Lưu lại đúng định dạng (Word: Tệp > Lưu thành > PDF) hoặc đổi đuôi cho đúng.",
            )
            continue
        found.append(describe(path, extension, kind, settings))
    return found


def missing_message(name, folder, settings):
    present = sorted(entry for entry in os.listdir(folder) if not entry.endswith(".md"))
    close = difflib.get_close_matches(name, present, n=1, cutoff=0.6)
    if not close:
        close = [entry for entry in present if entry.lower() == name.lower()]
    hint = f" Có phải “{close[0]}”? (tên tệp phân biệt chữ hoa, chữ thường)" if close else ""
    where = relative_to(folder, settings["PATH"])
    return f"Không tìm thấy tệp đính kèm “{name}” trong content/{where}/.{hint}"


def describe(path, extension, kind, settings):
    relative = relative_to(path, settings["PATH"])
    label, mime = attachments.KNOWN_TYPES[extension]
    size = os.path.getsize(path)
    return {
        "name": os.path.basename(path),
        "path": relative,
        "url": settings["STATIC_URL"].format(path=quote(relative)),  # "Quyết định 01.pdf" too
        "kind": kind,
        "extension": extension,
        "type": label,
        "mime": mime,
        "size": size,
        "size_label": attachments.size_label(size),
    }


def summary_of(record):
    """The feed's description: what the document is, in one sentence, and its summary."""
    what = f"{record.form_name or 'Văn bản'} số {record.number or '(chưa có số)'}"
    when = f" ngày {format_date(record.issued)}" if record.issued else ""
    who = f" của {record.issuer_name}" if record.issuer_name else ""
    body = record.content if plain_text(record.content).strip() else ""
    return Markup(f"<p>{escape(what)}{escape(when)}{escape(who)}: {record.title}</p>{body}")
