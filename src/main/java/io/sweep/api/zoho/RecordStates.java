package io.sweep.api.zoho;

import io.javalin.http.Context;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Zoho's {@code converted} and {@code approved} parameters of record lists and searches, each
 * {@code true}, {@code false} or {@code both}. Sweep's records have neither state: none was ever
 * converted and none waits for approval, so Zoho's defaults ({@code converted=false},
 * {@code approved=true}) and {@code both} mean every record, and {@code converted=true} or
 * {@code approved=false} none.
 */
final class RecordStates {
    private static final Set<String> VALUES = Set.of("true", "false", "both");

    private RecordStates() {}

    /** Whether the parameters leave no record to list; a value Zoho does not know is INVALID_DATA naming its parameter. */
    static boolean selectNothing(Context ctx) {
        String converted = value(ctx, "converted");
        String approved = value(ctx, "approved");
        return "true".equals(converted) || "false".equals(approved);
    }

    private static String value(Context ctx, String param) {
        String value = ctx.queryParam(param);
        if (value == null) return null;
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!VALUES.contains(v)) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", param), param + " must be true, false or both");
        return v;
    }
}
