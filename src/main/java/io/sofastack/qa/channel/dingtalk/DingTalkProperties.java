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
 * @param robotCode when set, messages for another robot are refused
 * @param allowedWebhookHosts hosts a reply may be posted to; a message's {@code sessionWebhook} elsewhere is ignored
 * @param maxMessageChars longer answers are trimmed to this
 * @param maxClockSkew a callback's timestamp may be this far from now
 */
@Validated
@ConfigurationProperties("qa.dingtalk")
public record DingTalkProperties(String appSecret,
                                 String robotCode,
                                 @DefaultValue({"oapi.dingtalk.com", "api.dingtalk.com"}) List<String> allowedWebhookHosts,
                                 @DefaultValue("5000") @Min(200) @Max(20000) int maxMessageChars,
                                 @DefaultValue("1h") Duration maxClockSkew) {

    public boolean enabled() {
        return appSecret != null && !appSecret.isBlank();
    }

    @Override
    public String toString() {
        return "DingTalkProperties[appSecret=" + (enabled() ? "***" : "") + ", robotCode=" + robotCode
                + ", allowedWebhookHosts=" + allowedWebhookHosts + "]";
    }
}
