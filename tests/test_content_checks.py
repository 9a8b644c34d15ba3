"""No article lost: one small bad file per problem, next to a good one."""

import hashlib
import logging
import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, ROOT, build_site

from trangxa.content_checks.content_checks import ContentCheckFailed

GOOD = """\
Title: Bài viết hợp lệ
Date: 01/03/2025 08:00
Author: Nguyễn Thu
Category: Kinh tế
Organizations: UBND

Sáng 1/3, UBND xã tổ chức hội nghị.
"""


def article(
    title="Hội nghị",
    date="15/07/2024",
    author="Minh Chiến",
    category="Kinh tế",
    extra="",
    body="Sáng 15/7, xã tổ chức hội nghị.",
):
    lines = [
        f"Title: {title}" if title is not None else None,
        f"Date: {date}" if date is not None else None,
        f"Author: {author}" if author is not None else None,
        f"Category: {category}",
        extra or None,
    ]
    return "\n".join(line for line in lines if line is not None) + f"\n\n{body}\n"


# (case, file text or bytes, line, words in the message, published?, error?)
CASES = [
    ("no title", article(title=None), 1, ["chưa có tiêu đề"], False, True),
    ("empty title", article(title=""), 1, ["chưa có tiêu đề"], False, True),
    ("no date", article(date=None), 1, ["chưa có ngày đăng"], False, True),
    (
        "impossible date",
        article(date="30/02/2024"),
        2,
        ['Ngày "30/02/2024" không tồn tại', "29/02/2024"],
        False,
        True,
    ),
    ("not a leap year", article(date="29/02/2023"), 2, ["không tồn tại", "28/02/2023"], False, True),
    ("month first", article(date="07/15/2024"), 2, ["ngược", "15/07/2024"], False, True),
    ("two-digit year", article(date="15/07/24"), 2, ["Không đọc được", "ngày/tháng/năm"], False, True),
    ("unreadable date", article(date="hôm qua"), 2, ["Không đọc được"], False, True),
    ("time without date", article(date="08:30"), 2, ["Chỉ có giờ"], False, True),
    (
        "unknown category",
        article(category="Kinh tế nông thôn"),
        4,
        ["Kinh tế nông thôn", "Có phải “Kinh tế”?"],
        True,
        True,
    ),
    (
        "unknown organization",
        article(extra="Organizations: Hoi nong dn"),
        5,
        ["Không có tổ chức 'Hoi nong dn'", "Có phải: Hội Nông dân?"],
        True,
        True,
    ),
    ("missing author", article(author=None), 3, ["chưa ghi tác giả"], True, True),
    (
        "missing cover image",
        article(extra="Image: images/khong-co.jpg"),
        5,
        ["ảnh đại diện", "images/khong-co.jpg"],
        True,
        True,
    ),
    (
        "missing linked file",
        article(body="Đoạn mở đầu.\n\n![Ảnh hội nghị](images/2024/khong-co.jpg)"),
        8,
        ["images/2024/khong-co.jpg"],
        True,
        True,
    ),
    (
        "broken YAML",
        "---\ntitle: Hội nghị\ndate: 15/07/2024\nauthor: Thu: Minh\ncategory: Kinh tế\n---\n\nNội dung.\n",
        4,
        ["YAML", "ngoặc kép"],
        False,
        True,
    ),
    ("unknown field", article(extra="Autor: Minh Chiến"), 5, ["“autor”", "Có phải “author”?"], True, True),
    ("empty body", article(body=""), 5, ["chưa có nội dung"], True, True),
    # Windows-1258, as old Vietnamese editors on Windows save ("à" is one byte, 0xE0).
    (
        "not UTF-8",
        article(title="Họp mặt tại Hà Tĩnh").encode("cp1258", errors="replace"),
        1,
        ["UTF-8", "dòng 1"],
        False,
        True,
    ),
    ("future date", article(date="15/07/2099"), 2, ["hẹn đăng ngày 15/07/2099"], False, False),
    ("draft", article(extra="Status: draft"), 1, ["Bản nháp"], False, False),
    ("unknown status", article(extra="Status: xuat ban"), 5, ["Trạng thái “xuat ban”"], False, True),
]


@pytest.mark.parametrize("name", ["bao-cao.docx", "ghi-chu.txt", "HOP-HDND.MD"])
def test_a_file_pelican_would_skip_is_reported(tmp_path, name):
    content, _ = make_content(tmp_path, article())
    other = content / "bai-viet" / name
    other.write_bytes(article(title="Bài trong tệp khác").encode())
    records = build_site(tmp_path / "output", content=content)
    messages = [r.getMessage() for r in records]
    assert any(m.startswith(f"{other}:1: ") and "không phải bài viết Markdown" in m for m in messages), (
        messages
    )
    assert any("không được xuất bản" in m and name in m for m in messages)
    with pytest.raises(ContentCheckFailed):
        build_site(tmp_path / "strict", content=content, settings_file="publishconf.py")


def make_content(tmp_path, bad):
    content = tmp_path / "content"
    folder = content / "bai-viet"
    folder.mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", content / "organizations.yml")
    (content / "images" / "2024").mkdir(parents=True)
    shutil.copy(next((CONTENT / "images" / "2024").glob("*.jpg")), content / "images" / "2024" / "anh.jpg")
    (folder / "tot.md").write_text(GOOD, encoding="utf-8")
    bad_file = folder / "loi.md"
    if isinstance(bad, bytes):
        bad_file.write_bytes(bad)
    else:
        bad_file.write_text(bad, encoding="utf-8")
    return content, bad_file


@pytest.mark.parametrize(
    ("case", "text", "line", "words", "published", "is_error"), CASES, ids=[c[0] for c in CASES]
)
def test_each_problem_is_reported_and_nothing_else_is_lost(
    tmp_path, case, text, line, words, published, is_error
):
    content, bad_file = make_content(tmp_path, text)
    output = tmp_path / "output"
    records = build_site(output, content=content, log_level=logging.INFO, CONTENT_CHECKS_NOTICES=True)
    located = [r for r in records if r.getMessage().startswith(f"{bad_file}:{line}: ")]
    assert any(all(w in r.getMessage() for w in words) for r in located), [r.getMessage() for r in records]
    level = max(r.levelno for r in located if all(w in r.getMessage() for w in words))
    assert (level >= logging.ERROR) == is_error
    assert (output / "bai-viet/2025/bai-viet-hop-le.html").is_file(), "the good article is still built"
    pages = [p for p in (output / "bai-viet").rglob("*.html") if "hop-le" not in p.name]
    assert bool(pages) == published
    summary = [r.getMessage() for r in records if "không được xuất bản:" in r.getMessage()]
    if not published and is_error:
        assert summary and str(bad_file) in summary[0] and summary[0].startswith("1 tệp")


@pytest.mark.parametrize(
    ("case", "text", "line", "words", "published", "is_error"), CASES, ids=[c[0] for c in CASES]
)
def test_strict_build_fails_on_errors_only(tmp_path, case, text, line, words, published, is_error):
    content, _ = make_content(tmp_path, text)
    if is_error:
        with pytest.raises(ContentCheckFailed):
            build_site(tmp_path / "output", content=content, settings_file="publishconf.py")
    else:
        build_site(tmp_path / "output", content=content, settings_file="publishconf.py")


def test_duplicate_url_keeps_the_first_and_reports_the_second(tmp_path):
    content, bad_file = make_content(tmp_path, article(title="Bài viết hợp lệ", date="20/05/2025"))
    records = build_site(tmp_path / "output", content=content, log_level=logging.INFO)
    messages = [r.getMessage() for r in records]
    assert any(m.startswith(f"{bad_file}:1: ") and "cùng địa chỉ" in m for m in messages), messages
    assert any("1 tệp không được xuất bản" in m for m in messages)


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def invoke(*args):
    command = [sys.executable, "-m", "invoke", *args]
    env = {**os.environ, "COLUMNS": "400"}  # the log console would wrap long lines
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)


def test_failed_publish_leaves_previous_output_untouched(tmp_path):
    content, bad_file = make_content(tmp_path, GOOD.replace("hợp lệ", "thứ hai"))
    output = tmp_path / "output"
    first = invoke("publish", "--content", str(content), "--output", str(output))
    assert first.returncode == 0, first.stderr
    before = tree_digest(output)
    page = "bai-viet/2025/bai-viet-thu-hai.html"
    assert (output / page).is_file()
    # Pages are hard links to the build folder's (their writer replaces them, never rewrites them).
    assert (output / page).stat().st_ino == (tmp_path / ".output-build" / page).stat().st_ino
    bad_file.write_text(article(date="30/02/2024"), encoding="utf-8")
    second = invoke("publish", "--content", str(content), "--output", str(output))
    assert second.returncode != 0
    assert "30/02/2024" in second.stdout + second.stderr
    assert tree_digest(output) == before
    # The build folder is kept for the next (incremental) publish; nothing else is left.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output-build", "content", "output"]


def test_check_task_reads_without_writing(tmp_path):
    content, _ = make_content(tmp_path, article(date="30/02/2024"))
    result = subprocess.run(
        [sys.executable, "-m", "trangxa.content_checks.check", str(ROOT / "pelicanconf.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin"},  # the installed package, nothing added to the path
    )
    assert result.returncode == 0, result.stderr  # the sample content is clean
    bad = invoke("check", "--content", str(content))
    assert bad.returncode != 0
    assert "không tồn tại" in bad.stdout + bad.stderr
    assert not (ROOT / "output-dev" / "bai-viet" / "2024" / "hoi-nghi.html").exists()


def test_category_in_other_case_or_without_diacritics_is_the_configured_one(tmp_path):
    content, bad_file = make_content(tmp_path, article(title="Bài chuyên mục", category="kinh te"))
    records = build_site(tmp_path / "output", content=content, log_level=logging.INFO)
    assert not [r for r in records if str(bad_file) in r.getMessage()]
    listing = (tmp_path / "output" / "chuyen-muc" / "kinh-te" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(listing, "html.parser")
    assert soup.h1.get_text() == "Kinh tế"
    assert "Bài chuyên mục" in [" ".join(a.get_text().split()) for a in soup.select(".teaser-title a")]


def test_preview_builds_one_article_alone():
    source = CONTENT / "bai-viet" / "2025" / "so-ket-6-thang-dau-nam-2025.md"
    result = invoke("preview", str(source))
    assert result.returncode == 0, result.stderr
    page = ROOT / "output-dev" / "xem-truoc" / "bai-viet" / "2025"
    built = list(page.glob("*.html"))
    assert [p.name for p in built] == ["dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html"]
    soup = BeautifulSoup(built[0].read_text(encoding="utf-8"), "html.parser")
    for img in soup.select("article.article img"):
        assert (built[0].parent / img["src"]).resolve().is_file()
    assert "xem-truoc/bai-viet/2025/" in result.stdout
    assert soup.select_one(".preview-banner").get_text(strip=True) == "Bản xem trước — chưa đăng"
    menu = [a.get_text(strip=True).replace("\xa0", " ") for a in soup.select("nav.main-menu a")]
    assert {"Trang chủ", "Giới thiệu", "Liên hệ", "Kinh tế", "Thông báo", "Văn bản"} <= set(menu), menu
    preview_root = ROOT / "output-dev" / "xem-truoc"
    for link in soup.select("nav.main-menu a"):  # out of xem-truoc/, to the development site's pages
        target = (built[0].parent / link["href"]).resolve()
        dev_root = ROOT / "output-dev"
        assert (target == dev_root or dev_root in target.parents) and preview_root not in target.parents, link


def test_every_file_under_content_is_published_or_reported(tmp_path):
    content, _ = make_content(tmp_path, article())
    linked = content / "bai-viet" / "anh-ke-ben.jpg"  # a photo next to the article that links it
    shutil.copy(content / "images" / "2024" / "anh.jpg", linked)
    (content / "bai-viet" / "loi.md").write_text(
        article(body="Sáng 15/7, xã họp.\n\n![Hội trường xã](anh-ke-ben.jpg)"), encoding="utf-8"
    )
    strays = {
        "tin-tuc/hop-dan.md": "nằm ngoài thư mục bài viết",
        "hop-dan.md": "nằm ngoài thư mục bài viết",
        "anh-le.jpg": "không được dùng ở đâu",
        "bai-viet/bao-cao.docx": "không phải bài viết Markdown",
    }
    for name in strays:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(article(title="Họp dân ấp Hòa Bình"), encoding="utf-8")
    output = tmp_path / "output"
    messages = [r.getMessage() for r in build_site(output, content=content)]
    for name, words in strays.items():
        assert any(m.startswith(f"{content / name}:1: ") and words in m for m in messages), (name, messages)
    summary = [m for m in messages if "không được xuất bản:" in m]
    assert summary and summary[0].startswith(f"{len(strays)} tệp") and all(n in summary[0] for n in strays)
    assert (output / "bai-viet" / "anh-ke-ben.jpg").is_file(), "a linked file is published, not reported"
    assert not any("anh-ke-ben" in m or "organizations.yml" in m for m in messages)
    with pytest.raises(ContentCheckFailed):
        build_site(tmp_path / "strict", content=content, settings_file="publishconf.py")


def test_check_task_reports_stray_files(tmp_path):
    content, _ = make_content(tmp_path, article())
    (content / "tin-tuc").mkdir()
    (content / "tin-tuc" / "hop-dan.md").write_text(article(), encoding="utf-8")
    result = invoke("check", "--content", str(content))
    assert result.returncode != 0
    assert "tin-tuc/hop-dan.md:1: lỗi: " in result.stderr and "nằm ngoài thư mục bài viết" in result.stderr


def test_a_yaml_mistake_is_reported_once(tmp_path):
    # An unquoted colon in the title: the YAML cannot be read, so no field is known.
    broken = "---\ntitle: Đảng ủy xã: sơ kết\ndate: 10/07/2025 14:00\nauthor: Minh Chiến\n---\n\nNội dung.\n"
    content, bad_file = make_content(tmp_path, broken)
    records = build_site(tmp_path / "output", content=content, log_level=logging.INFO)
    about = [r.getMessage() for r in records if str(bad_file) in r.getMessage()]
    located = [m for m in about if m.startswith(f"{bad_file}:")]
    assert len(located) == 1 and located[0].startswith(f"{bad_file}:2: ") and "YAML" in located[0], about
    recap = [m for m in about if "không được xuất bản:" in m]
    assert recap and "YAML" in recap[0] and "tiêu đề" not in recap[0], "the recap names the cause"
    assert not any("Skipping" in r.getMessage() for r in records)


def test_a_drafts_problems_do_not_stop_a_publish(tmp_path):
    # An imported article whose date could not be established is written as a draft.
    content, bad_file = make_content(tmp_path, article(date=None, author=None, extra="Status: draft"))
    records = build_site(tmp_path / "output", content=content, settings_file="publishconf.py")
    about = [r for r in records if r.getMessage().startswith(f"{bad_file}:")]
    assert about and all(r.levelno == logging.WARNING for r in about), [r.getMessage() for r in about]
    assert any("chưa có ngày đăng" in r.getMessage() for r in about)


def test_check_task_reads_the_plugins_data_files_too(tmp_path):
    """`invoke check` runs the plugins' generators: a week's schedule with a mistake is named."""
    content, _ = make_content(tmp_path, article())
    (content / "lich-cong-tac").mkdir()
    (content / "lich-cong-tac" / "2026-tuan-49.yml").write_text(
        "items:\n  - day: 31/11/2026\n    time: 7h30\n    content: Họp giao ban\n", encoding="utf-8"
    )
    result = invoke("check", "--content", str(content))
    assert result.returncode != 0
    assert "lich-cong-tac/2026-tuan-49.yml:2: lỗi: " in result.stderr, result.stderr
