package io.sofastack.qa.channel;

import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client the chat channels post replies with. Every call has a connect and a read timeout
 * ({@code qa.channel.connect-timeout}, {@code qa.channel.read-timeout}): a hung platform endpoint
 * fails the one reply instead of pinning an answering thread forever.
 */
@Component
public class OutboundHttp {

    private final RestClient.Builder builder;
    private final ChannelProperties properties;

    public OutboundHttp(RestClient.Builder builder, ChannelProperties properties) {
        this.builder = builder;
        this.properties = properties;
    }

    public RestClient restClient() {
        // HTTP/1.1: the JDK client's default HTTP/2 tries an h2c upgrade on plain http, which some
        // servers and proxies on the way to a webhook mishandle; the platforms speak 1.1 everywhere.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        return builder.clone().requestFactory(requests).build();
    }
}
