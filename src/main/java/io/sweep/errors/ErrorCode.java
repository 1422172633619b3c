package io.sweep.errors;

/**
 * Every error Sweep answers on its Zoho-compatible surface: HTTP status, Zoho's code and
 * Zoho's message. These codes are the API's contract, yet it is the domain (validation, jobs,
 * records, sessions) that decides which one applies, so the table lives below every domain
 * package. Domain code and handlers only throw {@link ApiException} with one of these and its
 * details; turning that into an HTTP answer happens once, in {@code io.sweep.api.ErrorRenderer}.
 */
public enum ErrorCode {
    INVALID_TOKEN(401, "INVALID_TOKEN", "invalid oauth token"),
    AUTHENTICATION_FAILURE(401, "AUTHENTICATION_FAILURE", "Authentication failed"),
    OAUTH_SCOPE_MISMATCH(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL"),
    /** Browser login: unknown e-mail and wrong password answer alike. */
    INVALID_CREDENTIALS(401, "INVALID_CREDENTIALS", "Wrong email or password."),
    /** Browser login throttled; the message names the seconds and a Retry-After header carries them. */
    TOO_MANY_ATTEMPTS(429, "TOO_MANY_ATTEMPTS", "Too many failed attempts; try again later."),
    /** A cookie-authenticated change without the session's X-CSRF-Token, or any cookie request from a foreign Origin. */
    INVALID_CSRF_TOKEN(403, "INVALID_CSRF_TOKEN", "Missing or invalid CSRF token."),

    FIELD_EDIT_PERMISSION(403, "NO_PERMISSION", "Field Edit Permission not given"),
    CUSTOMVIEW_NOT_ACCESSIBLE(403, "NO_PERMISSION", "Customview not accessible"),
    PERMISSION_DENIED(403, "NO_PERMISSION", "permission denied"),
    NO_RECORDS_FOUND(400, "NO_RECORDS_FOUND", "No record found to update"),
    ALREADY_SCHEDULED(200, "ALREADY_SCHEDULED", "Already a Mass Action scheduler is running for the given cvid"),
    RECORD_COUNT_EXCEEDED(200, "LIMIT_EXCEEDED", "Record count exceeded"),
    RECORD_IN_BLUEPRINT(200, "RECORD_IN_BLUEPRINT", "The record is in blue print"),
    MANDATORY_NOT_FOUND(400, "MANDATORY_NOT_FOUND", "required field not found"),
    MANDATORY_PARAM_MISSING(400, "MANDATORY_NOT_FOUND", "mandatory param missing"),
    INVALID_DATA(400, "INVALID_DATA", "invalid data"),
    DUPLICATE_DATA(400, "DUPLICATE_DATA", "duplicate data"),
    INVALID_ID(400, "INVALID_DATA", "the id given seems to be invalid"),
    FIELD_NOT_MASS_UPDATABLE(400, "INVALID_DATA", "This field cannot be updated in the Mass Update"),
    MAX_FIELD_LIMIT(400, "INVALID_DATA", "Max field limit exceeded"),
    NO_FIELD_FOUND(400, "INVALID_DATA", "No field found"),
    IDS_LIMIT_EXCEEDED(400, "LIMIT_EXCEEDED", "more than 500 ids"),
    LIMIT_EXCEEDED(400, "LIMIT_EXCEEDED", "limit exceeded"),
    QUERY_TIMEOUT(400, "LIMIT_EXCEEDED", "the query ran longer than the time a read may take; narrow the criteria"),
    INVALID_MODULE(400, "INVALID_MODULE", "the module name given seems to be invalid"),
    UNABLE_TO_PARSE_DATA_TYPE(400, "UNABLE_TO_PARSE_DATA_TYPE", "either the request body or parameters is in wrong format"),
    INVALID_QUERY(400, "INVALID_QUERY", "invalid query formed"),
    NOT_SUPPORTED(400, "NOT_SUPPORTED", "this feature is not supported"),
    INVALID_URL_PATTERN(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one"),
    NOT_FOUND(404, "NOT_FOUND", "Empty response"),
    INVALID_REQUEST_METHOD(405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one"),
    NOT_ACCEPTABLE(406, "NOT_ACCEPTABLE", "this URL answers only with Accept: text/event-stream"),
    BODY_TOO_LARGE(413, "LIMIT_EXCEEDED", "request body too large"),
    SIGNATURE_INVALID(401, "INVALID_SIGNATURE", "the request signature is missing or wrong"),
    SIGNATURE_EXPIRED(401, "INVALID_SIGNATURE", "the request timestamp is more than 5 minutes away; a replay is refused"),
    SIGNATURE_REPLAYED(401, "INVALID_SIGNATURE",
            "this signed request was delivered before; a replay is refused (sign with a new timestamp, or send an Idempotency-Key to get the first job)"),
    /** The Idempotency-Key of an earlier delivery with another body: the sender reused a key for a new request. */
    IDEMPOTENCY_KEY_REUSED(422, "IDEMPOTENCY_KEY_REUSED",
            "this Idempotency-Key was used before with another body; send a new request with a new key"),
    /** Too many deliveries wait for the rule's running job; a Retry-After header says when to send again. */
    WEBHOOK_QUEUE_FULL(429, "TOO_MANY_REQUESTS", "too many deliveries are waiting for this rule; send this one again later"),
    /** A token over its calls per minute or at once on this node (SWEEP_RATE_LIMIT_*); a Retry-After header says when to call again. */
    RATE_LIMITED(429, "TOO_MANY_REQUESTS", "too many requests continuously"),
    RULE_INVALID(400, "INVALID_DATA", "the rule has problems"),
    SCRIPT_ERROR(400, "SCRIPT_ERROR", "the rule's update failed on this record"),
    INVALID_RETURN(400, "INVALID_RETURN", "the rule's update returned something other than fields to set"),
    CONFLICT(409, "CONFLICT", "the record was changed since"),
    INVALID_JOB_STATE(400, "INVALID_DATA", "the job is not in a state that allows this"),
    INTERNAL_ERROR(500, "INTERNAL_ERROR", "Internal Server Error"),
    /** {@code /health/ready}: the database did not answer in time. */
    NOT_READY(503, "SERVICE_UNAVAILABLE", "the server is not ready: its database did not answer in time");

    private final int httpStatus;
    private final String code;
    private final String message;

    ErrorCode(int httpStatus, String code, String message) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.message = message;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** Zoho answers these with HTTP 200, wrapped like a result: {@code {"data":[{…}]}}. */
    public boolean wrappedInData() {
        return httpStatus == 200;
    }
}
