package io.sweep.crm.criteria;

import java.util.Optional;

/** A criteria that cannot be accepted: bad syntax, unknown field, wrong comparator or value. */
public final class CriteriaException extends RuntimeException {
    private static final int SHOWN_CHARS = 200;

    private final String field;
    private final String path;
    private final Limit limit;

    /** A bound on the size of criteria (see {@link CriteriaLimits}): its name as clients see it, and its value. */
    public record Limit(String name, int value) {}

    public CriteriaException(String message) {
        this(message, null);
    }

    public CriteriaException(String message, String field) {
        this(message, field, null);
    }

    private CriteriaException(String message, String field, String path) {
        this(message, field, path, null);
    }

    private CriteriaException(String message, String field, String path, Limit limit) {
        super(message);
        this.field = field;
        this.path = path;
        this.limit = limit;
    }

    /** Criteria larger than one of the bounds that keep a query's cost bounded. */
    static CriteriaException limitExceeded(String message, String limitName, int limit) {
        return new CriteriaException(message, null, null, new Limit(limitName, limit));
    }

    /** The bound exceeded, when the criteria is refused for its size rather than its content. */
    public Optional<Limit> limit() {
        return Optional.ofNullable(limit);
    }

    /** Where in a criteria JSON the problem is, e.g. {@code group[1].value}, when the reader knows. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** The same problem, located at {@code path} unless it already is. */
    CriteriaException at(String where) {
        return path != null ? this : new CriteriaException(getMessage(), field, where, limit);
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
