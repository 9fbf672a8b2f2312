package io.sofastack.qa.channel;

import java.time.Duration;

/** {@link ChannelProperties} as the application defaults them, for tests that build the parts by hand. */
public final class ChannelSettings {

    private ChannelSettings() {
    }

    public static ChannelProperties defaults(String stateDir) {
        return new ChannelProperties(65536, stateDir, Duration.ofHours(1), 1, 10, 3, 1, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofMinutes(10), 3, Duration.ofSeconds(2));
    }

    public static ChannelProperties withTimeouts(Duration connect, Duration read) {
        return new ChannelProperties(65536, "unused", Duration.ofHours(1), 1, 10, 3, 1, connect, read,
                Duration.ofMinutes(10), 3, Duration.ofSeconds(2));
    }
}
