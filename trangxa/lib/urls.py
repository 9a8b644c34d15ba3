"""Addresses the operator writes in the settings: is each a well-formed https:// URL?

Shared by the plugins that check settings holding links to other sites (the "Liên kết
website" list of trangxa.site_settings, the public services' links): one rule, one wording.
"""

import re
from urllib.parse import urlsplit

# One label of a host name: letters, digits, hyphens inside (IDNA-encoded already).
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def https_url_problem(url):
    """Why ``url`` is not a well-formed https:// address of a named host, in Vietnamese; None if it is."""
    if not isinstance(url, str) or not url.strip():
        return "thiếu địa chỉ (url)"
    if url != url.strip() or any(c.isspace() for c in url):
        return f"địa chỉ “{url}” có khoảng trắng"
    try:
        parts = urlsplit(url)
        _ = parts.port  # reading it checks it (ValueError: "https://a.vn:x")
    except ValueError:
        return f"không đọc được địa chỉ “{url}”"
    if parts.scheme.lower() != "https":
        return f"địa chỉ “{url}” phải bắt đầu bằng https://"
    if parts.username is not None or parts.password is not None:
        return f"địa chỉ “{url}” không được chứa tên đăng nhập"
    return host_problem(parts.hostname or "", url)


def host_problem(host, url):
    """Why ``host`` is not a public host name (at least one dot, valid labels); None if it is."""
    if not host:
        return f"địa chỉ “{url}” thiếu tên miền"
    try:
        ascii_host = host.encode("idna").decode("ascii")  # tânhòa.vn is a valid name too
    except UnicodeError:
        return f"tên miền “{host}” của địa chỉ “{url}” không hợp lệ"
    labels = ascii_host.lower().rstrip(".").split(".")
    if len(labels) < 2 or not all(HOST_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return f"tên miền “{host}” của địa chỉ “{url}” không hợp lệ"
    return None
