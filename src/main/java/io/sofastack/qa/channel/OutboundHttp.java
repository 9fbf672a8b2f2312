package io.sofastack.qa.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client the chat channels post replies with. Every call has a connect and a read timeout
 * ({@code qa.channel.connect-timeout}, {@code qa.channel.read-timeout}): a hung platform endpoint
 * fails the one reply instead of pinning an answering thread forever.
 *
 * <p>One client serves every channel, and the JDK's HTTP client under it is built on the first
 * request: each one built starts a selector thread, and the first loads the trusted certificates,
 * which cost the start about a tenth of a second on the main thread for channels that were not even
 * configured (README, "Benchmarks").
 */
@Component
public class OutboundHttp {

    private final RestClient restClient;

    public OutboundHttp(RestClient.Builder builder, ChannelProperties properties) {
        this.restClient = builder.clone().requestFactory(new BuiltOnFirstRequest(() -> requestFactory(properties))).build();
    }

    public RestClient restClient() {
        return restClient;
    }

    private static ClientHttpRequestFactory requestFactory(ChannelProperties properties) {
        // HTTP/1.1: the JDK client's default HTTP/2 tries an h2c upgrade on plain http, which some
        // servers and proxies on the way to a webhook mishandle; the platforms speak 1.1 everywhere.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        return requests;
    }

    /** A request factory that builds the real one when the first request is made. */
    private static final class BuiltOnFirstRequest implements ClientHttpRequestFactory {

        private final Supplier<ClientHttpRequestFactory> build;
        private volatile ClientHttpRequestFactory built;

        BuiltOnFirstRequest(Supplier<ClientHttpRequestFactory> build) {
            this.build = build;
        }

        @Override
        public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
            ClientHttpRequestFactory factory = built;
            if (factory == null) {
                synchronized (this) {
                    if (built == null) {
                        built = build.get();
                    }
                    factory = built;
                }
            }
            return factory.createRequest(uri, httpMethod);
        }
    }
}
