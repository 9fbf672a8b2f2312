package io.sofastack.qa.channel.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A client of {@code text/event-stream} for tests: each event with its name, data and when it arrived. */
public final class ServerSentEvents {

    /** One event; {@code arrivedNanos} is {@link System#nanoTime()} when its blank line was read. */
    public record Event(String name, String data, long arrivedNanos) {
    }

    /** The response's status and content type, and its events (none when it is not a stream). */
    public record Stream(int status, String contentType, List<Event> events, String body) {
    }

    private ServerSentEvents() {
    }

    public static Stream post(int port, String path, String json) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofLines());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        List<Event> events = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (Iterator<String> lines = response.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            body.append(line).append('\n');
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name, data.toString(), System.nanoTime()));
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
        return new Stream(response.statusCode(), contentType, events, body.toString());
    }
}
