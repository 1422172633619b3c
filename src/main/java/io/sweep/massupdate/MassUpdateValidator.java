package io.sweep.massupdate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.ModulePermission;
import io.sweep.auth.Principal;
import io.sweep.crm.Field;
import io.sweep.crm.FieldValues;
import io.sweep.crm.InvalidValueException;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request-level rules of a mass update (SPEC §1.2, §1.4), checked once for every way of
 * starting one: module permission, field count, which fields may be mass updated, field edit
 * permission, and the type of each value.
 */
public final class MassUpdateValidator {
    private final Limits limits;

    public MassUpdateValidator(Limits limits) {
        this.limits = limits;
    }

    /**
     * One record's own values checked as an overwriting mass update by {@code principal} would be
     * (what a rule returns, what an undo puts back): a plan that sets them, or fails that record
     * with the error the check raised.
     */
    public Plan planSetting(Principal principal, Module module, Map<String, JsonNode> values) {
        try {
            Map<Field, Object> set = new java.util.HashMap<>();
            for (FieldUpdate u : validate(principal, module, values, true).updates()) set.put(u.field(), u.value());
            return new Plan.Set(set);
        } catch (ApiException e) {
            return new Plan.Fail(e.error(), explain(module, values, e));
        }
    }

    /**
     * A record's failure in words a rule's author acts on: an unknown field said to be unknown (the
     * Zoho code cannot tell it from a field that may not be mass updated), a bad value named with
     * what is allowed. The Zoho code and details stay the error's.
     */
    private static String explain(Module module, Map<String, JsonNode> values, ApiException e) {
        if (e.details().get("api_name") instanceof String name) {
            var field = module.field(name);
            if (field.isEmpty()) return name + ": unknown field (" + module.apiName() + " has no field " + name + ")";
            if (e.error() == ErrorCode.FIELD_NOT_MASS_UPDATABLE) return name + ": this field cannot be updated in a mass update";
            if (e.error() == ErrorCode.INVALID_DATA && values.get(name) != null) {
                try {
                    FieldValues.parse(field.get(), values.get(name));
                } catch (InvalidValueException reason) {
                    return reason.getMessage();
                }
            }
        }
        return e.zohoMessage() + (e.details().isEmpty() ? "" : " " + e.details());
    }

    public MassUpdate validate(Principal principal, Module module, Map<String, JsonNode> values, boolean overWrite) {
        if (!principal.profile().module(module.id()).canMassUpdate()) {
            throw ModulePermission.denied("Mass_Update", module);
        }
        if (values.isEmpty()) throw ApiException.aboutDataEntry(ErrorCode.NO_FIELD_FOUND, Map.of());
        if (values.size() > limits.maxFields(module.apiName())) throw ApiException.aboutDataEntry(ErrorCode.MAX_FIELD_LIMIT, Map.of());
        List<FieldUpdate> updates = new ArrayList<>();
        for (var entry : values.entrySet()) {
            Field field = module.field(entry.getKey())
                    .filter(Field::massUpdatable)
                    .orElseThrow(() -> ApiException.aboutDataEntry(ErrorCode.FIELD_NOT_MASS_UPDATABLE, Map.of("api_name", entry.getKey())));
            if (!principal.profile().mayEditField(field.id())) {
                throw ApiException.aboutDataEntry(ErrorCode.FIELD_EDIT_PERMISSION, Map.of("api_name", field.apiName()));
            }
            updates.add(new FieldUpdate(field, parse(field, entry.getValue())));
        }
        return new MassUpdate(principal, module, updates, overWrite);
    }

    /**
     * The checks that need no profile: a field at all, the field count, fields that may be mass
     * updated, and the type of each value. For the Activities view, whose records then answer
     * each to its own module's permissions.
     */
    public void validateValues(Module module, Map<String, JsonNode> values) {
        if (values.isEmpty()) throw ApiException.aboutDataEntry(ErrorCode.NO_FIELD_FOUND, Map.of());
        if (values.size() > limits.maxFields(module.apiName())) throw ApiException.aboutDataEntry(ErrorCode.MAX_FIELD_LIMIT, Map.of());
        for (var entry : values.entrySet()) {
            Field field = module.field(entry.getKey())
                    .filter(Field::massUpdatable)
                    .orElseThrow(() -> ApiException.aboutDataEntry(ErrorCode.FIELD_NOT_MASS_UPDATABLE, Map.of("api_name", entry.getKey())));
            parse(field, entry.getValue());
        }
    }

    static Object parse(Field field, JsonNode value) {
        try {
            return FieldValues.parse(field, value);
        } catch (InvalidValueException e) {
            throw ApiException.aboutDataEntry(ErrorCode.INVALID_DATA, Map.of("api_name", field.apiName(), "expected_data_type", field.dataType().apiName()));
        }
    }
}
