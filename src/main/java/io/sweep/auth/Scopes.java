package io.sweep.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes a token carries, with Zoho's names (compared case-insensitively).
 * {@code ZohoCRM.x.ALL} grants every operation under {@code x}; a module-wide scope grants it
 * for every module. Module names in scopes are lower case without underscores ({@code salesorders}).
 * Sweep's own API has scopes of its own, {@code Sweep.<area>.<operation>}: {@code Sweep.<area>.ALL}
 * grants every operation of the area and {@code Sweep.admin.ALL} every Sweep scope.
 */
public final class Scopes {
    public static final Set<String> ALL_SCOPES = Set.of(
            "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL", "ZohoCRM.users.ALL", "ZohoCRM.org.ALL", "Sweep.admin.ALL");

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

    /** Whether {@code Sweep.<area>.<operation>} is granted, or {@code Sweep.<area>.ALL}, or {@code Sweep.admin.ALL}. */
    public boolean permitsSweep(String area, String operation) {
        String base = "sweep." + area.toLowerCase(Locale.ROOT);
        return granted.contains("sweep.admin.all") || granted.contains(base + ".all")
                || granted.contains(base + "." + operation.toLowerCase(Locale.ROOT));
    }

    /**
     * Every scope name Sweep understands, in Zoho's spelling: the module-wide ones first, then
     * the per-module ones for these modules (scope keys such as {@code leads}).
     */
    public static List<String> known(Collection<String> moduleKeys) {
        List<String> names = new ArrayList<>(List.of(
                "ZohoCRM.mass_update.ALL", "ZohoCRM.mass_update.READ", "ZohoCRM.mass_update.UPDATE",
                "ZohoCRM.modules.ALL", "ZohoCRM.modules.READ", "ZohoCRM.modules.CREATE", "ZohoCRM.modules.UPDATE", "ZohoCRM.modules.DELETE",
                "ZohoCRM.settings.ALL", "ZohoCRM.settings.READ", "ZohoCRM.settings.modules.READ", "ZohoCRM.settings.fields.READ",
                "ZohoCRM.settings.custom_views.READ", "ZohoCRM.settings.custom_views.ALL", "ZohoCRM.settings.territories.READ",
                "ZohoCRM.users.ALL", "ZohoCRM.users.READ", "ZohoCRM.org.ALL", "ZohoCRM.org.READ", "ZohoCRM.settings.layouts.READ",
                "Sweep.admin.ALL", "Sweep.rules.ALL", "Sweep.rules.READ", "Sweep.tokens.ALL", "Sweep.tokens.READ", "Sweep.users.ALL",
                "Sweep.audit.READ", "Sweep.notifications.ALL", "Sweep.notifications.READ",
                "Sweep.metrics.READ", "Sweep.backup.READ"));
        for (String m : moduleKeys) {
            for (String op : List.of("ALL", "READ", "UPDATE")) names.add("ZohoCRM.mass_update." + m + "." + op);
            for (String op : List.of("ALL", "READ", "CREATE", "UPDATE", "DELETE")) names.add("ZohoCRM.modules." + m + "." + op);
        }
        return names;
    }

    /**
     * Whether these scopes grant everything {@code scope} grants, so a token can only hand out
     * what it has: {@code ZohoCRM.<group>[.<key>].<operation>} through {@link #permits},
     * {@code Sweep.<area>.<operation>} through {@link #permitsSweep}, any other name only when held as it is.
     */
    public boolean covers(String scope) {
        String s = scope.trim().toLowerCase(Locale.ROOT);
        if (granted.contains(s)) return true;
        String[] parts = s.split("\\.");
        if (parts[0].equals("sweep")) return parts.length == 3 && permitsSweep(parts[1], parts[2]);
        if (!parts[0].equals("zohocrm")) return false;
        return switch (parts.length) {
            case 3 -> permits(parts[1], null, parts[2]);
            case 4 -> permits(parts[1], parts[2], parts[3]);
            default -> false;
        };
    }

    public boolean contains(String scope) {
        return granted.contains(scope.toLowerCase(Locale.ROOT));
    }

    public Set<String> asSet() {
        return granted;
    }
}
