"""The judge core: compile once per submission, run each test in the same box, check, report.

`judge_job(job, sandbox=..., cache=...)` is the one entry point; see docs/judge.md.
"""

from rce_engine.judge.cache import BinaryCache, cache_key
from rce_engine.judge.checker import CheckResult, check_output
from rce_engine.judge.service import JudgeReport, internal_error, judge_job, judge_job_report

__all__ = [
    "BinaryCache",
    "CheckResult",
    "JudgeReport",
    "cache_key",
    "check_output",
    "internal_error",
    "judge_job",
    "judge_job_report",
]
