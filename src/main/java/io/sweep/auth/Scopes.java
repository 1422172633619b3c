package io.sweep.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes a token carries, with Zoho's names (compared case-insensitively).
 * {@code ZohoCRM.x.ALL} grants every operation under {@code x}; a module-wide scope grants it
 * for every module. Module names in scopes are lower case without underscores ({@code salesorders}).
 */
public final class Scopes {
    public static final Set<String> ALL_SCOPES = Set.of(
            "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL", "ZohoCRM.users.ALL", "Sweep.admin.ALL");

    private final Set<String> granted;

    private Scopes(Set<String> granted) {
        this.granted = granted;
    }

    public static Scopes of(Collection<String> scopes) {
        return new Scopes(scopes.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Parses the stored form: scopes separated by commas or spaces. */
    public static Scopes parse(String text) {
        return of(Arrays.asList(text.split("[,\\s]+")));
    }

    public String format() {
        return String.join(",", granted);
    }

    /** Whether {@code ZohoCRM.<group>.<operation>} or its per-module form is granted (or an ALL covering it). */
    public boolean permits(String group, String moduleKey, String operation) {
        String base = "zohocrm." + group.toLowerCase(Locale.ROOT);
        String op = operation.toLowerCase(Locale.ROOT);
        return granted.contains(base + ".all")
                || granted.contains(base + "." + op)
                || (moduleKey != null && (granted.contains(base + "." + moduleKey + ".all")
                        || granted.contains(base + "." + moduleKey + "." + op)));
    }

    public boolean contains(String scope) {
        return granted.contains(scope.toLowerCase(Locale.ROOT));
    }

    public Set<String> asSet() {
        return granted;
    }
}
