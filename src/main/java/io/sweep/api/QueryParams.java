package io.sweep.api;

import io.javalin.http.Context;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.util.Map;

/** Query parameters both HTTP surfaces read the same way. */
public final class QueryParams {
    private QueryParams() {}

    /** A whole number in [min, max], {@code def} when absent; anything else is INVALID_DATA naming the parameter. */
    public static int intParam(Context ctx, String name, int def, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) return def;
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", name), "invalid value for " + name);
    }
}
