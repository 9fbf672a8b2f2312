package io.sofastack.qa.channel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often questions may be asked. An asker is a chat user, or for the HTTP API the client address;
 * a conversation is a chat group, channel or DM.
 *
 * @param enabled whether questions are limited at all
 * @param perAsker questions one asker may ask per {@code perAskerPeriod}
 * @param perConversation questions one conversation may ask per {@code perConversationPeriod}
 * @param global questions the whole bot takes per {@code globalPeriod}
 * @param trackedKeys askers and conversations remembered at most by the memory store (the least recently seen are forgotten)
 * @param store where the permits are counted: {@code memory} (this process) or {@code database}
 *        (shared by every replica that uses the same database)
 */
@Validated
@ConfigurationProperties("qa.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("20") @Min(1) int perAsker,
                                  @DefaultValue("1m") Duration perAskerPeriod,
                                  @DefaultValue("60") @Min(1) int perConversation,
                                  @DefaultValue("1m") Duration perConversationPeriod,
                                  @DefaultValue("300") @Min(1) int global,
                                  @DefaultValue("1s") Duration globalPeriod,
                                  @DefaultValue("100000") @Min(100) @Max(10_000_000) int trackedKeys,
                                  @DefaultValue("memory") Store store) {

    /** Where the permits are counted. */
    public enum Store {
        MEMORY, DATABASE
    }
}
