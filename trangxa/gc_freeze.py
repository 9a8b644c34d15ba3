"""Keep Python's garbage collector from scanning the whole site again and again.

Each full collection of Python's cyclic garbage collector visits every object
alive. A build holds millions of them (the reader cache, the articles, their
metadata), made in a few big steps, and the collector ran full collections
through each step: at 20,000 articles, 10 of them cost 2.5 s of a 15 s
rebuild (0.9 s of 7.5 s at 10,000). Here the collector is paused while Pelican
loads its caches (unpickling makes no garbage), and the objects that live for
the whole build are frozen (``gc.freeze``) once they exist: collections skip
them, and the forked reader and writer processes do not copy the parent's
memory by collecting it. They are unfrozen when the build ends, so a
long-lived process (the dev server) frees them once a new build replaces them;
after a build that fails half-way, the next build's end unfreezes them.

When the process exits, whatever is still alive is frozen once more. Python would
otherwise collect and free the whole site, object by object, only to hand the
memory back to the system a moment later: 0.7 s after the last line of a
10,000-article build. The exit handlers (the reader cache being written, the log)
still run, and open files are still flushed and closed by their own ``with`` blocks.

The plugin is listed before ``parallel_reading`` (its readers must start with
the collector on). Its ``finalized`` receiver must run after the pages are
written (``incremental_output`` forks its writers at ``finalized``): it is
connected when the build starts, after the receivers plugins connect when they
are registered.
"""

import atexit
import functools
import gc

from pelican import signals

from trangxa import compat


def pause(pelican):
    gc.disable()
    # after incremental_output's, connected at registration
    compat.connect_after_registered_receivers(signals.finalized, unfreeze)


def freeze_and_resume(generator):
    gc.freeze()
    gc.enable()


def freeze(*args, **kwargs):
    gc.freeze()


def unfreeze(pelican):
    gc.unfreeze()
    gc.enable()


@functools.cache  # one exit handler per process, however many builds it makes
def skip_freeing_at_exit():
    atexit.register(gc.freeze)  # registered first, so it runs after the later handlers


def register():
    skip_freeing_at_exit()
    signals.initialized.connect(pause)
    signals.article_generator_init.connect(freeze_and_resume)
    signals.article_generator_pretaxonomy.connect(freeze)
    signals.all_generators_finalized.connect(freeze)
