package io.sofastack.qa.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Service;

/**
 * Builds the report of what the bot could not answer: the period's gap questions, embedded with the
 * same model as the knowledge, clustered by average linkage, and each cluster labelled by the terms
 * that set it apart.
 */
@Service
public class GapReports {

    private final AnswerRecords records;
    private final EmbeddingModel embeddings;
    private final GapProperties properties;
    private final Clock clock;

    GapReports(AnswerRecords records, EmbeddingModel embeddings, GapProperties properties, Clock clock) {
        this.records = records;
        this.embeddings = embeddings;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param from {@code null}: {@code qa.gaps.period} before {@code to}; @param to {@code null}: now */
    public GapReport report(Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(properties.period()) : from;
        List<AnswerRecord> gaps = records.gaps(start, end, properties.maxQuestions());
        int total = gaps.size();
        if (gaps.isEmpty()) {
            return new GapReport(start, end, 0, List.of());
        }
        List<String> questions = gaps.stream().map(AnswerRecord::question).toList();
        List<float[]> vectors = embeddings.embed(questions);
        TopicTerms terms = new TopicTerms(questions);
        List<GapReport.Cluster> clusters = new ArrayList<>();
        for (List<Integer> group : AverageLinkage.clusters(vectors, properties.clusterSimilarity())) {
            List<AnswerRecord> members = group.stream().map(gaps::get).toList();
            List<String> top = terms.top(members.stream().map(AnswerRecord::question).toList(), properties.terms());
            clusters.add(GapReport.Cluster.of(clusters.size() + 1, top, members, properties.samples()));
        }
        return new GapReport(start, end, total, clusters);
    }

    /** The report as CSV, one row per question with its cluster, for a spreadsheet. */
    public String csv(GapReport report) {
        StringBuilder csv = new StringBuilder("cluster,label,asked_at,channel,language,reason,confidence,question,nearest_title,nearest_url\r\n");
        for (GapReport.Cluster cluster : report.clusters()) {
            for (AnswerRecord member : cluster.members()) {
                var nearest = member.sources().isEmpty() ? null : member.sources().get(0);
                csv.append(cluster.id()).append(',').append(cell(cluster.label())).append(',').append(member.askedAt()).append(',')
                        .append(cell(member.channel())).append(',').append(member.language()).append(',').append(member.gap().wireName())
                        .append(',').append(String.format(java.util.Locale.ROOT, "%.3f", member.confidence())).append(',')
                        .append(cell(member.question())).append(',').append(cell(nearest == null ? "" : nearest.title())).append(',')
                        .append(cell(nearest == null ? "" : nearest.url())).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** A CSV cell (RFC 4180), with a leading formula character defused so that a spreadsheet shows it as text. */
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
