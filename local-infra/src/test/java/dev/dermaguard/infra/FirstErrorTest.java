package dev.dermaguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** On the lines Kafka 4.1 logged here when a listener's port was taken, and when its configuration was refused. */
class FirstErrorTest {

    private static final List<String> PORT_TAKEN = List.of(
            "[main] INFO kafka.network.SocketServer - [SocketServer listenerType=BROKER, nodeId=1] Enabling request processing.",
            "[main] ERROR kafka.network.DataPlaneAcceptor - Unable to start acceptor for PLAINTEXT",
            "org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:39999: Address already in use.",
            "\tat org.apache.kafka.server.ServerSocketFactory$KafkaServerSocketFactory.openServerSocket(ServerSocketFactory.java:56)",
            "\tat kafka.network.Acceptor.openServerSocket(SocketServer.scala:634)",
            "[main] ERROR kafka.server.BrokerServer - [BrokerServer id=1] Received a fatal error while waiting for all of the"
                    + " SocketServer Acceptors to be started",
            "java.lang.RuntimeException: Unable to start acceptor for PLAINTEXT",
            "[main] INFO kafka.server.BrokerServer - [BrokerServer id=1] Transition from STARTING to STARTED");

    private static final List<String> REFUSED_CONFIGURATION = List.of(
            "[main] ERROR kafka.Kafka$ -  FATAL Exiting Kafka due to fatal exception",
            "org.apache.kafka.common.config.ConfigException: Invalid value 0 for configuration num.partitions: Value must be at least 1",
            "\tat org.apache.kafka.common.config.ConfigDef$Range.ensureValid(ConfigDef.java:989)");

    @Test
    void keepsTheFirstErrorAndItsCauseButNotItsStackOrLaterErrors() {
        FirstError error = read(PORT_TAKEN);

        assertEquals("; its first error:" + System.lineSeparator() + PORT_TAKEN.get(1) + System.lineSeparator()
                + PORT_TAKEN.get(2), error.describe());
        assertTrue(error.portTaken());
    }

    @Test
    void anErrorOtherThanATakenPortIsNotOneAnotherPortMends() {
        FirstError error = read(REFUSED_CONFIGURATION);

        assertTrue(error.describe().contains("Invalid value 0 for configuration num.partitions"), error.describe());
        assertFalse(error.portTaken());
    }

    @Test
    void saysNothingWhenNothingWentWrong() {
        FirstError error = read(List.of("[main] INFO kafka.server.KafkaRaftServer - [KafkaRaftServer nodeId=1] Kafka Server started"));

        assertEquals("", error.describe());
        assertFalse(error.portTaken());
    }

    private static FirstError read(List<String> log) {
        FirstError error = new FirstError();
        log.forEach(error);
        return error;
    }
}
