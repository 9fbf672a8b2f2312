package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveAnalyzer;
import io.sofastack.qa.index.PassageDocuments;
import io.sofastack.qa.ingest.ProductTagger;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns any user text into a BM25 query over a passage's head (question or headings) and body. The
 * text is analyzed, never parsed, so no character in it is syntax: {@code @GlobalTransactional},
 * {@code a:b}, unbalanced quotes and brackets are all plain words.
 */
final class LexicalQueries {

    private final QueryBuilder builder = new QueryBuilder(new ArchiveAnalyzer());
    private final ProductTagger products = new ProductTagger();

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

    /** The products the text names (tagged once a question, for all its queries). */
    List<String> productsNamed(String text) {
        return products.tag(text);
    }

    /**
     * As {@link #forText(String, float)}, and a passage about one of the {@code named} products scores
     * more, by {@code productBoost} times that product's IDF. Only passages that match the text are
     * found: naming a product alone matches nothing.
     */
    Query forText(String text, float headBoost, List<String> named, float productBoost) {
        Query words = forText(text, headBoost);
        if (words == null || productBoost == 0 || named.isEmpty()) {
            return words;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        named.forEach(product -> query.add(new BoostQuery(new TermQuery(new Term(PassageDocuments.PRODUCT, product)), productBoost),
                BooleanClause.Occur.SHOULD));
        return query.build();
    }
}
