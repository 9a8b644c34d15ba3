"""The site's Content-Security-Policy, computed from the settings.

Every page carries it in a <meta http-equiv> (base.html); the web server should
send it as a header too, with what only a header can carry (frame-ancestors).
ops/nginx/tanhoa.conf holds that header for publishconf.py; print it again after
changing the settings it depends on:

    .venv/bin/python -m trangxa.content_security publishconf.py

Settings read: CONTENT_EMBED_HOSTS (frame-src), COUNTER_BACKEND and COUNTER_URL
(connect-src), SEARCH_INDEX (Pagefind's WebAssembly needs 'wasm-unsafe-eval').
"""

from urllib.parse import urlsplit

from .sanitize import embed_hosts

COUNTER_BACKENDS = ("builtin", "goatcounter")


def counter_origin(settings):
    """scheme://host[:port] of the visitor counter the pages call, or None."""
    url = str(settings.get("COUNTER_URL") or "")
    if settings.get("COUNTER_BACKEND") not in COUNTER_BACKENDS or not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None  # relative: 'self'


def policy_directives(settings):
    """{directive: [sources]} of the policy the pages need, nothing more."""
    counter = counter_origin(settings)
    frames = [f"https://{host}" for host in embed_hosts(settings)]
    scripts = ["'self'"]
    if settings.get("SEARCH_INDEX", True):
        scripts.append("'wasm-unsafe-eval'")  # Pagefind's search runs as WebAssembly
    return {
        "default-src": ["'self'"],
        "script-src": scripts,
        "style-src": ["'self'"],
        # Articles may show photos linked from other https:// sites; no page uses data: images.
        "img-src": ["'self'", "https:"],
        "connect-src": ["'self'", *([counter] if counter else [])],
        "frame-src": frames or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def content_security_policy(settings):
    """The policy for the <meta http-equiv="Content-Security-Policy"> of every page."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy_directives(settings).items())


def header_policy(settings):
    """The same policy as an HTTP header, with frame-ancestors (ignored in a <meta>)."""
    return f"{content_security_policy(settings)}; frame-ancestors 'none'"
