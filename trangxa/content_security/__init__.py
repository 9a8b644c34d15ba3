"""Nothing from content runs as code.

``sanitize.py`` cleans the HTML the front_matter reader makes of an editor's Markdown
(body and formatted fields) with nh3 and lists what it removed (``messages.py``: what the
editor reads; ``urls.py``: URLs as a browser reads them). ``policy.py`` computes the
Content-Security-Policy that base.html puts in every page; ``python -m trangxa.content_security
publishconf.py`` prints it as an nginx header line. ``content_security.py`` connects the
signals.
"""

from .content_security import register

__all__ = ["register"]
