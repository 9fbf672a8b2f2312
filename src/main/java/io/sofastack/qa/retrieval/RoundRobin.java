package io.sofastack.qa.retrieval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Interleaves items of several groups in turn, each group in its own order. */
final class RoundRobin {

    private RoundRobin() {
    }

    /**
     * The items of {@code items} grouped by {@code groupOf}, taken one group after another in the order
     * of {@code groups}, leaving out those in {@code skip}; items of no listed group come last, in order.
     */
    static <T, G> List<T> interleave(List<T> items, List<G> groups, Function<T, G> groupOf, Collection<T> skip) {
        List<List<T>> queues = new ArrayList<>();
        for (G group : groups) {
            queues.add(new ArrayList<>(items.stream().filter(item -> group.equals(groupOf.apply(item)) && !skip.contains(item)).toList()));
        }
        List<T> interleaved = new ArrayList<>();
        boolean taken = true;
        while (taken) {
            taken = false;
            for (List<T> queue : queues) {
                if (!queue.isEmpty()) {
                    interleaved.add(queue.remove(0));
                    taken = true;
                }
            }
        }
        items.stream().filter(item -> !groups.contains(groupOf.apply(item)) && !skip.contains(item)).forEach(interleaved::add);
        return interleaved;
    }
}
