package io.sofastack.qa.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who the maintainers are, and the bounds of the review queue.
 *
 * @param enabled learn from maintainers' replies; off: nothing new is heard, accepted answers are still served
 * @param slackMaintainers Slack user ids ({@code U…}) whose thread replies are heard
 * @param slackMaintainerGroups Slack user groups ({@code S…}) whose members are maintainers too
 *        (read with {@code usergroups.users.list}, scope {@code usergroups:read})
 * @param maintainerGroupsTtl how long a user group's members are remembered before they are read again
 * @param dingtalkMaintainers DingTalk staff ids ({@code senderStaffId}) whose answers are heard
 * @param dingtalkAnswerPrefixes DingTalk has no threads: a maintainer @-mentions the robot with one of
 *        these at the start of the message to answer the question the robot last could not answer there
 * @param dingtalkWindow how long after such a question a maintainer's answer is tied to it
 * @param maxAnswerChars a maintainer's answer (all their replies in the thread) is cut to this length
 * @param maxPending at most this many candidates wait for review; past it new ones are dropped, logged
 * @param refreshInterval how often a replica looks for reviews made on another one, and indexes them
 */
@Validated
@ConfigurationProperties("qa.community")
public record CommunityProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue List<String> slackMaintainers,
                                  @DefaultValue List<String> slackMaintainerGroups,
                                  @DefaultValue("10m") Duration maintainerGroupsTtl,
                                  @DefaultValue List<String> dingtalkMaintainers,
                                  @DefaultValue({"答：", "答:", "A：", "A:", "Answer:"}) List<String> dingtalkAnswerPrefixes,
                                  @DefaultValue("2h") Duration dingtalkWindow,
                                  @DefaultValue("4000") @Min(100) @Max(40000) int maxAnswerChars,
                                  @DefaultValue("1000") @Min(1) int maxPending,
                                  @DefaultValue("1m") Duration refreshInterval) {
}
