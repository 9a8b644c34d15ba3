"""Checks of one source file's metadata; plain functions returning problems.

A problem is a dict {line, level, message, blocking, field} (trangxa.lib.problems).
``blocking`` problems keep the file off the site; the others are reported
and the file is still published.
"""

import difflib
import os

from pelican.urlwrappers import Category

from trangxa.lib.dates import format_date
from trangxa.lib.problems import BODY_LINE, FIELD_LINES, FRONT_MATTER, PROBLEMS, field_line, problem
from trangxa.lib.text import fold

KNOWN_FIELDS = {
    "title",
    "date",
    "modified",
    "author",
    "authors",
    "photographer",
    "credit",
    "category",
    "organizations",
    "summary",
    "image",
    "tags",
    "slug",
    "status",
    "lang",
    "translation",
    "template",
    "save_as",
    "url",
    "origin",  # the old portal an article was imported from (trangxa.importer)
    "old_urls",  # its addresses there, redirected to its page (trangxa.redirects)
}
STATUSES = ("published", "draft", "hidden")


def line_of(metadata, field):
    return field_line(metadata, field)


def end_of_front_matter(metadata):
    return max(metadata.get(BODY_LINE, 2) - 1, 1)


def will_be_dropped(metadata, is_article):
    """Pelican itself drops a file with no title, no date (articles) or a bad status."""
    status = str(metadata.get("status", "published")).strip().lower()
    missing_date = is_article and "date" not in metadata
    return not str(metadata.get("title", "")).strip() or missing_date or status not in STATUSES


def check_metadata(metadata, settings, is_article=True):
    """Problems of one file's metadata as read (before Pelican builds the object).

    None when the front matter itself could not be read: its fields are unknown, and
    the reader's one message says why.
    """
    if any(p.get("field") == FRONT_MATTER for p in metadata.get(PROBLEMS, [])):
        return []
    normalize_category(metadata, settings)
    problems = []
    problems += check_fields(metadata, settings)
    if not str(metadata.get("title", "")).strip():
        problems.append(problem(1, "Bài chưa có tiêu đề. Thêm dòng “Title: …” ở đầu tệp.", blocking=True))
    status = str(metadata.get("status", "published")).strip().lower()
    if status not in STATUSES:
        problems.append(
            problem(
                line_of(metadata, "status"),
                f"Trạng thái “{status}” không hợp lệ. Dùng “published” (đăng) hoặc “draft” (bản nháp).",
                blocking=True,
            )
        )
    if not is_article:
        return problems
    if "date" not in metadata and "date" not in metadata.get(FIELD_LINES, {}):
        problems.append(
            problem(
                1,
                "Bài chưa có ngày đăng. Thêm dòng “Date: 15/07/2024 08:30” (ngày/tháng/năm giờ:phút).",
                blocking=True,
            )
        )
    if not str(metadata.get("author", "")).strip():
        problems.append(
            problem(end_of_front_matter(metadata), "Bài chưa ghi tác giả. Thêm dòng “Author: Họ tên”.")
        )
    problems += check_category(metadata, settings)
    problems += check_image(metadata, settings)
    return problems


def check_fields(metadata, settings):
    known = KNOWN_FIELDS | set(settings.get("CONTENT_CHECKS_EXTRA_FIELDS", ()))
    problems = []
    for name, line in metadata.get(FIELD_LINES, {}).items():
        if name in known:
            continue
        close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
        hint = f" Có phải “{close[0]}”?" if close else f" Các trường dùng được: {', '.join(sorted(known))}."
        problems.append(problem(line, f"Trường “{name}” không được hỗ trợ nên bị bỏ qua.{hint}"))
    return problems


def normalize_category(metadata, settings):
    """ "kinh tế" or "Kinh te" is the configured "Kinh tế": use that name, no problem."""
    category = metadata.get("category")
    allowed = settings.get("SITE_CATEGORIES") or []
    if category is None or str(category) in allowed:  # the usual case, without folding
        return
    for name in allowed:
        if str(category) != name and fold(category) == fold(name):
            metadata["category"] = Category(name, settings)
            return


def check_category(metadata, settings):
    allowed = settings.get("SITE_CATEGORIES") or []
    category = metadata.get("category")
    if not allowed or category is None or str(category) in allowed:
        return []
    folded = {fold(name): name for name in allowed}
    close = difflib.get_close_matches(fold(category), list(folded), n=1, cutoff=0.5)
    hint = f" Có phải “{folded[close[0]]}”?" if close else f" Chọn một trong: {', '.join(allowed)}."
    return [
        problem(line_of(metadata, "category"), f"Chuyên mục “{category}” không có trong danh sách.{hint}")
    ]


def check_image(metadata, settings):
    image = str(metadata.get("image", "")).strip()
    if not image or "://" in image:
        return []
    if os.path.isfile(os.path.join(settings["PATH"], image.lstrip("/"))):
        return []
    return [
        problem(
            line_of(metadata, "image"),
            f"Không tìm thấy ảnh đại diện “{image}” trong thư mục content/. "
            "Kiểm tra tên tệp và đường dẫn, ví dụ images/2024/anh.jpg; bài vẫn đăng nhưng không có ảnh.",
            field="image",
        )
    ]


def scheduled(article):
    return problem(
        line_of(article.metadata, "date"),
        f"Bài hẹn đăng ngày {format_date(article.date)}: chưa xuất bản cho đến ngày đó "
        "(dựng lại trang vào ngày đó để đăng).",
        level="info",
    )


def draft():
    return problem(1, "Bản nháp (status: draft): không xuất bản.", level="info")


def duplicate_url(url, first_file):
    return problem(
        1,
        f"Bài này ghi ra cùng địa chỉ “{url}” với {first_file}, nên chưa được đăng. "
        "Đổi tiêu đề hoặc thêm dòng “Slug: ten-khac” cho một trong hai bài.",
        blocking=True,
    )


MARKDOWN_SUFFIX = ".md"


def stray_file(path, settings):
    """The problem of a file under content/ that nothing publishes (path relative to content/)."""
    articles = _folder(settings.get("ARTICLE_PATHS"), "bai-viet")
    pages = _folder(settings.get("PAGE_PATHS"), "trang")
    images = _folder(settings.get("STATIC_PATHS"), "images")
    name = os.path.basename(path)
    folders = [*(settings.get("ARTICLE_PATHS") or ()), *(settings.get("PAGE_PATHS") or ())]
    in_folders = any(path.startswith(f"{folder.strip('/')}/") for folder in folders)
    if path.endswith(MARKDOWN_SUFFIX) and in_folders:  # saved while the build was running
        message = f"Bài “{name}” được lưu khi trang đang dựng nên chưa được đọc; lần dựng sau sẽ đăng bài."
    elif path.endswith(MARKDOWN_SUFFIX):
        message = (
            f"Bài “{path}” nằm ngoài thư mục bài viết nên không được đăng. Chuyển tệp vào "
            f"content/{articles}/<năm>/ (trang giới thiệu, liên hệ: content/{pages}/)."
        )
    elif in_folders:
        message = (
            f"Tệp “{name}” không phải bài viết Markdown (đuôi .md viết thường) nên không được đăng. "
            f"Chép nội dung vào một tệp .md; ảnh đặt trong content/{images}/."
        )
    else:
        message = (
            f"Tệp “{path}” không được dùng ở đâu nên không được đăng: đây không phải bài viết "
            f"(content/{articles}/), trang (content/{pages}/), ảnh (content/{images}/) hay tệp được bài "
            "nào liên kết tới. Chuyển tệp vào đúng thư mục, liên kết tới nó từ một bài, hoặc xóa đi."
        )
    return problem(1, message, blocking=True)


def _folder(paths, default):
    return (paths or [default])[0].strip("/") or default
