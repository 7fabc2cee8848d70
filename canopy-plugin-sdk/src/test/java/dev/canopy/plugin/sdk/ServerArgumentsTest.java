package dev.canopy.plugin.sdk;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerArgumentsTest {

    @Test
    void defaultsToAnyFreePortOnLoopback() {
        assertThat(ServerArguments.parse(new String[0], Map.of())).isEqualTo(new ServerArguments("127.0.0.1", 0));
    }

    @Test
    void takesThePortFromTheEnvironmentUnlessGiven() {
        assertThat(ServerArguments.parse(new String[0], Map.of("CANOPY_PLUGIN_PORT", "50051")).port()).isEqualTo(50051);
        assertThat(ServerArguments.parse(new String[]{"--port=6000"}, Map.of("CANOPY_PLUGIN_PORT", "50051")).port())
                .isEqualTo(6000);
        assertThat(ServerArguments.parse(new String[]{"--host", "0.0.0.0", "--port", "7"}, Map.of()))
                .isEqualTo(new ServerArguments("0.0.0.0", 7));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ServerArguments.parse(new String[]{"--verbose"}, Map.of()))
                .hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> ServerArguments.parse(new String[]{"--port=http"}, Map.of()))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> ServerArguments.parse(new String[]{"--port=70000"}, Map.of()))
                .hasMessageContaining("between 0 and 65535");
    }
}
