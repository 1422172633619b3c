package io.sweep.rules.testing;

import io.sweep.rules.RuleProblem;

/** A case file that cannot be read as cases; names the file and, where known, the line and column. */
public final class CaseFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient RuleProblem problem;

    public CaseFileException(RuleProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public RuleProblem problem() {
        return problem;
    }
}
