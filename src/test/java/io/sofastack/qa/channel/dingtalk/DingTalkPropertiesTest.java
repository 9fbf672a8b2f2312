package io.sofastack.qa.channel.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The DingTalk robot's settings refuse a configuration that would answer for any robot of the app. */
class DingTalkPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @EnableConfigurationProperties(DingTalkProperties.class)
    static class Settings {
    }

    @Test
    void anAppSecretWithoutARobotCodeFailsTheStartWithAClearMessage() {
        context.withPropertyValues("qa.dingtalk.app-secret=secret").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("qa.dingtalk.robot-code is required when qa.dingtalk.app-secret is set"));
    }

    @Test
    void withARobotCodeItStartsAndWithoutASecretTheRobotIsSimplyOff() {
        context.withPropertyValues("qa.dingtalk.app-secret=secret", "qa.dingtalk.robot-code=ding-robot")
                .run(started -> assertThat(started.getBean(DingTalkProperties.class).enabled()).isTrue());
        context.run(started -> assertThat(started.getBean(DingTalkProperties.class).enabled()).isFalse());
    }

    @Test
    void anAllowListLimitsTheConversationsAnsweredIn() {
        DingTalkProperties everywhere = properties(List.of());
        DingTalkProperties listed = properties(List.of("cid-ops"));

        assertThat(everywhere.answersIn("cid-anything")).isTrue();
        assertThat(listed.answersIn("cid-ops")).isTrue();
        assertThat(listed.answersIn("cid-other")).isFalse();
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(properties(List.of()).toString()).doesNotContain("secret-value").contains("***");
        assertThatThrownBy(() -> new DingTalkProperties("secret-value", " ", List.of(), List.of(), 5000, Duration.ofHours(1),
                null, "https://api.dingtalk.com", Duration.ofMinutes(5), null, Duration.ofSeconds(1), null, "content", null))
                .hasMessageNotContaining("secret-value");
    }

    private static DingTalkProperties properties(List<String> conversations) {
        return new DingTalkProperties("secret-value", "ding-robot", conversations, List.of("api.dingtalk.com"), 5000,
                Duration.ofHours(1), null, "https://api.dingtalk.com", Duration.ofMinutes(5), null, Duration.ofSeconds(1), null, "content", null);
    }
}
