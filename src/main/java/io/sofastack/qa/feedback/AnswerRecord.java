package io.sofastack.qa.feedback;

import java.time.Instant;
import java.util.List;

/**
 * An answer the bot gave, as the record keeps it.
 *
 * @param question the question as asked (redacted unless {@code qa.feedback.redact=false})
 * @param language {@code zh} or {@code en}
 * @param thread where it was asked, for a chat (e.g. {@code slack:C1:1712345678.000100}); {@code null} for the API
 * @param gap why it counts as a gap (not answered well), or {@code null}
 * @param sources the sources it cited, or when abstaining the nearest ones, best first
 */
public record AnswerRecord(String answerId, Instant askedAt, String channel, String question, String language,
                           boolean grounded, String mode, double confidence, List<RecordedSource> sources, String thread,
                           Gap gap) {

    public AnswerRecord {
        sources = List.copyOf(sources);
    }

    /** A source as recorded: enough to show a maintainer what the bot found nearest. */
    public record RecordedSource(String kind, String title, String section, String url, String date) {
    }

    /** Why an answer is a gap in the knowledge. */
    public enum Gap {
        /** The bot said it has no answer. */
        ABSTAINED("abstained"),
        /** It answered, but less sure than {@code qa.feedback.low-confidence}. */
        LOW_CONFIDENCE("low-confidence"),
        /** The asker said the answer did not help. */
        UNHELPFUL("unhelpful");

        private final String wireName;

        Gap(String wireName) {
            this.wireName = wireName;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return wireName;
        }

        static Gap of(String wireName) {
            for (Gap gap : values()) {
                if (gap.wireName.equals(wireName)) {
                    return gap;
                }
            }
            return null;
        }
    }
}
