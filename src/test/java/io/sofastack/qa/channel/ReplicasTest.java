package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sofastack.qa.index.ForkedBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two bot processes share one PostgreSQL. 200 signed Slack and DingTalk messages are spread over
 * both, each is redelivered to the other replica, and one replica is killed with SIGKILL in the
 * middle: no message is posted twice, and every message is posted except those whose answer was
 * being posted at the moment of the kill, which the survivor abandons (counted) rather than risk a
 * second post (Slack's are read back from the thread and posted if missing, so none is lost there);
 * and the limit of answers per conversation, counted in the database, holds across
 * both. Skipped, saying so, where PostgreSQL's binaries are absent; {@code .ci/run} installs them.
 */
class ReplicasTest {

    private static final int MESSAGES = 200;
    private static final int PER_CONVERSATION = 20;
    private static final String CHAT_POST = "/api/chat.postMessage";
    private static final String SESSION_WEBHOOK = "/robot/sendBySession";

    @RegisterExtension
    static WireMockExtension platforms = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40)
                    .extensions(new ThreadReadBack())).build();

    /**
     * Slack's {@code conversations.replies}, played from what was really posted: the thread of a
     * message holds every answer posted to it, with its metadata, as Slack would return it.
     */
    static final class ThreadReadBack implements ResponseDefinitionTransformerV2 {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            if (!event.getRequest().getUrl().startsWith("/api/conversations.replies")) {
                return event.getResponseDefinition();
            }
            String ts = event.getRequest().queryParameter("ts").firstValue();
            List<Object> messages = new ArrayList<>();
            for (LoggedRequest posted : platforms.findAll(postRequestedFor(urlPathEqualTo(CHAT_POST)))) {
                var body = JSON.readTree(posted.getBodyAsString());
                if (ts.equals(body.path("thread_ts").asString())) {
                    messages.add(Map.of("type", "message", "text", body.path("text").asString(), "bot_id", "B1",
                            "metadata", body.path("metadata")));
                }
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(Map.of("ok", true, "has_more", false, "messages", messages))).build();
        }

        @Override
        public String getName() {
            return "slack-thread-read-back";
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void twoReplicasAnswerEveryMessageAtMostOnceThroughAKill() throws Exception {
        Path bin = LocalPostgres.binaries().orElse(null);
        if (bin == null) {
            System.out.println("SKIPPED ReplicasTest: PostgreSQL's initdb and postgres are not installed (.ci/run installs them)");
        }
        Assumptions.assumeTrue(bin != null, "PostgreSQL's initdb and postgres are not installed: the two-replica test is skipped");
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}").withFixedDelay(30)));
        platforms.stubFor(post(urlPathEqualTo(SESSION_WEBHOOK)).willReturn(okJson("{\"errcode\": 0}").withFixedDelay(30)));
        platforms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations.replies"))
                .willReturn(okJson("{}")));
        Path work = Files.createTempDirectory("qa-replicas");

        try (LocalPostgres postgres = LocalPostgres.start(bin);
             ForkedBot first = ForkedBot.start(arguments(postgres, work.resolve("a")), work.resolve("a.log"));
             ForkedBot second = ForkedBot.start(arguments(postgres, work.resolve("b")), work.resolve("b.log"))) {
            first.awaitReady(Duration.ofSeconds(90));
            second.awaitReady(Duration.ofSeconds(90));
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                messages.add(i % 2 == 0
                        ? ChatMessages.slackMention("Ev" + UUID.randomUUID(), String.format("1800000000.%06d", i), null)
                        : ChatMessages.dingTalk("msg-" + UUID.randomUUID(), "http://127.0.0.1:" + platforms.getPort()
                                + SESSION_WEBHOOK + "?session=m" + i, Instant.now().plusSeconds(3600)));
            }

            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            Future<?> killer = clients.submit(() -> {
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= MESSAGES / 2);
                first.kill();
                return null;
            });
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                String message = messages.get(i);
                ForkedBot primary = i % 4 < 2 ? first : second;
                ForkedBot other = primary == first ? second : first;
                sent.add(clients.submit(() -> {
                    // A platform redelivers what was not acknowledged; here every message is also
                    // redelivered once to the other replica, as a retry after a slow ack would be.
                    deliverUntilAcknowledged(message, primary, other);
                    acknowledged.incrementAndGet();
                    deliverUntilAcknowledged(message, other, primary);
                    return null;
                }));
            }
            for (Future<?> one : sent) {
                one.get();
            }
            killer.get();
            clients.shutdown();
            assertThat(first.isAlive()).as("one replica was killed in the middle").isFalse();

            // The killed replica's lease (3 s) runs out and the survivor takes its unfinished work over.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> states(postgres).getOrDefault("unfinished", 0) == 0 && total(postgres) == MESSAGES);

            Map<String, Long> slackPosts = group(CHAT_POST, request -> json.readTree(request.getBodyAsString()).path("thread_ts").asString());
            Map<String, Long> dingTalkPosts = group(SESSION_WEBHOOK, request -> request.queryParameter("session").firstValue());
            Map<String, Integer> states = states(postgres);
            int inDoubt = inDoubt(postgres);
            System.out.printf("two replicas, one killed: %d Slack and %d DingTalk messages posted, %d abandoned in doubt, states %s%n",
                    slackPosts.size(), dingTalkPosts.size(), inDoubt, states);
            assertThat(slackPosts.values()).as("no Slack message posted twice").allMatch(count -> count == 1);
            assertThat(dingTalkPosts.values()).as("no DingTalk message posted twice").allMatch(count -> count == 1);
            assertThat(slackPosts).as("Slack reads its threads back: no Slack message is lost").hasSize(MESSAGES / 2);
            assertThat(query(postgres, "select count(*) from chat_delivery where platform = 'slack' and state = 'ABANDONED'"))
                    .as("no Slack message abandoned in doubt").isZero();
            assertThat(slackPosts.size() + dingTalkPosts.size() + inDoubt)
                    .as("every message posted, but DingTalk's in doubt at the kill").isGreaterThanOrEqualTo(MESSAGES);
            assertThat(inDoubt).as("only what was being posted at the kill is in doubt").isLessThanOrEqualTo(16);
            // Every message of the run comes from one Slack channel and one DingTalk group.
            long slackAnswers = answers(CHAT_POST);
            long dingTalkAnswers = answers(SESSION_WEBHOOK);
            System.out.printf("answers within the shared limit of %d per conversation: Slack %d, DingTalk %d (the rest were told to wait)%n",
                    PER_CONVERSATION, slackAnswers, dingTalkAnswers);
            assertThat(slackAnswers).as("the limit holds across both replicas").isBetween(1L, (long) PER_CONVERSATION);
            assertThat(dingTalkAnswers).as("the limit holds across both replicas").isBetween(1L, (long) PER_CONVERSATION);
        }
    }

    private List<String> arguments(LocalPostgres postgres, Path dir) {
        return List.of("--qa.index.dir=" + dir.resolve("index"), "--qa.channel.state-dir=" + dir.resolve("state"),
                "--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=qa",
                "--qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "--qa.slack.bot-token=xoxb-test-token",
                "--qa.slack.api-base-url=http://127.0.0.1:" + platforms.getPort() + "/api",
                "--qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "--qa.dingtalk.robot-code=ding-robot",
                "--qa.dingtalk.allowed-webhook-hosts=127.0.0.1", "--qa.channel.lease=3s",
                // One limit for both replicas: 20 answers an hour per conversation, counted in the database.
                "--qa.rate-limit.store=database", "--qa.rate-limit.per-conversation=" + PER_CONVERSATION,
                "--qa.rate-limit.per-conversation-period=1h", "--qa.rate-limit.per-asker=100000", "--qa.rate-limit.global=100000",
                "--qa.index.embedding-batch=8");
    }

    /** Delivers to one replica, and to the other when the first does not acknowledge (it was killed). */
    private static void deliverUntilAcknowledged(String message, ForkedBot to, ForkedBot otherwise) throws Exception {
        for (ForkedBot replica : new ForkedBot[] {to, otherwise, to, otherwise}) {
            try {
                SignedRequests requests = new SignedRequests(replica.port());
                int status = message.contains("\"event_callback\"") ? requests.slackEvent(message).statusCode()
                        : requests.dingTalk(message, Instant.now()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (java.io.IOException refused) {
                // killed: the platform tries again, elsewhere
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no replica acknowledged a message");
    }

    /** Posts that answer, not the one line of a rate-limited asker. */
    private long answers(String path) {
        return platforms.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .filter(request -> !request.getBodyAsString().contains("提问太频繁")).count();
    }

    private Map<String, Long> group(String path, Function<LoggedRequest, String> message) {
        return platforms.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .collect(Collectors.groupingBy(message, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Integer> states(LocalPostgres postgres) throws Exception {
        Map<String, Integer> states = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.url(), "qa", "");
             ResultSet rows = connection.createStatement().executeQuery("select state, count(*) from chat_delivery group by state")) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getInt(2));
                if (!Delivery.State.valueOf(rows.getString(1)).finished()) {
                    states.merge("unfinished", rows.getInt(2), Integer::sum);
                }
            }
        }
        return states;
    }

    private static int total(LocalPostgres postgres) throws Exception {
        return query(postgres, "select count(*) from chat_delivery");
    }

    private static int inDoubt(LocalPostgres postgres) throws Exception {
        return query(postgres, "select count(*) from chat_delivery where state = 'ABANDONED' and reason like '%being posted%'");
    }

    private static int query(LocalPostgres postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), "qa", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
