"""Run a function over a list in several forked processes (pages to render).

Forked children share the parent's memory (templates, articles, context) and
write their files themselves; nothing is sent back. A child that fails, or
logs an error, exits with a non-zero status, and the parent raises, so a
strict build still stops on it.
"""

import logging
import os
import sys

logger = logging.getLogger(__name__)


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def run_in_processes(function, items, workers):
    """``function(item)`` for every item, spread over ``workers`` processes (this one included)."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or a child would print the parent's buffered output again
    children = [pid for pid in (_fork(function, items, number, workers) for number in range(1, workers))]
    failure = None
    try:
        for item in items[0::workers]:
            function(item)
    except Exception as error:  # wait for the children before reporting it
        failure = error
    statuses = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    if failure is not None:
        raise failure
    if any(statuses):
        raise RuntimeError(f"a process writing pages failed (exit statuses {statuses}); see the errors above")


def _fork(function, items, number, workers):
    pid = os.fork()
    if pid:
        return pid
    status = 0
    counter = ErrorCounter()
    logging.getLogger().addHandler(counter)
    try:
        for item in items[number::workers]:
            function(item)
    except Exception:
        logger.exception("incremental_output: writing a page failed")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(status or (2 if counter.count else 0))
