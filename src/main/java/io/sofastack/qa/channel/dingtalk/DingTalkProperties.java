package io.sofastack.qa.channel.dingtalk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The DingTalk robot (enterprise-internal robot, HTTP mode). Off until {@code app-secret} is set.
 *
 * @param appSecret the robot app's AppSecret (ClientSecret): it signs every callback
 * @param robotCode the robot's code; required with {@code app-secret}: the signature proves only that a
 *        callback comes from some robot of the app, the code that it is meant for this one
 * @param allowedConversations conversation ids the robot answers in; empty: every conversation it is added to
 * @param allowedWebhookHosts hosts a reply may be posted to; a message's {@code sessionWebhook} elsewhere is ignored
 * @param maxMessageChars longer answers are trimmed to this
 * @param maxClockSkew a callback's timestamp may be this far from now (DingTalk signs with a window of one hour)
 * @param appKey the robot app's AppKey (ClientId); with it, a reply whose {@code sessionWebhook} has
 *        expired (after about 90 minutes) is delivered through the robot OpenAPI instead of dropped
 * @param apiBaseUrl DingTalk's OpenAPI
 * @param tokenRefreshMargin an OpenAPI access token (2 hours) is fetched anew this long before it expires
 * @param mode how robot messages arrive: {@code http} (DingTalk posts them to the callback URL) or
 *        {@code stream} (Stream mode: the bot opens a WebSocket to DingTalk's gateway with the app
 *        key and secret, and needs no public address)
 * @param cardTemplateId an AI card template ({@code ….schema}, from the card platform); with it and
 *        {@code app-key}, generative answers are streamed into a card instead of posted whole
 * @param cardContentKey the template's Markdown field the answer is written into
 * @param feedbackUrl the bot's feedback page as DingTalk users reach it ({@code https://bot.example.org/feedback.html});
 *        with it every answer ends with 👍/👎 links to it, without it with none
 * @param reconnectBackoff the first wait before connecting again after a failed attempt; it doubles
 *        up to 32 times that, with jitter
 */
@Validated
@ConfigurationProperties("qa.dingtalk")
public record DingTalkProperties(String appSecret,
                                 String robotCode,
                                 @DefaultValue({}) List<String> allowedConversations,
                                 @DefaultValue({"oapi.dingtalk.com", "api.dingtalk.com"}) List<String> allowedWebhookHosts,
                                 @DefaultValue("5000") @Min(200) @Max(20000) int maxMessageChars,
                                 @DefaultValue("1h") Duration maxClockSkew,
                                 String appKey,
                                 @DefaultValue("https://api.dingtalk.com") String apiBaseUrl,
                                 @DefaultValue("5m") Duration tokenRefreshMargin,
                                 @DefaultValue("http") Mode mode,
                                 @DefaultValue("1s") Duration reconnectBackoff,
                                 String cardTemplateId,
                                 @DefaultValue("content") String cardContentKey,
                                 String feedbackUrl) {

    /** How DingTalk's robot messages reach the bot. */
    public enum Mode {
        HTTP, STREAM
    }

    public DingTalkProperties {
        allowedConversations = allowedConversations == null ? List.of() : List.copyOf(allowedConversations);
        mode = mode == null ? Mode.HTTP : mode;
        cardContentKey = cardContentKey == null || cardContentKey.isBlank() ? "content" : cardContentKey;
        if (feedbackUrl != null && !feedbackUrl.isBlank() && !feedbackUrl.strip().matches("(?i)https?://[^\\s]+")) {
            throw new IllegalArgumentException("qa.dingtalk.feedback-url must be an http(s) address of the bot's feedback page, "
                    + "such as https://bot.example.org/feedback.html; it was " + feedbackUrl);
        }
        if (mode == Mode.STREAM && (appKey == null || appKey.isBlank() || appSecret == null || appSecret.isBlank())) {
            throw new IllegalArgumentException("qa.dingtalk.mode=stream needs qa.dingtalk.app-key and qa.dingtalk.app-secret "
                    + "(the app's ClientId and ClientSecret, from its page in the DingTalk developer console)");
        }
        if (appSecret != null && !appSecret.isBlank() && (robotCode == null || robotCode.isBlank())) {
            throw new IllegalArgumentException("qa.dingtalk.robot-code is required when qa.dingtalk.app-secret is set: "
                    + "the signature only proves that a callback comes from the app, the robot code that it is for this "
                    + "robot (the robot's page in the DingTalk developer console shows it)");
        }
    }

    /** Whether the robot answers in this conversation. */
    public boolean answersIn(String conversationId) {
        return allowedConversations.isEmpty() || allowedConversations.contains(conversationId);
    }

    /** Whether robot messages arrive over Stream mode. */
    public boolean streamMode() {
        return mode == Mode.STREAM;
    }

    public boolean enabled() {
        return appSecret != null && !appSecret.isBlank();
    }

    @Override
    public String toString() {
        return "DingTalkProperties[appSecret=" + (enabled() ? "***" : "") + ", robotCode=" + robotCode
                + ", allowedConversations=" + allowedConversations + ", allowedWebhookHosts=" + allowedWebhookHosts + "]";
    }
}
