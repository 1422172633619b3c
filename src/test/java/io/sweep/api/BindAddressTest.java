package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code SWEEP_BIND}: bound to 127.0.0.1 the server answers on the loopback address only; by
 * default it answers on every interface (here: the machine's other IPv4 address, when it has one).
 */
class BindAddressTest {
    @Test
    void bound_to_loopback_it_answers_there_and_not_on_the_machines_other_address() throws Exception {
        var server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false).withBind("127.0.0.1"));
        try {
            int port = server.app().port();
            assertThat(server.http().get("/health").status()).isEqualTo(200);
            assertThat(accepts(InetAddress.getByName("127.0.0.1"), port)).isTrue();
            Optional<InetAddress> other = otherAddress();
            other.ifPresent(address -> assertThat(accepts(address, port)).as("listening on %s", address).isFalse());
        } finally {
            server.stop();
        }
    }

    @Test
    void by_default_it_answers_on_every_interface() throws Exception {
        var server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false));
        try {
            int port = server.app().port();
            assertThat(accepts(InetAddress.getByName("127.0.0.1"), port)).isTrue();
            otherAddress().ifPresent(address -> assertThat(accepts(address, port)).as("listening on %s", address).isTrue());
        } finally {
            server.stop();
        }
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> otherAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(n -> {
                    try {
                        return n.isUp() && !n.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
