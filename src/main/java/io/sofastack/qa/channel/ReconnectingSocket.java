package io.sofastack.qa.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket a chat platform delivers over (Slack's Socket Mode, DingTalk's Stream mode), kept
 * open: when it ends (the platform asks for a new one, the server closes it, the network drops it) a
 * new one is opened at once with a fresh URL; when connecting fails, after a doubling backoff with
 * ±50 % jitter, so that many bots do not reconnect in step. A connection silent for a keep-alive
 * interval is pinged, and one still silent after another is given up: a half-open TCP connection (a
 * NAT that forgot it, a peer that vanished) would otherwise look alive for hours. Whole text messages
 * go to the endpoint, on the socket's own thread, one at a time.
 */
public final class ReconnectingSocket implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingSocket.class);
    private static final int MAX_BACKOFF_DOUBLINGS = 5;

    /** What a platform's socket needs: where to connect, and what to do with each message. */
    public interface Endpoint {

        /** A fresh URL to connect to (platforms hand out single-use tickets). */
        URI open();

        /** Handles one whole text message; {@code reconnect} asks for a new connection, with why. */
        void onMessage(WebSocket socket, String text, Consumer<String> reconnect);
    }

    private final String name;
    private final Endpoint endpoint;
    private final Duration backoff;
    private final Runnable onReconnect;
    private final Duration keepAlive;
    private java.util.concurrent.ScheduledExecutorService watchdog;
    /** Made at start: an HTTP client holds a selector thread, which a transport that is not used needs not. */
    private HttpClient client;
    private volatile boolean running;
    private volatile Thread loop;
    private volatile WebSocket current;

    /**
     * @param name for logs and the thread
     * @param backoff the first wait after a failed attempt to connect
     * @param onReconnect called each time a connection ended and another is opened (a metric)
     * @param keepAlive how long a connection may be silent before it is pinged (and given up after as long again)
     */
    public ReconnectingSocket(String name, Endpoint endpoint, Duration backoff, Duration keepAlive, Runnable onReconnect) {
        this.name = name;
        this.endpoint = endpoint;
        this.backoff = backoff;
        this.keepAlive = keepAlive;
        this.onReconnect = onReconnect;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                new org.springframework.scheduling.concurrent.CustomizableThreadFactory("socket-keep-alive-"));
        loop = new Thread(this::connectAgainAndAgain, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        loop.setDaemon(true);
        loop.start();
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        Thread thread = loop;
        if (thread != null) {
            thread.interrupt();
        }
        WebSocket socket = current;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "stopping").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
            socket.abort();
        }
    }

    private void connectAgainAndAgain() {
        int failures = 0;
        while (running) {
            CompletableFuture<String> ended = new CompletableFuture<>();
            java.util.concurrent.ScheduledFuture<?> watch = null;
            try {
                URI url = endpoint.open();
                Frames frames = new Frames(ended);
                WebSocket socket = client.newWebSocketBuilder().buildAsync(url, frames).get(30, TimeUnit.SECONDS);
                current = socket;
                failures = 0;
                log.info("{} connected", name);
                watch = watchdog.scheduleWithFixedDelay(() -> frames.checkAlive(socket), keepAlive.toMillis(),
                        Math.max(1, keepAlive.toMillis() / 2), TimeUnit.MILLISECONDS);
                String why = ended.get();
                watch.cancel(false);
                log.info("{} connection ended ({}): connecting again", name, why);
                onReconnect.run();
                WebSocket old = current;
                old.sendClose(WebSocket.NORMAL_CLOSURE, "reconnecting").exceptionally(e -> null);
                old.abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (watch != null) {
                    watch.cancel(false);
                }
                failures++;
                long wait = jittered(failures);
                log.warn("{} could not connect ({}): trying again in {} ms", name, e.getMessage(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private long jittered(int failures) {
        long base = backoff.toMillis() << Math.min(failures - 1, MAX_BACKOFF_DOUBLINGS);
        return (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    /** Gathers a text message from its frames; ends the connection's wait when it closes or fails. */
    private final class Frames implements WebSocket.Listener {
        private final CompletableFuture<String> ended;
        private final StringBuilder message = new StringBuilder();
        private volatile long lastHeard = System.nanoTime();

        Frames(CompletableFuture<String> ended) {
            this.ended = ended;
        }

        /** Pings a connection silent for the keep-alive interval; gives up one silent for twice that. */
        void checkAlive(WebSocket socket) {
            long silent = System.nanoTime() - lastHeard;
            if (silent >= 2 * keepAlive.toNanos()) {
                ended.complete("silent for " + Duration.ofNanos(silent).toMillis() + " ms");
            } else if (silent >= keepAlive.toNanos()) {
                socket.sendPing(java.nio.ByteBuffer.wrap(new byte[] {'q', 'a'}))
                        .whenComplete((sent, failure) -> {
                            if (failure != null) {
                                ended.complete("a ping failed: " + failure.getMessage());
                            }
                        });
            }
        }

        @Override
        public void onOpen(WebSocket socket) {
            lastHeard = System.nanoTime();
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onPong(WebSocket socket, java.nio.ByteBuffer message) {
            lastHeard = System.nanoTime();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket socket, java.nio.ByteBuffer message) {
            lastHeard = System.nanoTime();
            return WebSocket.Listener.super.onPing(socket, message); // answers with a pong, asks for the next
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            lastHeard = System.nanoTime();
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                try {
                    endpoint.onMessage(socket, text, ended::complete);
                } catch (RuntimeException e) {
                    log.error("{} could not handle a message", name, e);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            ended.complete("closed with " + statusCode + (reason.isBlank() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended.complete("failed: " + error.getMessage());
        }
    }
}
