"""The organizations registry: loading, validation, name matching, inference.

Plain functions and a small class; no Pelican signals here.
"""

import difflib
import re
from html import escape
from pathlib import Path

import yaml
from markupsafe import Markup
from pelican.urlwrappers import URLWrapper

from trangxa.lib.text import fold

FIELDS = {"slug", "name", "short_name", "aliases", "group", "order", "description", "contact"}
CONTACT_FIELDS = {"address", "phone", "email", "head"}


class Organization(URLWrapper):
    """One organization; URLs come from ORGANIZATION_URL / ORGANIZATION_SAVE_AS."""

    def __init__(self, entry, settings):
        super().__init__(str(entry["name"]).strip(), settings)
        self.slug = str(entry["slug"]).strip()
        self.short_name = str(entry.get("short_name") or self.name).strip()
        self.aliases = [str(alias).strip() for alias in entry.get("aliases") or []]
        self.group = str(entry.get("group") or "").strip()
        self.order = entry.get("order", 0)
        self.description = description_html(entry.get("description"), settings)
        self.contact = {k: str(v).strip() for k, v in (entry.get("contact") or {}).items()}
        self.articles = []

    def names(self):
        """Every way an editor may write this organization."""
        return [self.slug, self.name, self.short_name, *self.aliases]


def description_html(text, settings):
    """A registry description as the HTML a page shows: the text escaped (the registry
    holds text, never markup), then the articles' typography (curly quotes, dashes, no
    widow), as the reader gives a title. Markup: templates print it as it is."""
    html = escape(str(text or "").strip(), quote=False)
    if html and (settings.get("FRONT_MATTER_TYPOGRIFY") or settings.get("TYPOGRIFY")):
        from trangxa.front_matter.front_matter import typogrify_text  # noqa: PLC0415

        html = typogrify_text(html, settings)
    return Markup(html)


class Registry:
    def __init__(self, organizations, lookup, problems):
        self.organizations = organizations  # in display order
        self.lookup = lookup  # folded name -> Organization
        self.problems = problems  # list of (entry label, Vietnamese message)
        self._inference = _inference_pattern(lookup)

    def match(self, name):
        return self.lookup.get(fold(name))

    def suggestions(self, name, count=3):
        """Short names of the closest entries: the best match and those nearly as close."""
        folded = fold(name)
        scored = sorted(
            ((difflib.SequenceMatcher(None, folded, key).ratio(), key) for key in self.lookup),
            reverse=True,
        )
        if not scored or scored[0][0] < 0.6:
            return []
        best = scored[0][0]
        close = [key for ratio, key in scored if ratio >= best - 0.05]
        return list(dict.fromkeys(self.lookup[key].short_name for key in close))[:count]

    def infer(self, title):
        """Organizations named in a title, in order of appearance."""
        if self._inference is None:
            return []
        found = [self.lookup[m.group(0)] for m in self._inference.finditer(fold(title))]
        return list(dict.fromkeys(found))

    def groups(self):
        """[(group, [organizations])] in registry order."""
        grouped = {}
        for organization in self.organizations:
            grouped.setdefault(organization.group, []).append(organization)
        return list(grouped.items())


def _inference_pattern(lookup):
    # Longest names first so that "hoi nong dan xa" wins over "hoi nong dan";
    # dashed slugs are left out: titles do not contain them.
    keys = sorted((k for k in lookup if "-" not in k), key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


def load_registry(path, settings):
    """Read and check the YAML registry; problems are returned, not raised."""
    path = Path(path)
    if not path.is_file():
        return Registry([], {}, [(str(path), "Không tìm thấy tệp danh mục tổ chức.")])
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"dòng {mark.line + 1}" if mark else "tệp"
        return Registry([], {}, [(where, "Tệp danh mục tổ chức viết sai cú pháp YAML.")])
    if not isinstance(entries, list):
        return Registry(
            [], {}, [("tệp", "Danh mục tổ chức phải là một danh sách các mục bắt đầu bằng “- slug: …”.")]
        )
    return build_registry(entries, settings)


def build_registry(entries, settings):
    problems, organizations = [], []
    for number, entry in enumerate(entries, start=1):
        label = f"mục {number}"
        if not isinstance(entry, dict):
            problems.append((label, "Mục này không phải dạng tên: giá trị."))
            continue
        label = f"mục {number} ({entry.get('slug') or entry.get('name') or 'không tên'})"
        missing = [key for key in ("slug", "name") if not str(entry.get(key) or "").strip()]
        if missing:
            problems.append((label, f"Thiếu {', '.join(missing)}."))
            continue
        unknown = set(entry) - FIELDS
        if unknown:
            problems.append((label, f"Trường không được hỗ trợ: {', '.join(sorted(unknown))}."))
        unknown_contact = set(entry.get("contact") or {}) - CONTACT_FIELDS
        if unknown_contact:
            problems.append(
                (label, f"Trường liên hệ không được hỗ trợ: {', '.join(sorted(unknown_contact))}.")
            )
        organizations.append(Organization(entry, settings))
    organizations.sort(key=lambda o: o.order)
    lookup = {}
    for organization in organizations:
        for name in organization.names():
            key = fold(name)
            owner = lookup.setdefault(key, organization)
            if owner is not organization:
                what = "Slug" if name == organization.slug else "Tên hoặc bí danh"
                problems.append(
                    (f"“{organization.slug}”", f"{what} “{name}” trùng với tổ chức “{owner.slug}”.")
                )
    return Registry(organizations, lookup, problems)
