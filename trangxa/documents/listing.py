"""The lists of documents: filter pages, their links, the JSON index, the boxes.

Filters without JavaScript are pre-built pages: one per form, issuer, field and year,
and one per form, issuer or field within a year (``van-ban/loai/quyet-dinh/2025/``).
Each document is on at most eight lists, so the lists hold 8 × n rows at most, built
in one pass. With JavaScript, theme/static/js/documents.js filters on any combination
over the JSON index (``van-ban/index.json``).
"""

import json

from trangxa.lib.dates import format_date
from trangxa.lib.text import plain_text

from .model import slug

FACETS = ("form", "year", "issuer", "field")
# The facet's name in addresses and in the query string of the JavaScript filter.
FACET_SLUGS = {"form": "loai", "year": "nam", "issuer": "co-quan", "field": "linh-vuc"}
FACET_TITLES = {
    "form": "Loại văn bản",
    "year": "Năm ban hành",
    "issuer": "Cơ quan ban hành",
    "field": "Lĩnh vực",
}


def values_of(document):
    """{facet: slug or None} of one document."""
    return {
        "form": document.form["slug"] if document.form else None,
        "year": str(document.issued.year),
        "issuer": document.issuer.slug if document.issuer is not None else None,
        "field": document.field["slug"] if document.field else None,
    }


class Lists:
    """Every filter list, newest first, and the labels of the facets' values."""

    def __init__(self, documents, settings, registry_order):
        self.settings = settings
        self.lists = {("all", None, None): []}  # (facet, value, year) -> [documents]
        self.labels = {facet: {} for facet in FACETS}
        for document in documents:  # newest first
            values = values_of(document)
            year = values["year"]
            self.lists[("all", None, None)].append(document)
            self.lists.setdefault(("year", year, None), []).append(document)
            self.labels["year"][year] = year
            for facet in ("form", "issuer", "field"):
                value = values[facet]
                if value is None:
                    continue
                self.lists.setdefault((facet, value, None), []).append(document)
                self.lists.setdefault((facet, value, year), []).append(document)
                self.labels[facet][value] = label_of(document, facet)
        # Which values each facet has (in a year), which years each value has: looked up by
        # every list page's links, so kept in dictionaries.
        self.present, self.years = {}, {}
        for facet, value, year in self.lists:
            if facet != "all":
                self.present.setdefault((facet, year), set()).add(value)
            if year is not None:
                self.years.setdefault((facet, value), set()).add(year)
        self.order = {
            "form": [slug_of(name) for name in settings["DOCUMENTS_FORMS"]],
            "issuer": list(registry_order),
            "field": [slug_of(name) for name in settings["DOCUMENTS_FIELDS"]],
        }

    def values(self, facet, year=None):
        """The values of ``facet`` that have documents (in ``year``), in display order."""
        present = self.present.get((facet, year), set())
        if facet == "year":
            return sorted(present, reverse=True)
        rank = {value: index for index, value in enumerate(self.order[facet])}
        return sorted(present, key=lambda value: (rank.get(value, len(rank)), value))

    def years_of(self, facet, value):
        return sorted(self.years.get((facet, value), ()), reverse=True)

    def url(self, facet, value=None, year=None, save_as=False):
        settings = self.settings
        suffix = "SAVE_AS" if save_as else "URL"
        if facet == "all":
            return settings[f"DOCUMENTS_{suffix}"]
        if facet == "year":
            return settings[f"DOCUMENTS_FILTER_{suffix}"].format(facet=FACET_SLUGS["year"], value=value)
        if year is None:
            return settings[f"DOCUMENTS_FILTER_{suffix}"].format(facet=FACET_SLUGS[facet], value=value)
        return settings[f"DOCUMENTS_FILTER_YEAR_{suffix}"].format(
            facet=FACET_SLUGS[facet], value=value, year=year
        )

    def title(self, facet, value, year):
        if facet == "all":
            return "Văn bản"
        if facet == "year":
            return f"Văn bản năm {value}"
        name = self.labels[facet][value]
        return f"{name} – năm {year}" if year else name

    def pages(self):
        """(facet, value, year, documents) of every list to write."""
        for (facet, value, year), documents in self.lists.items():
            yield facet, value, year, documents

    def navigation(self, facet, value, year):
        """The links of a list page (plain data: it is part of the page's key).

        Root: one value of any facet. A year: a form, issuer or field within it, or
        another year. A form (issuer, field): another one, or a year of it. A form in a
        year: another form that year, another year of it, or either filter off.
        """
        groups = []

        def group(of, links):
            if links:
                groups.append({"title": FACET_TITLES[of], "facet": FACET_SLUGS[of], "links": links})

        def link(of, val, within=None, label=None):
            current = (of, val, within) == (facet, value, year)
            return {
                "label": label or self.labels[of][val],
                "url": self.url(of, val, within),
                "current": current,
            }

        if facet == "all":
            for of in FACETS:
                group(of, [link(of, val) for val in self.values(of)])
        elif facet == "year":
            for of in ("form", "issuer", "field"):
                group(of, [link(of, val, value) for val in self.values(of, value)])
            group("year", [link("year", val) for val in self.values("year")])
        elif year is None:
            group(facet, [link(facet, val) for val in self.values(facet)])
            group("year", [link(facet, value, y, label=y) for y in self.years_of(facet, value)])
        else:
            group(facet, [link(facet, val, year) for val in self.values(facet, year)])
            group("year", [link(facet, value, y, label=y) for y in self.years_of(facet, value)])
        clear = []
        if facet != "all":
            clear.append({"label": "Tất cả văn bản", "url": self.url("all")})
        if year is not None:
            clear.append(
                {"label": f"Bỏ lọc năm: mọi {self.labels[facet][value]}", "url": self.url(facet, value)}
            )
            clear.append(
                {
                    "label": f"Bỏ lọc {FACET_TITLES[facet].lower()}: mọi văn bản năm {year}",
                    "url": self.url("year", year),
                }
            )
        return {"groups": groups, "resets": clear}

    def selected(self, facet, value, year):
        """{query name: value} this page shows, for the JavaScript filter's starting point."""
        chosen = {}
        if facet == "year":
            chosen["nam"] = value
        elif facet != "all":
            chosen[FACET_SLUGS[facet]] = value
            if year:
                chosen["nam"] = year
        return chosen


def label_of(document, facet):
    if facet == "form":
        return document.form["name"]
    if facet == "issuer":
        return document.issuer.short_name
    return document.field["name"]


def slug_of(name):
    return slug(name)


# --- The JSON index for the JavaScript filter --------------------------------------------------


def json_index(documents, lists):
    """Small: the facets' labels once, then one row per document (newest first)."""
    facets = {
        FACET_SLUGS[facet]: [[value, lists.labels[facet][value]] for value in lists.values(facet)]
        for facet in FACETS
    }
    position = {
        slug: {value: index for index, (value, _) in enumerate(items)} for slug, items in facets.items()
    }
    rows = []
    for document in documents:
        values = values_of(document)
        first = document.attachments[0] if document.attachments else None
        rows.append(
            [
                document.url,
                document.number,
                format_date(document.issued),
                str(plain_text(document.title)),
                document.issuer_name,
                *(position[FACET_SLUGS[f]].get(values[f], -1) for f in FACETS),
                first["url"] if first else "",
                f"{first['type']}, {first['size_label']}" if first else "",
                document.validity["label"],
            ]
        )
    columns = [
        "url",
        "number",
        "issued",
        "title",
        "issuer",
        "loai",
        "nam",
        "co-quan",
        "linh-vuc",
        "file",
        "file_label",
        "validity",
    ]
    return json.dumps(
        {"facets": facets, "columns": columns, "documents": rows}, ensure_ascii=False, separators=(",", ":")
    )


# --- Boxes on other pages (home page, organization pages) ------------------------------------


def row_view(document):
    """What a box shows of a document: plain values (their digest tells when the page changed)."""
    return {
        "url": document.url,
        "number": document.number,
        "issued": format_date(document.issued),
        "issued_iso": document.issued.date().isoformat(),
        "title": document.title,  # Markup: HTML the reader made (escaped, typography)
        "issuer": document.issuer.short_name if document.issuer is not None else document.issuer_name,
    }


def home_box(documents, settings):
    latest = documents[: settings["DOCUMENTS_HOME_COUNT"]]
    return {
        "documents": [row_view(d) for d in latest],
        "url": settings["DOCUMENTS_URL"],
        "disclosures_url": settings["DISCLOSURES_URL"],
        "count": len(documents),
    }


def organization_boxes(lists, settings):
    boxes = {}
    for value in lists.values("issuer"):
        documents = lists.lists[("issuer", value, None)]
        boxes[value] = {
            "documents": [row_view(d) for d in documents[: settings["DOCUMENTS_ORGANIZATION_COUNT"]]],
            "count": len(documents),
            "url": lists.url("issuer", value),
        }
    return boxes


def disclosure_groups(documents, settings):
    """[(year, [(kind, [documents])])]: newest year first, kinds in DOCUMENTS_FIELDS order."""
    rank = {name: index for index, name in enumerate(settings["DOCUMENTS_FIELDS"])}
    years = {}
    for document in documents:
        kinds = years.setdefault(document.issued.year, {})
        kinds.setdefault(document.field_name or "Khác", []).append(document)
    return [
        (year, sorted(kinds.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))
        for year, kinds in sorted(years.items(), reverse=True)
    ]
