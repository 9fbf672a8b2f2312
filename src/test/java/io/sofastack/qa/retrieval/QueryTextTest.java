package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How user text becomes something to search for. */
class QueryTextTest {

    private final Glossary glossary = Glossary.load(QueryTextTest.class.getResourceAsStream("/glossary/en-zh.tsv"));
    private final LexicalQueries lexical = new LexicalQueries(2f);

    @Test
    void expandsEnglishQuestionsWithTheArchivesChineseTerms() {
        String expanded = glossary.expand("How do I roll back a distributed transaction when the server restarts?");
        assertThat(expanded).startsWith("How do I roll back").contains("回滚").contains("分布式事务").contains("重启");
    }

    @Test
    void leavesChineseQuestionsAsTheyAre() {
        assertThat(glossary.expand("seata 回滚失败 transaction 怎么办")).isEqualTo("seata 回滚失败 transaction 怎么办");
    }

    @Test
    void anyTextBecomesAQueryWithoutSyntax() {
        for (String text : new String[] {"a:b AND (c OR", "\"unbalanced", "NodeImpl#handleAppendEntriesRequest", "*?~^",
                "@GlobalTransactional", "default.grouplist", "1.4.0"}) {
            // Never a parse exception: text is analyzed, not parsed.
            lexical.forText(text);
        }
        assertThat(lexical.forText("default.grouplist").toString()).contains("grouplist");
        assertThat(lexical.forText("!!!")).isNull();
    }

    @Test
    void aHugeQuestionDoesNotExceedTheClauseLimit() {
        assertThat(lexical.forText("注册中心连接".repeat(2000)).toString()).contains("注册");
    }
}
