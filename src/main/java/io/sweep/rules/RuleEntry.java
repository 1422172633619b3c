package io.sweep.rules;

import java.util.List;

/**
 * A rule file as the registry knows it. {@code active} is the version runs use: the file's
 * current content when it is valid, else the last valid version seen (or null if there never
 * was one). {@code problems} are those of the current content; empty means status ok.
 *
 * @param fileVersion SHA-256 of the file's current content (may differ from {@code active.version()})
 */
public record RuleEntry(String id, String file, Rule active, List<RuleProblem> problems, String fileVersion) {
    public RuleEntry {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** {@code ok}, or {@code error} while the file's current content has problems. */
    public String status() {
        return ok() ? "ok" : "error";
    }
}
