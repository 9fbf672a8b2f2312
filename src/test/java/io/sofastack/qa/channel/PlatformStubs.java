package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** Slack and DingTalk as WireMock plays them when every reply is simply accepted. */
final class PlatformStubs {

    static final String CHAT_POST = "/api/chat.postMessage";
    static final String REPLIES = "/api/conversations.replies";
    static final String SESSION_WEBHOOK = "/robot/sendBySession";

    private PlatformStubs() {
    }

    /**
     * Slack takes every {@code chat.postMessage} and reads back empty threads (at a low priority, so
     * that a test's own thread wins); DingTalk's session webhook takes every reply.
     */
    static void acceptEveryReply(WireMockExtension platforms) {
        platforms.stubFor(post(urlPathEqualTo(CHAT_POST)).willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}")));
        platforms.stubFor(get(urlPathEqualTo(REPLIES)).willReturn(okJson("{\"ok\": true, \"messages\": []}")).atPriority(10));
        platforms.stubFor(post(urlPathEqualTo(SESSION_WEBHOOK)).willReturn(okJson("{\"errcode\": 0, \"errmsg\": \"ok\"}")));
    }
}
