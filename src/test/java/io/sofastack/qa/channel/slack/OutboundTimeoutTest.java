package io.sofastack.qa.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.channel.ChannelSettings;
import io.sofastack.qa.channel.PostOutcome;
import io.sofastack.qa.channel.OutboundHttp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A platform endpoint that hangs fails the one reply after the read timeout instead of holding an
 * answering thread: WireMock answers after 30 s, the client gives up after 300 ms. (The JUnit timeout
 * only keeps a regression from hanging the build; nothing here measures speed.)
 */
class OutboundTimeoutTest {

    @RegisterExtension
    static WireMockExtension slack = LoopbackWireMock.extension();

    private final OutboundHttp outbound = new OutboundHttp(RestClient.builder(), ChannelSettings.withTimeouts(
            Duration.ofSeconds(1), Duration.ofMillis(300)));

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aHungEndpointFailsTheRequestAfterTheReadTimeout() {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\": true}").withFixedDelay(30_000)));

        assertThatThrownBy(() -> outbound.restClient().post().uri(slack.baseUrl() + "/api/chat.postMessage")
                .body("{}").retrieve().toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aReplyToAHungSlackIsGivenUpNotRetriedForever() {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\": true}").withFixedDelay(30_000)));
        SlackProperties properties = new SlackProperties("secret", "xoxb-token", slack.baseUrl() + "/api", null,
                List.of("hooks.slack.com"), 3, Duration.ofSeconds(30), 3900, Duration.ofMinutes(5), List.of(),
                SlackProperties.Mode.HTTP, null, Duration.ofSeconds(1), List.of(), SlackProperties.FollowUps.ASKER);
        SlackClient client = new SlackClient(outbound.restClient(), properties, duration -> { });

        assertThat(client.postMessage("C1", "1.1", "answer", "slack:event:E1")).as("the request went out: it may have been posted")
                .isEqualTo(PostOutcome.IN_DOUBT);

        slack.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }
}
