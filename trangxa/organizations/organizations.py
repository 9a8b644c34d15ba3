"""Attach organizations to articles and write their topic pages and feeds.

Settings (defaults in DEFAULTS): ORGANIZATIONS_REGISTRY (YAML file, relative
to PATH), ORGANIZATIONS_INFER (attach an article without ``organizations``
to those its title names), ORGANIZATION_URL / ORGANIZATION_SAVE_AS,
ORGANIZATIONS_INDEX_URL / ORGANIZATIONS_INDEX_SAVE_AS, ORGANIZATION_FEED_ATOM
and ORGANIZATION_FEED_RSS (``{slug}`` in the path; None for no feed),
ORGANIZATIONS_PAGE_TEMPLATES (the page templates that show the whole registry: the
structure and contacts pages, ``Template: structure`` in their front matter; each such
page carries the registry's tree, so that its page key changes with the registry).

Every problem of the registry is logged as ``content/organizations.yml:LINE: message``
(``validation.py``); an error fails a strict build, as an article's does.
"""

import logging
import os

from markupsafe import escape
from pelican import signals
from pelican.generators import Generator

from trangxa.lib.problems import field_line, notices_logger

from .registry import load_registry

logger = logging.getLogger(__name__)

DEFAULTS = {
    "ORGANIZATIONS_REGISTRY": "organizations.yml",
    "ORGANIZATIONS_INFER": True,
    "ORGANIZATION_URL": "to-chuc/{slug}/",
    "ORGANIZATION_SAVE_AS": "to-chuc/{slug}/index.html",
    "ORGANIZATIONS_INDEX_URL": "to-chuc/",
    "ORGANIZATIONS_INDEX_SAVE_AS": "to-chuc/index.html",
    "ORGANIZATION_FEED_ATOM": None,
    "ORGANIZATION_FEED_RSS": None,
    "ORGANIZATIONS_PAGE_TEMPLATES": ("structure", "contacts"),
}


def add_defaults(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    # Pelican paginates only the templates listed here (None: DEFAULT_PAGINATION).
    pelican.settings["PAGINATED_TEMPLATES"].setdefault("organization", None)


def registry_path(settings):
    return os.path.join(settings["PATH"], settings["ORGANIZATIONS_REGISTRY"])


def resolve_names(article, registry, infer):
    """Replace the names an editor wrote by registry entries.

    Returns (organizations, unknown names, inferred?) without touching the article. The names
    are read from the article's metadata, as written: its ``organizations`` attribute holds the
    registry entries once resolved, and make serve reuses an unchanged article's object in the
    next build (where an empty list would otherwise be taken for "nothing written").
    """
    metadata = getattr(article, "metadata", None)
    names = (
        metadata.get("organizations") if metadata is not None else getattr(article, "organizations", None)
    ) or []
    if isinstance(names, str):
        names = [names]
    found, unknown = [], []
    for name in names:
        organization = registry.match(str(name))
        if organization is None:
            unknown.append(str(name))
        elif organization not in found:
            found.append(organization)
    if not names and infer:
        return registry.infer(str(article.title)), [], True
    return found, unknown, False


def display_path(path):
    """content/bai-viet/x.md when under the current directory, else the full path."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def report_unknown(article, name, registry, registry_file):
    line = field_line(getattr(article, "metadata", {}), "organizations")
    suggestions = registry.suggestions(name)
    hint = f" Có phải: {', '.join(suggestions)}?" if suggestions else ""
    logger.error(
        "%s:%d: Không có tổ chức '%s' trong danh mục %s.%s %s",
        display_path(article.source_path),
        line,
        name,
        registry_file,
        hint,
        HOW_TO_ADD.format(registry=registry_file),
    )


HOW_TO_ADD = (
    "Nếu đây là một tổ chức mới, thêm vào {registry} một mục như các mục đã có (slug: tên không dấu "
    "nối bằng gạch ngang, name: tên đầy đủ, short_name: tên ngắn, group, order) rồi dựng lại."
)


def report_registry(registry):
    """Each problem of the registry as ``path:line: message`` (build_log turns it into a CI
    annotation; content_checks counts it: a strict build fails)."""
    where = display_path(str(registry.path))
    for line, message in registry.problems:
        if line:
            logger.error("%s:%d: %s", where, line, message)
        else:
            logger.error("%s: %s", where, message)


def attach_registry_to_pages(generator):
    """page_generator_finalized: the structure and contacts pages (and their translations)
    carry the registry's tree, which their templates show."""
    registry = generator.context.get("organizations_registry")
    templates = set(generator.settings["ORGANIZATIONS_PAGE_TEMPLATES"])
    pages = [*generator.pages, *generator.translations, *generator.hidden_pages]
    for page in [*pages, *generator.hidden_translations]:
        if page.template in templates:
            page.organization_tree = registry.tree() if registry else []


def attach_organizations(generator):
    """article_generator_finalized: resolve names, group articles, once per build."""
    settings = generator.settings
    registry = load_registry(registry_path(settings), settings)
    report_registry(registry)
    registry.link_relatives()
    infer = settings["ORGANIZATIONS_INFER"]
    notices = notices_logger(settings)
    everything = [*generator.articles, *generator.drafts, *generator.hidden_articles, *generator.translations]
    for article in everything:
        found, unknown, inferred = resolve_names(article, registry, infer)
        for name in unknown:
            report_unknown(article, name, registry, display_path(registry_path(settings)))
        if inferred and found:  # a notice: `invoke check` lists it, a build keeps quiet
            notices.info(
                "%s: tự gắn vào %s theo tiêu đề; ghi 'organizations:' để xác nhận.",
                display_path(article.source_path),
                ", ".join(o.short_name for o in found),
            )
        article.organizations = found
    for article in generator.articles:  # published only, newest first
        for organization in article.organizations:
            organization.articles.append(article)
    generator.context["organizations_registry"] = registry
    generator.context["organizations"] = registry.organizations


class OrganizationsGenerator(Generator):
    """Writes /to-chuc/, one paginated page per organization, and their feeds."""

    def generate_context(self):
        pass  # the article generator's finalized signal fills the context

    def generate_output(self, writer):
        registry = self.context.get("organizations_registry")
        if registry is None:
            return
        write = writer.write_file
        relative = self.settings["RELATIVE_URLS"]
        write(
            self.settings["ORGANIZATIONS_INDEX_SAVE_AS"],
            self.get_template("organizations"),
            self.context,
            relative_urls=relative,
            template_name="organizations",
            organization_groups=registry.groups(),
            organization_children=registry.children,
        )
        template = self.get_template("organization")
        for organization in registry.organizations:
            write(
                organization.save_as,
                template,
                self.context,
                relative_urls=relative,
                paginated={"articles": organization.articles},
                template_name="organization",
                url=organization.url,
                organization=organization,
                articles=organization.articles,
            )
            self.write_feeds(writer, organization)

    def write_feeds(self, writer, organization):
        for feed_type in ("atom", "rss"):
            path = self.settings[f"ORGANIZATION_FEED_{feed_type.upper()}"]
            if path:
                writer.write_feed(
                    organization.articles,
                    self.context,
                    path.format(slug=organization.slug),
                    feed_type=feed_type,
                    # Pelican takes a feed title as HTML (it strips tags): the name is text.
                    feed_title=escape(organization.name),
                )


def get_generators(pelican):
    return OrganizationsGenerator


def register():
    signals.initialized.connect(add_defaults)
    signals.article_generator_finalized.connect(attach_organizations)
    signals.page_generator_finalized.connect(attach_registry_to_pages)
    signals.get_generators.connect(get_generators)
