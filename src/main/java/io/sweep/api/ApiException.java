package io.sweep.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request-level failure with Zoho's code, message and details. */
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
