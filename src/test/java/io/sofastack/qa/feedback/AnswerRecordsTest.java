package io.sofastack.qa.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.MigratedH2;
import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerMode;
import io.sofastack.qa.answer.Source;
import io.sofastack.qa.channel.MovingClock;
import io.sofastack.qa.feedback.AnswerRecord.Gap;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What the record keeps of an answer, how votes change it, and how long it keeps it. */
class AnswerRecordsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T10:00:00Z"));

    @TempDir
    Path dir;

    private JdbcClient jdbc;
    private AnswerRecords records;
    private Feedbacks feedbacks;

    private void open(FeedbackProperties properties) {
        DataSource dataSource = MigratedH2.at(dir.resolve("state"));
        jdbc = JdbcClient.create(dataSource);
        records = new AnswerRecords(jdbc, JsonMapper.builder().build(), clock, properties);
        feedbacks = new Feedbacks(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), records, properties, clock);
    }

    private static FeedbackProperties properties(Duration retention, int maxRecords, boolean keepUserIds) {
        return new FeedbackProperties(true, retention, maxRecords, true, keepUserIds, 50, 0.5, Duration.ofHours(1));
    }

    private static Answer answer(boolean grounded, double confidence) {
        Source source = new Source("t1", "qa", "weekly/2022-02-18.md", "https://www.sofastack.tech/blog/sofa-weekly-20220218/",
                "SOFA Weekly", LocalDate.parse("2022-02-18"), "三节点挂一个？", null, confidence);
        return new Answer(grounded ? "不正常。" : "还没有答案。", grounded, AnswerMode.EXTRACTIVE, List.of(source), confidence);
    }

    @Test
    void anAnswerIsRecordedWithItsQuestionRedactedAndItsGap() {
        open(properties(Duration.ofDays(90), 1000, false));
        Answer abstained = answer(false, 0.2);
        Answer unsure = answer(true, 0.4);
        Answer sure = answer(true, 0.9);
        records.record("slack", "我的邮箱 ops@example.com，手机 13812345678，token xoxb-1234567890-abcdef 连不上 MOSN", abstained,
                "slack:C1:1700.1");
        records.record("http", "MOSN 支持 dubbo 吗？", unsure, null);
        records.record("http", "How do I configure SOFARegistry?", sure, null);

        AnswerRecord kept = records.find(abstained.id()).orElseThrow();
        assertThat(kept.question()).isEqualTo("我的邮箱 [email]，手机 [phone]，token [token] 连不上 MOSN");
        assertThat(kept.gap()).isEqualTo(Gap.ABSTAINED);
        assertThat(kept.thread()).isEqualTo("slack:C1:1700.1");
        assertThat(kept.sources()).singleElement().satisfies(source -> {
            assertThat(source.url()).isEqualTo("https://www.sofastack.tech/blog/sofa-weekly-20220218/");
            assertThat(source.date()).isEqualTo("2022-02-18");
        });
        assertThat(records.find(unsure.id()).orElseThrow().gap()).isEqualTo(Gap.LOW_CONFIDENCE);
        AnswerRecord english = records.find(sure.id()).orElseThrow();
        assertThat(english.gap()).isNull();
        assertThat(english.language()).isEqualTo("en");
        assertThat(records.gaps(clock.instant().minusSeconds(60), clock.instant().plusSeconds(1), 10)).hasSize(2);
        assertThat(records.countGaps()).isEqualTo(2);
    }

    @Test
    void aThumbsDownMakesAGapOneVoteAPersonAndTakingItBackUndoesIt() {
        open(properties(Duration.ofDays(90), 1000, false));
        Answer sure = answer(true, 0.9);
        records.record("slack", "MOSN 支持 dubbo 吗？", sure, null);

        assertThat(feedbacks.give(new Feedbacks.Vote(sure.id(), false, "过时了", "slack:U1", "slack"))).isEqualTo(Feedbacks.Outcome.RECORDED);
        assertThat(feedbacks.give(new Feedbacks.Vote(sure.id(), false, null, "slack:U1", "slack"))).isEqualTo(Feedbacks.Outcome.RECORDED);
        assertThat(feedbacks.tally(sure.id())).isEqualTo(new Feedbacks.Tally(0, 1));
        assertThat(records.find(sure.id()).orElseThrow().gap()).isEqualTo(Gap.UNHELPFUL);

        feedbacks.give(new Feedbacks.Vote(sure.id(), true, null, "slack:U1", "slack"));
        assertThat(feedbacks.tally(sure.id())).isEqualTo(new Feedbacks.Tally(1, 0));
        assertThat(records.find(sure.id()).orElseThrow().gap()).isNull();
        assertThat(feedbacks.give(new Feedbacks.Vote("no-such-answer", true, null, "slack:U1", "slack")))
                .isEqualTo(Feedbacks.Outcome.UNKNOWN_ANSWER);
    }

    @Test
    void whoVotedIsKeptOnlyWhenAskedToAndCommentsAreBoundedAndRedacted() {
        open(properties(Duration.ofDays(90), 1000, false));
        Answer first = answer(true, 0.9);
        records.record("slack", "q", first, null);
        feedbacks.give(new Feedbacks.Vote(first.id(), false, "write to me at a@b.io " + "x".repeat(100), "slack:U123", "slack"));
        assertThat(jdbc.sql("select voter from answer_feedback").query(String.class).single()).doesNotContain("U123").startsWith("h:");
        assertThat(jdbc.sql("select comment from answer_feedback").query(String.class).single()).hasSize(50).contains("[email]");

        dir = dir.resolve("second");
        open(properties(Duration.ofDays(90), 1000, true));
        Answer second = answer(true, 0.9);
        records.record("slack", "q", second, null);
        feedbacks.give(new Feedbacks.Vote(second.id(), true, null, "slack:U123", "slack"));
        assertThat(jdbc.sql("select voter from answer_feedback").query(String.class).single()).isEqualTo("slack:U123");
    }

    @Test
    void recordsPastTheirRetentionOrBeyondTheCapAreDeletedWithTheirVotes() {
        open(properties(Duration.ofDays(30), 100, false));
        Answer old = answer(false, 0.1);
        records.record("http", "old question", old, null);
        feedbacks.give(new Feedbacks.Vote(old.id(), false, null, "v", "http"));
        clock.advance(Duration.ofDays(31));
        for (int i = 0; i < 102; i++) {
            records.record("http", "question " + i, answer(false, 0.1), null);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(records.prune()).isEqualTo(1 + 1 + 2);
        assertThat(records.find(old.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from answer_record").query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from answer_feedback").query(Long.class).single()).isZero();
        assertThat(records.gaps(Instant.EPOCH, clock.instant(), 1000)).extracting(AnswerRecord::question)
                .doesNotContain("question 0", "question 1").contains("question 2", "question 101");
    }
}
