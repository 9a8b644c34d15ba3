"""Reading aids (issue 20, Circular 26/2020/TT-BTTTT), in headless Chromium on the published
site: text size A− A A+ remembered across reloads and pages, applied before the page is
drawn, nothing wider than the screen with large text or zoom; "Nghe đọc bài" only with a
Vietnamese voice; and with JavaScript off none of the controls shows."""

import pytest
from browser import site_context
from conftest import SUBPATH_SITEURL, normalize

ARTICLE = "bai-viet/2025/dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html"
PAGES = {"article": ARTICLE, "home": "", "category": "chuyen-muc/kinh-te/"}
ROOT_SIZE = "() => getComputedStyle(document.documentElement).fontSize"
RENDERED = "element => element.getClientRects().length > 0"
# Nothing reaches past the right edge: no horizontal scrolling, no element cut off.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  return {scrolls: document.documentElement.scrollWidth - width,
          wide: [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > width + 1;
          }).map(e => e.tagName + '.' + e.className).slice(0, 5)};
}"""


@pytest.fixture
def context(browser, published):
    """A fresh browser (its own localStorage) on the published site."""
    with site_context(browser, published.output, SUBPATH_SITEURL) as context:
        yield context


def open_page(context, path, width=1280, height=900):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{SUBPATH_SITEURL}/{path}")
    return page


def press(page, which, times=1):
    for _ in range(times):
        page.click(f".text-size-{which}")


# --- Text size ---------------------------------------------------------------------------------


def test_text_size_is_kept_across_reloads_and_pages(context):
    page = open_page(context, ARTICLE)
    controls = page.locator("[data-text-size-controls]")
    assert controls.is_visible()
    assert page.get_by_role("group", name="Cỡ chữ").is_visible()
    for name in ["Giảm cỡ chữ", "Cỡ chữ mặc định", "Tăng cỡ chữ"]:
        assert page.get_by_role("button", name=name).is_visible(), name
    assert page.evaluate(ROOT_SIZE) == "16px"
    press(page, "larger")
    assert page.evaluate(ROOT_SIZE) == "20px"  # 125 %: every size is in rem
    assert page.locator("[data-text-size-status]").text_content() == "Cỡ chữ 125 %"
    body_size = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize)"
    )
    assert body_size == 20

    page.reload()
    assert page.evaluate(ROOT_SIZE) == "20px"
    page.goto(f"{SUBPATH_SITEURL}/")
    assert page.evaluate(ROOT_SIZE) == "20px", "another page: the same size"

    press(page, "default")
    assert page.evaluate(ROOT_SIZE) == "16px"
    press(page, "larger", 4)
    assert page.evaluate(ROOT_SIZE) == "32px", "A+ goes up to 200 %"
    assert page.get_attribute(".text-size-larger", "aria-disabled") == "true"
    assert page.get_attribute(".text-size-smaller", "aria-disabled") == "false"
    press(page, "smaller", 5)
    assert page.evaluate(ROOT_SIZE) == "14px", "and A− down to 87.5 %"
    assert page.get_attribute(".text-size-smaller", "aria-disabled") == "true"
    page.close()
    other = open_page(context, "chuyen-muc/kinh-te/")
    assert other.evaluate(ROOT_SIZE) == "14px", "a new tab too"
    other.close()


def test_the_size_is_applied_before_the_page_is_drawn(context):
    page = open_page(context, ARTICLE)
    press(page, "larger", 2)
    page.close()
    # Without the deferred reading.js, the small script in <head> alone sets the size: it runs
    # before <body> is parsed, so the first paint already has it (no jump).
    context.route("**/js/reading.js", lambda route: route.abort())
    context.add_init_script(
        """new MutationObserver((records, observer) => {
             if (document.body) {
               window.sizeAtBody = document.documentElement.getAttribute('data-text-size');
               observer.disconnect();
             }
           }).observe(document, {childList: true, subtree: true});"""
    )
    page = open_page(context, "chuyen-muc/kinh-te/")
    assert page.evaluate("() => window.sizeAtBody") == "150"
    assert page.evaluate(ROOT_SIZE) == "24px"
    assert not page.locator("[data-text-size-controls]").is_visible(), "the controls come with reading.js"
    page.close()


# Large text and zoom: no horizontal scrolling. Browser zoom at 200 % shows a 1280 px window as
# a 640 CSS px viewport with two device pixels per CSS pixel (what Playwright emulates below);
# the site's own A+ (text only, up to 200 %) is checked on a 320 px phone and on a desktop.
CONDITIONS = {
    "phone, A+": ({"width": 320, "height": 740}, 1, 1),
    "phone, A+ to 200 %": ({"width": 320, "height": 740}, 1, 4),
    "browser zoom 200 %": ({"width": 640, "height": 450}, 2, 0),
    "desktop, A+ to 200 %": ({"width": 1280, "height": 900}, 1, 4),
}


@pytest.mark.parametrize("condition", list(CONDITIONS))
def test_large_text_and_zoom_never_scroll_sideways(browser, published, condition):
    viewport, scale, clicks = CONDITIONS[condition]
    options = {"viewport": viewport, "device_scale_factor": scale}
    with site_context(browser, published.output, SUBPATH_SITEURL, **options) as context:
        page = context.new_page()
        page.goto(f"{SUBPATH_SITEURL}/{ARTICLE}")
        press(page, "larger", clicks)
        for name, path in PAGES.items():
            page.goto(f"{SUBPATH_SITEURL}/{path}")
            assert page.evaluate(ROOT_SIZE) == f"{16 * [100, 125, 150, 175, 200][clicks] / 100:g}px"
            result = page.evaluate(OVERFLOW)
            assert result == {"scrolls": 0, "wide": []}, (condition, name)
            skip_link = "() => document.querySelector('.skip-link').getBoundingClientRect().bottom"
            assert page.evaluate(skip_link) <= 0, "the skip link stays out of sight until focused"
        page.close()


def test_large_text_puts_the_sidebar_below_on_a_tablet(context):
    page = open_page(context, ARTICLE, width=1024)
    columns = (
        "() => getComputedStyle(document.querySelector('.layout')).gridTemplateColumns.split(' ').length"
    )
    assert page.evaluate(columns) == 2
    press(page, "larger", 4)
    assert page.evaluate(columns) == 1, "at 200 % the article keeps the width"
    page.close()


# --- Without JavaScript --------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ARTICLE, "trang/gioi-thieu.html", ""])
def test_without_javascript_no_control_shows(browser, published, path):
    with site_context(browser, published.output, SUBPATH_SITEURL, java_script_enabled=False) as context:
        page = open_page(context, path)
        assert page.locator("main").is_visible(), "the page itself is there"
        for selector in [
            "[data-text-size-controls]",
            "[data-article-tools]",
            "[data-print]",
            "[data-listen]",
        ]:
            for element in page.query_selector_all(selector):
                assert not element.evaluate(RENDERED), (path, selector)
        if path:
            assert page.query_selector("[data-print]"), "the button is in the page, hidden"
        page.close()


# --- "Nghe đọc bài" --------------------------------------------------------------------------------

# speechSynthesis replaced by a recorder: its voices arrive when the test says so, after the
# page loaded, with the `voiceschanged` event (as Chrome's do); so does the end of a reading.
SPEECH_STUB = """(() => {
  const voices = %s, spoken = [], queue = [];
  let loaded = [], cancels = 0;
  const events = new EventTarget();
  const synth = {
    getVoices: () => loaded,
    speak: u => { spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); queue.push(u); },
    cancel: () => { cancels++; queue.splice(0).forEach(u => u.onerror && u.onerror({error: 'canceled'})); },
    addEventListener: (type, listener) => events.addEventListener(type, listener),
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  window.speechStub = {
    spoken, cancels: () => cancels,
    loadVoices: () => { loaded = voices; events.dispatchEvent(new Event('voiceschanged')); },
    finish: () => queue.splice(0).forEach(u => u.onend && u.onend({})),
  };
})();"""
VIETNAMESE = "[{name: 'English', lang: 'en-US'}, {name: 'Tiếng Việt', lang: 'vi-VN'}]"
ENGLISH_ONLY = "[{name: 'English', lang: 'en-US'}, {name: 'Français', lang: 'fr-FR'}]"


def test_listen_is_hidden_without_a_vietnamese_voice(context):
    page = open_page(context, ARTICLE)
    page.wait_for_timeout(300)  # voices that load late have arrived
    voices = page.evaluate("() => speechSynthesis.getVoices().map(v => v.lang)")
    has_vietnamese = any(lang.lower().replace("_", "-").split("-")[0] == "vi" for lang in voices)
    assert page.locator("[data-listen]").is_visible() == has_vietnamese, voices
    assert page.locator("[data-print]").is_visible()
    page.close()
    context.add_init_script(SPEECH_STUB % ENGLISH_ONLY)
    page = open_page(context, ARTICLE)
    page.evaluate("() => window.speechStub.loadVoices()")
    assert not page.locator("[data-listen]").is_visible()
    page.close()


def test_listen_reads_the_article_with_a_vietnamese_voice(context, published):
    context.add_init_script(SPEECH_STUB % VIETNAMESE)
    page = open_page(context, ARTICLE)
    button = page.locator("[data-listen]")
    assert not button.is_visible(), "no voice yet"
    page.evaluate("() => window.speechStub.loadVoices()")
    assert button.is_visible(), "shown when the voices have come (voiceschanged)"
    assert normalize(button.text_content()) == "Nghe đọc bài"

    button.click()
    assert normalize(button.text_content()) == "Dừng đọc"
    spoken = page.evaluate("() => window.speechStub.spoken")
    soup = published.soup(ARTICLE)
    article = soup.select_one("article.article")
    expected = [
        normalize(article.h1.get_text()),
        normalize(article.select_one(".lead").get_text()),
        *[normalize(p.get_text()) for p in article.select(".article-body > p")],
    ]
    texts = [normalize(item["text"]) for item in spoken]
    assert texts[:2] == expected[:2], "the title, then the lead"
    for paragraph in expected[2:]:
        assert paragraph in texts, paragraph
    assert {(item["lang"], item["voice"]) for item in spoken} == {("vi-VN", "Tiếng Việt")}
    assert "In bài viết" not in texts and "Nghe đọc bài" not in texts

    button.click()  # "Dừng đọc"
    assert normalize(button.text_content()) == "Nghe đọc bài"
    assert page.evaluate("() => window.speechStub.cancels()") >= 2

    button.click()
    assert normalize(button.text_content()) == "Dừng đọc"
    page.evaluate("() => window.speechStub.finish()")  # the reading ends by itself
    assert normalize(button.text_content()) == "Nghe đọc bài"
    page.close()
