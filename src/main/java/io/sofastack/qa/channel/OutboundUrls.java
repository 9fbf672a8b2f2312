package io.sofastack.qa.channel;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Checks a URL that arrived in a request (a DingTalk {@code sessionWebhook}, a Slack
 * {@code response_url}) before the bot posts to it, so that no request can make the bot post
 * elsewhere: the host must be allowed, and the scheme HTTPS (plain HTTP only to this machine, where
 * test doubles run).
 */
public final class OutboundUrls {

    private final List<String> allowedHosts;

    public OutboundUrls(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    /** Why the bot must not post to this URL, or {@code null} when it may. */
    public String problemWith(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "it is not a URL";
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            return "its host '" + host + "' is not allowed";
        }
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && isLoopback(host))) {
            return "it is not HTTPS";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
