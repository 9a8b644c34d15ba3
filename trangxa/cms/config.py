"""Decap CMS's ``admin/config.yml``, made from the settings and the organizations registry.

Plain functions: :func:`cms_config` returns the configuration as a dict, :func:`config_yaml`
as the text written to the output. Nothing here is typed by hand, so the editor's lists
cannot drift from what the site accepts: the categories are SITE_CATEGORIES, the
organizations the registry's entries (value: the slug, which the reader accepts; label:
the full name), the forms and fields of documents DOCUMENTS_FORMS and DOCUMENTS_FIELDS.

Field names are the front matter the reader (trangxa.front_matter) and the documents
(trangxa.documents) read. Dates are written day first, in the form trangxa.lib.dates reads
(``25/11/2026 08:30``); files are YAML front matter between two ``---`` lines.
"""

import os

import yaml

# The day-first forms of trangxa.lib.dates, as Day.js formats (Decap's datetime widget).
DATETIME_FORMAT = "DD/MM/YYYY HH:mm"
DATE_FORMAT = "DD/MM/YYYY"
# Documents: "effective" is a date or the words "ngày ký" (in force from the signing day).
EFFECTIVE_PATTERN = r"^(\s*|\d{1,2}/\d{1,2}/\d{4}|ngày ký|từ ngày ký|kể từ ngày ký)$"
# Decap's own branch of every entry under review (editorial workflow): "cms/<collection>/<slug>".
PUBLISH_MODE = "editorial_workflow"
# Entry file names: ASCII, accents removed (Decap maps Đ/đ to D/d too), "-" between words.
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def repo_relative(path, root):
    """``path`` as Decap names it: relative to the repository's root, POSIX."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")


def string(name, label, hint=None, required=True, **options):
    field = {"label": label, "name": name, "widget": "string", "required": required}
    if hint:
        field["hint"] = hint
    return {**field, **options}


def select(name, label, options, hint=None, required=True, **more):
    field = {"label": label, "name": name, "widget": "select", "options": options, "required": required}
    if hint:
        field["hint"] = hint
    return {**field, **more}


def date_field(name, label, hint, required=True, with_time=False):
    field = {"label": label, "name": name, "widget": "datetime", "required": required, "hint": hint}
    if with_time:
        field["format"] = DATETIME_FORMAT  # stored, and the picker shows the date and the time
        field["default"] = "{{now}}"
    else:
        field.update(date_format=DATE_FORMAT, time_format=False, default="")
    return field


def body_field(label, hint, required=True):
    # sanitize_preview: HTML typed in the body is cleaned in the editor's preview too (the
    # site cleans it when building, trangxa.content_security).
    return {"label": label, "name": "body", "widget": "markdown", "required": required, "hint": hint,
            "sanitize_preview": True}  # fmt: skip


def article_fields(settings, registry):
    categories = list(settings["SITE_CATEGORIES"])
    organizations = [{"label": o.name, "value": o.slug} for o in registry.organizations]
    default_category = settings.get("DEFAULT_CATEGORY")
    category = select("category", "Chuyên mục", categories, "Chuyên mục của bài trên trang.")
    if default_category in categories:
        category["default"] = default_category
    return [
        string("title", "Tiêu đề", "Tiêu đề bài, viết đủ dấu. Địa chỉ bài được tạo từ tiêu đề, bỏ dấu."),
        date_field(
            "date",
            "Ngày đăng",
            "Ngày trước, tháng sau (ngày/tháng/năm giờ:phút). "
            "Ngày trong tương lai: bài được hẹn đăng đến ngày đó.",
            with_time=True,
        ),  # fmt: skip
        string("author", "Người viết", "Họ tên người viết tin (tác giả)."),
        string(
            "photographer",
            "Người chụp ảnh",
            "Bỏ trống nếu bài không có ảnh. Cùng người viết: dòng ghi nguồn là “Tin, ảnh: …”.",
            required=False,
        ),  # fmt: skip
        category,
        select(
            "organizations",
            "Tổ chức liên quan",
            organizations,
            "Chọn một hay nhiều tổ chức; bài hiện trên trang của từng tổ chức.",
            required=False,
            multiple=True,
        ),  # fmt: skip
        {
            "label": "Từ khóa",
            "name": "tags",
            "widget": "list",
            "required": False,
            "hint": "Các từ khóa, cách nhau bằng dấu phẩy.",
        },  # fmt: skip
        {
            "label": "Phần mở đầu (in đậm)",
            "name": "summary",
            "widget": "text",
            "required": False,
            "hint": "Một, hai câu tóm tắt bài. Bỏ trống: đoạn đầu tiên của nội dung được dùng.",
        },  # fmt: skip
        {
            "label": "Ảnh đại diện",
            "name": "image",
            "widget": "image",
            "required": False,
            "hint": "Ảnh hiện ở danh sách tin và khi chia sẻ bài lên Zalo, Facebook.",
        },  # fmt: skip
        body_field("Nội dung", "Mỗi ảnh cần lời mô tả (cho người khiếm thị). Không dán mã HTML."),
    ]


def page_fields():
    return [
        string("title", "Tiêu đề", "Tiêu đề trang (Giới thiệu, Liên hệ…)."),
        body_field("Nội dung", "Nội dung trang. Mỗi ảnh cần lời mô tả (cho người khiếm thị)."),
    ]


def document_fields(settings, registry):
    organizations = [{"label": o.name, "value": o.slug} for o in registry.organizations]
    return [
        select("form", "Loại văn bản", list(settings["DOCUMENTS_FORMS"])),
        string(
            "number",
            "Số ký hiệu",
            "Đúng như in trên văn bản, không có chữ “Số:”, ví dụ 125/KH-UBND, "
            "05/2025/NQ-HĐND, 356/UBND-VP, 02-CT/ĐU.",
        ),  # fmt: skip
        select("issuer", "Cơ quan ban hành", organizations),
        string(
            "signer",
            "Người ký",
            "Họ tên và chức vụ, ví dụ Lê Minh Tâm, Phó Chủ tịch UBND xã.",
            required=False,
        ),  # fmt: skip
        date_field("issued", "Ngày ban hành", "Ngày trước, tháng sau (ngày/tháng/năm)."),
        string(
            "effective",
            "Ngày có hiệu lực",
            "Ngày/tháng/năm, hoặc “ngày ký”. Bỏ trống: từ ngày ban hành.",
            required=False,
            pattern=[EFFECTIVE_PATTERN, "Ghi ngày/tháng/năm (05/03/2025) hoặc “ngày ký”."],
        ),  # fmt: skip
        date_field(
            "expires",
            "Ngày hết hiệu lực",
            "Bỏ trống nếu văn bản không ghi ngày hết hiệu lực.",
            required=False,
        ),  # fmt: skip
        string(
            "replaced_by",
            "Bị thay thế bởi",
            "Số ký hiệu của văn bản thay thế (văn bản đó phải có trên trang).",
            required=False,
        ),  # fmt: skip
        string("title", "Trích yếu", "Như trên văn bản."),
        select("field", "Lĩnh vực", list(settings["DOCUMENTS_FIELDS"])),
        {
            "label": "Công khai",
            "name": "disclosure",
            "widget": "boolean",
            "required": False,
            "default": False,
            "hint": "Bật để đưa văn bản vào danh sách Công khai (ngân sách, kế hoạch, dự án…).",
        },  # fmt: skip
        {
            "label": "Tệp đính kèm",
            "name": "files",
            "widget": "list",
            "required": True,
            "hint": "Tệp PDF, DOCX hoặc XLSX đã ký; được lưu cạnh văn bản.",
            "field": {"label": "Tệp", "name": "file", "widget": "file"},
        },  # fmt: skip
        body_field("Tóm tắt", "Không bắt buộc: vài câu nói văn bản về việc gì.", required=False),
    ]


def backend_config(settings):
    """CMS_BACKEND (a git host, for production), or Decap's proxy to the local server."""
    backend = dict(settings.get("CMS_BACKEND") or {})
    local = settings.get("CMS_LOCAL_BACKEND")
    if not backend:
        # Without a git host only the local server (`invoke cms`) can save.
        backend = {"name": "proxy", "proxy_url": local or "http://127.0.0.1:8081/api/v1"}
    backend.setdefault("branch", "main")
    backend.setdefault("commit_messages", {
        "create": "Thêm {{collection}} “{{slug}}”", "update": "Sửa {{collection}} “{{slug}}”",
        "delete": "Xóa {{collection}} “{{slug}}”", "uploadMedia": "Tải lên “{{path}}”",
        "deleteMedia": "Xóa “{{path}}”",
    })  # fmt: skip
    return backend


def cms_config(settings, registry):
    """The whole configuration, as a dict (yaml.safe_dump writes it)."""
    root = settings.get("CMS_REPO_ROOT") or os.path.dirname(os.path.abspath(settings["PATH"]))
    content = repo_relative(settings["PATH"], root)
    articles = [path.strip("/") for path in settings["ARTICLE_PATHS"]][0]
    pages = [path.strip("/") for path in settings["PAGE_PATHS"]][0]
    documents = settings.get("DOCUMENTS_PATH")
    config = {"locale": "vi", "backend": backend_config(settings)}
    local = settings.get("CMS_LOCAL_BACKEND")
    if local:  # development only: publishconf.py sets it to None
        config["local_backend"] = {"url": local}
    config.update(
        publish_mode=settings.get("CMS_PUBLISH_MODE", PUBLISH_MODE),
        # Photos: where articles keep them (content/images), written as the reader takes them
        # (a path from content/: images/anh.jpg).
        media_folder=f"{content}/images",
        public_folder="images",
        slug=dict(SLUG),
        site_url=settings.get("SITEURL") or None,
        show_preview_links=False,
        search=True,
    )
    if not config["site_url"]:
        del config["site_url"]
    collections = [
        {
            "name": "bai-viet", "label": "Tin bài", "label_singular": "tin bài",
            "description": "Tin, bài của trang. Lưu để tạo bản nháp; bài chỉ lên trang khi được duyệt đăng.",
            "folder": f"{content}/{articles}", "path": "{{year}}/{{slug}}", "extension": "md",
            "format": "yaml-frontmatter", "create": True, "delete": False,
            "slug": "{{slug}}", "summary": "{{title}} ({{date}})", "sortable_fields": ["date", "title"],
            # With a `path`, Decap would put photos next to the entry: they go to content/images.
            "media_folder": f"/{content}/images", "public_folder": "images",
            "fields": article_fields(settings, registry),
        },
        {
            "name": "trang", "label": "Trang", "label_singular": "trang",
            "description": "Các trang cố định: Giới thiệu, Liên hệ, Cơ cấu tổ chức…",
            "folder": f"{content}/{pages}", "extension": "md", "format": "yaml-frontmatter",
            "create": True, "delete": False, "slug": "{{slug}}",
            "media_folder": f"/{content}/images", "public_folder": "images", "fields": page_fields(),
        },
    ]  # fmt: skip
    if documents and "trangxa.documents" in settings.get("PLUGINS", []):
        collections.append({
            "name": "van-ban", "label": "Văn bản", "label_singular": "văn bản",
            "description": "Văn bản của xã; tệp đính kèm được lưu cạnh văn bản.",
            "folder": f"{content}/{documents}", "path": "{{year}}/{{slug}}", "extension": "md",
            "format": "yaml-frontmatter", "create": True, "delete": False,
            # The file name is the page's address (/van-ban/2025/125-kh-ubnd.html): the number.
            "slug": "{{number}}", "identifier_field": "title",
            "summary": "{{number}} – {{title}}",
            "media_folder": "", "public_folder": "",  # attachments next to the document
            "fields": document_fields(settings, registry),
        })  # fmt: skip
    config["collections"] = collections
    return config


def config_yaml(config):
    header = (
        "# Tạo tự động khi dựng trang (trangxa.cms) từ pelicanconf.py và content/organizations.yml:\n"
        "# đừng sửa tệp này, sửa các thiết lập đó.\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=110)
