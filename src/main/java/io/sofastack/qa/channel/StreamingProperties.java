package io.sofastack.qa.channel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a generative answer is shown in a chat while the LLM writes it (a Slack stream, a DingTalk AI card).
 *
 * @param enabled stream generative answers where the platform can; otherwise (and for extractive
 *        answers, which are ready at once) the answer is posted whole when it is done
 * @param flushChars text is sent on once this much has gathered since the last update
 * @param flushInterval or once this long has passed since the last update, whichever comes first; the
 *        first text goes out as soon as there is any. Slack allows appends at tier 4 (100+ a minute),
 *        and its own helpers flush about every 256 characters.
 */
@Validated
@ConfigurationProperties("qa.channel.streaming")
public record StreamingProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("256") @Min(1) @Max(12_000) int flushChars,
                                  @DefaultValue("1s") Duration flushInterval) {
}
