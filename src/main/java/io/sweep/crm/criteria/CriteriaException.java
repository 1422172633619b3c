package io.sweep.crm.criteria;

import java.util.Optional;

/** A criteria that cannot be accepted: bad syntax, unknown field, wrong comparator or value. */
public final class CriteriaException extends RuntimeException {
    private static final int SHOWN_CHARS = 200;

    private final String field;
    private final String path;

    public CriteriaException(String message) {
        this(message, null);
    }

    public CriteriaException(String message, String field) {
        this(message, field, null);
    }

    private CriteriaException(String message, String field, String path) {
        super(message);
        this.field = field;
        this.path = path;
    }

    /** Where in a criteria JSON the problem is, e.g. {@code group[1].value}, when the reader knows. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** The same problem, located at {@code path} unless it already is. */
    CriteriaException at(String where) {
        return path != null ? this : new CriteriaException(getMessage(), field, where);
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
