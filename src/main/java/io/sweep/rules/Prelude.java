package io.sweep.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JavaScript every rule context runs before the rule's own module. It takes away what a
 * rule has no use for, freezes every built-in object so a script cannot change the world the
 * next record (or Sweep's own helpers) sees, and returns {@code install(fileName)}, which makes
 * the two helpers the host calls: {@code invoke} (one record) and {@code inspect} (the exports of
 * a module being validated).
 *
 * <p>The helpers only use built-ins captured before any rule code ran, and they copy what a
 * script returns into fresh plain values, checking each one: the host never touches an object
 * the script made. They answer with one string the host decodes:
 * <ul>
 *   <li>{@code U<json>}: fields to set; {@code S}: skip;</li>
 *   <li>{@code I<message>}: the return value is not acceptable (INVALID_RETURN);</li>
 *   <li>{@code E<line>\t<column>\t<message>}: {@code update} threw (SCRIPT_ERROR); line 0 when unknown.</li>
 * </ul>
 */
final class Prelude {
    static final String NAME = "sweep-prelude.js";

    /** Limits on a returned object; field values never need more. */
    static final int MAX_FIELDS = 500;
    static final int MAX_STRING_CHARS = 100_000;
    static final int MAX_ARRAY_ITEMS = 1_000;
    static final int MAX_TOTAL_CHARS = 1_000_000;
    /** Limits on plain data ({@code rule} metadata, parameters). */
    static final int MAX_DATA_DEPTH = 32;
    static final int MAX_DATA_NODES = 10_000;

    /** The script, read from the class path once: every rule context runs it. */
    private static final String SOURCE = load();

    private Prelude() {}

    static String source() {
        return SOURCE;
    }

    /** The limits above are written into the script where it names them ({@code $MAX_FIELDS} …). */
    private static String load() {
        String text;
        try (InputStream in = Prelude.class.getResourceAsStream(NAME)) {
            if (in == null) throw new IllegalStateException(NAME + " is missing from the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + NAME, e);
        }
        return text.replace("$MAX_FIELDS", Integer.toString(MAX_FIELDS))
                .replace("$MAX_STRING_CHARS", Integer.toString(MAX_STRING_CHARS))
                .replace("$MAX_ARRAY_ITEMS", Integer.toString(MAX_ARRAY_ITEMS))
                .replace("$MAX_TOTAL_CHARS", Integer.toString(MAX_TOTAL_CHARS))
                .replace("$MAX_DATA_DEPTH", Integer.toString(MAX_DATA_DEPTH))
                .replace("$MAX_DATA_NODES", Integer.toString(MAX_DATA_NODES));
    }
}
