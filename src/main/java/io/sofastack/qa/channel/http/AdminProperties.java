package io.sofastack.qa.channel.http;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Administration endpoints.
 *
 * @param token the bearer token of {@code POST /api/admin/reindex}; the endpoint is off while it is unset
 */
@ConfigurationProperties("qa.admin")
public record AdminProperties(String token) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[token=" + (enabled() ? "***" : "") + "]";
    }
}
