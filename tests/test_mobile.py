"""Phones: the menu in sight at 320 and 360 px, and addresses that break only where a reader
expects (after "@" and "://", before a dot…), never mid-word; checked in Chromium, without
JavaScript."""

import re
import textwrap

import pytest
from browser import site_context
from conftest import ROOT, SUBPATH_SITEURL, build_site, normalize
from markupsafe import Markup

from trangxa.jinja_filters import break_addresses

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONES = (320, 360)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MENU = "nav.main-menu a"

# --- break_addresses, the filter ------------------------------------------------------------

# Where a break may go: after "@" and "://", before . / ? # & = _ ~ % , (Chicago Manual of
# Style); after a hyphen the browser breaks by itself, as in any text.
ALLOWED_BEFORE = set("./?#&=_~%,")


def pieces(html):
    return str(html).split("<wbr>")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ubnd.tanhoa@binhnguyen.gov.vn", "ubnd|.tanhoa@|binhnguyen|.gov|.vn"),
        ("Gửi về ubnd.tanhoa@binhnguyen.gov.vn.", "Gửi về ubnd|.tanhoa@|binhnguyen|.gov|.vn."),
        ("https://dichvucong.gov.vn/p/home", "https://|dichvucong|.gov|.vn|/p|/home"),
        ("(xem www.chinhphu.vn)", "(xem www|.chinhphu|.vn)"),
        ("https://a.vn/tra-cuu?ma=1&loai=2", "https://|a|.vn|/tra-cuu|?ma|=1|&amp;loai|=2"),
        ("https://a.vn/b/", "https://|a|.vn|/b/"),  # no break before a last "/"
        ("van-phong.hdnd@so-noi-vu.gov.vn", "van-phong|.hdnd@|so-noi-vu|.gov|.vn"),
        ("https://vi.wikipedia.org/wiki/Tân_Hòa_(xã)", "https://|vi|.wikipedia|.org|/wiki|/Tân|_Hòa|_(xã)"),
        ("Tin ngày 12.11, giờ 7.30 - không có địa chỉ", "Tin ngày 12.11, giờ 7.30 - không có địa chỉ"),
    ],
)
def test_breaks_go_after_at_and_before_dots_never_mid_word(text, expected):
    result = break_addresses(text)
    assert isinstance(result, Markup)
    assert "|".join(pieces(result)) == expected


def test_every_break_is_at_an_allowed_point_and_the_address_reads_the_same():
    for address in [
        "hoinongdan.tanhoa@binhnguyen.gov.vn",
        "https://dichvucong.binhnguyen.gov.vn/thu-tuc?id=3#a",
    ]:
        parts = pieces(break_addresses(address))
        assert "".join(parts).replace("&amp;", "&") == address  # <wbr> is no character
        for before, after in zip(parts, parts[1:], strict=False):
            assert before.endswith(("@", "://")) or after[0] in ALLOWED_BEFORE, (before, after)
            assert before[-1].isalnum() or before.endswith(("@", "://")), "no break between marks"


def test_text_is_escaped_and_html_keeps_its_tags_attributes_and_code():
    assert break_addresses("<b>x@y.vn</b>") == "&lt;b&gt;x@<wbr>y<wbr>.vn&lt;/b&gt;"
    assert break_addresses('"><script>@a.vn') == "&#34;&gt;&lt;script&gt;@a.vn"  # no address there
    html = Markup(
        '<p><a href="mailto:a.b@c.vn" title="x>y.vn">a.b@c.vn</a> <code>x@y.vn</code>'
        "<pre><code>https://u.vn/v</code></pre> <CODE>q@r.vn</CODE>s@t.vn</p>"
    )
    assert str(break_addresses(html)) == (
        '<p><a href="mailto:a.b@c.vn" title="x>y.vn">a<wbr>.b@<wbr>c<wbr>.vn</a> <code>x@y.vn</code>'
        "<pre><code>https://u.vn/v</code></pre> <CODE>q@r.vn</CODE>s@<wbr>t<wbr>.vn</p>"
    )
    assert break_addresses(Markup("<p>Không có địa chỉ.</p>")) == "<p>Không có địa chỉ.</p>"


def test_typography_around_an_address_is_kept():
    # typogrify's entities end an address; they are not taken into it.
    html = Markup("<p>Thư: &#8220;ubnd.tanhoa@binhnguyen.gov.vn&#8221;&nbsp;nhé</p>")
    assert str(break_addresses(html)) == (
        "<p>Thư: &#8220;ubnd<wbr>.tanhoa@<wbr>binhnguyen<wbr>.gov<wbr>.vn&#8221;&nbsp;nhé</p>"
    )


# --- In Chromium -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def phone(browser, published):
    """A phone without JavaScript: touch, mobile viewport."""
    options = {"java_script_enabled": False, "has_touch": True, "is_mobile": True}
    with site_context(browser, published.output, SUBPATH_SITEURL, **options) as context:
        yield context


def open_page(context, path, width):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(f"{SUBPATH_SITEURL}/{path}")
    return page


MENU_ITEMS = """() => {
  const width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
  const list = document.querySelector('nav.main-menu ul');
  const items = [...document.querySelectorAll('nav.main-menu a')].map(a => {
    const r = a.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = x >= 0 && x < width && y >= 0 && y < height ? document.elementFromPoint(x, y) : null;
    return {text: a.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            width: r.width, height: r.height, onTop: !!hit && (hit === a || a.contains(hit))};
  });
  return {width, height, items, scrolls: list.scrollWidth > list.clientWidth,
          pageScrolls: document.documentElement.scrollWidth > width};
}"""


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("path", ["", "trang/lien-he.html", "to-chuc/hoi-nong-dan/"])
def test_every_menu_item_is_in_sight_on_a_phone(phone, published, path, width):
    """No sideways strip: each item lies whole inside the screen, nothing covers it, and it is
    big enough to tap (WCAG 2.5.8: 24 px); the menu list does not scroll."""
    expected = [normalize(a.get_text()) for a in published.soup("index.html").select(MENU)]
    assert len(expected) >= 10 and {"Tổ chức", "Liên hệ"} <= set(expected)
    page = open_page(phone, path, width)
    found = page.evaluate(MENU_ITEMS)
    page.close()
    assert not found["scrolls"] and not found["pageScrolls"]
    assert [normalize(item["text"]) for item in found["items"]] == expected
    for item in found["items"]:
        assert item["left"] >= 0 and item["right"] <= found["width"], item
        assert item["top"] >= 0 and item["bottom"] <= found["height"], item  # on the first screen
        assert item["width"] >= 24 and item["height"] >= 24, item
        assert item["onTop"], item


@pytest.mark.parametrize(("name", "address"), [("Liên hệ", "trang/lien-he.html"), ("Tổ chức", "to-chuc/")])
def test_one_tap_on_a_menu_item_opens_it(phone, name, address):
    page = open_page(phone, "", 360)
    menu = page.get_by_role("navigation", name="Menu chính")
    menu.get_by_role("link", name=name, exact=True).tap()
    page.wait_for_url(f"{SUBPATH_SITEURL}/{address}")
    assert page.evaluate("window.scrollX") == 0
    page.close()


def test_keyboard_reaches_every_menu_item_in_order_without_scrolling_sideways(phone, published):
    expected = [normalize(a.get_text()) for a in published.soup("index.html").select(MENU)]
    page = open_page(phone, "", 360)
    reached = []
    for _ in range(len(expected) + 4):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement, r = e.getBoundingClientRect();
                 return {menu: !!e.closest('nav.main-menu'), text: e.textContent.trim(), left: r.left,
                         right: r.right, outline: getComputedStyle(e).outlineStyle, scrollX: window.scrollX,
                         width: document.documentElement.clientWidth}; }"""
        )
        if focused["menu"]:
            reached.append(normalize(focused["text"]))
            assert focused["left"] >= 0 and focused["right"] <= focused["width"], focused
            assert focused["outline"] != "none" and focused["scrollX"] == 0, focused
    page.close()
    assert reached == expected


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("path", ["", "trang/lien-he.html"])
def test_axe_finds_no_violation_on_a_small_phone(browser, published, path, width):
    assert AXE.is_file(), "node_modules is missing: run make (npm ci)"
    with site_context(browser, published.output, SUBPATH_SITEURL) as context:  # axe needs scripts
        page = open_page(context, path, width)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        page.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


# Each address in the page's text (e-mail or web), where its lines break, and which of
# those breaks are neither at a <wbr> nor after a hyphen (mid-word). Text is read block by
# block, with the <wbr> between its nodes.
ADDRESS_BREAKS = r"""() => {
  const width = document.documentElement.clientWidth;
  const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s<>"'“”]+/g;
  const blocks = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/@|:\/\/|www\./.test(node.data) || node.nextSibling?.nodeName === 'WBR') {
      blocks.add(node.parentElement.closest('p, li, dd, dt, td, th, h1, h2, h3, figcaption, blockquote'));
    }
  }
  const found = [];
  for (const block of blocks) {
    if (!block || block.closest('pre, code, script, style')) continue;
    let text = '';
    const chars = [], wbr = new Set();
    const all = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = all.nextNode(); node; node = all.nextNode()) {
      if (node.nodeName === 'WBR') wbr.add(text.length);
      if (node.nodeType !== Node.TEXT_NODE) continue;
      for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
      text += node.data;
    }
    for (const match of text.matchAll(ADDRESS)) {
      const address = match[0].replace(/[.,;:!?)]+$/, '');
      const start = match.index, end = start + address.length;
      let lines = 1, previous = null, overflow = false, shown = false;
      const bad = [];
      for (let i = start; i < end; i++) {
        const range = document.createRange();
        range.setStart(chars[i][0], chars[i][1]);
        range.setEnd(chars[i][0], chars[i][1] + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !rect.width) continue;  // not displayed (a teaser's summary on a phone)
        shown = true;
        if (rect.right > width + 0.5 || rect.left < -0.5) overflow = true;
        if (previous !== null && rect.top > previous + 3) {
          lines += 1;
          const at = i - start;
          if (!wbr.has(i) && text[i - 1] !== '-') bad.push(address.slice(0, at) + '|' + address.slice(at));
        }
        previous = rect.top;
      }
      if (shown) found.push({address, lines, bad, overflow, wbr: [...wbr].some(i => i > start && i < end)});
    }
  }
  return {found, overflow: document.documentElement.scrollWidth - width};
}"""


def address_breaks(context, path, width):
    page = open_page(context, path, width)
    result = page.evaluate(ADDRESS_BREAKS)
    page.close()
    assert result["overflow"] <= 0, (path, width, "the page scrolls sideways")
    for found in result["found"]:
        assert found["bad"] == [] and not found["overflow"], (path, width, found)
    return result["found"]


@pytest.mark.parametrize("width", PHONES)
def test_sample_addresses_break_only_after_at_or_before_dots(phone, published, width):
    """Footer, contact page, every organization page and an article with e-mail addresses."""
    organizations = sorted(p for p in published.html_files() if re.fullmatch(r"to-chuc/[^/]+/index\.html", p))
    assert len(organizations) >= 8
    paths = ["", "trang/lien-he.html", "bai-viet/2024/lich-tiep-cong-dan-nam-2025.html"]
    paths += [p.removesuffix("index.html") for p in organizations]
    found = [item for path in paths for item in address_breaks(phone, path, width)]
    assert len(found) >= len(paths) + 2  # the footer's on every page, more on the contact page
    assert all(item["wbr"] for item in found), [item["address"] for item in found if not item["wbr"]]
    if width == 320:
        assert any(item["lines"] > 1 for item in found), "some address has to wrap at 320 px"


LONG_EMAIL = "van-phong.hdnd-ubnd.xa-tan-hoa-moi@so-noi-vu.tinh-binh-nguyen.gov.vn"
LONG_URL = "https://dichvucong.binhnguyen.gov.vn/p/home/dvc-tra-cuu-ho-so-truc-tuyen.html?ma=TH-2025-001"


@pytest.fixture(scope="module")
def long_addresses(tmp_path_factory):
    """A small site whose footer, contact page and organization hold very long addresses."""
    root = tmp_path_factory.mktemp("long-addresses")
    content = root / "content"
    (content / "trang").mkdir(parents=True)
    (content / "bai-viet").mkdir()
    (content / "trang" / "lien-he.md").write_text(
        textwrap.dedent(f"""\
            Title: Liên hệ
            Slug: lien-he

            Thư điện tử của Văn phòng: {LONG_EMAIL}, hoặc tra cứu hồ sơ tại {LONG_URL}.

            - **Thư điện tử:** {LONG_EMAIL}
            - **Tra cứu:** [{LONG_URL}]({LONG_URL})
            """),
        encoding="utf-8",
    )
    (content / "bai-viet" / "tin.md").write_text(
        textwrap.dedent(f"""\
            Title: Thông báo tiếp nhận hồ sơ trực tuyến
            Date: 02/09/2025
            Author: Nguyễn Thu
            Category: Thông báo
            Organizations: UBND

            Người dân gửi hồ sơ qua {LONG_URL} hoặc thư điện tử {LONG_EMAIL}.
            """),
        encoding="utf-8",
    )
    registry = content / "organizations.yml"
    registry.write_text(
        textwrap.dedent(f"""\
            - slug: ubnd
              name: Ủy ban nhân dân xã Tân Hòa
              short_name: UBND
              description: Cơ quan hành chính "nhà nước" ở địa phương.
              contact:
                phone: 0274 3812 345
                email: {LONG_EMAIL}
            """),
        encoding="utf-8",
    )
    output = root / "output"
    contact = {
        "responsible": "Ông A",
        "address": "Ấp Hòa Bình",
        "phone": "0274 3812 345",
    }
    build_site(
        output,
        content=content,
        ORGANIZATIONS_REGISTRY=str(registry),
        SITE_CONTACT={**contact, "email": LONG_EMAIL},
    )
    return output


@pytest.mark.parametrize("width", PHONES)
def test_long_addresses_break_only_at_the_allowed_points(browser, long_addresses, width):
    site_url = "http://long-addresses.test"
    options = {"java_script_enabled": False, "is_mobile": True}
    with site_context(browser, long_addresses, site_url, **options) as context:
        pages = {}
        for path in ["index.html", "trang/lien-he.html", "to-chuc/ubnd/index.html"]:
            page = context.new_page()
            page.set_viewport_size({"width": width, "height": 740})
            page.goto(f"{site_url}/{path}")
            result = page.evaluate(ADDRESS_BREAKS)
            page.close()
            assert result["overflow"] <= 0, (path, width)
            pages[path] = result["found"]
    for path, found in pages.items():
        addresses = {item["address"] for item in found}
        assert LONG_EMAIL in addresses, (path, addresses)
        for item in found:
            assert item["bad"] == [] and not item["overflow"], (path, width, item)
            assert item["lines"] > 1, (path, width, item["address"], "too long for one line")
    assert LONG_URL in {item["address"] for item in pages["trang/lien-he.html"]}
