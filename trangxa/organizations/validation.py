"""Checks of the organizations registry: each problem at its line of the YAML file.

A problem is ``(line or None, message)``, the message in Vietnamese for the person who
keeps the registry; ``organizations.attach_organizations`` logs it as
``content/organizations.yml:LINE: message``, as the articles' problems are logged.
A problem never stops the rest of the registry: an entry without slug or name is left
out, an unknown or circular ``parent`` puts the entry at the top of the structure, a
malformed phone number or address is still shown (as text) once reported.
"""

import difflib
import re

import yaml

FIELDS = {
    "slug",
    "name",
    "name_en",
    "short_name",
    "short_name_en",
    "aliases",
    "group",
    "group_en",
    "order",
    "parent",
    "description",
    "description_en",
    "functions",
    "functions_en",
    "contact",
    "officials",
}
CONTACT_FIELDS = {"address", "address_en", "phone", "email", "head"}  # head: the former one-line form
OFFICIAL_FIELDS = {"name", "position", "position_en", "phone", "email"}
TEXT_FIELDS = FIELDS - {"aliases", "order", "functions", "functions_en", "contact", "officials"}

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"\+?[0-9][0-9 .()-]*[0-9]")


class Lines:
    """Where each part of one entry was written: ``"officials.1.email"`` -> line number."""

    def __init__(self, lines):
        self.lines = lines

    @classmethod
    def of(cls, node):
        lines = {}

        def visit(node, path, line):
            lines[path] = line
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    name = f"{path}.{key.value}" if path else str(key.value)
                    visit(value, name, key.start_mark.line + 1)  # a field is where its name is
            elif isinstance(node, yaml.SequenceNode):
                for index, item in enumerate(node.value):
                    visit(item, f"{path}.{index}", item.start_mark.line + 1)

        visit(node, "", node.start_mark.line + 1)
        return cls(lines)

    def __call__(self, path=""):
        """The line of ``path``, or of the nearest part that holds it (None if unknown)."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path.rpartition(".")[0]


def check_entry(entry, lines):
    """(problems, usable?) of one entry: usable when it has a slug and a name."""
    if not isinstance(entry, dict):
        return [(lines(), "Mục này không viết theo dạng “tên trường: giá trị” nên bị bỏ qua.")], False
    problems = []
    missing = [key for key in ("slug", "name") if not str(entry.get(key) or "").strip()]
    for key in missing:
        what = MISSING[key]
        problems.append((lines(key), f"Mục này thiếu {key} ({what}) nên bị bỏ qua. Thêm dòng “{key}: …”."))
    problems += unknown_fields(entry, FIELDS, lines, "", "Trường")
    for key in sorted(TEXT_FIELDS & set(entry)):
        value = entry[key]
        if value is not None and not isinstance(value, (str, int, float)):
            problems.append((lines(key), f"Trường “{key}” phải là một dòng chữ."))
    slug = str(entry.get("slug") or "").strip()
    if slug and not SLUG.fullmatch(slug):
        problems.append(
            (
                lines("slug"),
                f"Slug “{slug}” chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang "
                "(ví dụ: hoi-nong-dan): nó là một phần địa chỉ trang của tổ chức.",
            )
        )
    order = entry.get("order")
    if order is not None and (isinstance(order, bool) or not isinstance(order, (int, float))):
        problems.append((lines("order"), f"Thứ tự (order) phải là một số, không phải “{order}”."))
    for key in ("aliases", "functions", "functions_en"):
        value = entry.get(key)
        items = value if isinstance(value, list) else [value]
        if value is not None and not all(isinstance(item, (str, int, float)) for item in items):
            problems.append((lines(key), f"Trường “{key}” phải là một dòng chữ hoặc danh sách các dòng chữ."))
    problems += check_contact(entry.get("contact"), lines)
    problems += check_officials(entry.get("officials"), lines)
    return problems, not missing


MISSING = {"slug": "tên không dấu nối bằng gạch ngang, dùng trong địa chỉ trang", "name": "tên đầy đủ"}


def unknown_fields(mapping, known, lines, prefix, what):
    problems = []
    for key in mapping:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
        hint = f" Có phải “{close[0]}”?" if close else f" Các trường dùng được: {', '.join(sorted(known))}."
        problems.append((lines(f"{prefix}{key}"), f"{what} “{key}” không được hỗ trợ nên bị bỏ qua.{hint}"))
    return problems


def check_contact(contact, lines):
    if contact is None:
        return []
    if not isinstance(contact, dict):
        return [(lines("contact"), "Trường contact phải gồm các dòng thụt vào: address, phone, email.")]
    problems = unknown_fields(contact, CONTACT_FIELDS, lines, "contact.", "Trường liên hệ")
    problems += check_phone_and_email(contact, lines, "contact.")
    return problems


def check_officials(officials, lines):
    if officials is None:
        return []
    if not isinstance(officials, list):
        message = "Trường officials phải là danh sách, mỗi người một mục bắt đầu bằng “- name: …”."
        return [(lines("officials"), message)]
    problems = []
    for index, official in enumerate(officials):
        prefix = f"officials.{index}."
        number = f"Người phụ trách thứ {index + 1} (officials)"
        if not isinstance(official, dict):
            problems.append((lines(prefix[:-1]), f"{number} phải viết dạng “- name: …” rồi “position: …”."))
            continue
        for key, what in (("name", "họ tên"), ("position", "chức vụ")):
            if not str(official.get(key) or "").strip():
                problems.append((lines(prefix[:-1]), f"{number} thiếu {key} ({what}). Thêm dòng “{key}: …”."))
        problems += unknown_fields(official, OFFICIAL_FIELDS, lines, prefix, f"{number}: trường")
        problems += check_phone_and_email(official, lines, prefix)
    return problems


def check_phone_and_email(mapping, lines, prefix):
    problems = []
    phone = str(mapping.get("phone") or "").strip()
    digits = sum(c.isdigit() for c in phone)
    if phone and (not PHONE.fullmatch(phone) or not 3 <= digits <= 15):
        problems.append(
            (
                lines(f"{prefix}phone"),
                f"Số điện thoại “{phone}” không đúng dạng: chỉ gồm chữ số, dấu cách, dấu chấm hoặc "
                "gạch ngang, có thể bắt đầu bằng +84 (ví dụ: 0274 3812 345). Mỗi trường ghi một số.",
            )
        )
    email = str(mapping.get("email") or "").strip()
    if email and not EMAIL.fullmatch(email):
        problems.append(
            (
                lines(f"{prefix}email"),
                f"Địa chỉ thư điện tử “{email}” không đúng dạng (ví dụ: ubnd.tanhoa@binhnguyen.gov.vn). "
                "Mỗi trường ghi một địa chỉ.",
            )
        )
    return problems


def check_hierarchy(organizations, where):
    """Problems of ``parent``; an unknown or circular parent is emptied (top level)."""
    by_slug = {o.slug: o for o in organizations}
    problems = []
    for organization in organizations:
        parent = organization.parent
        if not parent or parent in by_slug:
            continue
        close = difflib.get_close_matches(parent, sorted(by_slug), n=1, cutoff=0.6)
        hint = f" Có phải “{close[0]}”?" if close else ""
        problems.append(
            (
                where[id(organization)]("parent"),
                f"Không có tổ chức nào có slug “{parent}” để làm cấp trên (parent) của "
                f"“{organization.slug}”.{hint} Tổ chức này tạm được xếp ở cấp cao nhất.",
            )
        )
        organization.parent = ""
    reported = set()
    for organization in organizations:
        chain, current = [], organization
        while current is not None and current.slug not in chain and current.slug not in reported:
            chain.append(current.slug)
            current = by_slug.get(current.parent)
        if current is None or current.slug in reported:
            continue
        cycle = chain[chain.index(current.slug) :]
        reported.update(cycle)
        first = min((by_slug[slug] for slug in cycle), key=lambda o: where[id(o)]("parent") or 0)
        path = " → ".join([*cycle, cycle[0]])
        problems.append(
            (
                where[id(first)]("parent"),
                f"Cấp trên (parent) tạo thành vòng lặp: {path}. Sửa trường parent của một trong các "
                "mục này; tạm thời các mục đó được xếp ở cấp cao nhất.",
            )
        )
        for slug in cycle:
            by_slug[slug].parent = ""
    return problems


def duplicate_name(organization, owner, name, index, lines):
    """The problem of a name already taken: index 0 is the slug, 1 the name, 2 the short name."""
    field = ("slug", "name", "short_name")[index] if index < 3 else f"aliases.{index - 3}"
    what = "Slug" if index == 0 else "Tên" if index < 3 else "Bí danh"
    return (
        lines(field),
        f"{what} “{name}” đã dùng cho tổ chức “{owner.name}” (slug: {owner.slug}): mỗi tên chỉ "
        "được dùng cho một tổ chức. Đổi hoặc bỏ tên này.",
    )
