package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveAnalyzer;
import io.sofastack.qa.index.PassageDocuments;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns any user text into a BM25 query over a passage's head (question or headings) and body. The
 * text is analyzed, never parsed, so no character in it is syntax: {@code @GlobalTransactional},
 * {@code a:b}, unbalanced quotes and brackets are all plain words.
 */
final class LexicalQueries {

    private final QueryBuilder builder = new QueryBuilder(new ArchiveAnalyzer());

    /**
     * The query, or {@code null} when the text has no searchable term. Text with more terms than a
     * query may hold is searched by its beginning.
     *
     * @param headBoost how much more a match in the head counts than one in the body (0: the body only)
     */
    Query forText(String text, float headBoost) {
        Query head;
        Query body;
        try {
            head = builder.createBooleanQuery(PassageDocuments.HEAD, text);
            body = builder.createBooleanQuery(PassageDocuments.BODY, text);
        } catch (IndexSearcher.TooManyClauses e) {
            return forText(text.substring(0, text.length() / 2), headBoost);
        }
        if (head == null || body == null) {
            return null;
        }
        if (headBoost == 0) {
            return body;
        }
        return new BooleanQuery.Builder()
                .add(new BoostQuery(head, headBoost), BooleanClause.Occur.SHOULD)
                .add(body, BooleanClause.Occur.SHOULD)
                .build();
    }
}
