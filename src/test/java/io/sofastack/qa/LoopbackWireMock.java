package io.sofastack.qa;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** WireMock as the tests' stand-in for a third-party HTTP service: on 127.0.0.1, on a free port. */
public final class LoopbackWireMock {

    private LoopbackWireMock() {
    }

    /** Stubs and requests are reset after each test. */
    public static WireMockExtension extension() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    /** Stubs and requests are kept across the tests of a class (for stubs the application needs while it starts). */
    public static WireMockExtension keptAcrossTests() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .resetOnEachTest(false).build();
    }
}
