package io.sweep.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** Turns an error from evaluating a rule module into a message with a position in the file. */
final class ModuleErrors {
    private static final Pattern NOT_ALLOWED = Pattern.compile("Operation is not allowed for: (.+)");

    private ModuleErrors() {}

    /** From the parser's position for a syntax error, else the first stack frame in the file. */
    static Inspection.Failed locate(PolyglotException e, String fileName, String text) {
        String message = firstLine(e.getMessage());
        if (e.isSyntaxError()) {
            // "SyntaxError: rule.js:2:14 Expected …": the position is taken from the source section
            message = message.replaceFirst(Pattern.quote(fileName) + ":\\d+:\\d+ ", "");
            SourceSection at = e.getSourceLocation();
            return at == null ? new Inspection.Failed(0, 0, message) : new Inspection.Failed(at.getStartLine(), at.getStartColumn(), message);
        }
        Matcher notAllowed = NOT_ALLOWED.matcher(message);
        if (notAllowed.find()) {
            // an import: with no file system, the module loader refuses every specifier
            String specifier = notAllowed.group(1).strip();
            var at = new SourcePositions(text).quoted(specifier);
            return new Inspection.Failed(at.line(), at.column(), "rules cannot import modules (import of \"" + specifier + "\")");
        }
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (frame.isGuestFrame() && at != null && at.getSource().getName().equals(fileName)) {
                return new Inspection.Failed(at.getStartLine(), at.getStartColumn(), message);
            }
        }
        return new Inspection.Failed(0, 0, message);
    }

    private static String firstLine(String s) {
        if (s == null) return "error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
