package io.sweep.crm.criteria;

import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

class CriteriaSqlOnH2Test extends CriteriaSqlContract {
    // an in-memory H2 database lives as long as one connection to it is open
    private Handle keepAlive;

    @Override
    protected Jdbi open() {
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:criteria-" + UUID.randomUUID());
        keepAlive = jdbi.open();
        return jdbi;
    }

    @Override
    protected void close() {
        keepAlive.close();
    }
}
