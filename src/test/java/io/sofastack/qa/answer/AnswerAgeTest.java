package io.sofastack.qa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.Passage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An answer says how old its source is once that is past qa.answer.stale-after, and which asked-for version is newer than the source's. */
class AnswerAgeTest {

    private final AnswerAge age = new AnswerAge(Duration.ofDays(730), Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    private static Passage thread(LocalDate date, String text) {
        return new Passage("t", Passage.Kind.QA, "weekly/x.md", "zh", null, "SOFA Weekly", "https://www.sofastack.tech/blog/x/", date,
                null, "SOFARPC 怎么设置超时？", text, List.of(), List.of());
    }

    @Test
    void anOldSourceGetsOneLineInTheQuestionsLanguage() {
        Passage old = thread(LocalDate.parse("2021-03-05"), "在 5.7.6 里用 timeout 属性。");

        assertThat(age.note("SOFARPC 怎么设置超时？", old, Language.CHINESE))
                .hasValue("_注意：这个回答依据的是 2021-03-05 的内容（约 5 年前），产品之后可能已有变化。_");
        assertThat(age.note("How do I set a timeout in SOFARPC?", old, Language.ENGLISH))
                .hasValue("_Note: this answer draws on a post of 2021-03-05 (about 5 years ago); the product may have changed since._");
    }

    @Test
    void aRecentSourceAndAnUndatedDocsPageGetNone() {
        assertThat(age.note("SOFARPC 怎么设置超时？", thread(LocalDate.parse("2025-06-01"), "用 timeout 属性。"), Language.CHINESE)).isEmpty();
        assertThat(age.note("SOFARPC 怎么设置超时？", thread(null, "用 timeout 属性。"), Language.CHINESE)).isEmpty();
    }

    @Test
    void aVersionNewerThanAnyOfTheSameLineInTheSourceIsPointedOut() {
        Passage recent = thread(LocalDate.parse("2025-06-01"), "在 5.7.6 和 v5.8 里用 timeout 属性，需要 Spring Boot 2.7。");

        assertThat(age.note("SOFARPC 5.12.0 怎么设置超时？", recent, Language.CHINESE)).hasValue("_注意：你问的是 5.12.0，来源里最高只提到 5.8。_");
        assertThat(age.note("SOFARPC 5.8 怎么设置超时？", recent, Language.CHINESE)).as("the source knows it").isEmpty();
        assertThat(age.note("Spring Boot 3.2 下怎么设置？", recent, Language.CHINESE)).as("no 3.x in the source to compare with").isEmpty();
        assertThat(age.note("监听 127.0.0.1 时 2026.11 版本怎么设置？", recent, Language.CHINESE)).as("addresses and dates are no versions")
                .isEmpty();
    }
}
