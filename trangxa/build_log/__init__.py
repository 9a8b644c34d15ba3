"""One line per problem, `path:line: message`, in a terminal and in a CI log alike."""

from .build_log import register

__all__ = ["register"]
