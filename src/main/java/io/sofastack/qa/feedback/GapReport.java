package io.sofastack.qa.feedback;

import io.sofastack.qa.feedback.AnswerRecord.RecordedSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the bot could not answer in a period, grouped by topic.
 *
 * @param questions how many gap questions the period holds (at most {@code qa.gaps.max-questions} were clustered)
 */
public record GapReport(Instant from, Instant to, int questions, List<Cluster> clusters) {

    /**
     * Questions about one topic.
     *
     * @param label its most characteristic terms, joined
     * @param reasons how many are abstentions, unsure answers, unhelpful ones
     * @param nearest the knowledge the bot found nearest, most often first
     * @param members every question of the cluster, newest first
     */
    public record Cluster(int id, String label, List<String> terms, int size, Instant firstSeen, Instant lastSeen,
                          Map<String, Long> reasons, Map<String, Long> languages, List<String> samples,
                          List<RecordedSource> nearest, List<AnswerRecord> members) {

        private static final int LABEL_CHARS = 40;

        static Cluster of(int id, List<String> terms, List<AnswerRecord> members, int samples) {
            List<AnswerRecord> newestFirst = members.stream().sorted(Comparator.comparing(AnswerRecord::askedAt).reversed()).toList();
            Map<String, Long> nearestCounts = members.stream().filter(member -> !member.sources().isEmpty())
                    .collect(Collectors.groupingBy(member -> member.sources().get(0).url(), LinkedHashMap::new, Collectors.counting()));
            Map<String, RecordedSource> byUrl = members.stream().filter(member -> !member.sources().isEmpty())
                    .map(member -> member.sources().get(0))
                    .collect(Collectors.toMap(RecordedSource::url, Function.identity(), (first, second) -> first, LinkedHashMap::new));
            List<RecordedSource> nearest = nearestCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3).map(entry -> byUrl.get(entry.getKey())).toList();
            // A question alone (or asked again and again) says best what it is about; a group is named by the terms its questions share.
            boolean oneQuestion = members.stream().map(AnswerRecord::question).distinct().count() == 1;
            String label = oneQuestion || terms.isEmpty() ? shortened(newestFirst.get(0).question()) : String.join(" · ", terms);
            return new Cluster(id, label, oneQuestion ? List.of() : terms, members.size(),
                    newestFirst.get(newestFirst.size() - 1).askedAt(), newestFirst.get(0).askedAt(),
                    counts(members, member -> member.gap().wireName()), counts(members, AnswerRecord::language),
                    newestFirst.stream().map(AnswerRecord::question).distinct().limit(samples).toList(), nearest, newestFirst);
        }

        private static String shortened(String question) {
            return question.length() <= LABEL_CHARS ? question : question.substring(0, LABEL_CHARS) + "…";
        }

        private static Map<String, Long> counts(List<AnswerRecord> members, Function<AnswerRecord, String> key) {
            return members.stream().collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.counting()));
        }
    }
}
