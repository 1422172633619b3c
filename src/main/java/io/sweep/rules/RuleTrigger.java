package io.sweep.rules;

import java.util.Locale;

/** What started a rule run; the script sees it as {@code ctx.trigger}. */
public enum RuleTrigger {
    MANUAL, WEBHOOK, SCHEDULE;

    /** The name the script sees: {@code "manual"}, {@code "webhook"} or {@code "schedule"}. */
    public String jsName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
