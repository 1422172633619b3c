package io.sweep.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where things are written in a rule file, so a metadata problem points at the line of
 * the key at fault. A textual search, not a parse: it is only used for messages, and falls back
 * to the {@code rule} export, or to 1:1.
 */
final class SourcePositions {
    private static final Pattern RULE_EXPORT = Pattern.compile("export\\s+(?:const|let|var)\\s+rule\\b");
    private static final Pattern UPDATE_EXPORT = Pattern.compile(
            "export\\s+(?:async\\s+)?function\\s*\\*?\\s*update\\b|export\\s+(?:const|let|var)\\s+update\\b");

    record Position(int line, int column) {}

    private final String text;
    private final int ruleStart;

    SourcePositions(String text) {
        this.text = text;
        Matcher m = RULE_EXPORT.matcher(text);
        this.ruleStart = m.find() ? m.start() : -1;
    }

    Position ruleExport() {
        return ruleStart < 0 ? new Position(1, 1) : at(ruleStart);
    }

    Position updateExport() {
        Matcher m = UPDATE_EXPORT.matcher(text);
        return m.find() ? at(m.start()) : new Position(1, 1);
    }

    /** The key at the end of a path inside the rule, e.g. {@code select, criteria}; each searched after the previous. */
    Position key(String... path) {
        if (ruleStart < 0) return new Position(1, 1);
        int from = ruleStart;
        int found = ruleStart;
        for (String key : path) {
            Matcher m = Pattern.compile("(?<![\\w$])(?:" + Pattern.quote(key) + "|\"" + Pattern.quote(key) + "\"|'" + Pattern.quote(key) + "')\\s*:")
                    .matcher(text);
            if (!m.find(from)) return at(found);
            found = m.start();
            from = m.end();
        }
        return at(found);
    }

    /** Where a quoted string (an import specifier) first appears. */
    Position quoted(String value) {
        for (String q : new String[] {"\"" + value + "\"", "'" + value + "'", "`" + value + "`"}) {
            int i = text.indexOf(q);
            if (i >= 0) return at(i);
        }
        return new Position(1, 1);
    }

    Position at(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }
}
