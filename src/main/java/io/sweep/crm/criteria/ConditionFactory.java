package io.sweep.crm.criteria;

import io.sweep.crm.Field;
import io.sweep.crm.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the search-string and view readers share: field lookup and value conversion. */
final class ConditionFactory {
    private ConditionFactory() {}

    /** A field the caller may not see is reported exactly as one that does not exist. */
    static Field field(Module module, String apiName, Predicate<Field> visible) {
        return module.field(apiName).filter(visible)
                .orElseThrow(() -> new CriteriaException(
                        "unknown field %s in module %s".formatted(CriteriaException.shorten(apiName), module.apiName()), apiName));
    }

    /** Checks the comparator first, so "starts_with on a number" is reported as that, not as a bad number. */
    static Condition condition(Field field, Comparator comparator, List<String> rawValues) {
        Condition.requireApplicable(field, comparator);
        List<Object> values = new ArrayList<>(rawValues.size());
        for (String raw : rawValues) values.add(CriteriaValues.parse(field, raw));
        return new Condition(field, comparator, values);
    }
}
