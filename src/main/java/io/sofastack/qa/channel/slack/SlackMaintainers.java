package io.sofastack.qa.channel.slack;

import io.sofastack.qa.community.MaintainerReplies;
import io.sofastack.qa.community.CommunityProperties;
import io.sofastack.qa.community.MaintainerReply;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Hears the maintainers in Slack threads: a thread reply by one of {@code qa.community.slack-maintainers},
 * or by a member of one of {@code qa.community.slack-maintainer-groups} ({@code usergroups.users.list},
 * remembered for {@code qa.community.maintainer-groups-ttl}), goes to the learning loop with the
 * thread's permalink ({@code chat.getPermalink}).
 */
final class SlackMaintainers {

    private static final Logger log = LoggerFactory.getLogger(SlackMaintainers.class);
    private static final Pattern LINK = Pattern.compile("<(https?://[^|>]+)(?:\\|([^>]*))?>");
    private static final Pattern MENTION = Pattern.compile("<[@#!][^>]*>");

    private record Members(Set<String> users, Instant readAt) {
    }

    private final RestClient restClient;
    private final SlackProperties slack;
    private final CommunityProperties community;
    private final MaintainerReplies answers;
    private final Clock clock;
    private final Map<String, Members> groups = new ConcurrentHashMap<>();

    SlackMaintainers(RestClient restClient, SlackProperties slack, CommunityProperties community, MaintainerReplies answers,
                     Clock clock) {
        this.restClient = restClient;
        this.slack = slack;
        this.community = community;
        this.answers = answers;
        this.clock = clock;
    }

    /** Whether the user answers for the project here. */
    boolean isMaintainer(String user) {
        if (answers.listedMaintainer(SlackChannel.PLATFORM, user)) {
            return true;
        }
        if (!community.enabled()) {
            return false;
        }
        for (String group : community.slackMaintainerGroups()) {
            if (members(group).contains(user)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands a thread reply to the learning loop if a maintainer wrote it; both that and the rest are
     * done later, off this thread (reading a user group's members may ask Slack).
     */
    void heard(String channel, String threadTs, String ts, String user, String rawText) {
        if (!community.enabled() || community.slackMaintainers().isEmpty() && community.slackMaintainerGroups().isEmpty()) {
            return;
        }
        answers.hearIf(() -> isMaintainer(user), new MaintainerReply(SlackChannel.PLATFORM, SlackChannel.PLATFORM + ":" + user,
                SlackChannel.PLATFORM + ":" + channel + ":" + threadTs, true, SlackChannel.PLATFORM + ":message:" + channel + ":" + ts,
                markdown(rawText), () -> permalink(channel, threadTs), clock.instant()));
    }

    /** Slack's markup as Markdown: {@code <url|text>} as a link, mentions dropped, entities decoded. */
    static String markdown(String mrkdwn) {
        Matcher link = LINK.matcher(mrkdwn == null ? "" : mrkdwn);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String replacement = link.group(2) == null || link.group(2).isBlank() ? link.group(1) : "[" + link.group(2) + "](" + link.group(1) + ")";
            link.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        link.appendTail(out);
        return MENTION.matcher(out).replaceAll("").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    private Set<String> members(String group) {
        Members known = groups.get(group);
        if (known != null && known.readAt().plus(community.maintainerGroupsTtl()).isAfter(clock.instant())) {
            return known.users();
        }
        Set<String> users = readMembers(group);
        if (users == null) {
            // Slack could not say: keep what was known rather than forget every maintainer.
            return known == null ? Set.of() : known.users();
        }
        groups.put(group, new Members(users, clock.instant()));
        return users;
    }

    private Set<String> readMembers(String group) {
        try {
            JsonNode body = restClient.get().uri(slack.apiBaseUrl() + "/usergroups.users.list?usergroup={group}", group)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + slack.botToken()).retrieve().body(JsonNode.class);
            if (body == null || !body.path("ok").asBoolean()) {
                log.warn("Slack refused usergroups.users.list for {}: {}", group, body == null ? "no body" : body.path("error").asString(""));
                return null;
            }
            Set<String> users = new HashSet<>();
            body.path("users").forEach(user -> users.add(user.asString("")));
            return users;
        } catch (RestClientException e) {
            log.warn("Slack usergroups.users.list for {} failed: {}", group, e.getMessage());
            return null;
        }
    }

    private String permalink(String channel, String messageTs) {
        try {
            JsonNode body = restClient.get().uri(slack.apiBaseUrl() + "/chat.getPermalink?channel={channel}&message_ts={ts}", channel, messageTs)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + slack.botToken()).retrieve().body(JsonNode.class);
            if (body != null && body.path("ok").asBoolean() && body.path("permalink").asString("").startsWith("https://")) {
                return body.path("permalink").asString();
            }
            log.warn("Slack gave no permalink for {} in {}: {}", messageTs, channel, body == null ? "no body" : body.path("error").asString(""));
        } catch (RestClientException e) {
            log.warn("Slack chat.getPermalink in {} failed: {}", channel, e.getMessage());
        }
        return "";
    }
}
