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
    private final boolean aboutDataEntry;

    public ApiException(ErrorCode error, Map<String, ?> details) {
        this(error, details, null);
    }

    public ApiException(ErrorCode error, Map<String, ?> details, String messageOverride) {
        this(error, details, messageOverride, false);
    }

    private ApiException(ErrorCode error, Map<String, ?> details, String messageOverride, boolean aboutDataEntry) {
        super(error.code() + ": " + (messageOverride != null ? messageOverride : error.message()));
        this.error = error;
        this.details = new LinkedHashMap<>(details);
        this.messageOverride = messageOverride;
        this.aboutDataEntry = aboutDataEntry;
    }

    /**
     * A failure of the mass update body's {@code data} entry (a field, its value, the field count):
     * Zoho answers these wrapped in {@code {"data":[…]}} with their own HTTP status (SPEC §1.4).
     */
    public static ApiException aboutDataEntry(ErrorCode error, Map<String, ?> details) {
        return new ApiException(error, details, null, true);
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

    public boolean aboutDataEntry() {
        return aboutDataEntry;
    }

    public String zohoMessage() {
        return messageOverride != null ? messageOverride : error.message();
    }
}
