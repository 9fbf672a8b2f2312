package io.sofastack.qa.community;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * A maintainer's answer to a question the bot could not answer, from candidate to (maybe) knowledge.
 *
 * @param id the candidate's id; {@code community:<id>} in the index once accepted
 * @param answerId the bot's answer it corrects or completes
 * @param platform where it was said ({@code slack}, {@code dingtalk})
 * @param thread the chat thread (or DingTalk conversation) of the question
 * @param question the question as the record of answers keeps it (redacted unless {@code qa.feedback.redact=false})
 * @param answer the maintainer's reply, or replies joined, as Markdown; a reviewer may have edited it
 * @param maintainer who answered, as the platform names them
 * @param link the thread's permalink, or empty where the platform has none
 * @param gap why the bot's answer needed one: {@code abstained}, {@code low-confidence}, {@code unhelpful}
 * @param askedAt when the question was asked
 * @param answeredAt when the maintainer last replied
 * @param reviewedAt when a reviewer last accepted, declined or withdrew it, or {@code null}
 */
public record CommunityAnswer(String id, Status status, String answerId, String platform, String thread, String question,
                              String answer, String maintainer, String link, String language, String gap, Instant askedAt,
                              Instant answeredAt, Instant reviewedAt) {

    /** Where a candidate stands. Only {@link #ACCEPTED} ones are served. */
    public enum Status {
        PENDING, ACCEPTED, DECLINED, WITHDRAWN;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status a wire name names, or {@code null}. */
        public static Status of(String wireName) {
            for (Status status : values()) {
                if (status.wireName().equals(wireName)) {
                    return status;
                }
            }
            return null;
        }
    }
}
