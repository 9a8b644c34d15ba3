"""Write only the pages whose inputs changed; paginate lists from the oldest article."""

from .incremental_output import register

__all__ = ["register"]
