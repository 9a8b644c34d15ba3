"""Run a function over a list in several forked processes (pages to check and render).

Forked children share the parent's memory (templates, articles, context),
write their files themselves and send back only what ``function`` returns
(small records, pickled through a pipe). A child that fails, or logs an error,
exits with a non-zero status, and the parent raises, so a strict build still
stops on it.
"""

import logging
import os
import pickle
import sys

logger = logging.getLogger(__name__)


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def run_in_processes(function, items, workers):
    """``[function(item) for item in items]``, spread over ``workers`` processes (this one
    included); the results come back in no particular order."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or a child would print the parent's buffered output again
    children = [_fork(function, items, number, workers) for number in range(1, workers)]
    results, failure = [], None
    try:
        results = [function(item) for item in items[0::workers]]
    except Exception as error:  # wait for the children before reporting it
        failure = error
    statuses = []
    for pid, pipe in children:
        with os.fdopen(pipe, "rb") as reader:  # read before waiting: a full pipe blocks the child
            sent = reader.read()
        statuses.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        if sent:
            results.extend(pickle.loads(sent))
    if failure is not None:
        raise failure
    if any(statuses):
        raise RuntimeError(f"a process writing pages failed (exit statuses {statuses}); see the errors above")
    return results


def _fork(function, items, number, workers):
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    os.close(reader)
    status = 0
    counter = ErrorCounter()
    logging.getLogger().addHandler(counter)
    try:
        results = [function(item) for item in items[number::workers]]
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(pickle.dumps(results))
    except Exception:
        logger.exception("incremental_output: writing a page failed")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(status or (2 if counter.count else 0))
