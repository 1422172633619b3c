package io.sweep.massupdate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many fields one mass update may set: a default and per-module exceptions.
 * Written as {@code 1,Deals:3} (Zoho's own limits, the default).
 */
public record Limits(int defaultMaxFields, Map<String, Integer> maxFieldsByModule) {
    public static final String ZOHO_DEFAULT = "1,Deals:3";

    public Limits {
        maxFieldsByModule = Map.copyOf(maxFieldsByModule);
    }

    public int maxFields(String moduleApiName) {
        return maxFieldsByModule.getOrDefault(moduleApiName.toLowerCase(Locale.ROOT), defaultMaxFields);
    }

    public static Limits parse(String text) {
        int def = 1;
        Map<String, Integer> byModule = new HashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int colon = p.indexOf(':');
            if (colon < 0) {
                def = positive(p, text);
            } else {
                byModule.put(p.substring(0, colon).trim().toLowerCase(Locale.ROOT), positive(p.substring(colon + 1).trim(), text));
            }
        }
        return new Limits(def, byModule);
    }

    private static int positive(String n, String whole) {
        try {
            int v = Integer.parseInt(n);
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("max fields per call must look like 1,Deals:3 — got " + whole);
    }
}
