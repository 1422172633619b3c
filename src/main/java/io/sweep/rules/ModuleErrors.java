package io.sweep.rules;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;

/**
 * Turns an error from evaluating a rule module into a message with a position: in the rule's file,
 * or in the library file it imports when the error is there.
 */
final class ModuleErrors {
    private static final Pattern NOT_ALLOWED = Pattern.compile("Operation is not allowed for: (.+)");
    /** Where a refusal or a missing library ends in the message: the path it names. */
    private static final Pattern NAMED_PATH = Pattern.compile("(" + Pattern.quote(LibraryFileSystem.REFUSED) + "|"
            + Pattern.quote(LibraryFileSystem.MISSING) + ")(\\S+)");
    /** The specifiers of static imports, re-exports and dynamic imports. */
    private static final Pattern SPECIFIER = Pattern.compile("(?:\\bfrom|\\bimport)\\s*\\(?\\s*([\"'`])([^\"'`\\n]*)\\1");
    static final String IMPORTABLE = "a rule imports library files of the rules folder's lib folder only, as \"./lib/NAME.js\""
            + " (a library imports another as \"./NAME.js\")";

    private ModuleErrors() {}

    /**
     * From the parser's position for a syntax error, else the first stack frame in the file or one of
     * its libraries.
     *
     * @param libraries the libraries the rule could import, to place an import refused in one of them
     */
    static Inspection.Failed locate(PolyglotException e, String fileName, String text, RuleLibraries libraries) {
        String message = firstLine(e.getMessage());
        if (e.isSyntaxError()) {
            // "SyntaxError: ./lib/text.js:2:14 Expected …": the position is taken from the source section
            SourceSection at = e.getSourceLocation();
            String library = at == null ? null : library(at.getSource());
            message = message.replaceFirst("\\S*" + Pattern.quote(library != null ? library : fileName) + ":\\d+:\\d+ ", "");
            return at == null ? new Inspection.Failed(0, 0, message) : new Inspection.Failed(at.getStartLine(), at.getStartColumn(), message, library);
        }
        Matcher named = NAMED_PATH.matcher(message);
        if (named.find()) {
            boolean missing = named.group(1).equals(LibraryFileSystem.MISSING);
            return imported(named.group(2), missing, text, libraries);
        }
        Matcher notAllowed = NOT_ALLOWED.matcher(message);
        if (notAllowed.find()) return imported(notAllowed.group(1).strip(), false, text, libraries);
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (!frame.isGuestFrame() || at == null) continue;
            String library = library(at.getSource());
            if (library != null) return new Inspection.Failed(at.getStartLine(), at.getStartColumn(), message, library);
            if (at.getSource().getName().equals(fileName)) return new Inspection.Failed(at.getStartLine(), at.getStartColumn(), message);
        }
        return new Inspection.Failed(0, 0, message);
    }

    static Inspection.Failed locate(PolyglotException e, String fileName, String text) {
        return locate(e, fileName, text, RuleLibraries.NONE);
    }

    /**
     * An import that was refused (or names a library that is not there), at the specifier that leads
     * to {@code target}: in the rule, else in one of the libraries.
     */
    private static Inspection.Failed imported(String target, boolean missing, String text, RuleLibraries libraries) {
        Inspection.Failed found = find(target, missing, text, LibraryFileSystem.ROOT, null);
        if (found != null) return found;
        for (Map.Entry<String, String> lib : libraries.texts().entrySet()) {
            found = find(target, missing, lib.getValue(), LibraryFileSystem.LIB, lib.getKey());
            if (found != null) return found;
        }
        return new Inspection.Failed(0, 0, message(target, missing, target));
    }

    private static Inspection.Failed find(String target, boolean missing, String text, Path base, String library) {
        Matcher m = SPECIFIER.matcher(text);
        while (m.find()) {
            String specifier = m.group(2);
            if (LibraryFileSystem.target(base, specifier).equals(target)) {
                var at = new SourcePositions(text).at(m.start(2) - 1);
                return new Inspection.Failed(at.line(), at.column(), message(specifier, missing, target), library);
            }
        }
        return null;
    }

    private static String message(String specifier, boolean missing, String target) {
        if (missing) return "cannot import \"" + specifier + "\": there is no library file " + target + " in the rules folder";
        return "cannot import \"" + specifier + "\": " + IMPORTABLE;
    }

    /** The library file name of a source the rule imported, or null for the rule's own (which has no path). */
    static String library(Source source) {
        String path = source.getPath();
        if (path == null || !path.startsWith(LibraryFileSystem.LIB + "/")) return null;
        return path.substring(LibraryFileSystem.LIB.toString().length() + 1);
    }

    private static String firstLine(String s) {
        if (s == null) return "error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
