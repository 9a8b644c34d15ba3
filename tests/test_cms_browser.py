"""The web editor end to end, in Debian's Chromium: Decap CMS at /admin/ of a build, saving
through decap-server into a copy of the site (a git repository, MODE=git, so that the
editorial workflow runs: draft, ready, published = merged into main); then the copy is built
and the article is on the site as an editor would have written it by hand.

Node.js and cms/node_modules (npm ci --prefix cms, `make test`) are needed.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest
import yaml
from browser import serve
from conftest import CONTENT, ROOT, build_site
from PIL import Image

SERVER = ROOT / "cms" / "node_modules" / "decap-server" / "dist" / "index.js"
TITLE = "Hội nghị tổng kết công tác Đảng năm 2026"
SLUG = "hoi-nghi-tong-ket-cong-tac-dang-nam-2026"  # Đ/đ -> d, accents removed
HOSTILE = "<img src=x onerror=alert(1)> <script>alert(2)</script> Thông báo lịch tiếp dân"
NO_SITE_EXTRAS = {"SEARCH_INDEX": False, "RESPONSIVE_IMAGE_WIDTHS": []}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def wait_for_port(port, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "decap-server stopped"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("decap-server did not start")


class Editor:
    def __init__(self, base, repo, timings):
        self.base, self.repo, self.timings = base, repo, timings


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    started = time.monotonic()
    repo = tmp_path_factory.mktemp("copie") / "site"
    shutil.copytree(CONTENT, repo / "content")
    git(repo, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Biên tập"), ("user.email", "bien-tap@example.invalid"),
                       ("commit.gpgsign", "false")):  # fmt: skip
        git(repo, "config", key, value)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Bản sao của trang")
    port = free_port()
    environment = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1",
                   "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "warn"}  # fmt: skip
    server = subprocess.Popen(["node", str(SERVER)], env=environment, cwd=repo)
    try:
        wait_for_port(port, server)
        output = repo.parent / "admin-build"
        build_site(output, content=repo / "content", CMS_ENABLED=True,
                   CMS_LOCAL_BACKEND=f"http://127.0.0.1:{port}/api/v1", **NO_SITE_EXTRAS)  # fmt: skip
        with serve(output) as base:
            yield Editor(base, repo, {"set-up": time.monotonic() - started})
    finally:
        server.terminate()
        server.wait(timeout=10)


class Watched:
    """A page whose dialogs (alert(1) would be one) and CSP violations are recorded."""

    def __init__(self, page):
        self.page, self.dialogs, self.violations = page, [], []
        page.on("dialog", self.answer)
        page.on("console", lambda m: "Content Security Policy" in m.text and self.violations.append(m.text))

    def answer(self, dialog):
        self.dialogs.append((dialog.type, dialog.message))
        dialog.accept() if dialog.type == "confirm" else dialog.dismiss()


@pytest.fixture
def admin(browser, editor):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                  viewport={"width": 1400, "height": 1000})  # fmt: skip
    watched = Watched(context.new_page())
    watched.page.goto(f"{editor.base}/admin/")
    watched.page.get_by_role("button", name="Đăng nhập").click()  # the local server: no account
    yield watched
    context.close()


def fill_article(page, base, title, author, photographer, category, organizations=(), summary="",
                 photo=None, paragraphs=()):  # fmt: skip
    page.goto(f"{base}/admin/#/collections/bai-viet/new")
    page.fill('[id^="title-field"]', title)
    page.fill('[id^="date-field"]', "2026-01-15T08:30")  # the browser's datetime-local value
    page.fill('[id^="author-field"]', author)
    page.fill('[id^="photographer-field"]', photographer)
    page.click('[id^="category-field"]', force=True)
    page.keyboard.type(category)
    page.keyboard.press("Enter")
    if organizations:
        page.click('[id^="organizations-field"]', force=True)
        for name in organizations:
            page.keyboard.type(name)
            page.keyboard.press("Enter")
    if summary:
        page.fill('[id^="summary-field"]', summary)
    if photo:
        page.get_by_role("button", name="Chọn một hình").click()
        # The media library lists the repository's photos first: slow on a loaded machine.
        page.set_input_files("input[type=file]", str(photo), timeout=90_000)
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        page.get_by_role("button", name="Gỡ bỏ hình").wait_for()
    page.click('[data-slate-editor="true"]')
    for number, paragraph in enumerate(paragraphs):
        if number:
            page.keyboard.press("Enter")
        page.keyboard.type(paragraph)


def save_and_publish(page):
    """Editorial workflow: save (a draft, on its own branch), mark ready, publish (merge)."""
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Mục đã được lưu").wait_for()
    page.get_by_role("button", name="Trạng: Bản nháp").click()
    page.get_by_role("menuitem", name="Sẵn sàng").click()
    page.get_by_text("Trạng thái của mục đã được cập nhật").wait_for()
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    page.get_by_text("Mục đã được công bố").wait_for()


def published_file(repo, slug):
    found = sorted((repo / "content" / "bai-viet").glob(f"*/{slug}.md"))
    assert len(found) == 1, f"{slug}.md not in content/bai-viet/<năm>/"
    return found[0]


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def build_copy(repo, output):
    records = build_site(output, content=repo / "content", **NO_SITE_EXTRAS)
    return [r.getMessage() for r in records]


def article_page(output, title):
    from bs4 import BeautifulSoup  # noqa: PLC0415

    for page in sorted((output / "bai-viet").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        heading = soup.select_one("h1.article-title")
        if heading and " ".join(heading.get_text().split()) == title:  # typogrify: "năm&nbsp;2026"
            return page, soup
    raise AssertionError(f"no article page titled {title!r}")


def test_an_article_written_in_the_editor_is_published_as_written_by_hand(admin, editor, tmp_path):
    page = admin.page
    photo = tmp_path / "hoi-nghi-tong-ket.jpg"
    Image.new("RGB", (1200, 800), (180, 30, 30)).save(photo)
    started = time.monotonic()
    fill_article(
        page, editor.base, TITLE, "Minh Chiến", "Vũ Chiến", "Kinh tế", ("Đảng ủy", "Hội Nông dân"),
        "Sáng 15/1, Đảng ủy xã Tân Hòa tổ chức hội nghị tổng kết công tác Đảng năm 2026.", photo,
        ["Hội nghị đánh giá kết quả thực hiện nghị quyết Đại hội Đảng bộ xã.",
         "Đồng chí Bí thư Đảng ủy phát biểu."],
    )  # fmt: skip
    # The preview is the article page: the site's stylesheet, date day first, credit line.
    preview = page.frame_locator("iframe").first
    assert preview.locator("h1.article-title").inner_text() == TITLE
    assert preview.locator(".article-meta time").inner_text() == "Thứ Năm, 15/01/2026 08:30"
    assert preview.locator("p.credit").inner_text() == "Tin: Minh Chiến – Ảnh: Vũ Chiến"
    assert preview.locator(".other-news h2").inner_text().strip().lower() == "thông tin khác"
    save_and_publish(page)
    editor.timings["write and publish"] = time.monotonic() - started

    path = published_file(editor.repo, SLUG)
    assert "cms/" not in git(editor.repo, "branch", "--list")  # merged: no entry left in review
    fields, body = front_matter(path)
    assert fields == {
        "title": TITLE,
        "date": "15/01/2026 08:30",
        "author": "Minh Chiến",
        "photographer": "Vũ Chiến",
        "category": "Kinh tế",
        "organizations": ["dang-uy", "hoi-nong-dan"],
        "summary": "Sáng 15/1, Đảng ủy xã Tân Hòa tổ chức hội nghị tổng kết công tác Đảng năm 2026.",
        "image": "images/hoi-nghi-tong-ket.jpg",
    }
    assert "Đồng chí Bí thư Đảng ủy phát biểu." in body
    assert (editor.repo / "content" / fields["image"]).is_file()

    started = time.monotonic()
    output = tmp_path / "site"
    warnings = build_copy(editor.repo, output)
    editor.timings["build the copy"] = time.monotonic() - started
    assert [w for w in warnings if SLUG in w or "hoi-nghi-tong-ket.jpg" in w] == []
    written, soup = article_page(output, TITLE)
    assert written.relative_to(output).as_posix() == f"bai-viet/2026/{SLUG}.html"
    assert soup.select_one(".article-meta time").get_text() == "Thứ Năm, 15/01/2026 08:30"  # day first
    assert soup.select_one("p.credit").get_text() == "Tin: Minh Chiến – Ảnh: Vũ Chiến"
    links = [a["href"] for a in soup.select("p.article-organizations a")]
    assert [href.rstrip("/").rsplit("/", 1)[-1] for href in links] == ["dang-uy", "hoi-nong-dan"]
    assert soup.select_one("p.lead").get_text().startswith("Sáng 15/1")
    assert admin.violations == []
    assert admin.dialogs == [("confirm", "Bạn có chắc rằng bạn muốn công bố mục này?")]
    print("timings (s):", {k: round(v, 1) for k, v in editor.timings.items()})


def test_a_hostile_title_typed_in_the_editor_is_text_on_the_site(admin, editor, browser, tmp_path):
    page = admin.page
    fill_article(page, editor.base, HOSTILE, "Trần Hải Yến", "Trần Hải Yến", "Thông báo",
                 paragraphs=["<script>alert(3)</script> Lịch tiếp công dân tháng 1."])  # fmt: skip
    preview = page.frame_locator("iframe").first
    assert preview.locator("h1.article-title").inner_text() == HOSTILE
    assert preview.locator("p.credit").inner_text() == "Tin, ảnh: Trần Hải Yến"
    save_and_publish(page)
    assert [d for d in admin.dialogs if d[0] != "confirm"] == []  # nothing ran in the editor
    articles = (editor.repo / "content" / "bai-viet").glob("*/*.md")
    written_by_editor = [p for p in articles if "alert" in p.read_text(encoding="utf-8")]
    assert len(written_by_editor) == 1
    fields, body = front_matter(written_by_editor[0])
    assert fields["title"] == HOSTILE  # quoted by the YAML writer, read back as the same text
    print("file:", written_by_editor[0].name, "body:", body.strip())

    output = tmp_path / "site"
    build_copy(editor.repo, output)
    written, soup = article_page(output, HOSTILE)
    assert soup.select_one("p.credit").get_text() == "Tin, ảnh: Trần Hải Yến"
    html = written.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>alert" not in html
    assert not soup.select('img[src="x"]')
    with serve(output) as base:
        context = browser.new_context()
        visitor = Watched(context.new_page())
        visitor.page.goto(f"{base}/{written.relative_to(output).as_posix()}")
        assert " ".join(visitor.page.locator("h1.article-title").inner_text().split()) == HOSTILE
        visitor.page.wait_for_timeout(300)
        context.close()
    assert visitor.dialogs == []
    assert admin.violations == []
