package io.sweep.jobs;

import java.util.Locale;

/** What started a job. */
public enum Trigger {
    API, RULE, WEBHOOK, SCHEDULE, UNDO;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Trigger fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
