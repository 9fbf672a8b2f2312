package io.sofastack.qa.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: {@code clients} clients, each sending its next request when the last is answered. */
final class LoadRun {

    record Result(int clients, int requests, int errors, double seconds, double p50Ms, double p99Ms, double maxMs) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String askUrl;
    private final List<String> bodies;

    LoadRun(String baseUrl, List<String> bodies) {
        this.askUrl = baseUrl + "/api/ask";
        this.bodies = List.copyOf(bodies);
    }

    Result run(int clients, int maxRequests, Duration maxTime) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong stopAt = new AtomicLong(System.nanoTime() + maxTime.toNanos());
        List<long[]> latencies = new ArrayList<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] mine = new long[maxRequests];
                    int count = 0;
                    int i;
                    while ((i = next.getAndIncrement()) < maxRequests && System.nanoTime() < stopAt.get()) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(askUrl))
                                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine[count++] = System.nanoTime() - sent;
                    }
                    return Arrays.copyOf(mine, count);
                }));
            }
            for (Future<long[]> future : futures) {
                latencies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(clients, all.length, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1e6;
    }
}
