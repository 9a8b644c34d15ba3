"""Live reload: the page open in the browser reloads itself when its file is rebuilt.

The dev server adds ``<script src="/__livereload.js" data-stamp="…">`` to the HTML it
serves (never to the built files: the output stays the same as a full build's). The
script asks ``/__livereload?path=<its address>`` every 300 ms for the stamp (time and
size) of the file behind that address, and reloads when it differs from the stamp the
page was served with, or when a full rebuild (settings, theme, plugin code) has ended
since. Same origin: the site's Content-Security-Policy (script-src and connect-src
'self') allows both. A page is reloaded as soon as its own file is written, before the
rest of the build ends.
"""

import json
import os
import threading
from urllib.parse import parse_qs, unquote, urlsplit

SCRIPT_PATH = "/__livereload.js"
STATE_PATH = "/__livereload"
POLL_MS = 300
SCRIPT = """\
(function () {
  "use strict";
  var tag = document.currentScript;
  var served = tag ? tag.getAttribute("data-stamp") : null;
  var address = "STATE?path=" + encodeURIComponent(location.pathname);
  function check() {
    fetch(address, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) return;
        var stamp = state.stamp + " " + state.generation;
        if (served === null) served = stamp;
        else if (stamp !== served) { location.reload(); return new Promise(function () {}); }
      })
      .catch(function () {})
      .then(function () { setTimeout(check, POLL); });
  }
  setTimeout(check, POLL);
})();
""".replace("STATE", STATE_PATH).replace("POLL", str(POLL_MS))


class LiveReload:
    """What the pages ask: their file's stamp, and a number bumped by each full rebuild."""

    def __init__(self, directory):
        self.directory = os.path.abspath(directory)
        self.generation = 0
        self.lock = threading.Lock()

    def built(self, result):
        if getattr(result, "kind", None) == "full":
            with self.lock:
                self.generation += 1

    def file_of(self, address):
        """The file a static host serves for ``address`` (a folder: its index.html)."""
        relative = unquote(urlsplit(address).path).lstrip("/")
        path = os.path.normpath(os.path.join(self.directory, relative))
        if path != self.directory and not path.startswith(self.directory + os.sep):
            return None
        return os.path.join(path, "index.html") if os.path.isdir(path) else path

    def stamp(self, address):
        path = self.file_of(address)
        try:
            stat = os.stat(path) if path else None
        except OSError:
            stat = None
        page = f"{stat.st_mtime_ns}-{stat.st_size}" if stat else "missing"
        return f"{page} {self.generation}"

    def state(self, query):
        address = (parse_qs(query).get("path") or ["/"])[0]
        page, generation = self.stamp(address).split(" ")
        return json.dumps({"stamp": page, "generation": int(generation)})

    def inject(self, html, address):
        """``html`` with the script before ``</body>`` (or at the end)."""
        tag = f'<script src="{SCRIPT_PATH}" data-stamp="{self.stamp(address)}"></script>'
        at = html.rfind(b"</body>")
        at = len(html) if at < 0 else at
        return html[:at] + tag.encode() + html[at:]
