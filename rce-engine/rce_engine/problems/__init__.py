"""Problem packages on the judge's side: verifying a package's example submissions against their folders.

Reading packages is `algocode_contracts.package` (shared with the code manager's importer).
"""

from rce_engine.problems.verify import VerifyOutcome, verify_packages, verify_submission

__all__ = ["VerifyOutcome", "verify_packages", "verify_submission"]
