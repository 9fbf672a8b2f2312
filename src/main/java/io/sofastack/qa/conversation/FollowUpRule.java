package io.sofastack.qa.conversation;

import io.sofastack.qa.ingest.ProductTagger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a follow-up without an LLM: "那重试呢？" after "SOFARPC 的超时怎么配？" is retrieved as
 * "那重试呢？ SOFARPC". What carries over is what names the topic: product names and identifiers
 * (camel case, dotted, with digits, all capitals), not the earlier question's other words, which would
 * pull retrieval back to the answer already given. A follow-up that names a product of its own, and
 * none of the earlier ones, changes the topic and stands alone.
 */
final class FollowUpRule {

    /** A Latin token that names something: "SOFARPC", "RheaKV", "x-b3-traceid", "Istio 1.14" has "1.14". */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*|[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)+|[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+\\.[0-9]+(?:\\.[0-9]+)?");

    private final ProductTagger products = new ProductTagger();
    private final ConversationProperties.Merge merge;
    private final int maxQueryChars;

    FollowUpRule(ConversationProperties.Merge merge, int maxQueryChars) {
        this.merge = merge;
        this.maxQueryChars = maxQueryChars;
    }

    /** What retrieval is given for {@code followUp}, asked after a question retrieved as {@code previousQuery}. */
    String query(String previousQuery, String followUp) {
        if (merge == ConversationProperties.Merge.NONE || changesTopic(previousQuery, followUp)) {
            return followUp;
        }
        String added = merge == ConversationProperties.Merge.QUESTION ? previousQuery : String.join(" ", topicTerms(previousQuery, followUp));
        String query = added.isBlank() ? followUp : followUp + " " + added;
        return query.length() <= maxQueryChars ? query : query.substring(0, maxQueryChars);
    }

    /** Whether the follow-up names a product, and none that the earlier question named. */
    boolean changesTopic(String previousQuery, String followUp) {
        List<String> named = products.tag(followUp);
        if (named.isEmpty()) {
            return false;
        }
        List<String> before = products.tag(previousQuery);
        return named.stream().noneMatch(before::contains);
    }

    /** The product names and identifiers of the earlier query that the follow-up does not repeat. */
    Set<String> topicTerms(String previousQuery, String followUp) {
        String asked = followUp.toLowerCase(Locale.ROOT);
        Set<String> terms = new LinkedHashSet<>();
        for (String product : products.tag(previousQuery)) {
            if (!products.tag(followUp).contains(product)) {
                terms.add(product);
            }
        }
        if (merge == ConversationProperties.Merge.PRODUCTS) {
            return terms;
        }
        Matcher identifier = IDENTIFIER.matcher(previousQuery);
        while (identifier.find()) {
            String term = identifier.group();
            boolean repeated = asked.contains(term.toLowerCase(Locale.ROOT));
            boolean product = terms.stream().anyMatch(name -> name.equalsIgnoreCase(term)) || !products.tag(term).isEmpty();
            if (!repeated && !product) {
                terms.add(term);
            }
        }
        return terms;
    }
}
