"""The structure ("Cơ cấu tổ chức") and contacts ("Liên hệ") pages, generated from the
organizations registry, and the registry's problems reported at their line."""

import logging
import shutil
import textwrap

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, build_site, normalize

from trangxa.content_checks.content_checks import ContentCheckFailed
from trangxa.organizations.registry import load_registry

SETTINGS = {"ORGANIZATION_URL": "to-chuc/{slug}/", "ORGANIZATION_SAVE_AS": "to-chuc/{slug}/index.html"}
# The registry as the test reads it itself (not through the project's loader).
ENTRIES = yaml.safe_load((CONTENT / "organizations.yml").read_text(encoding="utf-8"))


def own_elements(section, selector):
    """Elements of ``section`` matching ``selector`` that are not inside a nested section."""
    return [e for e in section.select(selector) if e.find_parent("section") is section]


def digits(phone):
    return "".join(c for c in phone if c.isdigit() or c == "+")


def test_the_sample_registry_has_no_problem_and_a_hierarchy():
    registry = load_registry(CONTENT / "organizations.yml", SETTINGS)
    assert registry.problems == []
    parents = {e["slug"]: e.get("parent") for e in ENTRIES}
    assert {"van-phong-hdnd-ubnd", "phong-kinh-te", "phong-van-hoa-xa-hoi"} <= {
        slug for slug, parent in parents.items() if parent == "ubnd"
    }
    assert {"hoi-nong-dan", "hoi-lhpn", "doan-thanh-nien", "hoi-cuu-chien-binh"} <= {
        slug for slug, parent in parents.items() if parent == "mttq"
    }
    assert all(entry.get("officials") for entry in ENTRIES), "every body names its officials"


def test_contacts_page_holds_every_contact_and_official(site):
    soup = site.soup("trang/lien-he.html")
    body = normalize(soup.select_one(".article-body").get_text())
    assert "Thời gian làm việc" in body and "7 giờ 00 đến 11 giờ 30" in body  # the page's own text stays
    directory = soup.select_one("section.org-directory")
    sections = directory.select("section.org-unit")
    assert [s["id"] for s in sections] == [f"lien-he-{slug}" for slug in tree_order(ENTRIES)]
    for entry in ENTRIES:
        section = directory.select_one(f"#lien-he-{entry['slug']}")
        assert normalize(own_elements(section, ".org-name")[0].get_text()) == normalize(entry["name"])
        contact = normalize(own_elements(section, "dl.org-contact")[0].get_text())
        assert normalize(entry["contact"]["address"]) in contact
        assert entry["contact"]["phone"] in contact
        assert entry["contact"]["email"] in contact  # <wbr> adds no text
        links = {a["href"] for a in own_elements(section, "a")}
        assert f"tel:{digits(entry['contact']['phone'])}" in links
        assert f"mailto:{entry['contact']['email']}" in links
        shown = own_elements(section, "li.official")
        assert len(shown) == len(entry["officials"])
        for official, item in zip(entry["officials"], shown, strict=True):
            assert item.select_one(".official-name").get_text() == official["name"]
            position = item.select_one(".official-position").get_text()
            assert normalize(position) == normalize(official["position"])
            hrefs = {a["href"] for a in item.select("a")}
            assert {f"tel:{digits(official['phone'])}", f"mailto:{official['email']}"} <= hrefs
            assert official["email"] in item.get_text()


def tree_order(entries):
    """Slugs depth first, children under their parent, each level by `order`."""
    by_parent = {}
    for entry in sorted(entries, key=lambda e: e.get("order", 0)):
        by_parent.setdefault(entry.get("parent"), []).append(entry["slug"])
    found = []

    def visit(parent):
        for slug in by_parent.get(parent, []):
            found.append(slug)
            visit(slug)

    visit(None)
    return found


def tree_of(ul):
    """{slug: parent slug or None} of a nested list whose links are #to-chuc-<slug>."""
    parents = {}

    def visit(ul, parent):
        for li in ul.find_all("li", recursive=False):
            slug = li.find("a", recursive=False)["href"].removeprefix("#to-chuc-")
            parents[slug] = parent
            for child in li.find_all("ul", recursive=False):
                visit(child, slug)

    visit(ul, None)
    return parents


def test_structure_list_nests_as_the_registry_says(site):
    soup = site.soup("trang/co-cau-to-chuc.html")
    assert "Xã có 12 ấp" in soup.select_one(".article-body").get_text()  # the page's own text stays
    tree = soup.select_one("section.org-structure ul.org-tree")
    expected = {entry["slug"]: entry.get("parent") for entry in ENTRIES}
    assert tree_of(tree) == expected
    order = [a["href"].removeprefix("#to-chuc-") for a in tree.select("a")]
    assert order == tree_order(ENTRIES)
    # Each item links to the body's section below, nested in its parent's section likewise.
    for entry in ENTRIES:
        section = soup.select_one(f"section#to-chuc-{entry['slug']}")
        assert section is not None
        outer = section.find_parent("section", class_="org-unit")
        assert (outer["id"].removeprefix("to-chuc-") if outer else None) == entry.get("parent")
        functions = entry.get("functions")
        functions = functions if isinstance(functions, list) else [functions]
        shown = normalize(own_elements(section, ".org-functions")[0].get_text())
        for duty in functions:
            assert normalize(duty).replace('"', "")[:40] in shown.replace('"', "")
        names = [e.get_text() for e in own_elements(section, ".official-name")]
        assert names == [o["name"] for o in entry["officials"]]
        topic = own_elements(section, ".org-topic a")[0]["href"]
        assert topic.endswith(f"to-chuc/{entry['slug']}/")
    # Headings follow the nesting: bodies h3, their departments h4.
    assert soup.select_one("#to-chuc-ubnd > h3") and soup.select_one("#to-chuc-phong-kinh-te > h4")


def test_every_registry_body_has_its_topic_page(site):
    for entry in ENTRIES:
        assert (site.output / f"to-chuc/{entry['slug']}/index.html").is_file()


# --- Problems of the registry, at their line -------------------------------------------

BAD_REGISTRY = """\
- slug: ubnd
  name: Ủy ban nhân dân xã Thử
  short_name: UBND
  contact:
    phone: 0274 3812 345
    email: ubnd.thu@example.gov.vn
- slug: phong-a
  parent: ubndd                      # UNKNOWN-PARENT
  name: Phòng A
  autor: Nguyễn                      # UNKNOWN-FIELD
  contact:
    phone: gọi trực tiếp             # BAD-PHONE
    email: phong-a.example.gov.vn    # BAD-EMAIL
    fax: 0274 3812 999               # UNKNOWN-CONTACT
  officials:
    - name: Trần B                   # NO-POSITION
    - position: Trưởng phòng         # NO-NAME
      email: b@example.gov.vn
- slug: vong-1
  name: Vòng một
  parent: vong-2                     # CYCLE
- slug: vong-2
  name: Vòng hai
  parent: vong-1
- name: Tổ chức không có slug        # NO-SLUG
- slug: cu
  name: Tổ chức ghi kiểu cũ
  contact:
    head: Ông Lê C, Chủ tịch
- slug: ubnd                         # DUPLICATE-SLUG
  name: Trùng slug
- slug: hoi-d
  name: Hội D
  aliases: [Ủy ban nhân dân xã Thử]  # DUPLICATE-ALIAS
"""


def line_of(marker):
    return next(n for n, line in enumerate(BAD_REGISTRY.splitlines(), 1) if f"# {marker}" in line)


EXPECTED = {
    "UNKNOWN-PARENT": "Không có tổ chức nào có slug “ubndd” để làm cấp trên (parent)",
    "UNKNOWN-FIELD": "Trường “autor” không được hỗ trợ",
    "BAD-PHONE": "Số điện thoại “gọi trực tiếp” không đúng dạng",
    "BAD-EMAIL": "Địa chỉ thư điện tử “phong-a.example.gov.vn” không đúng dạng",
    "UNKNOWN-CONTACT": "Trường liên hệ “fax” không được hỗ trợ",
    "NO-POSITION": "Người phụ trách thứ 1 (officials) thiếu position",
    "NO-NAME": "Người phụ trách thứ 2 (officials) thiếu name",
    "CYCLE": "Cấp trên (parent) tạo thành vòng lặp: vong-1 → vong-2 → vong-1",
    "NO-SLUG": "Mục này thiếu slug",
    "DUPLICATE-SLUG": "Slug “ubnd” đã dùng cho tổ chức “Ủy ban nhân dân xã Thử”",
    "DUPLICATE-ALIAS": "Bí danh “Ủy ban nhân dân xã Thử” đã dùng cho tổ chức “Ủy ban nhân dân xã Thử”",
}


def test_each_problem_is_found_at_its_line(tmp_path):
    path = tmp_path / "organizations.yml"
    path.write_text(BAD_REGISTRY, encoding="utf-8")
    problems = load_registry(path, SETTINGS).problems
    for marker, message in EXPECTED.items():
        assert any(line == line_of(marker) and message in text for line, text in problems), (marker, problems)
    assert len(problems) == len(EXPECTED)


def test_a_yaml_syntax_error_is_located(tmp_path):
    path = tmp_path / "organizations.yml"
    path.write_text("- slug: a\n  name: A\n- slug: b\n  name: [B\n  order: 2\n", encoding="utf-8")
    [(line, message)] = load_registry(path, SETTINGS).problems
    assert line in (4, 5, 6) and "sai cú pháp YAML" in message


@pytest.fixture
def bad_content(tmp_path):
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True)
    (content / "trang").mkdir()
    for name in ("co-cau-to-chuc.md", "lien-he.md"):
        shutil.copy(CONTENT / "trang" / name, content / "trang" / name)
    (content / "bai-viet" / "bai.md").write_text(
        textwrap.dedent(
            """\
            Title: Phòng A họp giao ban
            Date: 02/09/2025 08:00
            Author: Nguyễn Thu
            Category: Tin tức – Sự kiện
            Organizations: UBND

            Sáng 2/9, Phòng A họp giao ban.
            """
        ),
        encoding="utf-8",
    )
    (content / "organizations.yml").write_text(BAD_REGISTRY, encoding="utf-8")
    return content


def test_a_build_logs_each_problem_as_path_line_message(bad_content, tmp_path):
    registry = bad_content / "organizations.yml"
    output = tmp_path / "dev"
    records = build_site(output, bad_content, ORGANIZATIONS_REGISTRY=str(registry))
    errors = [r.getMessage() for r in records if r.levelno == logging.ERROR]
    for marker, message in EXPECTED.items():
        prefix = f"{registry}:{line_of(marker)}: "
        assert any(e.startswith(prefix) and message in e for e in errors), (marker, errors)
    # What can be shown still is: the unknown parent and the cycle at the top, the old
    # one-line `contact.head`, the entry without slug left out.
    soup = BeautifulSoup((output / "trang/co-cau-to-chuc.html").read_text("utf-8"), "html.parser")
    top = [li.a["href"] for li in soup.select_one("ul.org-tree").find_all("li", recursive=False)]
    assert top == [f"#to-chuc-{slug}" for slug in ("ubnd", "phong-a", "vong-1", "vong-2", "cu", "hoi-d")]
    contacts = BeautifulSoup((output / "trang/lien-he.html").read_text("utf-8"), "html.parser")
    assert contacts.select_one("#lien-he-cu .officials").get_text() == "Ông Lê C, Chủ tịch"
    assert "không có slug" not in contacts.get_text()


def test_a_registry_error_fails_a_strict_build(bad_content, tmp_path):
    collector = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = collector.append
    logging.getLogger().addHandler(handler)
    try:
        with pytest.raises(ContentCheckFailed):
            build_site(
                tmp_path / "strict",
                bad_content,
                "publishconf.py",
                ORGANIZATIONS_REGISTRY=str(bad_content / "organizations.yml"),
                SEARCH_INDEX=False,
            )
    finally:
        logging.getLogger().removeHandler(handler)
    assert any(":8: Không có tổ chức nào có slug “ubndd”" in r.getMessage() for r in collector)


def test_a_registry_change_rewrites_the_structure_and_contacts_pages(tmp_path):
    """The pages carry the registry (organization_tree): an incremental rebuild writes them
    again when an official's phone changes, in both languages."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    registry = content / "organizations.yml"
    output = tmp_path / "out"
    settings = {"ORGANIZATIONS_REGISTRY": str(registry), "SEARCH_INDEX": False}
    build_site(output, content, **settings)
    old, new = "0274 3812 351", "0274 3812 399"  # Trưởng phòng Kinh tế
    registry.write_text(registry.read_text("utf-8").replace(old, new), "utf-8")
    build_site(output, content, **settings)
    for page in ("trang/lien-he.html", "en/lien-he.html", "trang/co-cau-to-chuc.html"):
        text = (output / page).read_text("utf-8")
        assert new in text and old not in text, page
