package io.sweep.massupdate;

import io.sweep.crm.Field;

/** One field to set, with its parsed value (Java type per {@link io.sweep.crm.FieldValues}). */
public record FieldUpdate(Field field, Object value) {}
