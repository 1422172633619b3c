package io.sweep.crm.criteria;

import java.util.Optional;

/** A criteria that cannot be accepted: bad syntax, unknown field, wrong comparator or value. */
public final class CriteriaException extends RuntimeException {
    private static final int SHOWN_CHARS = 200;

    private final String field;

    public CriteriaException(String message) {
        this(message, null);
    }

    public CriteriaException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The API name of the field at fault, when there is one (for {@code details.api_name}). */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Client text goes into messages; a huge one is cut so the message stays readable. */
    static String shorten(String clientText) {
        return clientText.length() <= SHOWN_CHARS ? clientText : clientText.substring(0, SHOWN_CHARS) + "…";
    }
}
