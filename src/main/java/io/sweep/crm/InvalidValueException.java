package io.sweep.crm;

/** A value that does not fit its field's type; Zoho reports the field and the expected type. */
public final class InvalidValueException extends RuntimeException {
    private final transient Field field;

    public InvalidValueException(Field field, String reason) {
        super(field.apiName() + ": " + reason);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
