"""``make serve`` keeps the site warm: one process holds the build's state between builds.

``builder.py`` builds with Pelican's own pipeline (every plugin, every signal), its caches
kept in memory between builds; ``process.py`` runs it in a child process, started again when
plugin code changes; ``livereload.py`` makes the page open in the browser reload itself.
"""

from .builder import WarmBuilder
from .process import BuilderProcess

__all__ = ["BuilderProcess", "WarmBuilder"]
