package io.sweep.jobs;

/** One record's result in a job: status (PENDING, UPDATED, FAILED, SKIPPED), code, message, and before/after values as JSON text. */
public record JobResult(long recordId, String status, String code, String message, String beforeValues, String afterValues) {}
