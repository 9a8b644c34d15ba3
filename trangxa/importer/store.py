"""The articles already in the site: found again by the importer (same article, same old
address, same source), so that importing twice never makes two files, and an old address
found on a second portal is added to the article already there."""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from trangxa.front_matter.parsing import FrontMatterError, split_front_matter
from trangxa.lib.dates import DateError, parse_date
from trangxa.lib.text import fold
from trangxa.redirects import addresses_of, old_address

from .markdown import source_fingerprint

UNDATED = "chua-ro-ngay"  # folder of the drafts whose date is not known yet


@dataclass
class Existing:
    path: Path
    title: str
    date: object  # date or None
    origin: str | None
    slug: str
    source: str | None  # the importer's fingerprint of the source, if it wrote the file
    addresses: set = field(default_factory=set)
    urls: list = field(default_factory=list)  # old_urls as written


def article_key(title, date):
    """Same title, same day: the same article (two portals often carry one news item)."""
    return (fold(re.sub(r"[^\w\s]", " ", str(title))), date.date() if hasattr(date, "date") else date)


def read_existing(path, slugify):
    try:
        text = path.read_text(encoding="utf-8")
        front = split_front_matter(text)
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return None
    fields = {f.name: f.value for f in front.fields}
    title = str(fields.get("title") or "").strip()
    if not title:
        return None
    try:
        date = parse_date(fields["date"]) if fields.get("date") else None
    except DateError:
        date = None
    urls = addresses_of(fields.get("old_urls"))
    addresses = {a for a in map(old_address, urls) if a}
    slug = str(fields.get("slug") or "").strip() or slugify(title)
    origin = str(fields.get("origin") or "").strip() or None
    return Existing(path, title, date, origin, slug, source_fingerprint(text), addresses, urls)


class Index:
    """The articles under the given folders, by key, by source and by old address."""

    def __init__(self, folders, slugify):
        self.slugify = slugify
        self.by_key, self.by_source, self.by_address, self.urls = {}, {}, {}, set()
        seen = set()
        for folder in folders:
            for path in sorted(Path(folder).rglob("*.md")) if Path(folder).is_dir() else []:
                if path.resolve() in seen:
                    continue
                seen.add(path.resolve())
                existing = read_existing(path, slugify)
                if existing:
                    self.add(existing)

    def add(self, existing):
        self.by_key.setdefault(article_key(existing.title, existing.date), existing)
        if existing.source:
            self.by_source.setdefault(existing.source, existing)
        for address in existing.addresses:
            self.by_address.setdefault(address, existing)
        self.urls.add((existing.date.year if existing.date else None, existing.slug))

    def find(self, key, source, addresses):
        """The existing article that is this one: same source, same old address, same key."""
        if source in self.by_source:
            return self.by_source[source]
        for address in addresses:
            if address in self.by_address:
                return self.by_address[address]
        return self.by_key.get(key)


def append_old_urls(path, urls):
    """Add old addresses to an article's YAML front matter, changing nothing else;
    False when its front matter is not YAML or the result would not read back."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return False
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return False
    before = yaml.safe_load("\n".join(lines[1:end])) or {}
    present = addresses_of(before.get("old_urls"))
    new = [u for u in urls if u not in present]
    if not new:
        return True
    key = next((i for i in range(1, end) if re.match(r"^old_urls\s*:\s*$", lines[i])), None)
    if key is None:
        if "old_urls" in before:
            return False  # written as a flow list or a string: left to the editor
        insert_at, added = end, ["old_urls:", *(f"  - {yaml_scalar(u)}" for u in new)]
    else:
        insert_at = key + 1
        while insert_at < end and re.match(r"^\s+-\s", lines[insert_at]):
            insert_at += 1
        added = [f"  - {yaml_scalar(u)}" for u in new]
    changed = lines[:insert_at] + added + lines[insert_at:]
    after = yaml.safe_load("\n".join(changed[1 : end + len(added)])) or {}
    if {k: v for k, v in after.items() if k != "old_urls"} != {
        k: v for k, v in before.items() if k != "old_urls"
    }:
        return False
    if addresses_of(after.get("old_urls")) != present + new:
        return False
    path.write_text("\n".join(changed), encoding="utf-8")
    return True


def yaml_scalar(value):
    return yaml.safe_dump(value, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip()
