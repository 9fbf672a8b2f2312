package io.sofastack.qa.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/** An OpenAI-compatible chat completions endpoint on 127.0.0.1, answering what a test tells it to. */
public final class LlmStub {

    public static final String PATH = "/v1/chat/completions";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LlmStub() {
    }

    /** Switches the LLM on through Spring AI's own properties, pointed at a stub on this machine. */
    public static void pointSpringAiAt(DynamicPropertyRegistry registry, WireMockExtension stub) {
        registry.add("spring.ai.model.chat", () -> "openai");
        registry.add("spring.ai.openai.base-url", () -> "http://127.0.0.1:" + stub.getPort() + "/v1");
        registry.add("spring.ai.openai.api-key", () -> "test-llm-key");
        registry.add("spring.ai.openai.chat.model", () -> "test-model");
        registry.add("spring.ai.openai.max-retries", () -> "0");
    }

    public static String completion(String content) {
        return JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 1_700_000_000, "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
    }

    public static void answers(WireMockExtension llm, String content) {
        answers(llm, content, 0);
    }

    public static void answers(WireMockExtension llm, String content, int delayMillis) {
        llm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(delayMillis).withBody(completion(content))));
    }

    /**
     * Streams {@code pieces} as OpenAI's server-sent chunks, spread evenly over {@code over} (WireMock
     * dribbles the body out in as many chunks as there are pieces), to requests that ask for a stream.
     */
    public static void streams(WireMockExtension llm, List<String> pieces, java.time.Duration over) {
        StringBuilder events = new StringBuilder();
        for (String piece : pieces) {
            events.append("data: ").append(chunk(Map.of("role", "assistant", "content", piece), null)).append("\n\n");
        }
        events.append("data: ").append(chunk(Map.of(), "stop")).append("\n\n").append("data: [DONE]\n\n");
        llm.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.stream", 
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(events.toString()).withChunkedDribbleDelay(Math.max(1, pieces.size()), (int) over.toMillis())));
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new java.util.LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-test", "object", "chat.completion.chunk", "created", 1_700_000_000,
                "model", "test-model", "choices", List.of(choice)));
    }

    public static void fails(WireMockExtension llm, int status) {
        llm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"message\": \"boom\"}}")));
    }

    public static void returnsGarbage(WireMockExtension llm) {
        llm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>not json</html>")));
    }
}
