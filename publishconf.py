"""Settings for publishing (``make publish``): absolute URLs, feeds, strict build.

Set SITEURL to where the site is served, with its sub-path if any
(``https://tanhoa.binhnguyen.gov.vn`` or ``https://example.org/xa-tan-hoa``);
the environment variable SITEURL overrides it.
"""

import os
import runpy
from pathlib import Path

# Every setting of pelicanconf.py (read by its path: nothing is added to sys.path),
# then what publishing changes.
_development = runpy.run_path(str(Path(__file__).with_name("pelicanconf.py")))
globals().update({name: value for name, value in _development.items() if name.isupper()})

SITEURL = os.environ.get("SITEURL", "https://tanhoa.binhnguyen.gov.vn").rstrip("/")
OUTPUT_PATH = "output"  # development builds go to output-dev/ (pelicanconf.py)
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL  # the feeds themselves are set in pelicanconf.py

# The counter's public address, e.g. https://tanhoa.binhnguyen.gov.vn/api/counter behind
# the reverse proxy (docs/counter.md); without one the box is left out.
COUNTER_URL = os.environ.get("COUNTER_URL", "")
COUNTER_BACKEND = os.environ.get("COUNTER_BACKEND", "builtin") if COUNTER_URL else None

# Kept between builds: only the pages whose inputs changed are written again, and
# the pages of removed articles are deleted (trangxa.incremental_output).
DELETE_OUTPUT_DIRECTORY = False
CACHE_PATH = os.path.join(os.environ.get("CACHE_ROOT", "cache"), "publish")
# Drafts are previewed with `make serve` only; the public site never holds them.
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
# Any error (a bad date, an unknown organization, ...) fails the build.
CONTENT_CHECKS_STRICT = True
# GitLab shows the problems of the build in the merge request (.gitlab-ci.yml sets it).
BUILD_LOG_CODE_QUALITY_REPORT = os.environ.get("CODE_QUALITY_REPORT") or None
# The published editor (CMS_ENABLED) signs in to the git host of CMS_BACKEND; it never
# looks for the local server of `invoke cms`.
CMS_LOCAL_BACKEND = None
