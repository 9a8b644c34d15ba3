"""Dịch vụ công: where to carry out administrative procedures (Decree 42/2022/NĐ-CP).

A commune's site must lead its people to the online public services: the national portal
(dichvucong.gov.vn), the province's portal, and the commune's own procedures with where
their files are received. Everything is configured in the settings (pelicanconf.py;
operators' guide docs/operators/dich-vu-cong.md), checked at build time, and shown on one
page (``dich-vu-cong/``) and in a box of the home page (``index.html``):

- ``PUBLIC_SERVICE_PORTALS``: [{"name", "url", "description"?}], the portals;
- ``PUBLIC_SERVICES``: [{"name", "url", "field"?, "place"?}], the commune's procedures,
  each linked to its page on a portal, grouped by field (lĩnh vực) in the order first met;
- ``PUBLIC_SERVICE_OFFICE``: {"name", "address"?, "hours"?, "phone"?, "email"?}, the office
  that receives the files (the commune's "Trung tâm Phục vụ hành chính công"), or None.

Every address must be ``https://`` with a host name: a bad entry is one error line naming
the setting, its line and the entry (``pelicanconf.py:365: PUBLIC_SERVICES[2] (“Đăng ký khai sinh”):
…``), left off the pages; a strict build (publishconf.py) fails. The settings are part of
every page's key (trangxa.incremental_output), so a change rewrites the pages showing them;
the page itself passes them as its ``output_key`` (trangxa.lib.page_inputs).

Settings: the three above (empty by default), PUBLIC_SERVICES_URL / _SAVE_AS
("dich-vu-cong/"), PUBLIC_SERVICES_SETTINGS_FILE (the file named in messages, where its lines are found;
"pelicanconf.py").
"""

import logging

from pelican import signals
from pelican.generators import Generator

from trangxa.lib.settings_file import SETTINGS_FILE
from trangxa.lib.settings_file import where as setting_where
from trangxa.lib.urls import https_url_problem

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.content_checks",)  # it counts the errors logged from article_generator_init on
RUNS_BEFORE = ("trangxa.incremental_output", "sitemap")

DEFAULTS = {
    "PUBLIC_SERVICE_PORTALS": [],
    "PUBLIC_SERVICES": [],
    "PUBLIC_SERVICE_OFFICE": None,
    "PUBLIC_SERVICES_URL": "dich-vu-cong/",
    "PUBLIC_SERVICES_SAVE_AS": "dich-vu-cong/index.html",
    "PUBLIC_SERVICES_SETTINGS_FILE": SETTINGS_FILE,
}
# setting -> (keys it may have, keys it must have, keys holding an address)
SHAPES = {
    "PUBLIC_SERVICE_PORTALS": (("name", "url", "description"), ("name", "url"), ("url",)),
    "PUBLIC_SERVICES": (("name", "url", "field", "place"), ("name", "url"), ("url",)),
    "PUBLIC_SERVICE_OFFICE": (("name", "address", "hours", "phone", "email", "url"), ("name",), ("url",)),
}
OTHER_FIELD = "Lĩnh vực khác"


def add_defaults(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def check_entry(setting, label, entry, settings_file, index=None):
    """(the entry, cleaned, or None; [error lines]) of one entry of a setting (item ``index``
    of a list setting)."""
    allowed, required, addresses = SHAPES[setting]
    where = f"{setting_where(setting, index=index, path=settings_file)}: {label}"
    if not isinstance(entry, dict):
        return None, [f'{where}: phải là một mục dạng {{"name": …, "url": …}}']
    name = entry.get("name")
    if isinstance(name, str) and name.strip():
        where += f" (“{name.strip()}”)"
    errors = []
    unknown = sorted(str(key) for key in entry if key not in allowed)
    if unknown:
        errors.append(
            f"{where}: khóa “{'”, “'.join(unknown)}” không dùng được; chỉ dùng {', '.join(allowed)}"
        )
    for key in required:
        if key not in addresses and (not isinstance(entry.get(key), str) or not entry[key].strip()):
            errors.append(f"{where}: thiếu {key}")
    for key in addresses:
        if key in required or entry.get(key):  # an optional address may be left out
            found = https_url_problem(entry.get(key))
            if found:
                errors.append(f"{where}: {found}")
    for key in allowed:
        if (
            key in entry
            and key not in addresses
            and entry[key] is not None
            and not isinstance(entry[key], str)
        ):
            errors.append(f"{where}: {key} phải là một đoạn chữ")
    if errors:
        return None, errors
    return {key: " ".join(str(entry.get(key) or "").split()) for key in allowed}, []


def check_settings(settings):
    """{"portals", "services", "office", "fields", "url"} to show, and the error lines."""
    settings = {**DEFAULTS, **settings}
    settings_file = settings["PUBLIC_SERVICES_SETTINGS_FILE"]
    shown, errors = {}, []
    for setting, key in (("PUBLIC_SERVICE_PORTALS", "portals"), ("PUBLIC_SERVICES", "services")):
        entries = settings.get(setting) or []
        if not isinstance(entries, (list, tuple)):
            where = setting_where(setting, path=settings_file)
            errors.append(f"{where}: {setting} phải là một danh sách [{{…}}, {{…}}]")
            entries = []
        shown[key] = []
        for number, entry in enumerate(entries):
            cleaned, found = check_entry(setting, f"{setting}[{number}]", entry, settings_file, number)
            errors += found
            if cleaned:
                shown[key].append(cleaned)
    office = settings.get("PUBLIC_SERVICE_OFFICE")
    shown["office"] = None
    if office:
        shown["office"], found = check_entry(
            "PUBLIC_SERVICE_OFFICE", "PUBLIC_SERVICE_OFFICE", office, settings_file
        )
        errors += found
    fields = {}
    for service in shown["services"]:
        fields.setdefault(service["field"] or OTHER_FIELD, []).append(service)
    shown["fields"] = list(fields.items())
    shown["url"] = settings["PUBLIC_SERVICES_URL"]
    return shown, errors


class PublicServicesGenerator(Generator):
    def generate_context(self):
        shown, errors = check_settings(self.settings)
        for line in errors:
            logger.error("%s", line)
        self.shown = shown
        self.context["public_services"] = shown

    def generate_output(self, writer):
        if not self.settings.get("PREVIEW"):
            writer.write_file(
                self.settings["PUBLIC_SERVICES_SAVE_AS"], self.get_template("public_services"), self.context,
                relative_urls=self.settings["RELATIVE_URLS"], template_name="public_services",
                url=self.settings["PUBLIC_SERVICES_URL"], public_services_page=True,
                output_key=self.shown,  # rewritten when the links change (trangxa.lib.page_inputs)
            )  # fmt: skip


def get_generators(pelican):
    return PublicServicesGenerator


def register():
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
