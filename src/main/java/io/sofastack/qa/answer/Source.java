package io.sofastack.qa.answer;

import io.sofastack.qa.retrieval.RetrievedPassage;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A passage an answer is drawn from (or, when the bot abstains, one that may be related).
 *
 * @param kind {@code qa}, {@code doc}, {@code article} or {@code community}
 * @param path the source file relative to the corpus root
 * @param url where a reader lands: the post, the page with the section's anchor, the chat thread; empty when there is no address
 * @param question a Q&amp;A thread's first question; {@code null} for sections
 * @param section a doc or article section's heading path; {@code null} for Q&amp;A threads
 * @param score for the first source of a grounded answer, the probability that it answers
 */
public record Source(String id, String kind, String path, String url, String title, LocalDate date, String question,
                     String section, double score) {

    public Source {
        url = url == null ? "" : url;
    }

    /** What a chat message calls the source: the title, and for a section its heading path. */
    public String label() {
        return label(title, section, url);
    }

    /** The title and heading path, whichever there is; the address when there is neither (never an empty link). */
    static String label(String title, String section, String url) {
        String label = Stream.of(title, section).filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" › "));
        return label.isEmpty() ? url : label;
    }

    static Source of(RetrievedPassage retrieved) {
        var passage = retrieved.passage();
        boolean qa = passage.kind().thread();
        return new Source(passage.id(), passage.kind().label(), passage.path(), passage.url(), passage.title(),
                passage.date(), qa ? passage.question() : null, qa ? null : passage.section(), retrieved.score());
    }
}
