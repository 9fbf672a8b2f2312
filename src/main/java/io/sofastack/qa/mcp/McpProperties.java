package io.sofastack.qa.mcp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MCP server for coding agents.
 *
 * @param enabled serve {@code /mcp}; off by default
 * @param token the bearer token every MCP request must carry; required when enabled
 * @param maxResults the most passages {@code search_sofastack_knowledge} returns
 * @param maxQueryChars longer queries and questions are refused
 */
@Validated
@ConfigurationProperties("qa.mcp")
public record McpProperties(@DefaultValue("false") boolean enabled,
                            String token,
                            @DefaultValue("10") @Min(1) @Max(50) int maxResults,
                            @DefaultValue("2000") @Min(10) @Max(100000) int maxQueryChars) {

    @Override
    public String toString() {
        return "McpProperties[enabled=" + enabled + ", token=" + (token == null || token.isBlank() ? "" : "***") + "]";
    }
}
