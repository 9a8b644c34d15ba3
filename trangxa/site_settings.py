"""Check at start-up the settings every page shows: the website links and the contact.

"Liên kết website" (Decree 42/2022/NĐ-CP, Art. 7) lists the sites of the central
government, the province and the neighbouring communes: SITE_LINKS, each link with a
``group`` among SITE_LINK_GROUPS (shown in that order, base.html's sidebar). The footer
shows GOVERNING_BODY and SITE_CONTACT (responsible, address, phone, email; the template
writes the labels). A mistake there would be on every page, so each one is logged as one
Vietnamese line naming the setting and its line (``pelicanconf.py:31: SITE_LINKS[3] (“…”): …``); a link
that is not a well-formed https:// address, or not in a configured group, is left off the
pages; a strict build (CONTENT_CHECKS_STRICT, publishconf.py) stops.

Settings: SITE_LINKS, SITE_LINK_GROUPS (default: the three groups below), SITE_CONTACT,
CONTENT_CHECKS_STRICT.
"""

import logging

from pelican import signals

from trangxa.lib.settings_file import SETTINGS_FILE, where
from trangxa.lib.urls import https_url_problem

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.build_log",)  # its lines are written as the build log writes every problem

DEFAULT_LINK_GROUPS = ("Trung ương", "Tỉnh", "Các xã lân cận")
CONTACT_FIELDS = ("responsible", "address", "phone", "email")
# The labels the footer writes before each value (SITE_LABELS of the default language, when
# set, has them as "<field>_label"): a value must not repeat its label.
CONTACT_LABELS = {
    "responsible": "Chịu trách nhiệm chính",
    "address": "Địa chỉ",
    "phone": "Điện thoại",
    "email": "Email",
}


class SiteSettingsError(Exception):
    """A strict build stops on a wrong setting; shown as its message alone (trangxa.build_log)."""

    expected_failure = True
    exitcode = 1


def link_problems(links, groups):
    """[(index, message)] for the links of SITE_LINKS that cannot be shown."""
    problems = []
    for index, link in enumerate(links or []):
        if not isinstance(link, dict):
            problems.append((index, 'mỗi liên kết phải có dạng {"name": …, "url": …, "group": …}'))
            continue
        if not str(link.get("name") or "").strip():
            problems.append((index, "thiếu tên (name)"))
        url_problem = https_url_problem(link.get("url"))
        if url_problem:
            problems.append((index, url_problem))
        group = link.get("group")
        if group not in groups:
            listed = ", ".join(f"“{g}”" for g in groups)
            if group:
                problems.append((index, f"nhóm “{group}” không có trong SITE_LINK_GROUPS ({listed})"))
            else:
                problems.append((index, f"thiếu nhóm (group): ghi một nhóm của SITE_LINK_GROUPS ({listed})"))
    return problems


def link_lines(links, groups):
    """The Vietnamese lines to log, one per problem of SITE_LINKS."""
    lines = []
    for index, message in link_problems(links, groups):
        link = links[index]
        name = str(link.get("name") or "").strip() if isinstance(link, dict) else ""
        label = f"SITE_LINKS[{index}] (“{name}”)" if name else f"SITE_LINKS[{index}]"
        lines.append(f"{where('SITE_LINKS', index=index)}: {label}: {message}.")
    return lines


def contact_lines(contact, governing_body, labels=None):
    """The Vietnamese lines to log for GOVERNING_BODY and SITE_CONTACT."""
    lines = []
    if not str(governing_body or "").strip():
        lines.append(f"{where('GOVERNING_BODY')}: GOVERNING_BODY: thiếu tên cơ quan chủ quản.")
    if not isinstance(contact, dict):
        return [
            *lines,
            f'{where("SITE_CONTACT")}: SITE_CONTACT: phải có dạng {{"responsible": …, "address": …}}.',
        ]
    for field in CONTACT_FIELDS:
        value = str(contact.get(field) or "").strip()
        label = (labels or CONTACT_LABELS)[field]
        if not value:
            lines.append(f'{where("SITE_CONTACT", key=field)}: SITE_CONTACT["{field}"]: thiếu ({label}).')
        elif value.casefold().startswith(label.casefold()):
            lines.append(
                f'{where("SITE_CONTACT", key=field)}: SITE_CONTACT["{field}"]: chỉ ghi nội dung, '
                f"không ghi nhãn “{label}” "
                "(chân trang đã có nhãn)."
            )
    return lines


def shown_links(links, groups):
    """SITE_LINKS without the links that have a problem (the pages show only these)."""
    wrong = {index for index, _ in link_problems(links, groups)}
    return [link for index, link in enumerate(links or []) if index not in wrong]


def check_settings(pelican):
    """initialized: log each wrong setting; keep only the links that can be shown."""
    settings = pelican.settings
    groups = list(settings.setdefault("SITE_LINK_GROUPS", list(DEFAULT_LINK_GROUPS)))
    links = settings.get("SITE_LINKS") or []
    site_labels = (settings.get("SITE_LABELS") or {}).get(settings.get("DEFAULT_LANG"), {})
    labels = {field: site_labels.get(f"{field}_label", label) for field, label in CONTACT_LABELS.items()}
    lines = link_lines(links, groups) + contact_lines(
        settings.get("SITE_CONTACT"), settings.get("GOVERNING_BODY"), labels
    )
    for line in lines:
        logger.error("%s", line)
    settings["SITE_LINKS"] = shown_links(links, groups)
    if lines and settings.get("CONTENT_CHECKS_STRICT"):
        raise SiteSettingsError(
            f"Bản dựng nghiêm ngặt dừng lại vì {len(lines)} cài đặt sai trong {SETTINGS_FILE} "
            "(xem các dòng “lỗi” ở trên). Sửa rồi dựng lại; trang đang chạy không bị thay đổi."
        )


def register():
    signals.initialized.connect(check_settings)
