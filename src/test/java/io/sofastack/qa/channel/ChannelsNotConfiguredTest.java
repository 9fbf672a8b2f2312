package io.sofastack.qa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without their secrets the channels and the admin API are off: their endpoints say so with 404, whatever is sent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qa.index.dir=target/test-indexes/channels-off")
class ChannelsNotConfiguredTest {

    @LocalServerPort
    int port;

    @Test
    void endpointsOfUnconfiguredPlatformsAnswer404() throws Exception {
        SignedRequests requests = new SignedRequests(port);
        HttpResponse<String> slack = requests.slackEvent("{\"type\": \"url_verification\", \"challenge\": \"c\"}");
        assertThat(slack.statusCode()).isEqualTo(404);
        assertThat(slack.body()).contains("qa.slack.signing-secret").doesNotContain(SignedRequests.SLACK_SECRET);
        assertThat(requests.slack("/webhooks/slack/commands", "application/x-www-form-urlencoded", "text=hi", Instant.now())
                .statusCode()).isEqualTo(404);
        HttpResponse<String> dingTalk = requests.dingTalk("{}", Instant.now());
        assertThat(dingTalk.statusCode()).isEqualTo(404);
        assertThat(dingTalk.body()).contains("qa.dingtalk.app-secret");
    }

    @Test
    void theAdminApiIsOffWithoutItsToken() throws Exception {
        HttpResponse<String> reindex = new SignedRequests(port).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/admin/reindex"))
                .header("Authorization", "Bearer anything").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(reindex.statusCode()).isEqualTo(404);
        assertThat(reindex.body()).contains("qa.admin.token");
    }
}
