package io.sofastack.qa.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP endpoint answers only requests that carry {@code Authorization: Bearer <qa.mcp.token>}: the
 * starter itself authenticates nothing, and the tools reach the whole knowledge and the bot.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "qa.mcp.enabled", havingValue = "true")
class McpAccess {

    /** The problem type every surface of the bot uses for a missing or wrong token. */
    private static final String UNAUTHORIZED = "https://github.com/sofastack/community-qa-bot/problems/unauthorized";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> mcpBearerToken(McpProperties properties, JsonMapper json) {
        if (properties.token() == null || properties.token().isBlank()) {
            throw new IllegalStateException("qa.mcp.enabled=true needs qa.mcp.token: the MCP endpoint is never served without a token");
        }
        byte[] expected = digest(properties.token());
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
                boolean bearer = authorization != null && authorization.startsWith("Bearer ");
                // Digests of equal length compared in constant time: neither length nor content leaks through timing.
                if (bearer && MessageDigest.isEqual(expected, digest(authorization.substring(7).strip()))) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), Map.of("type", UNAUTHORIZED, "title", "Unauthorized", "status", 401,
                        "detail", "Send the MCP token as 'Authorization: Bearer <qa.mcp.token>'."));
            }
        });
        registration.addUrlPatterns("/mcp", "/mcp/*");
        registration.setName("mcpBearerToken");
        return registration;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
