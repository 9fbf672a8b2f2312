package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How user text becomes something to search for. */
class QueryTextTest {

    private final Terms terms = new Terms();
    private final BilingualLexicon lexicon = BilingualLexicon.load(new java.io.ByteArrayInputStream(
            "# test lexicon\nrollback\t回滚\nrestart\t重启\ntransact\t事务 分布\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    private final LexicalQueries lexical = new LexicalQueries();

    @Test
    void expandsEnglishQuestionsWithTheChineseTermsOfTheirWords() {
        String question = "How do I rollback a distributed transaction when the server restarts?";
        String expanded = lexicon.expand(question, terms.of("body", question));
        assertThat(expanded).startsWith(question).contains("回滚").contains("事务").contains("分布").contains("重启");
    }

    @Test
    void leavesChineseQuestionsAsTheyAre() {
        String question = "seata 回滚失败了怎么办，transaction restart 以后日志里还有记录吗";
        assertThat(lexicon.expand(question, terms.of("body", question))).isEqualTo(question);
    }

    @Test
    void refusesALexiconLineWithoutATranslation() {
        assertThatThrownBy(() -> BilingualLexicon.load(new java.io.ByteArrayInputStream(
                "rollback\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rollback");
    }

    @Test
    void anyTextBecomesAQueryWithoutSyntax() {
        for (String text : new String[] {"a:b AND (c OR", "\"unbalanced", "NodeImpl#handleAppendEntriesRequest", "*?~^",
                "@GlobalTransactional", "default.grouplist", "1.4.0"}) {
            // Never a parse exception: text is analyzed, not parsed.
            lexical.forText(text, 2f);
        }
        assertThat(lexical.forText("default.grouplist", 2f).toString()).contains("grouplist");
        assertThat(lexical.forText("!!!", 2f)).isNull();
    }

    @Test
    void aHugeQuestionDoesNotExceedTheClauseLimit() {
        assertThat(lexical.forText("注册中心连接".repeat(2000), 2f).toString()).contains("注册");
    }
}
