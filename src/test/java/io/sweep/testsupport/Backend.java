package io.sweep.testsupport;

import java.util.UUID;

/** The databases Sweep runs on; tests that touch SQL run on both. */
public enum Backend {
    H2, POSTGRES;

    public String newDatabaseUrl() {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            case POSTGRES -> SharedPostgres.newDatabase();
        };
    }
}
