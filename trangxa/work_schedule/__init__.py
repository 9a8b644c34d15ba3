"""Lịch công tác: the weekly work schedule of the commune's leaders, one YAML file a week."""

from .work_schedule import RUNS_AFTER, RUNS_BEFORE, register

__all__ = ["RUNS_AFTER", "RUNS_BEFORE", "register"]
