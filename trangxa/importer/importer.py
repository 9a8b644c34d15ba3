"""Import the saved pages of old portals as articles of the site: one Markdown file per
article, its photos copied, one report entry per source. Plain functions and one class;
the command is ``python -m trangxa.importer`` (cli.py) or ``invoke import-portal``."""

import hashlib
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pelican.utils import slugify

from trangxa.lib.problems import PROBLEMS
from trangxa.lib.text import fold
from trangxa.redirects import clean_url, old_address

from . import images as photos
from . import markdown
from .extract import extract
from .flags import DRAFT_FLAGS, Flag
from .sources import read_source
from .store import UNDATED, Index, append_old_urls, article_key

SLUG_MAX = 90
logger = logging.getLogger(__name__)


@dataclass
class Candidate:
    entry: dict
    source: object
    article: object
    key: tuple
    fingerprint: str
    urls: list = field(default_factory=list)
    duplicate_of: object = None  # the Candidate this one repeats

    @property
    def flags(self):
        return self.article.flags


class Importer:
    def __init__(self, settings, into, origin=None, force=False, dry_run=False):
        self.settings = settings
        self.content = Path(settings["PATH"])
        self.into = Path(into)
        self.images = self.content / ((settings.get("STATIC_PATHS") or ["images"])[0])
        self.origin = (origin or "").strip() or None
        self.force, self.dry_run = force, dry_run
        articles = [self.content / path for path in settings.get("ARTICLE_PATHS") or [""]]
        self.index = Index([*articles, self.into], self.slugify)
        self.registry = load_registry(settings)
        self.checker = None
        self.reserved = set()
        self.scratch = None  # a dry run's copy of what it would write

    def slugify(self, title):
        return slugify(str(title), regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []))

    # --- the whole import --------------------------------------------------------------

    def import_all(self, paths):
        """Import every file; return the report entries, one per source, in order."""
        entries, candidates = [], []
        for path in paths:
            entry = {"source": str(path), "status": "skipped", "file": None, "title": None, "date": None,
                     "author": None, "photographer": None, "flags": []}  # fmt: skip
            entries.append(entry)
            candidate = self.read(path, entry)
            if candidate:
                candidates.append(candidate)
        primaries = self.merge_duplicates(candidates)
        self.drop_shared_addresses(primaries)
        for candidate in primaries:
            try:
                self.place(candidate)
            except OSError as error:
                candidate.entry.update(status="skipped", reason=f"Không ghi được tệp: {error}.")
            if candidate.entry["status"] == "draft":
                reasons = [f.message for f in candidate.flags if f.code in (*DRAFT_FLAGS, "content_check")]
                candidate.entry["reason"] = " ".join(reasons)
        for candidate in candidates:
            if candidate.duplicate_of is not None:
                candidate.entry["duplicate_of"] = candidate.duplicate_of.entry["file"]
        for candidate in candidates:
            candidate.entry["flags"] = [flag.as_dict() for flag in candidate.flags]
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = self.checker = None
        return entries

    def read(self, path, entry):
        try:
            source = read_source(path)
            article = extract(source.page, self.settings.get("SITE_CATEGORIES") or ())
        except OSError as error:
            entry["reason"] = f"Không đọc được tệp: {error.strerror or error}."
            return None
        except Exception as error:  # one odd page must not stop an import of hundreds
            logger.exception("%s: không đọc được trang", path)
            entry["reason"] = f"Không đọc được trang ({type(error).__name__}: {error}); nhập tay bài này."
            return None
        if article.empty:
            entry["reason"] = "Không thấy nội dung bài trong trang (trang chủ, trang danh sách?)."
            return None
        if source.encoding != "utf-8":
            article.flags.insert(0, Flag("encoding", source.encoding))
        urls = old_urls(source.page.old_urls)
        if not urls and source.page.kind == "html":
            article.flags.append(Flag("old_url_missing"))
        date = article.date
        key = article_key(article.title, date)
        seed = (
            f"{fold(article.title)}|{date.date().isoformat() if date else ''}|{fold(article.lead.text)[:300]}"
        )
        fingerprint = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]
        entry.update(self.describe(article))
        entry["old_urls"] = urls
        return Candidate(entry, source, article, key, fingerprint, urls)

    def describe(self, article):
        date = article.date
        organizations = self.organizations(article)
        return {
            "title": article.title,
            "date": (date.isoformat() if article.has_time else date.date().isoformat()) if date else None,
            "author": article.credit.author,
            "photographer": article.credit.photographer,
            "credit": article.credit.credit,
            "category": article.category,
            "organizations": organizations,
            "origin": self.origin,
        }

    def organizations(self, article):
        if self.registry is None:
            return []
        found = [*self.registry.infer(article.title), *self.registry.infer(article.lead.text)]
        return list(dict.fromkeys(o.short_name for o in found))

    def merge_duplicates(self, candidates):
        """The same article twice in this import (two portals, or .html and .txt of one page):
        the first is imported, with the old addresses of both; the others are reported."""
        first, primaries = {}, []
        for candidate in candidates:
            primary = first.get(candidate.key) or first.get(candidate.fingerprint)
            if primary is None:
                first[candidate.key] = first[candidate.fingerprint] = candidate
                primaries.append(candidate)
                continue
            candidate.duplicate_of = primary
            primary.urls += [u for u in candidate.urls if u not in primary.urls]
            where = Path(primary.entry["source"]).name
            candidate.entry["reason"] = f"Trùng với bài “{primary.article.title}” cùng ngày, nhập từ {where}."
        return primaries

    def drop_shared_addresses(self, candidates):
        """An old address several different articles claim is a list page's, not theirs."""
        claims = {}
        for candidate in candidates:
            for url in candidate.urls:
                claims.setdefault(old_address(url), set()).add(id(candidate))
        for candidate in candidates:
            for url in list(candidate.urls):
                if len(claims[old_address(url)]) > 1:
                    candidate.urls.remove(url)
                    candidate.flags.append(Flag("old_url_shared", url))
            candidate.entry["old_urls"] = candidate.urls

    # --- one article ---------------------------------------------------------------------

    def place(self, candidate):
        addresses = [old_address(u) for u in candidate.urls]
        existing = self.index.find(candidate.key, candidate.fingerprint, addresses)
        for url, address in zip(list(candidate.urls), addresses, strict=True):
            owner = self.index.by_address.get(address)
            if owner is not None and owner is not existing:
                candidate.urls.remove(url)
                candidate.flags.append(Flag("old_url_shared", url))
        if existing is not None and (existing.source is None or existing.origin != self.origin):
            self.already_there(candidate, existing)
            return
        if existing is not None:
            path, slug = existing.path, existing.path.stem
            # Old addresses added since (another portal's copy of this article) are kept.
            known = {old_address(u) for u in candidate.urls}
            candidate.urls += [u for u in existing.urls if old_address(u) not in known]
            candidate.entry["old_urls"] = candidate.urls
        else:
            path, slug = self.new_path(candidate)
        draft = any(flag.code in DRAFT_FLAGS for flag in candidate.flags)
        text, pictures = self.render(candidate, path, slug, draft)
        entry = candidate.entry
        entry.update(file=display(path), status="draft" if draft else "imported")
        if path.exists():
            current = path.read_text(encoding="utf-8", errors="replace")
            if current == text:
                entry["action"] = "unchanged"
                return
            if not markdown.unedited(current) and not self.force:
                reason = "Bài đã được sửa sau lần nhập trước: giữ nguyên (dùng --force để ghi đè)."
                entry.update(status="skipped", action=None, file=display(path), reason=reason)
                return
            entry["action"] = "updated" if markdown.unedited(current) else "overwritten"
        else:
            entry["action"] = "written"
        if self.dry_run:
            entry["action"] = f"{entry['action']} (thử)"
        self.write(path, text, pictures)
        errors = self.check(path)
        if errors and not draft:
            candidate.flags.extend(Flag("content_check", message) for message in errors)
            text, pictures = self.render(candidate, path, slug, True)
            self.write(path, text, pictures)
            entry["status"] = "draft"
        # A draft with errors still stops the publishing build (make publish) until it is fixed.
        entry["publish_errors"] = errors

    def already_there(self, candidate, existing):
        """The article is on the site already (another portal's copy, or written by hand):
        reported, and its old addresses added to that article."""
        entry = candidate.entry
        where = f"nhập từ {existing.origin}" if existing.origin else "đã có trên trang"
        reason = f"Trùng với bài “{existing.title}” cùng ngày ({where}): không nhập lần nữa."
        entry.update(status="skipped", duplicate_of=display(existing.path), reason=reason)
        new = [u for u in candidate.urls if old_address(u) not in existing.addresses]
        if not new or self.dry_run:
            return
        before = existing.path.read_text(encoding="utf-8")
        if append_old_urls(existing.path, new):
            if markdown.unedited(before):
                existing.path.write_text(
                    markdown.redigest(existing.path.read_text(encoding="utf-8")), encoding="utf-8"
                )
            existing.addresses.update(old_address(u) for u in new)
            entry["old_urls_added_to"] = display(existing.path)
        else:
            candidate.flags.extend(Flag("old_url_not_recorded", url) for url in new)

    def new_path(self, candidate):
        date = candidate.article.date
        folder = self.into / (str(date.year) if date else UNDATED)
        base = trim_slug(self.slugify(candidate.article.title)) or "bai-viet"
        number = 1
        while True:
            slug = base if number == 1 else f"{base}-{number}"
            path = folder / f"{slug}.md"
            url = (date.year if date else None, slug)
            if not path.exists() and url not in self.index.urls and path not in self.reserved:
                self.reserved.add(path)
                self.index.urls.add(url)
                return path, slug
            number += 1

    def render(self, candidate, path, slug, draft):
        """(Markdown text, [(photo path, bytes)]) of the article."""
        article, source = candidate.article, candidate.source
        folder = self.images / (str(article.date.year) if article.date else UNDATED)
        refs, pictures, number = {}, [], 0
        body = article.body
        for index, block in enumerate(body):
            if block.kind != "image":
                continue
            caption = (
                body[index + 1].text if index + 1 < len(body) and body[index + 1].kind == "caption" else ""
            )
            alt = photos.meaningful_alt(block.alt, block.src) or caption or article.title
            data = photos.find_image(block.src, source)
            if data and photos.image_suffix(data):
                number += 1
                target, _ = photos.destination(folder, slug, number, data)
                pictures.append((target, data))
                refs[id(block)] = (target.relative_to(self.content).as_posix(), alt)
                continue
            shown = block.src if not block.src.startswith("data:") else "data:…"
            if not any(f.code == "image_missing" and f.detail == shown for f in candidate.flags):
                candidate.flags.append(Flag("image_missing", shown))
            remote = photos.remote_address(block.src, source)
            if remote:
                refs[id(block)] = (remote, alt)  # the old portal's copy, while it lasts
        entry = candidate.entry
        fields = {
            "title": article.title,
            "date": format_date(article),
            "author": entry["author"],
            "photographer": entry["photographer"],
            "credit": entry["credit"],
            "category": entry["category"],
            "organizations": entry["organizations"],
            # A news item of one paragraph: the paragraph is the body (the reader makes it the lead).
            "summary": markdown.unwrap(article.lead.md) if any(b.is_text() for b in body) else None,
            "image": pictures[0][0].relative_to(self.content).as_posix() if pictures else None,
            "origin": self.origin,
            "old_urls": candidate.urls,
            "slug": slug if slug != self.slugify(article.title) else None,
            "status": "draft" if draft else None,
        }
        comments = [f"Nhập từ cổng thông tin cũ: {Path(source.path).name}."]
        flags = [f for f in candidate.flags if f.code != "content_check" or draft]
        if flags:
            comments.append("Cần xem lại (xóa các dòng # này khi đã xong):")
            comments += [f"- {flag.message}" for flag in flags]
        if draft:
            comments.append("Xong thì xóa dòng “status: draft” để đăng bài.")
        shown = body if fields["summary"] else [article.lead, *body]
        text = (
            markdown.front_matter(fields, comments, candidate.fingerprint) + "\n" + markdown.body(shown, refs)
        )
        return markdown.with_digest(text), pictures

    def write(self, path, text, pictures):
        """Write the article and its photos; a dry run writes them into a scratch copy of
        content/, where they are checked and which is removed at the end."""
        for target, data in pictures:
            target = self.scratch_path(target)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        path = self.scratch_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def scratch_path(self, path):
        if not self.dry_run:
            return path
        if self.scratch is None:
            self.scratch = Path(tempfile.mkdtemp(prefix="nhap-bai-cu-"))
        try:
            return self.scratch / "content" / Path(path).resolve().relative_to(self.content.resolve())
        except ValueError:
            return self.scratch / "ngoai" / Path(path).name

    def check(self, path):
        """The site's content checks on the written file: the errors a build would report."""
        from trangxa.content_checks.checks import check_metadata  # noqa: PLC0415
        from trangxa.front_matter.front_matter import FrontMatterMarkdownReader  # noqa: PLC0415

        root = self.scratch / "content" if self.dry_run else self.content
        settings = {**self.settings, "PATH": str(root), "CONTENT_CHECKS_STRICT": True}
        if self.checker is None:
            self.checker = FrontMatterMarkdownReader(settings)
        _, metadata = self.checker.read(str(self.scratch_path(path).resolve()))
        problems = [*metadata.get(PROBLEMS, []), *check_metadata(metadata, settings, True)]
        return list(dict.fromkeys(p["message"] for p in problems if p["level"] == "error" or p["blocking"]))


def old_urls(found):
    """The page's old addresses, cleaned; an address that is the start of another one
    (Liferay's canonical link names the detail page, not the article) is left out."""
    cleaned = list(dict.fromkeys(u for u in map(clean_url, found) if u))
    addresses = {u: old_address(u) for u in cleaned}

    def inside(u, v):
        return v != u and addresses[v].path.startswith(addresses[u].path.rstrip("/") + "/")

    return [u for u in cleaned if not any(inside(u, v) for v in cleaned)]


def trim_slug(slug):
    if len(slug) <= SLUG_MAX:
        return slug
    cut = slug[:SLUG_MAX]
    return cut[: cut.rfind("-")] if "-" in cut else cut


def format_date(article):
    if article.date is None:
        return None
    date = article.date
    return date.strftime("%d/%m/%Y %H:%M") if article.has_time else date.strftime("%d/%m/%Y")


def load_registry(settings):
    from trangxa.organizations.registry import load_registry as load  # noqa: PLC0415

    name = settings.get("ORGANIZATIONS_REGISTRY")
    if not name:
        return None
    registry = load(Path(settings["PATH"]) / name, settings)
    return registry if registry.organizations else None


def display(path):
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
