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
        return postMessage(channel, threadTs, text, java.util.List.of(), delivery, null);
    }

    /**
     * As {@link #postMessage(String, String, String, String)}, shown as {@code blocks} (with {@code text}
     * as the notification's fallback) and naming the answer in the metadata, for feedback and the record.
     */
    PostOutcome postMessage(String channel, String threadTs, String text, java.util.List<Map<String, Object>> blocks, String delivery,
                            String answerId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("channel", channel, "thread_ts", threadTs, "text", text,
                "unfurl_links", false, "unfurl_media", false,
                "metadata", answerMetadata(delivery, answerId)));
        if (!blocks.isEmpty()) {
            body.put("blocks", blocks);
        }
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

    /** The metadata that marks a message as the bot's answer to a delivery ({@link #findAnswer}). */
    static Map<String, Object> answerMetadata(String delivery, String answerId) {
        return Map.of("event_type", ANSWER_EVENT, "event_payload",
                answerId == null ? Map.of("delivery", delivery) : Map.of("delivery", delivery, "answer_id", answerId));
    }

    /**
     * Opens a streamed answer in a thread ({@code chat.startStream}); the recipient is needed outside
     * direct messages. Returns the message's {@code ts}, or empty when Slack would not.
     */
    java.util.Optional<String> startStream(String channel, String threadTs, String recipientUser, String recipientTeam) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("channel", channel);
        body.put("thread_ts", threadTs);
        if (recipientUser != null && !recipientUser.isBlank() && recipientTeam != null && !recipientTeam.isBlank()) {
            body.put("recipient_user_id", recipientUser);
            body.put("recipient_team_id", recipientTeam);
        }
        Sent sent = call("chat.startStream", body, "chat.startStream in " + channel);
        String ts = sent.body() == null ? "" : sent.body().path("ts").asString("");
        return sent.outcome() == PostOutcome.POSTED && !ts.isBlank() ? java.util.Optional.of(ts) : java.util.Optional.empty();
    }

    /** Adds Markdown to a streamed answer ({@code chat.appendStream}). */
    PostOutcome appendStream(String channel, String ts, String markdown) {
        return call("chat.appendStream", Map.of("channel", channel, "ts", ts, "markdown_text", markdown),
                "chat.appendStream in " + channel).outcome();
    }

    /**
     * Ends a streamed answer with its last Markdown and, unless {@code null}, the delivery it answers as
     * metadata ({@code chat.stopStream}).
     */
    PostOutcome stopStream(String channel, String ts, String markdown, String delivery) {
        return stopStream(channel, ts, markdown, delivery, null, java.util.List.of());
    }

    /** As {@link #stopStream(String, String, String, String)}, with the answer's id in the metadata and {@code blocks} after the text. */
    PostOutcome stopStream(String channel, String ts, String markdown, String delivery, String answerId,
                           java.util.List<Map<String, Object>> blocks) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("channel", channel);
        body.put("ts", ts);
        if (!markdown.isEmpty()) {
            body.put("markdown_text", markdown);
        }
        if (delivery != null) {
            body.put("metadata", answerMetadata(delivery, answerId));
        }
        if (!blocks.isEmpty()) {
            body.put("blocks", blocks);
        }
        return call("chat.stopStream", body, "chat.stopStream in " + channel).outcome();
    }

    /** The status line of an assistant thread ({@code assistant.threads.setStatus}); an empty status clears it. */
    PostOutcome setStatus(String channel, String threadTs, String status) {
        return call("assistant.threads.setStatus", Map.of("channel_id", channel, "thread_ts", threadTs, "status", status),
                "assistant.threads.setStatus in " + channel).outcome();
    }

    /** The prompts an assistant thread offers before the first question ({@code assistant.threads.setSuggestedPrompts}). */
    PostOutcome setSuggestedPrompts(String channel, String threadTs, java.util.List<SlackProperties.Prompt> prompts) {
        java.util.List<Map<String, String>> shown = prompts.stream()
                .map(prompt -> Map.of("title", prompt.title(), "message", prompt.message())).toList();
        return call("assistant.threads.setSuggestedPrompts", Map.of("channel_id", channel, "thread_ts", threadTs, "prompts", shown),
                "assistant.threads.setSuggestedPrompts in " + channel).outcome();
    }

    /** What a Web API call came to, and Slack's answer when it gave one. */
    private record Sent(PostOutcome outcome, JsonNode body) {
    }

    private Sent call(String method, Map<String, Object> body, String what) {
        return exchange(URI.create(properties.apiBaseUrl() + "/" + method), true, body, what);
    }

    private PostOutcome send(URI uri, boolean withToken, Map<String, Object> body, String what) {
        return exchange(uri, withToken, body, what).outcome();
    }

    private Sent exchange(URI uri, boolean withToken, Map<String, Object> body, String what) {
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
                return new Sent(PostOutcome.ofFailure(e), null);
            }
            if (response.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                Duration wait = retryAfter(response.getHeaders());
                if (attempt == properties.maxRetries() || wait.compareTo(properties.maxRetryAfter()) > 0) {
                    log.warn("Slack rate-limited {} and asks to wait {}: giving up after {} tries", what, wait, attempt + 1);
                    return new Sent(PostOutcome.RETRYABLE, null);
                }
                log.info("Slack rate-limited {}: retrying in {}", what, wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Sent(PostOutcome.RETRYABLE, null);
                }
                continue;
            }
            return new Sent(report(response, what), response.getBody());
        }
        return new Sent(PostOutcome.RETRYABLE, null);
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
