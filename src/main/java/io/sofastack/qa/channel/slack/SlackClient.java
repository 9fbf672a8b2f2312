package io.sofastack.qa.channel.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.sofastack.qa.channel.PostOutcome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Posts to Slack: {@code chat.postMessage} with the bot token, and slash-command replies to their
 * {@code response_url}. A 429 is retried after its {@code Retry-After}, a bounded number of times;
 * {@code ok: false} is logged with Slack's error code. Never throws: says what became of the reply.
 */
class SlackClient {

    private static final Logger log = LoggerFactory.getLogger(SlackClient.class);

    private final RestClient restClient;
    private final SlackProperties properties;
    private final Sleeper sleeper;

    SlackClient(RestClient restClient, SlackProperties properties, Sleeper sleeper) {
        this.restClient = restClient;
        this.properties = properties;
        this.sleeper = sleeper;
    }

    /** How the client waits before a retry; a seam so that tests need not wait. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The metadata event type of the bot's answers: what {@link #findAnswer} looks for. */
    static final String ANSWER_EVENT = "qa_bot_answer";
    private static final int MAX_REPLY_PAGES = 10;

    /**
     * Posts an answer in a thread, with the delivery it answers as message metadata, so that after a
     * crash the bot can tell whether the answer reached the thread ({@link #findAnswer}).
     */
    PostOutcome postMessage(String channel, String threadTs, String text, String delivery) {
        Map<String, Object> body = Map.of("channel", channel, "thread_ts", threadTs, "text", text,
                "unfurl_links", false, "unfurl_media", false,
                "metadata", Map.of("event_type", ANSWER_EVENT, "event_payload", Map.of("delivery", delivery)));
        return send(URI.create(properties.apiBaseUrl() + "/chat.postMessage"), true, body, "chat.postMessage in " + channel);
    }

    /**
     * Whether the thread holds the bot's answer to this delivery ({@code conversations.replies} with
     * all metadata; needs the {@code *:history} scopes), or empty when Slack cannot tell.
     */
    java.util.Optional<Boolean> findAnswer(String channel, String threadTs, String delivery) {
        return anyReply(channel, threadTs, null, message -> {
            JsonNode metadata = message.path("metadata");
            return ANSWER_EVENT.equals(metadata.path("event_type").asString(""))
                    && delivery.equals(metadata.path("event_payload").path("delivery").asString(""));
        });
    }

    /**
     * Whether a person other than the asker (not a bot, not a join or an edit) wrote in the thread
     * after the message {@code sinceTs}, or empty when Slack cannot tell.
     */
    java.util.Optional<Boolean> othersRepliedSince(String channel, String threadTs, String sinceTs, String asker) {
        java.math.BigDecimal since = new java.math.BigDecimal(sinceTs);
        return anyReply(channel, threadTs, sinceTs, message -> {
            String ts = message.path("ts").asString("0");
            String user = message.path("user").asString("");
            return !message.hasNonNull("bot_id") && !message.hasNonNull("subtype") && !user.isBlank() && !user.equals(asker)
                    && !user.equals(properties.botUserId()) && new java.math.BigDecimal(ts).compareTo(since) > 0;
        });
    }

    /** Whether any message of the thread (from {@code oldest} on, when given) is one that {@code wanted} looks for. */
    private java.util.Optional<Boolean> anyReply(String channel, String threadTs, String oldest,
                                                 java.util.function.Predicate<JsonNode> wanted) {
        String cursor = "";
        for (int page = 0; page < MAX_REPLY_PAGES; page++) {
            JsonNode replies;
            try {
                String query = "/conversations.replies?channel={channel}&ts={ts}&include_all_metadata=true&limit=200"
                        + "&oldest={oldest}" + (cursor.isEmpty() ? "" : "&cursor={cursor}");
                replies = restClient.get().uri(properties.apiBaseUrl() + query, channel, threadTs, oldest == null ? "0" : oldest, cursor)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.botToken()).retrieve().body(JsonNode.class);
            } catch (RestClientException e) {
                log.warn("Slack conversations.replies in {} failed: {}", channel, e.getMessage());
                return java.util.Optional.empty();
            }
            if (replies == null || !replies.path("ok").asBoolean()) {
                log.warn("Slack refused conversations.replies in {}: {}", channel,
                        replies == null ? "no body" : replies.path("error").asString("unknown error"));
                return java.util.Optional.empty();
            }
            for (JsonNode message : replies.path("messages")) {
                if (wanted.test(message)) {
                    return java.util.Optional.of(true);
                }
            }
            cursor = replies.path("response_metadata").path("next_cursor").asString("");
            if (cursor.isEmpty()) {
                return java.util.Optional.of(false);
            }
        }
        return java.util.Optional.empty();
    }

    PostOutcome postToResponseUrl(URI responseUrl, Map<String, Object> body) {
        return send(responseUrl, false, body, "a slash-command reply");
    }

    private PostOutcome send(URI uri, boolean withToken, Map<String, Object> body, String what) {
        for (int attempt = 0; attempt <= properties.maxRetries(); attempt++) {
            ResponseEntity<JsonNode> response;
            try {
                RestClient.RequestBodySpec request = restClient.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
                if (withToken) {
                    request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.botToken());
                }
                response = request.body(body).retrieve().onStatus(status -> true, (req, res) -> { })
                        .toEntity(JsonNode.class);
            } catch (RestClientException e) {
                log.warn("Slack {} failed: {}", what, e.getMessage());
                return PostOutcome.ofFailure(e);
            }
            if (response.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                Duration wait = retryAfter(response.getHeaders());
                if (attempt == properties.maxRetries() || wait.compareTo(properties.maxRetryAfter()) > 0) {
                    log.warn("Slack rate-limited {} and asks to wait {}: giving up after {} tries", what, wait, attempt + 1);
                    return PostOutcome.RETRYABLE;
                }
                log.info("Slack rate-limited {}: retrying in {}", what, wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return PostOutcome.RETRYABLE;
                }
                continue;
            }
            return report(response, what);
        }
        return PostOutcome.RETRYABLE;
    }

    private static PostOutcome report(ResponseEntity<JsonNode> response, String what) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            log.warn("Slack answered {} with HTTP {}", what, response.getStatusCode().value());
            return PostOutcome.ofStatus(response.getStatusCode().value());
        }
        JsonNode body = response.getBody();
        // chat.postMessage answers {"ok": false, "error": "..."} with HTTP 200; response_url answers plain "ok".
        if (body != null && body.has("ok") && !body.path("ok").asBoolean()) {
            String error = body.path("error").asString("unknown error");
            log.warn("Slack refused {}: {}", what, error);
            return "ratelimited".equals(error) ? PostOutcome.RETRYABLE : PostOutcome.REFUSED;
        }
        return PostOutcome.POSTED;
    }

    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value == null ? "1" : value.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
