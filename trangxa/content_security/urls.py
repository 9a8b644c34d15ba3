"""URLs as a browser reads them: which scheme, which host, which are allowed."""

import re
from urllib.parse import urlsplit

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# What a browser ignores in a URL before reading its scheme (" java\tscript:").
URL_EDGES = "".join(map(chr, range(0x21)))
URL_TABS = re.compile(r"[\t\n\r]")


def browser_url(url):
    return URL_TABS.sub("", url.strip(URL_EDGES))


def url_scheme(url):
    """Lower-case scheme of a URL as a browser reads it, or None for a relative URL
    (Pelican's ``{static}/…`` and ``{filename}/…`` are relative)."""
    match = SCHEME.match(browser_url(url))
    return match.group(1).lower() if match else None


def allowed_url(url):
    scheme = url_scheme(url)
    return scheme is None or scheme in URL_SCHEMES


def host_of(url):
    try:
        return urlsplit(browser_url(url)).hostname or ""
    except ValueError:  # "https://[x": not a URL a browser would load either
        return ""


def embed_allowed(url, hosts):
    """An iframe shows only https:// pages of the listed hosts."""
    return url_scheme(url) == "https" and host_of(url) in hosts
