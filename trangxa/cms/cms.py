"""The web editor: Decap CMS at /admin/, writing the same Markdown files editors write by hand.

When ``CMS_ENABLED`` is true, the build writes into ``admin/`` of the output:

- ``config.yml``: Decap's configuration, made from the settings and the organizations
  registry at every build (``config.py``), so its lists never drift from what the site accepts;
- ``index.html``: the editor's page, the theme's ``admin/index.html`` template (Vietnamese,
  ``noindex``), with its own Content-Security-Policy (``policy.py``);
- ``preview.js``: the preview of an article as its page shows it (the theme's style.css);
- Decap's bundle, copied from ``cms/node_modules`` after its sha256 is checked (``bundle.py``).

Nothing is written, and nothing of Node is needed, when it is off (the default): a site
built without the editor has no ``admin/`` (a folder left by an earlier build is removed).
``/admin/`` is never in the sitemap (written here, not through Pelican's writer) nor in the
search index (SEARCH_INDEX_PATHS); robots.txt disallows it.

Settings (defaults): CMS_ENABLED (False); CMS_BACKEND (None: only the local server; a dict
of Decap's ``backend`` options for a git host: github, gitlab, gitea…); CMS_LOCAL_BACKEND
(None; pelicanconf.py: ``http://localhost:8081/api/v1``, the server `invoke cms` starts);
CMS_PUBLISH_MODE ("editorial_workflow"); CMS_PACKAGE (cms/node_modules/decap-cms);
CMS_REPO_ROOT (the folder holding content/); CMS_OUTPUT ("admin").
"""

import json
import logging
import shutil
from pathlib import Path

import jinja2
from pelican import signals

from trangxa.organizations.organizations import registry_path
from trangxa.organizations.registry import load_registry

from . import bundle
from .config import backend_config, cms_config, config_yaml
from .policy import admin_policy

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.organizations",)  # its registry and default settings
DEFAULTS = {
    "CMS_ENABLED": False,
    "CMS_BACKEND": None,
    "CMS_LOCAL_BACKEND": None,
    "CMS_PUBLISH_MODE": "editorial_workflow",
    "CMS_PACKAGE": None,
    "CMS_REPO_ROOT": None,
    "CMS_OUTPUT": "admin",
}
STATIC = Path(__file__).resolve().parent / "static"
TEMPLATE = "admin/index.html"


def add_defaults(pelican):
    """initialized: defaults, and with the editor on, its bundle checked before anything is read."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    if pelican.settings["CMS_ENABLED"]:
        bundle.verified_bundle(pelican.settings)


def render_page(settings, policy):
    overrides = settings.get("THEME_TEMPLATES_OVERRIDES", [])
    folders = [Path(settings["THEME"]) / "templates", *map(Path, overrides)]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]), autoescape=True, keep_trailing_newline=True
    )
    formats = {**settings.get("CREDIT_FORMATS", {})}
    return environment.get_template(TEMPLATE).render(
        SITENAME=settings.get("SITENAME", ""),
        THEME_STATIC_DIR=settings.get("THEME_STATIC_DIR", "theme"),
        CMS_POLICY=policy,
        CMS_PREVIEW_SETTINGS=json.dumps({"credit_formats": formats}, ensure_ascii=False),
    )


def write_admin(pelican):
    """finalized: the editor's files into admin/ of the output, or admin/ removed when off."""
    settings = pelican.settings
    target = Path(settings["OUTPUT_PATH"]) / settings.get("CMS_OUTPUT", "admin")
    if not settings.get("CMS_ENABLED"):
        if (target / bundle.STAMP).is_file():  # ours, from a build with the editor on
            shutil.rmtree(target)
        return
    registry = load_registry(registry_path(settings), settings)
    for where, message in registry.problems:
        logger.warning("cms: %s: %s (danh mục tổ chức của trình biên tập có thể thiếu)", where, message)
    target.mkdir(parents=True, exist_ok=True)
    config = cms_config(settings, registry)
    write_if_changed(target / "config.yml", config_yaml(config))
    policy = admin_policy(backend_config(settings), settings.get("CMS_LOCAL_BACKEND"))
    write_if_changed(target / "index.html", render_page(settings, policy))
    write_if_changed(target / "preview.js", (STATIC / "preview.js").read_text(encoding="utf-8"))
    bundle.copy_bundle(settings, target)


def write_if_changed(path, text):
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def register():
    signals.initialized.connect(add_defaults)
    signals.finalized.connect(write_admin)
