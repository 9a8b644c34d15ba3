"""The organizations registry: loading, the hierarchy, name matching, inference.

Plain functions and small classes; no Pelican signals here. The checks of the
entries (each problem at its line of the YAML file) are in ``validation.py``.
"""

import difflib
import re
from html import escape
from pathlib import Path

import yaml
from markupsafe import Markup
from pelican.urlwrappers import URLWrapper

from trangxa.lib.text import fold

from .validation import Lines, check_entry, check_hierarchy, duplicate_name

# Fields of one official: name, position (Vietnamese), position_en, official phone and email.
LANGUAGES = ("vi", "en")


class Organization(URLWrapper):
    """One organization; URLs come from ORGANIZATION_URL / ORGANIZATION_SAVE_AS.

    English fields (``name_en``, ``functions_en``, an official's ``position_en``…) are
    empty when the registry has none; ``local(field, lang)`` falls back to Vietnamese.
    """

    def __init__(self, entry, settings):
        super().__init__(str(entry["name"]).strip(), settings)
        self.slug = str(entry["slug"]).strip()
        self.name_en = text(entry.get("name_en"))
        self.short_name = text(entry.get("short_name")) or self.name
        self.short_name_en = text(entry.get("short_name_en"))
        self.aliases = [text(alias) for alias in as_list(entry.get("aliases")) if text(alias)]
        self.group = text(entry.get("group"))
        self.group_en = text(entry.get("group_en"))
        order = entry.get("order", 0)
        self.order = order if isinstance(order, (int, float)) and not isinstance(order, bool) else 0
        self.parent = text(entry.get("parent"))  # a slug; the registry checks and resolves it
        self.description = description_html(entry.get("description"), settings)
        self.description_en = description_html(entry.get("description_en"), settings)
        self.functions = [description_html(item, settings) for item in as_list(entry.get("functions"))]
        self.functions_en = [description_html(item, settings) for item in as_list(entry.get("functions_en"))]
        contact = entry.get("contact") if isinstance(entry.get("contact"), dict) else {}
        self.contact = {key: text(value) for key, value in contact.items() if text(value)}
        self.officials = [
            {key: text(value) for key, value in official.items() if text(value)}
            for official in as_list(entry.get("officials"))
            if isinstance(official, dict)
        ]
        self.parent_link, self.children_links = None, []  # Registry.link_relatives
        self.articles = []

    def names(self):
        """Every way an editor may write this organization."""
        return [self.slug, self.name, self.short_name, *self.aliases]

    def local(self, field, lang):
        """``field`` in ``lang`` ("en": the ``_en`` field when written), else in Vietnamese."""
        if lang != "vi":
            value = getattr(self, f"{field}_{lang}", None)
            if value:
                return value
        return getattr(self, field)

    @property
    def head(self):
        """Who leads it: the first official, or the former ``contact.head`` line."""
        if self.officials:
            first = self.officials[0]
            return ", ".join(part for part in (first.get("name"), first.get("position")) if part)
        return self.contact.get("head", "")


def text(value):
    return "" if value is None else str(value).strip()


def as_list(value):
    """A field written as one value or as a list."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]


def description_html(value, settings):
    """A registry text as the HTML a page shows: the text escaped (the registry holds
    text, never markup), then the articles' typography (curly quotes, dashes, no
    widow), as the reader gives a title. Markup: templates print it as it is."""
    html = escape(str(value or "").strip(), quote=False)
    if html and (settings.get("FRONT_MATTER_TYPOGRIFY") or settings.get("TYPOGRIFY")):
        from trangxa.front_matter.front_matter import typogrify_text  # noqa: PLC0415

        html = typogrify_text(html, settings)
    return Markup(html)


class Registry:
    def __init__(self, organizations, lookup, problems, path=None):
        self.organizations = organizations  # in display order
        self.lookup = lookup  # folded name -> Organization
        self.problems = problems  # list of (line or None, Vietnamese message)
        self.path = path  # the YAML file, for the messages
        self._inference = _inference_pattern(lookup)
        self.by_slug = {o.slug: o for o in organizations}
        self.children = {}  # parent slug -> [Organization], in display order
        for organization in organizations:
            if organization.parent in self.by_slug:
                self.children.setdefault(organization.parent, []).append(organization)
        for organization, _ in self.walk():
            parent = self.by_slug.get(organization.parent)
            if parent is not None and not organization.group:  # a department is in its parent's group
                organization.group, organization.group_en = parent.group, parent.group_en

    def link_relatives(self):
        """Each organization's parent and children as plain (name, url) pairs, for the topic
        pages: no references between organizations, which incremental_output's page keys
        would follow in circles. Needs the URL settings (the plugin calls it)."""
        for organization in self.organizations:
            parent = self.by_slug.get(organization.parent)
            organization.parent_link = (parent.name, parent.url) if parent is not None else None
            children = self.children.get(organization.slug, [])
            organization.children_links = [(child.name, child.url) for child in children]

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

    def roots(self):
        """Organizations without a (known) parent, in display order."""
        return [o for o in self.organizations if o.parent not in self.by_slug]

    def tree(self, organizations=None):
        """[(organization, subtree)]: the political system as nested lists."""
        if organizations is None:
            organizations = self.roots()
        return [(o, self.tree(self.children.get(o.slug, []))) for o in organizations]

    def walk(self):
        """[(organization, depth)] depth first: the order of the structure and contacts pages."""
        found = []

        def visit(tree, depth):
            for organization, subtree in tree:
                found.append((organization, depth))
                visit(subtree, depth + 1)

        visit(self.tree(), 0)
        return found

    def groups(self):
        """[(group, [organizations without a parent])] in registry order; an organization
        with a parent is shown under it (``children``)."""
        grouped = {}
        for organization in self.roots():
            grouped.setdefault(organization.group, []).append(organization)
        return list(grouped.items())


def _inference_pattern(lookup):
    # Longest names first so that "hoi nong dan xa" wins over "hoi nong dan";
    # dashed slugs are left out: titles do not contain them.
    keys = sorted((k for k in lookup if "-" not in k), key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


def read_yaml(text):
    """(data, [Lines of each entry]) of the registry's YAML text; yaml.YAMLError if broken."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else []
    finally:
        loader.dispose()
    if isinstance(node, yaml.SequenceNode):
        return data, [Lines.of(item) for item in node.value]
    return data, []


def load_registry(path, settings):
    """Read and check the YAML registry; problems are returned, not raised."""
    path = Path(path)
    if not path.is_file():
        return Registry([], {}, [(None, "Không tìm thấy tệp danh mục tổ chức.")], path)
    try:
        entries, lines = read_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        message = (
            "Tệp danh mục tổ chức viết sai cú pháp YAML quanh dòng này: kiểm tra thụt đầu dòng "
            "(dấu cách, không dùng Tab), dấu “:” sau tên trường, dấu ngoặc và dấu nháy đóng mở đủ cặp."
        )
        return Registry([], {}, [(mark.line + 1 if mark else None, message)], path)
    except UnicodeDecodeError:
        return Registry([], {}, [(None, "Tệp danh mục tổ chức phải lưu bằng mã UTF-8.")], path)
    if not isinstance(entries, list):
        message = "Danh mục tổ chức phải là một danh sách các mục bắt đầu bằng “- slug: …”."
        return Registry([], {}, [(1, message)], path)
    return build_registry(entries, settings, lines, path)


def build_registry(entries, settings, lines=None, path=None):
    """The registry of already parsed entries; ``lines`` (one Lines per entry) places the problems."""
    problems, organizations, where = [], [], {}
    for number, entry in enumerate(entries):
        entry_lines = lines[number] if lines and number < len(lines) else Lines({})
        found, usable = check_entry(entry, entry_lines)
        problems += found
        if not usable:
            continue
        organization = Organization(entry, settings)
        owner = next((o for o in organizations if o.slug == organization.slug), None)
        if owner is not None:  # two pages at one address: the first entry keeps it
            problems.append(duplicate_name(organization, owner, organization.slug, 0, entry_lines))
            continue
        organizations.append(organization)
        where[id(organization)] = entry_lines
    organizations.sort(key=lambda o: o.order)
    problems += check_hierarchy(organizations, where)
    lookup = {}
    for organization in organizations:
        for index, name in enumerate(organization.names()):
            key = fold(name)
            owner = lookup.setdefault(key, organization)
            if owner is not organization:
                problems.append(duplicate_name(organization, owner, name, index, where[id(organization)]))
    problems.sort(key=lambda p: p[0] or 0)
    return Registry(organizations, lookup, problems, path)
