package io.sweep.api.hooks;

import org.junit.jupiter.api.Tag;
import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.util.List;
import java.util.function.UnaryOperator;

@Tag("slow")
class WebhookDeliveryH2Test extends WebhookDeliveryContract {
    @Override
    List<TestServer> startNodes(UnaryOperator<Config> customize) {
        return List.of(TestServer.start(Backend.H2.newDatabaseUrl(), customize));
    }
}
