package io.sweep.rules;

/**
 * Why a rule file cannot be loaded: where (1-based line and column, as editors count them)
 * and what. {@link #toString()} is the {@code file:line:col: message} form of {@code sweep check}.
 */
public record RuleProblem(String file, int line, int column, String message) {
    public RuleProblem {
        if (line < 1) line = 1;
        if (column < 1) column = 1;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
