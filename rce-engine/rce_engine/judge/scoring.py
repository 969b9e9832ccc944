"""Points of a scoring problem: per test, per group, in total (docs/problem-format.md#scoring).

A test earns nothing unless accepted; an accepted one earns its share of the group (`points_per_test`),
scaled by the validator's score.txt when it wrote one (a fraction in 2023-07 packages, points in legacy
ones). A group adds up its tests by `aggregation`: pass-fail (all or nothing), sum, or min; a legacy group
(score_file "points") is also worth 0 once any of its tests is rejected (the legacy default grader's
worst_error). A test the judge skipped (on_reject: break, or judging stopped) counts as rejected.
"""

from __future__ import annotations

from algocode_contracts import SubmissionJudged, Verdict
from algocode_contracts.messages import MAX_IO_CHARS, GroupScore, TestGroup
from rce_engine.judge.validators import points_per_test


class ScoreSheet:
    def __init__(self, groups: list[TestGroup]) -> None:
        self.groups = groups
        self._group_of = {name: group for group in groups for name in group.tests}
        self._results: dict[str, tuple[Verdict, float]] = {}
        self._broken: set[str] = set()  # groups that stopped at a rejection (on_reject: break)

    def group_of(self, test: str) -> TestGroup | None:
        return self._group_of.get(test)

    def skip(self, test: str) -> bool:
        """True when `test`'s group already broke off at a rejection: the test is not run."""
        group = self._group_of.get(test)
        return group is not None and group.name in self._broken

    def record(self, test: str, verdict: Verdict, score: float | None = None) -> None:
        """One test's verdict, with the validator's score.txt (already checked) when it wrote one."""
        group = self._group_of.get(test)
        if group is None:
            return  # a sample: judged, never scored
        points = 0.0
        if verdict is Verdict.ACCEPTED:
            points = points_per_test(group)
            if score is not None:
                points = score * points if group.score_file == "fraction" else score
        self._results[test] = (verdict, points)
        if verdict is not Verdict.ACCEPTED and group.on_reject == "break":
            self._broken.add(group.name)

    def group_scores(self) -> list[GroupScore]:
        scores = []
        for group in self.groups:
            results = [self._results.get(test) for test in group.tests]
            accepted = all(result is not None and result[0] is Verdict.ACCEPTED for result in results)
            points = [result[1] if result is not None else 0.0 for result in results]
            if group.aggregation == "pass-fail" or (group.score_file == "points" and not accepted):
                score = group.max_score if accepted else 0.0
            elif group.aggregation == "min":
                score = min(points)
            else:
                score = sum(points)
            rejected = next(
                (r[0] for r in results if r is not None and r[0] is not Verdict.ACCEPTED),
                Verdict.INTERNAL_ERROR,  # no rejection yet tests missing: judging stopped for another reason
            )
            scores.append(
                GroupScore(
                    name=group.name,
                    score=round(min(score, group.max_score), 6),
                    max_score=group.max_score,
                    verdict=Verdict.ACCEPTED if accepted else rejected,
                )
            )
        return scores


def finish(
    result: SubmissionJudged, *, sheet: ScoreSheet | None, team_messages: dict[str, str]
) -> SubmissionJudged:
    """The judged result with what custom validation and scoring add: the validator's teammessage.txt
    beside the shown sample, an Internal Error anywhere made the verdict (never hidden behind an earlier
    rejection), and the points per group and in total (none for a judging that failed)."""
    update: dict[str, object] = {}
    if result.io is not None and result.io.test in team_messages:
        feedback = team_messages[result.io.test][:MAX_IO_CHARS]
        update["io"] = result.io.model_copy(update={"feedback": feedback})
    broken = next((test for test in result.tests if test.verdict is Verdict.INTERNAL_ERROR), None)
    if broken is not None:
        update["verdict"] = Verdict.INTERNAL_ERROR
        update["message"] = f"{Verdict.INTERNAL_ERROR.label} on test {broken.name}"
    elif sheet is not None and result.verdict is not Verdict.COMPILE_ERROR:
        groups = sheet.group_scores()
        update["groups"] = groups
        update["score"] = round(sum(group.score for group in groups), 6)
        update["max_score"] = round(sum(group.max_score for group in groups), 6)
    return result.model_copy(update=update) if update else result
