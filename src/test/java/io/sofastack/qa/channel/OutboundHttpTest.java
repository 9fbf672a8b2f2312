package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * The channels' HTTP client costs the start nothing: the JDK client under it (a selector thread, the
 * trusted certificates) is built when the first reply goes out, once for every channel.
 */
class OutboundHttpTest {

    @RegisterExtension
    static WireMockExtension platform = LoopbackWireMock.extension();

    /** The JDK names each client's thread "HttpClient-N-SelectorManager". */
    private static Set<Long> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().endsWith("-SelectorManager"))
                .map(Thread::getId).collect(Collectors.toSet());
    }

    @Test
    void theHttpClientIsBuiltOnTheFirstRequestAndSharedByEveryCaller() {
        Set<Long> before = selectorThreads();
        OutboundHttp outbound = new OutboundHttp(RestClient.builder(), ChannelSettings.withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(5)));
        RestClient one = outbound.restClient();
        RestClient other = outbound.restClient();

        assertThat(selectorThreads()).as("no client is built before a request").isSubsetOf(before);
        platform.stubFor(post(urlPathEqualTo("/reply")).willReturn(ok()));
        one.post().uri(platform.baseUrl() + "/reply").body("{}").retrieve().toBodilessEntity();
        other.post().uri(platform.baseUrl() + "/reply").body("{}").retrieve().toBodilessEntity();

        assertThat(other).isSameAs(one);
        Set<Long> started = selectorThreads();
        started.removeAll(before);
        assertThat(started).as("one client for both requests").hasSize(1);
        platform.verify(2, postRequestedFor(urlPathEqualTo("/reply")));
    }
}
