"""Import the articles of old portals (Liferay "Xuất bản thông tin" pages and the like).

``python -m trangxa.importer --source GLOB --into DIR [--origin NAME] [--report FILE.json]
[--force] [--dry-run]``, or ``invoke import-portal`` (tasks.py), reads pages saved from a
browser (.html with or without its ``_files`` folder, .mhtml) or text copied from them
(.txt), and writes one Markdown article per page (YAML front matter), its photos next to
the site's photos. Guide for editors and IT: docs/editors/nhap-bai-cu.md.

- ``sources.py``: globs and folders, decoding, MHTML, copied text; ``html_page.py``: HTML
  into blocks (``blocks.py``) and the element that holds the article; ``extract.py``:
  title, date, lead, body, captions, credit (``credit.py``, ``dates.py``), what is the
  portal's (``chrome.py``);
- ``importer.py``: duplicates, the files already there, photos (``images.py``), the
  Markdown (``markdown.py``), the site's content checks, the report and its flags
  (``flags.py``); ``store.py``: the articles already on the site; ``cli.py``: the command
  and its summary.

The build side, redirects from the old addresses (``old_urls``), is trangxa.redirects.
Not a Pelican plugin: nothing here is in PLUGINS.
"""

from .cli import main
from .importer import Importer

__all__ = ["Importer", "main"]
