package io.sweep.crm;

import java.util.List;

/**
 * One field of a module, as described by the metadata tables. {@code column} is the SQL
 * column of the module's record table; SQL only ever names columns taken from here.
 */
public record Field(
        long id,
        long moduleId,
        String apiName,
        String label,
        String column,
        DataType dataType,
        int length,
        Integer decimalPlace,
        boolean readOnly,
        boolean systemMandatory,
        boolean customField,
        boolean visible,
        boolean massUpdateFlag,
        Long lookupModuleId,
        int sequenceNumber,
        List<PicklistValue> picklistValues) {

    public Field {
        picklistValues = List.copyOf(picklistValues);
    }

    /** Zoho's rule: the metadata flag, and never for types Zoho excludes or read-only fields. */
    public boolean massUpdatable() {
        return massUpdateFlag && dataType.massUpdatable() && !readOnly;
    }

    public boolean hasPicklistValue(String value) {
        return picklistValues.stream().anyMatch(v -> v.actualValue().equals(value));
    }
}
