package io.sofastack.qa.channel.slack;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Slack app (Events API and the {@code /ask} command). Off until {@code signing-secret} is set.
 *
 * @param signingSecret signs every request Slack sends
 * @param botToken the bot token ({@code xoxb-…}) that posts answers
 * @param apiBaseUrl the Web API
 * @param botUserId the bot's own user id; its own messages are ignored (also learnt from each event's authorizations)
 * @param allowedResponseHosts hosts a slash command's {@code response_url} may point to
 * @param maxRetries how often a rate-limited (429) post is retried
 * @param maxRetryAfter the longest wait a {@code Retry-After} may impose before giving up
 * @param maxMessageChars longer answers are trimmed to this
 * @param maxClockSkew a request's timestamp may be this far from now
 * @param listenChannels channels (ids) where the bot reads every new message, not only mentions, and
 *        answers the questions it is sure of ({@code qa.channel.unmentioned-min-confidence}); needs the
 *        {@code message.channels} (and {@code message.groups}) events
 * @param mode how events arrive: {@code http} (Slack posts them to the Request URL) or {@code socket}
 *        (Socket Mode: the bot opens a WebSocket to Slack, and needs no public address)
 * @param appToken the app-level token ({@code xapp-…}, scope {@code connections:write}) Socket Mode connects with
 * @param reconnectBackoff the first wait before connecting again after a dropped connection; it doubles
 *        up to 30 times that, with jitter
 * @param suggestedPrompts what a new assistant thread (the app's side panel) offers to ask: questions
 *        the archive answers
 * @param followUps which replies in a thread the bot answered are follow-ups it answers: {@code asker}
 *        (the asker's replies, and any that mention the bot) or {@code mention} (only those that
 *        mention it); needs the {@code message.channels} (and {@code message.groups}) events
 */
@Validated
@ConfigurationProperties("qa.slack")
public record SlackProperties(String signingSecret,
                              String botToken,
                              @DefaultValue("https://slack.com/api") String apiBaseUrl,
                              String botUserId,
                              @DefaultValue("hooks.slack.com") List<String> allowedResponseHosts,
                              @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
                              @DefaultValue("30s") Duration maxRetryAfter,
                              @DefaultValue("3900") @Min(200) @Max(40000) int maxMessageChars,
                              @DefaultValue("5m") Duration maxClockSkew,
                              List<String> listenChannels,
                              @DefaultValue("http") Mode mode,
                              String appToken,
                              @DefaultValue("1s") Duration reconnectBackoff,
                              List<Prompt> suggestedPrompts,
                              @DefaultValue("asker") FollowUps followUps) {

    /** A suggested prompt: the title shown, and the message it sends. */
    public record Prompt(String title, String message) {
    }

    /** Which thread replies count as follow-ups. */
    public enum FollowUps {
        ASKER, MENTION
    }

    /** How Slack's events reach the bot. */
    public enum Mode {
        HTTP, SOCKET
    }

    public SlackProperties {
        listenChannels = listenChannels == null ? List.of() : List.copyOf(listenChannels);
        mode = mode == null ? Mode.HTTP : mode;
        suggestedPrompts = suggestedPrompts == null ? List.of() : List.copyOf(suggestedPrompts);
        followUps = followUps == null ? FollowUps.ASKER : followUps;
        if (mode == Mode.SOCKET && (appToken == null || appToken.isBlank() || botToken == null || botToken.isBlank())) {
            throw new IllegalArgumentException("qa.slack.mode=socket needs qa.slack.app-token (an xapp- token with "
                    + "connections:write, from the app's Basic Information page) and qa.slack.bot-token");
        }
    }

    /** Whether Slack delivers over Socket Mode. */
    public boolean socketMode() {
        return mode == Mode.SOCKET;
    }

    public boolean enabled() {
        return signingSecret != null && !signingSecret.isBlank();
    }

    @Override
    public String toString() {
        return "SlackProperties[signingSecret=" + (enabled() ? "***" : "") + ", botToken=" + (botToken == null ? "" : "***")
                + ", appToken=" + (appToken == null ? "" : "***") + ", mode=" + mode
                + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
