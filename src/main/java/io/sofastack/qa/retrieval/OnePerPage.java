package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.PassageSearcher;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A ranking of hits made into a ranking of sources: one entry per Q&amp;A thread and per page, a page's
 * best section standing for it, in the question's language when that translation was found too, so a
 * page and its translation are never two sources. A passage is loaded only when it becomes an entry
 * or may be the translation one needs.
 */
final class OnePerPage {

    private OnePerPage() {
    }

    /** The first {@code wanted} entries of {@code fused}, with the passage each answers from. */
    static List<Map.Entry<Candidate, Passage>> entries(PassageSearcher searcher, List<Candidate> fused, String language,
                                                        int wanted) throws IOException {
        List<Map.Entry<Candidate, Passage>> entries = new ArrayList<>();
        Map<String, Integer> positionByPage = new HashMap<>();
        for (Candidate candidate : fused) {
            if (Passage.Kind.QA.label().equals(searcher.rankedKind(candidate.doc()))) {
                if (entries.size() == wanted) {
                    break;
                }
                entries.add(Map.entry(candidate, searcher.passage(candidate.doc())));
                continue;
            }
            String page = searcher.pageKey(candidate.doc());
            Integer position = positionByPage.get(page);
            if (position == null) {
                if (entries.size() == wanted) {
                    break;
                }
                positionByPage.put(page, entries.size());
                entries.add(Map.entry(candidate, searcher.passage(candidate.doc())));
            } else if (!entries.get(position).getValue().language().equals(language)) {
                Passage translation = searcher.passage(candidate.doc());
                if (translation.language().equals(language)) {
                    entries.set(position, Map.entry(entries.get(position).getKey(), translation));
                }
            }
        }
        return entries;
    }
}
