"""Write only the pages whose inputs changed; paginate lists from the oldest article."""

from .incremental_output import RUNS_AFTER, RUNS_BEFORE, register

__all__ = ["RUNS_AFTER", "RUNS_BEFORE", "register"]
