package io.sweep.rules.testing;

import java.time.Duration;

/**
 * How one case went.
 *
 * @param failure why it failed ({@code expected … got …}, or what is wrong with the case), null when it passed
 * @param log     what the script logged for the case
 */
public record CaseResult(String rule, String name, String failure, String log, Duration time) {
    public boolean passed() {
        return failure == null;
    }

    /** The report line: {@code ok rule/case} or {@code FAIL rule/case: expected … got …}. */
    public String line() {
        return passed() ? "ok   " + rule + "/" + name : "FAIL " + rule + "/" + name + ": " + failure;
    }
}
