package io.sweep.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that was not written because it does not validate. */
public final class RuleValidationException extends RuntimeException {
    private final transient List<RuleProblem> problems;

    public RuleValidationException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
