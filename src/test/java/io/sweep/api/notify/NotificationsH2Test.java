package io.sweep.api.notify;

import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.SettableClock;
import io.sweep.testsupport.TestServer;
import java.util.List;
import java.util.function.UnaryOperator;

class NotificationsH2Test extends NotificationsContract {
    @Override
    List<TestServer> startNodes(UnaryOperator<Config> customize, SettableClock clock) {
        return List.of(TestServer.start(Backend.H2.newDatabaseUrl(), customize, clock));
    }
}
