package io.sweep.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused with one of Zoho's codes, its message and details. The name is the Zoho
 * API's: any layer that refuses a request raises it, and only {@code io.sweep.api} renders it.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode error;
    private final Map<String, Object> details;
    private final String messageOverride;

    public ApiException(ErrorCode error, Map<String, ?> details) {
        this(error, details, null);
    }

    public ApiException(ErrorCode error, Map<String, ?> details, String messageOverride) {
        super(error.code() + ": " + (messageOverride != null ? messageOverride : error.message()));
        this.error = error;
        this.details = new LinkedHashMap<>(details);
        this.messageOverride = messageOverride;
    }

    public ApiException(ErrorCode error) {
        this(error, Map.of());
    }

    public ErrorCode error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }

    public String zohoMessage() {
        return messageOverride != null ? messageOverride : error.message();
    }
}
