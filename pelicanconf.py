"""Settings of the commune's site for development (``make build`` / ``make serve``)."""

import os

# --- The commune -------------------------------------------------------------
COMMUNE_NAME = "Xã Tân Hòa"
PROVINCE_NAME = "Tỉnh Bình Nguyên"
SITENAME = "Trang thông tin điện tử xã Tân Hòa"
SITESUBTITLE = "Cơ quan chủ quản: Ủy ban nhân dân xã Tân Hòa"
GOVERNING_BODY = "Ủy ban nhân dân xã Tân Hòa"
AUTHOR = "Ban biên tập"
# The footer of every page (Decree 42/2022/NĐ-CP, Art. 7): the values only, the page writes
# the labels ("Chịu trách nhiệm chính", "Địa chỉ", "Điện thoại", "Email").
SITE_CONTACT = {
    "responsible": "Nguyễn Văn Hòa, Chủ tịch UBND xã",
    "address": "Ấp Hòa Bình, xã Tân Hòa, tỉnh Bình Nguyên",
    "phone": "0274 3812 345",
    "email": "ubnd.tanhoa@binhnguyen.gov.vn",
}

# "Liên kết website" (Decree 42/2022/NĐ-CP, Art. 7): the groups in the order shown, then the
# links: name, https:// address, group (one of SITE_LINK_GROUPS). trangxa.site_settings checks
# them at every build; a wrong one is left off the pages, and a strict build stops.
SITE_LINK_GROUPS = ["Trung ương", "Tỉnh", "Các xã lân cận"]
SITE_LINKS = [
    {"name": "Cổng Thông tin điện tử Chính phủ", "url": "https://chinhphu.vn", "group": "Trung ương"},
    {"name": "Cổng Dịch vụ công quốc gia", "url": "https://dichvucong.gov.vn", "group": "Trung ương"},
    {"name": "Báo điện tử Đảng Cộng sản Việt Nam", "url": "https://dangcongsan.vn", "group": "Trung ương"},
    {"name": "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "url": "https://vbpl.vn", "group": "Trung ương"},
    {"name": "Cổng thông tin điện tử tỉnh Bình Nguyên", "url": "https://binhnguyen.gov.vn", "group": "Tỉnh"},
    {
        "name": "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
        "url": "https://dichvucong.binhnguyen.gov.vn",
        "group": "Tỉnh",
    },
    {"name": "Xã Phước Hòa", "url": "https://xaphuochoa.binhnguyen.gov.vn", "group": "Các xã lân cận"},
    {"name": "Xã Tân Bình", "url": "https://xatanbinh.binhnguyen.gov.vn", "group": "Các xã lân cận"},
    {"name": "Xã An Thạnh", "url": "https://xaanthanh.binhnguyen.gov.vn", "group": "Các xã lân cận"},
]

# --- Content -----------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["bai-viet"]
PAGE_PATHS = ["trang"]
STATIC_PATHS = ["images"]
# Hidden files and what Windows or editors leave behind are not content; any other
# file among the articles that is not Markdown is reported (content_checks).
IGNORE_FILES = ["**/.*", "Thumbs.db", "desktop.ini", "*~", "*.swp"]
# Data files under content/ that plugins read themselves (globs relative to content/).
# Any other file that is neither an article, a page nor a static file is reported.
CONTENT_DATA_FILES = ["organizations.yml"]
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Tin tức – Sự kiện"
# Menu order of the categories (the content checks use it as the allowed list).
SITE_CATEGORIES = [
    "Tin tức – Sự kiện",
    "Chỉ đạo – Điều hành",
    "Kinh tế",
    "Văn hóa – Xã hội",
    "Quốc phòng – An ninh",
    "Thông báo",
]
MENU_PAGES = ["gioi-thieu", "co-cau-to-chuc", "lien-he"]
# What the theme writes around the content, in each language a page may be in (base.html,
# menu, breadcrumb, footer, the structure and contacts pages): one place for every label.
# Vietnamese is the default; an English page (`Lang: en`) uses "en". On English pages the
# menu lists the English versions of MENU_PAGES.
SITE_LABELS = {
    "vi": {
        # sitename, subtitle, commune, province, governing_body, responsible, address: the
        # settings above (SITENAME, SITESUBTITLE, COMMUNE_NAME…), written once.
        "language": "Tiếng Việt",
        "locale": "vi_VN",
        "site_kind": "Trang thông tin điện tử",
        "skip_link": "Chuyển đến nội dung chính",
        "main_menu": "Menu chính",
        "home": "Trang chủ",
        "breadcrumb": "Đường dẫn",
        "other_language": "Phiên bản khác",
        "governing_body_label": "Cơ quan chủ quản",
        "responsible_label": "Chịu trách nhiệm chính",
        "address_label": "Địa chỉ",
        "phone_label": "Điện thoại",
        "email_label": "Email",
        "footer_note": "Ghi rõ nguồn “{site}” khi phát hành lại thông tin từ trang này.",
        "org_chart": "Sơ đồ tổ chức",
        "org_details": "Chức năng, nhiệm vụ và lãnh đạo",
        "functions": "Chức năng, nhiệm vụ",
        "officials": "Lãnh đạo phụ trách",
        "contact": "Liên hệ",
        "directory": "Danh bạ các cơ quan, tổ chức",
        "topic_page": "Tin bài, văn bản của {name}",
        "under": "Trực thuộc",
        # Reading aids and printing (base.html, partials/article_tools.html, js/reading.js).
        "text_size": "Cỡ chữ",
        "text_smaller": "Giảm cỡ chữ",
        "text_default": "Cỡ chữ mặc định",
        "text_larger": "Tăng cỡ chữ",
        "print_article": "In bài viết",
        "print_page": "In trang",
        "listen": "Nghe đọc bài",
        "stop_listening": "Dừng đọc",
        "article_address": "Địa chỉ bài viết",
        "page_address": "Địa chỉ trang",
    },
    "en": {
        "language": "English",
        "locale": "en_GB",
        "sitename": "Electronic information page of Tân Hòa Commune",
        "subtitle": "Governing body: People's Committee of Tân Hòa Commune",
        "site_kind": "Electronic information page",
        "commune": "Tân Hòa Commune",
        "province": "Bình Nguyên Province",
        "skip_link": "Skip to main content",
        "main_menu": "Main menu",
        "home": "Home",
        "breadcrumb": "Breadcrumb",
        "other_language": "Other language",
        "governing_body_label": "Governing body",
        "governing_body": "People's Committee of Tân Hòa Commune",
        "responsible_label": "Editor-in-chief",
        "responsible": "Nguyễn Văn Hòa, Chair of the People's Committee",
        "address_label": "Address",
        "address": "Hòa Bình hamlet, Tân Hòa commune, Bình Nguyên province, Viet Nam",
        "phone_label": "Phone",
        "email_label": "Email",
        "footer_note": "Please credit “{site}” when republishing information from this site.",
        "org_chart": "Organization chart",
        "org_details": "Functions, duties and officials",
        "functions": "Functions and duties",
        "officials": "Officials in charge",
        "contact": "Contact",
        "directory": "Directory of bodies and officials",
        "topic_page": "News and documents of the {name} (in Vietnamese)",
        "under": "Under",
        "text_size": "Text size",
        "text_smaller": "Smaller text",
        "text_default": "Default text size",
        "text_larger": "Larger text",
        "print_article": "Print article",
        "print_page": "Print page",
        "listen": "Listen",
        "stop_listening": "Stop",
        "article_address": "Address of this article",
        "page_address": "Address of this page",
    },
}

MARKDOWN = {
    "extensions": [
        "markdown.extensions.extra",
        "markdown.extensions.sane_lists",
        "pymdownx.blocks.caption",
    ],
    "extension_configs": {
        # Captions follow the photo: <figure><img><figcaption>.
        "pymdownx.blocks.caption": {"auto": False, "prepend": False},
    },
    "output_format": "html5",
}

# Typography: smart quotes, dashes, no widows in titles. The "caps" filter is
# off: it wraps ASCII abbreviations (UBND) but not Vietnamese ones (HĐND).
# It runs in the front_matter reader (FRONT_MATTER_TYPOGRIFY), so that its
# result is kept in the content cache; Pelican's own pass is off (it would
# run on every build, after the cache, and twice is not idempotent).
TYPOGRIFY = False
FRONT_MATTER_TYPOGRIFY = True
TYPOGRIFY_OMIT_FILTERS = ["caps"]
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "kbd", "script", "style"]
# "--" is the spaced en dash Vietnamese uses ("Văn hóa – Xã hội"); "---" the em dash.
TYPOGRIFY_DASHES = "oldschool"

# --- URLs (directory URLs for lists, .html files for articles) ----------------
ARTICLE_URL = "bai-viet/{date:%Y}/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_URL
DRAFT_URL = "ban-nhap/{slug}.html"
DRAFT_SAVE_AS = DRAFT_URL
PAGE_URL = "trang/{slug}.html"
PAGE_SAVE_AS = PAGE_URL
# English versions of pages (Decree 42/2022/NĐ-CP, Art. 7): content/trang/<name>.en.md with
# the Vietnamese page's Slug and `Lang: en`; Pelican links the two (translations).
PAGE_LANG_URL = "en/{slug}.html"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL
CATEGORY_URL = "chuyen-muc/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "chuyen-muc/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "chu-de/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "categories", "search", "robots"]
INDEX_URL = ""  # the home page is linked as the site root, not index.html
SEARCH_URL = "tim-kiem/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
ROBOTS_SAVE_AS = "robots.txt"
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang-{number}/", "{base_name}/trang-{number}/index.html"),
)

# --- Theme and plugins -------------------------------------------------------
THEME = "theme"
# Templates do not change during a build (the dev server starts a new Jinja environment
# at each rebuild): Jinja need not check every included file's time at every page.
JINJA_ENVIRONMENT = {"auto_reload": False}  # Pelican adds its defaults (trim_blocks…)
# The project's plugins are the installed package trangxa (`make` installs it). Each one
# declares the plugins that must come before it (RUNS_AFTER); trangxa.plugin_order stops
# the build at start-up, with a message, when this list breaks one of those rules.
PLUGINS = [
    "trangxa.build_log",
    "trangxa.plugin_order",
    "trangxa.site_settings",  # website links and footer contact, checked at start-up
    "trangxa.jinja_filters",
    "trangxa.front_matter",
    "trangxa.content_security",
    "trangxa.gc_freeze",
    "trangxa.parallel_reading",
    "trangxa.fixed_urls",
    "trangxa.content_checks",
    "trangxa.credits",
    "trangxa.organizations",
    "trangxa.documents",  # Văn bản: documents, filters, disclosures (after organizations)
    "trangxa.public_services",  # Dịch vụ công: portals and procedures, from the settings below
    "trangxa.work_schedule",  # Lịch công tác: one YAML file a week in content/lich-cong-tac/
    "trangxa.other_news",
    "trangxa.fast_taxonomies",
    "trangxa.fast_contents",  # slugs, dates, links of each article: same answers, faster
    "trangxa.sharing",
    "trangxa.responsive_images",
    "trangxa.feed_extras",
    "trangxa.pagination",
    "trangxa.incremental_output",
    "sitemap",  # pelican-sitemap
    "trangxa.sitemap_alternates",  # hreflang alternates pelican-sitemap 1.2.2 writes as "ref"
    "trangxa.search_index",
    "trangxa.redirects",  # old portals' addresses to the imported articles (after incremental_output)
    "trangxa.cms",  # the web editor at /admin/ when CMS_ENABLED (docs/operators/bien-tap-tren-web.md)
]
# Development builds report every problem and still build what they can;
# publishconf.py makes any error fail the build.
CONTENT_CHECKS_STRICT = False
# A future date means "scheduled": not published until a build on that day.
WITH_FUTURE_DATES = False
ORGANIZATIONS_REGISTRY = "organizations.yml"
ORGANIZATIONS_INFER = True
OTHER_NEWS_COUNT = 8
CREDIT_FORMATS = {
    "same_person": "Tin, ảnh: {author}",
    "author_and_photographer": "Tin: {author} – Ảnh: {photographer}",
    "author_only": "{author}",
    "photographer_only": "Ảnh: {photographer}",
}
SHARING_DEFAULT_IMAGE = "theme/img/og-default.png"
SITEMAP = {
    "format": "xml",
    # Not pages to index: the search page and robots.txt itself.
    "exclude": [r"^tim-kiem/", r"^robots\.txt$"],
}
SEARCH_INDEX = True
# Photos: resized copies for phones (srcset), made once and kept in the cache folder.
RESPONSIVE_IMAGE_WIDTHS = (360, 720)
RESPONSIVE_IMAGE_SIZES = "(min-width: 48rem) 720px, 100vw"
# Visitor counter ("Thống kê truy cập"): "builtin" (the service in counter/, which
# `make serve` runs next to the site), "goatcounter" (COUNTER_URL is then the site's
# GoatCounter address, e.g. https://tanhoa.goatcounter.com), or None to hide the box.
COUNTER_BACKEND = "builtin"
COUNTER_URL = "http://localhost:8001"
# Figure carried over from the commune's old portal, added to the count.
COUNTER_BASE = 2713911
# "Đang trực tuyến" counts visitors seen in the last COUNTER_ONLINE_WINDOW seconds.
COUNTER_ONLINE_WINDOW = 300

# --- Văn bản: documents and public disclosures (trangxa.documents) -------------------
# One Markdown file per document in content/van-ban/ (or content/van-ban/<năm>/), its files
# next to it; docs/editors/van-ban.md. Pages: /van-ban/ (filters), /cong-khai/, one per document.
DOCUMENTS_PATH = "van-ban"
# The forms editors may write (`form:`), with their code in numbers (Decree 30/2020/NĐ-CP,
# Appendix III); None: no code (official letters, "356/UBND-VP").
DOCUMENTS_FORMS = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Kế hoạch": "KH",
    "Thông báo": "TB",
    "Báo cáo": "BC",
    "Tờ trình": "TTr",
    "Công văn": None,
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kết luận": "KL",
    "Quy chế": "QC",
}
# Lĩnh vực (`field:`), in the order the filters show them; /cong-khai/ groups by them.
DOCUMENTS_FIELDS = [
    "Tài chính – Ngân sách",
    "Kinh tế – Nông nghiệp",
    "Đất đai – Xây dựng",
    "Tài nguyên – Môi trường",
    "Văn hóa – Xã hội",
    "Lao động – An sinh xã hội",
    "Giáo dục – Y tế",
    "Quốc phòng – An ninh",
    "Tổ chức – Cán bộ",
    "Tư pháp – Hành chính",
    "Công tác Đảng – Đoàn thể",
]
# The code each organization of content/organizations.yml writes in its numbers (the part
# after the form's code: 125/KH-UBND); numbers are checked against it.
DOCUMENTS_ISSUER_CODES = {
    "dang-uy": "ĐU",
    "hdnd": "HĐND",
    "ubnd": "UBND",
    "cong-an-xa": "CAX",
    "ban-chqs": "BCHQS",
    "mttq": "MTTQ",
    "hoi-nong-dan": "HND",
    "hoi-lhpn": "HPN",
    "doan-thanh-nien": "ĐTN",
    "hoi-cuu-chien-binh": "CCB",
    "hoi-nguoi-cao-tuoi": "NCT",
}
# Organizations numbering as the Party does: 02-CT/ĐU (the others: 125/KH-UBND).
DOCUMENTS_PARTY_STYLE = ["dang-uy", "doan-thanh-nien", "hoi-nong-dan", "hoi-lhpn", "hoi-cuu-chien-binh"]
DOCUMENTS_PER_PAGE = 20
DOCUMENTS_FEED_ATOM = "feeds/van-ban.atom.xml"
DOCUMENTS_FEED_RSS = "feeds/van-ban.rss.xml"
# The site search indexes the document pages too (their text, extracted from the PDFs).
SEARCH_INDEX_PATHS = ["bai-viet", "trang", "van-ban"]

# --- Dịch vụ công: public services (trangxa.public_services) --------------------------
# Page /dich-vu-cong/ and a box of the home page (docs/operators/dich-vu-cong.md). Every
# address must start with https://; a wrong entry is left off and a strict build stops.
PUBLIC_SERVICE_PORTALS = [
    {
        "name": "Cổng Dịch vụ công quốc gia",
        "url": "https://dichvucong.gov.vn",
        "description": "Nộp hồ sơ, theo dõi kết quả, thanh toán phí, lệ phí trực tuyến mọi thủ tục.",
    },
    {
        "name": "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bình Nguyên",
        "url": "https://dichvucong.binhnguyen.gov.vn",
        "description": "Thủ tục của các cơ quan tỉnh và của xã; tra cứu hồ sơ đã nộp.",
    },
]
# The office that receives the files (None: not shown).
PUBLIC_SERVICE_OFFICE = {
    "name": "Trung tâm Phục vụ hành chính công xã Tân Hòa",
    "address": "Trụ sở UBND xã, ấp Hòa Bình, xã Tân Hòa, tỉnh Bình Nguyên",
    "hours": "Sáng 7h00 – 11h30, chiều 13h30 – 17h00, từ Thứ Hai đến Thứ Sáu",
    "phone": "0274 3812 346",
}
# The commune's procedures: name, link to the procedure on a portal, field (lĩnh vực, the
# page groups by it, in this order), place (optional: where the files are received).
_procedure = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc="
PUBLIC_SERVICES = [
    {"name": "Đăng ký khai sinh", "url": _procedure + "1.001193", "field": "Hộ tịch"},
    {"name": "Đăng ký kết hôn", "url": _procedure + "1.000894", "field": "Hộ tịch"},
    {"name": "Đăng ký khai tử", "url": _procedure + "1.000656", "field": "Hộ tịch"},
    {
        "name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "url": _procedure + "1.001928",
        "field": "Chứng thực",
    },
    {
        "name": "Đăng ký tạm trú",
        "url": "https://dichvucong.dancuquocgia.gov.vn",
        "field": "Cư trú",
        "place": "Công an xã Tân Hòa",
    },
]

# --- Lịch công tác: the leaders' weekly schedule (trangxa.work_schedule) ----------------
# One file a week, content/lich-cong-tac/<năm>-tuan-<số tuần>.yml (docs/editors/lich-cong-tac.md).
# /lich-cong-tac/ shows the week of the build's day (TIMEZONE): CI rebuilds every Monday.
WORK_SCHEDULE_PATH = "lich-cong-tac"
WORK_SCHEDULE_TODAY = None  # "dd/mm/yyyy" to build as if on that day (tests)

# --- Old portals: imported articles, old links kept alive (trangxa.redirects) ----------
# `invoke import-portal` turns pages saved from the former communes' portals into articles
# (docs/editors/nhap-bai-cu.md); each keeps its old addresses (front matter `old_urls`) and
# where it came from (`origin`, shown under the title). The build writes redirects from the
# old paths to the new pages: an nginx map (included by the server; "" to not write it), a
# `_redirects` file (Netlify, Cloudflare Pages), and a small page at each old path.
REDIRECTS_NGINX_MAP = ".duong-dan-cu.nginx.conf"
REDIRECTS_FILE = "_redirects"
REDIRECTS_PAGES = True

# --- Web editor: Decap CMS at /admin/ (trangxa.cms) ----------------------------------
# Off by default: building and publishing need only Python. On, the build writes /admin/
# (the editor, its configuration made from these settings and content/organizations.yml)
# and needs Decap's bundle, pinned in cms/package-lock.json: `npm ci --prefix cms`.
# `invoke cms` and `make serve` (when Node.js is installed) turn it on for themselves.
# docs/operators/bien-tap-tren-web.md: signing in through GitHub, GitLab or Gitea.
CMS_ENABLED = False
# Decap's `backend` for the published editor, e.g. {"name": "github", "repo": "ubnd-tanhoa/trang",
# "branch": "main", "base_url": "https://oauth.tanhoa.binhnguyen.gov.vn"}; None: local server only.
CMS_BACKEND = None
# The local server (decap-server) of `invoke cms`: the editor saves into this working copy.
# publishconf.py sets it to None: the published editor never looks for it.
CMS_LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
# Draft, in review, ready, then published (each entry a branch and a pull request on the git host).
CMS_PUBLISH_MODE = "editorial_workflow"

# --- Security: nothing from content runs as code -------------------------------
# Templates escape every value; only HTML the project made itself (the sanitized body and
# lead, filters returning Markup) is printed as it is. Pelican keeps its own defaults.
JINJA_ENVIRONMENT["autoescape"] = True
# Bodies and leads are cleaned with an allow-list (trangxa.content_security); anything
# removed is reported with its line. <iframe> embeds are kept only from these hosts
# (https://), which are also the page's Content-Security-Policy frame-src.
CONTENT_EMBED_HOSTS = ["www.youtube.com", "www.youtube-nocookie.com"]

# --- Development -------------------------------------------------------------
# `invoke preview` sets it: every page then says "Bản xem trước — chưa đăng" (drafts say it too).
PREVIEW = False
# Its own folder: `make serve` rebuilding while `make publish` runs never mixes the two builds.
OUTPUT_PATH = "output-dev"
SITEURL = ""
RELATIVE_URLS = True
# Feeds: the whole site, each category, each organization (trangxa.organizations). They need
# absolute addresses: the development server's here (`make serve` gives its own port),
# the site's own in publishconf.py.
FEED_DOMAIN = "http://localhost:8000"
FEED_ALL_ATOM = "feeds/tat-ca.atom.xml"
FEED_ALL_RSS = "feeds/tat-ca.rss.xml"
CATEGORY_FEED_ATOM = "feeds/chuyen-muc/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/chuyen-muc/{slug}.rss.xml"
ORGANIZATION_FEED_ATOM = "feeds/to-chuc/{slug}.atom.xml"
ORGANIZATION_FEED_RSS = "feeds/to-chuc/{slug}.rss.xml"
FEED_MAX_ITEMS = 20
# RSS items carry the lead (with the cover photo); Atom items carry the full text too.
RSS_FEED_SUMMARY_ONLY = True
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# Reader cache: an unchanged file is not read again (cache/<settings>/).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
# A file is read again when its bytes changed, not its time: a fresh clone in CI (every
# file a new time) with the cache restored reads only what changed (hashing 10,000 articles:
# about 0.3 s a build, once per file through trangxa.compat.memoize_file_stamps).
CHECK_MODIFIED_METHOD = "blake2b"
# CACHE_ROOT (environment) moves every cache: the test suite gives each of its processes its own.
CACHE_PATH = os.path.join(os.environ.get("CACHE_ROOT", "cache"), "dev")
# Pelican rewrites the cache at every build; compressing it cost 2.4 s at 10,000 articles.
GZIP_CACHE = False
# Editors write Markdown only; without this, docutils warns about "vi" at every build.
READERS = {"rst": None}
