package io.sofastack.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * README's run command, {@code ./qa-bot}, on what {@code mvn package} built: it starts the bot from the
 * class data archive the build recorded, and the bot answers. Runs after packaging (failsafe).
 */
class LauncherIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theRunCommandStartsFromTheRecordedClassArchiveAndAnswers() throws Exception {
        assumeFalse(Boolean.getBoolean("skipCds"), "built with -DskipCds=true: there is no class data archive to start from");
        assertThat(Path.of("target/app/app.jsa")).as("the archive mvn package records").isRegularFile();
        int port = freePort();
        Path classLog = dir.resolve("class-load.txt");
        Path log = dir.resolve("bot.log");
        ProcessBuilder launcher = new ProcessBuilder("./qa-bot", "--server.port=" + port, "--server.address=127.0.0.1",
                "--qa.index.dir=" + dir.resolve("index"), "--qa.channel.state-dir=" + dir.resolve("state"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        launcher.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        Process bot = launcher.start();
        try {
            awaitHealthy(bot, port, log);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("question", "SOFAJRaft 加载快照之后日志是怎么重放的？"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(answer.body());
            assertThat(body.get("grounded").asBoolean()).as(answer.body()).isTrue();
            assertThat(body.get("sources").get(0).get("path").asString()).contains("seata-grouplist-jraft-snapshot");
            // The application's own classes came from the archive, not from the jar.
            assertThat(Files.readString(classLog, StandardCharsets.UTF_8))
                    .contains("io.sofastack.qa.QaBotApplication source: shared objects file (top)");
        } finally {
            bot.destroy();
            if (!bot.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                bot.destroyForcibly();
            }
        }
    }

    private void awaitHealthy(Process bot, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(bot.isAlive()).as("the bot is running; its output:%n%s", readQuietly(log)).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within 3 minutes; its output:\n" + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
