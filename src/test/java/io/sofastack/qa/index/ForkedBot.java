package io.sofastack.qa.index;

import io.sofastack.qa.QaBotApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The bot in a JVM of its own, which a test can kill with SIGKILL at any moment. */
public final class ForkedBot implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ForkedBot(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ForkedBot start(Path corpus, Path index, Path state, Path log) throws IOException {
        return start(List.of("--qa.corpus.paths=" + corpus, "--qa.index.dir=" + index, "--qa.channel.state-dir=" + state,
                "--qa.index.embedding-batch=8"), log);
    }

    /** The bot with these arguments (besides its port), logging to {@code log}. */
    public static ForkedBot start(List<String> arguments, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), QaBotApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ForkedBot(process, log, port);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    void awaitLog(String regex, Duration timeout) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (pattern.matcher(log()).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the bot exited before logging " + regex + ":\n" + log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the bot did not log " + regex + " within " + timeout + ":\n" + log());
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListening) {
                // not yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the bot exited:\n" + log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the bot was not ready within " + timeout + ":\n" + log());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> ask(String jsonBody) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** SIGKILL: no shutdown hook, no chance to commit or close anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
            }
        }
    }
}
