package io.sofastack.qa.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.MigratedH2;
import io.sofastack.qa.channel.MovingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which questions are read as follow-ups, and for how long a conversation is remembered, in the state database. */
class ConversationsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T10:00:00Z"));

    @TempDir
    Path dir;

    private Conversations conversations(Path database) {
        DataSource dataSource = MigratedH2.at(database);
        ConversationStore store = new ConversationStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
        ConversationProperties properties = new ConversationProperties(true, Duration.ofMinutes(10), Duration.ofHours(24),
                ConversationProperties.Merge.TERMS, true, Duration.ofSeconds(5), 400);
        return new Conversations(store, properties, new StaticListableBeanFactory().getBeanProvider(FollowUpRewriter.class), clock);
    }

    @Test
    void theSameAskerSoonAfterInAChatFollowsUpAndAnyoneElseStartsAfresh() {
        Conversations conversations = conversations(dir.resolve("chat"));
        Conversation chat = Conversation.chat("dingtalk:cid1:alice");
        conversations.remember(chat, "alice", conversations.read(chat, "alice", "SOFAJRaft 三节点挂一个会怎样？"));

        clock.advance(Duration.ofMinutes(9));
        FollowUp next = conversations.read(chat, "alice", "那 5 个节点呢？");
        assertThat(next.isFollowUp()).isTrue();
        assertThat(next.follows()).isEqualTo("SOFAJRaft 三节点挂一个会怎样？");
        assertThat(next.query()).isEqualTo("那 5 个节点呢？ SOFAJRaft");
        assertThat(conversations.read(chat, "bob", "那 5 个节点呢？").isFollowUp()).isFalse();
    }

    @Test
    void aChatIsForgottenAfterItsWindowAndAThreadAfterItsOwn() {
        Conversations conversations = conversations(dir.resolve("windows"));
        Conversation chat = Conversation.chat("dingtalk:cid1:alice");
        Conversation thread = Conversation.thread("slack:C1:1700000000.000100");
        conversations.remember(chat, "alice", FollowUp.alone("MOSN 支持 dubbo 吗？"));
        conversations.remember(thread, "alice", FollowUp.alone("MOSN 支持 dubbo 吗？"));

        clock.advance(Duration.ofMinutes(11));
        assertThat(conversations.read(chat, "alice", "注册中心呢？").isFollowUp()).isFalse();
        assertThat(conversations.read(thread, "bob", "注册中心呢？").isFollowUp()).as("in a thread anyone continues it").isTrue();
        clock.advance(Duration.ofHours(24));
        assertThat(conversations.isOngoing(thread)).isFalse();
    }

    @Test
    void aChainOfFollowUpsKeepsTheTopicAndTheLastAskerIsKnown() {
        Conversations conversations = conversations(dir.resolve("chain"));
        Conversation thread = Conversation.thread("slack:C1:1700000000.000200");
        conversations.remember(thread, "alice", conversations.read(thread, "alice", "SOFARPC 超时怎么配？"));
        conversations.remember(thread, "alice", conversations.read(thread, "alice", "重试呢？"));

        assertThat(conversations.read(thread, "alice", "那熔断呢？").query()).isEqualTo("那熔断呢？ SOFARPC");
        assertThat(conversations.lastAsker(thread)).contains("alice");
    }

    @Test
    void aConversationSurvivesARestartOfTheProcess() {
        Path database = dir.resolve("restart");
        Conversation chat = Conversation.chat("dingtalk:cid1:alice");
        Conversations before = conversations(database);
        before.remember(chat, "alice", FollowUp.alone("Seata 的全局锁是什么？"));

        assertThat(conversations(database).read(chat, "alice", "粒度多大？").follows()).isEqualTo("Seata 的全局锁是什么？");
    }

    @Test
    void withFollowUpsSwitchedOffEveryQuestionStandsAlone() {
        DataSource dataSource = MigratedH2.at(dir.resolve("off"));
        Conversations off = new Conversations(new ConversationStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock),
                new ConversationProperties(false, Duration.ofMinutes(10), Duration.ofHours(24), ConversationProperties.Merge.TERMS,
                        true, Duration.ofSeconds(5), 400),
                new StaticListableBeanFactory().getBeanProvider(FollowUpRewriter.class), clock);
        Conversation chat = Conversation.chat("k");
        off.remember(chat, "alice", FollowUp.alone("SOFARPC 超时怎么配？"));
        assertThat(off.read(chat, "alice", "重试呢？").isFollowUp()).isFalse();
    }
}
