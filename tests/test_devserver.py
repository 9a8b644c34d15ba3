"""The development server (make serve): no article lost to a save made during a rebuild."""

import http.client
import socket
import subprocess
import sys
import threading
import time

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, ROOT
from pelican import signals
from pelican.settings import read_settings

from trangxa import devserver

GOOD = (
    "Title: Bài đã có\nDate: 01/03/2025 08:00\nAuthor: Nguyễn Thu\nCategory: Kinh tế\n\nSáng 1/3, xã họp.\n"
)
FIXED = (
    "Title: Họp mặt tại Hà Tĩnh\nDate: 02/03/2025 08:00\nAuthor: Minh Chiến\nCategory: Kinh tế\n\nNội dung.\n"
)
PAGE = "bai-viet/2025/hop-mat-tai-ha-tinh.html"


class SaveDuringBuild:
    """Writes the corrected file while the next build runs, after Pelican has listed the folder."""

    def __init__(self):
        self.path = None

    def __call__(self, generator):
        if self.path is not None:
            self.path.write_text(FIXED, encoding="utf-8")
            self.path = None


SAVE_DURING_BUILD = SaveDuringBuild()


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def dev_site(tmp_path):
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True)
    (content / "bai-viet" / "da-co.md").write_text(GOOD, encoding="utf-8")
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output-dev"),
        "CACHE_PATH": str(tmp_path / "cache"),  # the reader cache on, as under make serve
        "ORGANIZATIONS_REGISTRY": str(CONTENT / "organizations.yml"),
        "SEARCH_INDEX": False,
    }
    return content, tmp_path / "output-dev", overrides


@pytest.mark.build  # builds with Pelican through the dev server's loop
def test_an_article_saved_during_a_rebuild_is_not_lost(dev_site):
    content, output, overrides = dev_site
    article = content / "bai-viet" / "hop-mat.md"
    # Saved first in Windows-1258, as old Vietnamese editors on Windows do: reported, not published.
    article.write_bytes(FIXED.encode("cp1258", errors="replace"))
    builds = []
    stop = threading.Event()
    signals.article_generator_finalized.connect(SAVE_DURING_BUILD)
    server = threading.Thread(
        target=devserver.rebuild_on_changes,
        args=(str(ROOT / "pelicanconf.py"), overrides, stop, lambda: builds.append(time.monotonic())),
        daemon=True,
    )
    try:
        server.start()
        assert wait_for(lambda: builds), "first build"
        assert not (output / PAGE).exists()
        # The editor deletes the file and saves the corrected one: the save lands while the
        # rebuild started by the deletion runs, after it listed the folder.
        SAVE_DURING_BUILD.path = article
        article.unlink()
        assert wait_for(lambda: SAVE_DURING_BUILD.path is None), "the rebuild after the deletion ran"
        assert wait_for(lambda: (output / PAGE).exists()), "the corrected article was rebuilt"
    finally:
        stop.set()
        (content / "bai-viet" / "da-co.md").touch()  # wakes the watcher so that it sees the stop
        server.join(timeout=30)
        signals.article_generator_finalized.disconnect(SAVE_DURING_BUILD)
    assert len(builds) >= 3


def test_development_and_publishing_builds_use_separate_folders():
    development = read_settings(str(ROOT / "pelicanconf.py"))
    published = read_settings(str(ROOT / "publishconf.py"))
    assert development["OUTPUT_PATH"] != published["OUTPUT_PATH"]
    assert published["OUTPUT_PATH"].rstrip("/").endswith("/output")  # what deploy and the pipelines send


def test_a_busy_port_is_one_line_and_a_non_zero_exit(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = f"from trangxa import devserver; devserver.start_http_server({str(tmp_path)!r}, {port})"
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"Cổng {port}" in lines[0] and "PORT=" in lines[0], result.stderr


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8"), response.headers  # names in any case


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_server_answers_as_a_static_host(tmp_path):
    (tmp_path / "chuyen-muc" / "kinh-te").mkdir(parents=True)
    (tmp_path / "chuyen-muc" / "kinh-te" / "index.html").write_text("<p>Kinh tế</p>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "wasm.vi.pagefind").write_bytes(b"\0asm")
    (tmp_path / "pagefind" / "pagefind.wasm").write_bytes(b"\0asm")
    ready = threading.Event()
    port = free_port()
    server = devserver.start_http_server(str(tmp_path), port, ready=ready)
    try:
        status, body, headers = fetch(port, "/")
        assert status == 503 and "Đang dựng trang" in body and headers["Retry-After"] == "2"
        ready.set()  # the first build has finished
        assert fetch(port, "/chuyen-muc/kinh-te/")[:2] == (200, "<p>Kinh tế</p>")
        assert fetch(port, "/pagefind/pagefind.wasm")[2]["Content-Type"] == "application/wasm"
        status, body, _ = fetch(port, "/khong-co-trang-nay.html")
        assert status == 404 and "Không tìm thấy trang" in body  # no 404.html yet: a plain one
        (tmp_path / "404.html").write_text("<h1>Trang 404 của xã</h1>", encoding="utf-8")
        assert fetch(port, "/bai-viet/2025/khong-co.html")[:2] == (404, "<h1>Trang 404 của xã</h1>")
        assert fetch(port, "/pagefind/")[0] == 404, "no folder listing"
    finally:
        server.shutdown()


def test_a_wrong_address_gets_the_sites_404_page_with_its_style(site):
    port = free_port()
    server = devserver.start_http_server(str(site.output), port)
    try:
        status, body, _ = fetch(port, "/bai-viet/2025/khong-co-bai-nay.html")
        assert status == 404 and "Không tìm thấy" in body
        page = BeautifulSoup(body, "html.parser")
        assert page.find("base")["href"] == "/", "relative links start from the root, whatever the depth"
        stylesheet = page.find("link", rel="stylesheet")["href"]
        assert fetch(port, "/" + stylesheet.removeprefix("./"))[0] == 200
    finally:
        server.shutdown()


def test_a_busy_counter_port_is_one_line_too():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        command = [
            sys.executable,
            "-m",
            "invoke",
            "serve",
            "--port",
            str(free_port()),
            "--counter-port",
            str(port),
        ]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"Cổng {port} (bộ đếm truy cập)" in lines[0] and "COUNTER_PORT=" in lines[0]


# --- Live reload (trangxa.warm.livereload) ------------------------------------------------

LIVE = (
    "Title: Họp dân đầu năm tại ấp Hòa Bình\nSlug: bai-da-co\nDate: 01/03/2025 08:00\n"
    "Author: Nguyễn Thu\nCategory: Kinh tế\n\nSáng 1/3.\n"
)
LIVE_PAGE = "bai-viet/2025/bai-da-co.html"


@pytest.fixture
def live_server(dev_site):
    """The dev server as make serve runs it (warm builder, live reload), on a free port."""
    content, output, overrides = dev_site
    article = content / "bai-viet" / "da-co.md"
    article.write_text(LIVE, encoding="utf-8")
    ready, stop, builds = threading.Event(), threading.Event(), []
    live_reload = devserver.livereload.LiveReload(str(output))
    port = free_port()
    server = devserver.start_http_server(str(output), port, ready=ready, live_reload=live_reload)

    def built():
        builds.append(time.monotonic())
        ready.set()

    thread = threading.Thread(
        target=devserver.rebuild_on_changes,
        args=(str(ROOT / "pelicanconf.py"), overrides, stop, built),
        kwargs={"live_reload": live_reload},
        daemon=True,
    )
    thread.start()
    try:
        assert wait_for(ready.is_set), "first build"
        yield port, article, output, builds
    finally:
        stop.set()
        article.touch()  # wakes the watcher so that it sees the stop
        thread.join(timeout=30)
        server.shutdown()


@pytest.mark.build  # builds with Pelican through the dev server's loop
def test_served_pages_get_the_live_reload_script_and_built_files_do_not(live_server):
    port, _, output, _ = live_server
    status, body, headers = fetch(port, "/" + LIVE_PAGE)
    assert status == 200 and headers["Cache-Control"] == "no-store"
    script = BeautifulSoup(body, "html.parser").find("script", src="/__livereload.js")
    assert script is not None and script["data-stamp"].split(" ")[0] != "missing"
    built = (output / LIVE_PAGE).read_text(encoding="utf-8")
    assert "__livereload" not in built, "the output stays a full build's"
    status, code, headers = fetch(port, "/__livereload.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and "fetch(" in code
    status, state, _ = fetch(port, f"/__livereload?path=/{LIVE_PAGE}")
    assert status == 200 and f'"stamp": "{script["data-stamp"].split(" ")[0]}"' in state
    assert '"stamp": "missing"' in fetch(port, "/__livereload?path=/khong-co.html")[1]
    assert "/__livereload.js" in fetch(port, "/khong-co.html")[1], "a 404 reloads when its page appears"
    assert fetch(port, "/__livereload?path=/../../etc/passwd")[0] == 200  # nothing outside the output


def test_the_open_page_shows_a_saved_title_by_itself(live_server, browser):
    port, article, _, builds = live_server
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        page.goto(f"http://127.0.0.1:{port}/{LIVE_PAGE}")
        assert "Họp dân đầu" in page.locator("h1").first.inner_text()
        page.wait_for_timeout(700)  # the script has polled at least once
        article.write_text(LIVE.replace("Họp dân đầu", "Họp dân cuối"), encoding="utf-8")
        page.locator("h1", has_text="Họp dân cuối").first.wait_for(timeout=30_000)
        assert not [e for e in errors if "Content Security Policy" in e], errors
    finally:
        page.close()
