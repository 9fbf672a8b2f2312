package io.sofastack.qa.channel;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test, from the machine's binaries (Debian's {@code postgresql}
 * package, which {@code .ci/run} installs): a fresh cluster in a temporary folder on a free port,
 * trust authentication on 127.0.0.1 only, stopped and left behind in {@code /tmp} at the end. As root
 * (CI) it runs as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Process server;
    private final int port;

    private LocalPostgres(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Where initdb and postgres are, or why a test that needs them cannot run. */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir));
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.reverseOrder()).map(version -> version.resolve("bin")).forEach(candidates::add);
        } catch (IOException none) {
            // not installed there
        }
        return candidates.stream().filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("postgres")))
                .findFirst();
    }

    public static LocalPostgres start(Path bin) throws Exception {
        Path data = Files.createTempDirectory("qa-postgres");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres", data.toString()));
        }
        run(asPostgres(root, List.of(bin.resolve("initdb").toString(), "-D", data.resolve("cluster").toString(), "-U", "qa",
                "--auth=trust", "-E", "UTF8", "--no-sync")));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(asPostgres(root, List.of(bin.resolve("postgres").toString(), "-D",
                data.resolve("cluster").toString(), "-p", Integer.toString(port), "-k", data.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=100")))
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        LocalPostgres postgres = new LocalPostgres(server, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (var connection = DriverManager.getConnection(postgres.url(), "qa", "")) {
                return postgres;
            } catch (java.sql.SQLException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    server.destroyForcibly();
                    throw new IllegalStateException("PostgreSQL did not start: " + Files.readString(data.resolve("server.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static List<String> asPostgres(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> asUser = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asUser.addAll(command);
        return asUser;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }
}
