package io.sofastack.qa.channel.http;

import io.sofastack.qa.channel.Hmac;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The bearer token every administration endpoint asks for ({@code qa.admin.token}); without one set,
 * the endpoints are off (404). The token is compared in constant time.
 */
@Component
class AdminAccess {

    private static final String BEARER = "Bearer ";

    private final AdminProperties properties;

    AdminAccess(AdminProperties properties) {
        this.properties = properties;
    }

    /** Returns when the request may administer; otherwise throws the problem that says why not. */
    void check(String authorization) {
        if (!properties.enabled()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "admin-not-configured", "Administration is off",
                    "Set qa.admin.token to switch on the administration endpoints.");
        }
        if (!authorized(authorization)) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "Send the administration token as 'Authorization: Bearer <qa.admin.token>'.");
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        byte[] expected = properties.token().getBytes(StandardCharsets.UTF_8);
        // Compare MACs of equal length, so that neither the length nor the content leaks through timing.
        return Hmac.same(Hmac.sha256("admin-token", expected), Hmac.sha256("admin-token", given));
    }
}
