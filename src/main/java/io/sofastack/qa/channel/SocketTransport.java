package io.sofastack.qa.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform's WebSocket transport (Slack's Socket Mode, DingTalk's Stream mode) as part of the
 * application's life: connected after start-up when it is configured, closed at shutdown, each
 * reconnection counted in {@code qa_channel_socket_reconnects_total} by platform. Frames are JSON on
 * both platforms; one that is not is logged and ignored.
 */
public abstract class SocketTransport implements SmartLifecycle, ReconnectingSocket.Endpoint {

    private static final Logger log = LoggerFactory.getLogger(SocketTransport.class);

    /** For the platform's API calls (the URL to connect to), with the channels' timeouts. */
    protected final RestClient restClient;
    protected final JsonMapper jsonMapper;
    private final String name;
    private final boolean configured;
    private final ReconnectingSocket socket;

    /**
     * @param configured whether this transport is the one the platform was configured with
     * @param backoff the first wait after a failed attempt to connect
     */
    protected SocketTransport(String name, String platform, boolean configured, Duration backoff, ChannelProperties channels,
                              OutboundHttp outbound, JsonMapper jsonMapper, MeterRegistry meters) {
        this.name = name;
        this.configured = configured;
        this.restClient = outbound.restClient();
        this.jsonMapper = jsonMapper;
        this.socket = new ReconnectingSocket(name, this, backoff, channels.socketKeepAlive(),
                () -> meters.counter("qa.channel.socket.reconnects", "platform", platform).increment());
    }

    /** Handles one JSON frame; {@code reconnect} asks for a new connection, with why. */
    protected abstract void onFrame(WebSocket connection, JsonNode frame, Consumer<String> reconnect);

    @Override
    public final void onMessage(WebSocket connection, String text, Consumer<String> reconnect) {
        JsonNode frame;
        try {
            frame = jsonMapper.readTree(text);
        } catch (RuntimeException e) {
            log.warn("{} sent a frame that is not JSON: ignored", name);
            return;
        }
        onFrame(connection, frame, reconnect);
    }

    @Override
    public final void start() {
        if (configured) {
            socket.start();
        }
    }

    @Override
    public final void stop() {
        socket.close();
    }

    @Override
    public final boolean isRunning() {
        return socket.isRunning();
    }
}
