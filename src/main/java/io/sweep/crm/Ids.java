package io.sweep.crm;

import java.util.Optional;

/** Zoho ids travel as strings of up to 19 digits. */
public final class Ids {
    private Ids() {}

    public static Optional<Long> parse(String text) {
        if (text == null || !text.matches("\\d{1,19}")) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
