package io.sofastack.qa.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.sofastack.qa.index.ArchiveIndexer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The MCP server as a coding agent meets it: the MCP Java SDK's client over Streamable HTTP, with and without the token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/mcp", "qa.mcp.enabled=true", "qa.mcp.token=mcp-secret"})
class McpServerTest {

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void indexIsReady() {
        indexer.synchronize();
    }

    private McpSyncClient client(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).requestBuilder(request).build())
                .requestTimeout(Duration.ofSeconds(20)).build();
    }

    private JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertThat(result.isError()).as("%s failed: %s", tool, result.content()).isNotEqualTo(Boolean.TRUE);
        return json.readTree(((McpSchema.TextContent) result.content().get(0)).text());
    }

    @Test
    void anAgentListsTheToolsSearchesTheKnowledgeAndGetsAGroundedAnswer() {
        try (McpSyncClient client = client("mcp-secret")) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("search_sofastack_knowledge", "ask_sofastack");

            JsonNode passages = call(client, "search_sofastack_knowledge",
                    Map.of("query", "三节点集群停掉一个节点后一直在选举", "kind", "qa", "limit", 3));
            assertThat(passages.size()).isBetween(1, 3);
            JsonNode best = passages.get(0);
            assertThat(best.get("url").asString()).isEqualTo("https://www.sofastack.tech/blog/sofa-weekly-20220218/");
            assertThat(best.get("date").asString()).isEqualTo("2022-02-18");
            assertThat(best.get("kind").asString()).isEqualTo("qa");
            assertThat(best.get("confidence").asDouble()).isBetween(0.0, 1.0);

            JsonNode answer = call(client, "ask_sofastack", Map.of("question", "三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？"));
            assertThat(answer.get("grounded").asBoolean()).isTrue();
            assertThat(answer.get("answer").asString()).contains("不正常");
            assertThat(answer.get("sources").get(0).get("path").asString()).isEqualTo("weekly/2022-02-18-registry-raft-mosn.md");
        }
    }

    @Test
    void aQuestionTheKnowledgeDoesNotAnswerIsRefusedAndAProductFilterNarrowsTheSearch() {
        try (McpSyncClient client = client("mcp-secret")) {
            client.initialize();
            JsonNode refused = call(client, "ask_sofastack", Map.of("question", "红烧肉怎么做才好吃？"));
            assertThat(refused.get("grounded").asBoolean()).isFalse();

            JsonNode mosn = call(client, "search_sofastack_knowledge", Map.of("query", "dubbo 服务发现", "product", "MOSN"));
            mosn.forEach(passage -> assertThat(passage.get("products").toString()).contains("MOSN"));
        }
    }

    @Test
    void withoutTheTokenOrWithAWrongOneNothingIsServed() {
        for (String token : new String[] {null, "wrong-" + UUID.randomUUID()}) {
            try (McpSyncClient client = client(token)) {
                assertThatThrownBy(client::initialize).as("token %s", token).isInstanceOf(RuntimeException.class);
            }
        }
    }
}
