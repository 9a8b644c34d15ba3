"""Old links keep working: redirects from the addresses of the former portals to the pages.

An article or page imported from an old portal (``invoke import-portal``) lists its old
addresses in its front matter, ``old_urls`` (an editor may add some by hand). At the end
of the build this plugin writes, into the output folder:

- an nginx ``map`` file (``REDIRECTS_NGINX_MAP``, ``.duong-dan-cu.nginx.conf``), written at
  every build, even empty, since the server's configuration includes it: the server
  answers 301 (how: docs/editors/nhap-bai-cu.md);
- a ``_redirects`` file (``REDIRECTS_FILE``) for the hosts that read one (Netlify,
  Cloudflare Pages);
- a small page at each old path (``REDIRECTS_PAGES``, True) for hosts with neither: a meta
  refresh and a canonical link to the new page, with the site's Content-Security-Policy.

Only the path of an old address counts (the old domain points at this server), with the
query when it names the article (``?id=123``; Liferay's ``p_p_*`` parameters, tracking
parameters do not): such an address is redirected by the nginx map only. An old path that
is a page of this site, or that two articles claim, is not redirected; the build says
which. The files written are listed in the output (``.duong-dan-cu.json``), so a redirect
that is no longer wanted is removed at the next build.

Settings: REDIRECTS_NGINX_MAP, REDIRECTS_FILE ("" or None: not written), REDIRECTS_PAGES.
"""

import json
import logging
import os
import posixpath
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from pelican import signals

from trangxa.content_security.policy import content_security_policy
from trangxa.lib.problems import SOURCE_FILE, field_line
from trangxa.lib.text import plain_text

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.incremental_output",)  # the site's own pages are written: never overwritten
FIELD = "old_urls"
GENERATOR = "trangxa.redirects"  # the <meta name="generator"> of a redirect page
DEFAULTS = {
    "REDIRECTS_NGINX_MAP": ".duong-dan-cu.nginx.conf",
    "REDIRECTS_FILE": "_redirects",
    "REDIRECTS_PAGES": True,
}
# Query parameters that do not name the article: Liferay's portlet state, tracking.
NOISE = re.compile(
    r"^(p_[a-z]_\w*|_\w+|utm_\w+|fbclid|gclid|zarsrc|redirect|inheritredirect|backurl|doasuserid|"
    r"refererplid|controlpanelcategory|languageid|lang|version|print|tab)$",
    re.IGNORECASE,
)
PAGE_SUFFIXES = (".html", ".htm")
STATE = ".duong-dan-cu.json"  # in the output: the files written, removed when no longer wanted
_collected = []  # (content, [addresses]) of the current build


@dataclass(frozen=True)
class OldAddress:
    path: str  # percent-encoded, normalized: /tin-tuc/-/asset_publisher/abc/content/hoi-nghi
    query: str = ""  # the parameters that name the article, or ""

    @property
    def key(self):
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def decoded(self):
        return unquote(self.path)


def old_address(url):
    """The OldAddress of an absolute URL or a path; None for anything else or a home page."""
    url = str(url).strip()
    parts = urlsplit(url)
    if not (
        (parts.scheme in ("http", "https") and parts.netloc)
        or (url.startswith("/") and not url.startswith("//"))
    ):
        return None
    decoded = unquote(parts.path) or "/"
    if any(ord(c) < 32 for c in decoded):
        return None
    trailing = decoded.endswith("/")
    decoded = posixpath.normpath(re.sub(r"/{2,}", "/", decoded))
    decoded = decoded.replace("//", "/")
    if trailing and decoded != "/":
        decoded += "/"
    path = quote(decoded, safe="/-._~!$&'()*+,;=:@")
    kept = [p for p in parts.query.split("&") if p and not NOISE.match(p.split("=", 1)[0])]
    query = "&".join(kept)
    if path == "/" and not query:
        return None
    return OldAddress(path, query)


def clean_url(url):
    """An old address as the importer records it: scheme, host, path, the query that counts."""
    address = old_address(url)
    if address is None:
        return None
    parts = urlsplit(str(url).strip())
    origin = f"{parts.scheme}://{parts.netloc.lower()}" if parts.netloc else ""
    return origin + address.key


def addresses_of(value):
    """old_urls as written: a YAML list (read as "a, b") or one address per comma."""
    items = value if isinstance(value, (list, tuple)) else re.split(r",\s+|\s*\n\s*", str(value or ""))
    return [str(item).strip() for item in items if str(item).strip()]


# --- Build side --------------------------------------------------------------------------


def reset(generator):
    """article_generator_init: a new build (the dev server builds many in one process)."""
    _collected.clear()


def collect(generator):
    """article/page_generator_finalized: contents with old addresses, published or hidden."""
    groups = ("articles", "hidden_articles", "pages", "hidden_pages")
    for group in groups:
        for content in getattr(generator, group, []):
            value = content.metadata.get(FIELD)
            if value:
                _collected.append((content, addresses_of(value)))


def redirect_plan(collected, settings, exists):
    """{OldAddress: content} to redirect, and the (path, line, message) problems.

    ``exists(relative)`` says whether the output holds a file of the site at that path."""
    plan, owners, problems = {}, {}, []
    for content, values in collected:
        where = (
            content.metadata.get(SOURCE_FILE) or content.source_path,
            field_line(content.metadata, FIELD),
        )
        for value in values:
            address = old_address(value)
            if address is None:
                problems.append(
                    (
                        *where,
                        f"“{value}” trong old_urls không phải địa chỉ cũ (http://… hoặc /đường-dẫn): bỏ qua.",
                    )
                )
                continue
            if address.decoded.lstrip("/") == content.url or live(address, exists):
                problems.append(
                    (*where, f"Địa chỉ cũ “{value}” là một trang của chính trang này: không chuyển hướng.")
                )
                continue
            owner = owners.setdefault(address, content)
            if owner is not content:
                other = owner.metadata.get(SOURCE_FILE) or owner.source_path
                message = (
                    f"Địa chỉ cũ “{value}” cũng ghi ở {display(other)}: không chuyển hướng. "
                    "Xóa địa chỉ này ở bài không đúng."
                )
                problems.append((*where, message))
                plan.pop(address, None)
                continue
            plan[address] = content
    return plan, problems


def live(address, exists):
    if address.query:
        return False
    relative = page_file(address)
    return relative is not None and exists(relative)


def page_file(address):
    """The output file of the redirect page of an old path, or None (query, other suffix)."""
    if address.query:
        return None
    path = address.decoded.lstrip("/")
    if path.endswith("/") or not path:
        return path + "index.html"
    suffix = posixpath.splitext(path)[1].lower()
    if suffix in PAGE_SUFFIXES:
        return path
    return None if suffix else path + "/index.html"


def target(content, settings):
    siteurl = str(settings.get("SITEURL") or "")
    return f"{siteurl}/{content.url}" if re.match(r"^https?://", siteurl) else f"/{content.url}"


def nginx_map(plan, settings):
    """The nginx map file: $uri (path) and $request_uri (path and query) to the new page.
    A path without a suffix is matched with and without its final slash, as the page left
    at that path is."""
    paths = {a.decoded: target(c, settings) for a, c in plan.items() if not a.query}
    for path, url in list(paths.items()):
        if not posixpath.splitext(path.rstrip("/"))[1] and path != "/":
            paths.setdefault(path[:-1] if path.endswith("/") else path + "/", url)
    by_path = sorted(paths.items())
    by_query = sorted((a.key, target(c, settings)) for a, c in plan.items() if a.query)
    longest = max((len(k.encode()) for k, _ in by_path + by_query), default=0)
    lines = [
        "# Chuyển hướng từ địa chỉ của các cổng thông tin cũ sang trang mới (trường old_urls của bài).",
        "# Tệp do bản dựng tạo ra (trangxa/redirects.py): đừng sửa tay.",
        "# Cách dùng (docs/editors/nhap-bai-cu.md):",
        "#   ngoài khối server:  include /đường/dẫn/tới/trang/.duong-dan-cu.nginx.conf;",
        "#   trong khối server:  if ($trangxa_redirect) { return 301 $trangxa_redirect; }",
        f"# Đường dẫn cũ dài nhất: {longest} byte; nếu nginx báo “could not build map_hash”,",
        "# thêm vào khối http:",
        f"#   map_hash_bucket_size {bucket(longest)};",
        "map $request_uri $trangxa_redirect_query {",
        '    default "";',
        *(f"    {nginx_string(k)} {nginx_string(v)};" for k, v in by_query),
        "}",
        "map $uri $trangxa_redirect {",
        "    default $trangxa_redirect_query;",
        *(f"    {nginx_string(k)} {nginx_string(v)};" for k, v in by_path),
        "}",
    ]
    return "\n".join(lines) + "\n"


def bucket(length):
    size = 64
    while size < length + 32:
        size *= 2
    return size


def nginx_string(text):
    """A quoted nginx string (a map key is compared as it is: "$" needs no escape)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def redirects_file(plan, settings):
    """Netlify / Cloudflare Pages: one "old new 301" line per old path (no query)."""
    lines = [
        "# Chuyển hướng từ địa chỉ cũ (trangxa/redirects.py); địa chỉ có tham số (?id=…) chỉ nginx làm được."
    ]
    lines += sorted(f"{a.path} {target(c, settings)} 301" for a, c in plan.items() if not a.query)
    return "\n".join(lines) + "\n"


def redirect_page(address, content, settings):
    """The HTML of the page left at an old path: meta refresh, canonical link, a link to click."""
    url = target(content, settings)  # from the root in a development build: /path and /path/ alike
    title = escape(str(plain_text(content.title)))
    policy = escape(content_security_policy(settings))
    link = escape(url)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        f'<meta name="generator" content="{GENERATOR}">\n<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={link}">\n<link rel="canonical" href="{link}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body>\n"
        f'<p>Bài “{title}” đã chuyển sang địa chỉ mới: <a href="{link}">{link}</a>.</p>\n</body>\n</html>\n'
    )


def write_redirects(pelican):
    """finalized: write the three forms into the output, remove what is no longer wanted."""
    settings = {**DEFAULTS, **pelican.settings}
    output = Path(pelican.output_path)
    state = output / STATE
    try:
        previous = set(json.loads(state.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        previous = set()

    def exists(relative):
        path = output / relative
        return path.is_file() and not ours(path)

    plan, problems = redirect_plan(_collected, settings, exists)
    for path, line, message in problems:
        logger.warning("%s:%d: %s", display(path), line, message)
    files = {}
    if settings.get("REDIRECTS_NGINX_MAP"):  # always: the server's configuration includes it
        files[settings["REDIRECTS_NGINX_MAP"]] = nginx_map(plan, settings)
    if plan:
        if settings.get("REDIRECTS_FILE"):
            files[settings["REDIRECTS_FILE"]] = redirects_file(plan, settings)
        if settings.get("REDIRECTS_PAGES"):
            for address, content in plan.items():
                relative = page_file(address)
                if relative:
                    files[relative] = redirect_page(address, content, settings)
    for relative, text in list(files.items()):
        path = output / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_text(encoding="utf-8", errors="replace") != text:
                path.write_text(text, encoding="utf-8")
        except OSError as error:  # a file of the site where the old path needs a folder
            logger.warning("Không ghi được trang chuyển hướng %s: %s", relative, error.strerror or error)
            del files[relative]
    for relative in previous - set(files):
        path = output / relative
        if path.is_file() and (
            ours(path) or relative in (settings.get("REDIRECTS_NGINX_MAP"), settings.get("REDIRECTS_FILE"))
        ):
            path.unlink()
    if files:
        state.write_text(json.dumps(sorted(files), ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        state.unlink(missing_ok=True)
    if plan:
        logger.info("Chuyển hướng từ %d địa chỉ cũ.", len(plan))
    _collected.clear()


def ours(path):
    """A file this plugin wrote (a redirect page); never a page of the site."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return f'<meta name="generator" content="{GENERATOR}">' in handle.read(4096)
    except OSError:
        return False


def display(path):
    relative = os.path.relpath(str(path))
    return str(path) if relative.startswith("..") else relative.replace(os.sep, "/")


def register():
    signals.article_generator_init.connect(reset)
    signals.article_generator_finalized.connect(collect)
    signals.page_generator_finalized.connect(collect)
    signals.finalized.connect(write_redirects)
