"""The Content-Security-Policy of the editor's page, /admin/index.html, and of it alone.

The site's pages keep their strict policy (trangxa.content_security). Decap CMS needs more,
measured in Chromium (tests/test_cms_browser.py fails on any violation):

- ``script-src 'unsafe-eval'``: Decap validates its configuration with ajv, which compiles
  the schema with ``new Function``; it also covers the WebAssembly of its WebP encoder;
- ``style-src 'unsafe-inline'``: its styles are CSS-in-JS (emotion), inserted as <style>;
- ``img-src blob: data:``, ``connect-src blob:``: photos picked for upload are shown, and kept
  in the browser's draft backup, before they are saved;
- ``connect-src``: the git host's API (CMS_BACKEND), or the local server (`invoke cms`).

Scripts still come only from the site itself (no inline script, no other host).
"""

from urllib.parse import urlsplit

# The API each git backend calls when its settings do not name another one.
DEFAULT_APIS = {
    "github": ["https://api.github.com"],
    "gitlab": ["https://gitlab.com"],
    "gitea": ["https://try.gitea.io"],
}
URL_KEYS = ("api_root", "base_url", "proxy_url", "auth_endpoint", "graphql_api_root")


def origin(url):
    parts = urlsplit(str(url or ""))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def backend_origins(backend, local_backend=None):
    """Origins the editor talks to: the git host's API, its sign-in server, the local server."""
    backend = backend or {}
    urls = [backend[key] for key in URL_KEYS if backend.get(key)]
    if not backend.get("api_root"):
        urls += DEFAULT_APIS.get(backend.get("name"), [])
    if local_backend:
        urls.append(local_backend)
    return list(dict.fromkeys(o for o in map(origin, urls) if o))


def admin_policy_directives(backend, local_backend=None):
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "blob:", "data:", "https:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", "blob:", *backend_origins(backend, local_backend)],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def admin_policy(backend, local_backend=None):
    """The policy for the <meta http-equiv> of /admin/index.html."""
    directives = admin_policy_directives(backend, local_backend)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())
