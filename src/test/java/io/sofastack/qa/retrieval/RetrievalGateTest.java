package io.sofastack.qa.retrieval;

import io.sofastack.qa.cpu.ThreadPriority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** At most so many retrievals at once; the rest wait their turn, and past the timeout are refused as busy. */
class RetrievalGateTest {

    @Test
    void noMoreRetrievalsRunAtOnceThanThereAreSlots() throws Exception {
        RetrievalGate gate = new RetrievalGate(2, Duration.ofSeconds(30), new ThreadPriority(), 0);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService askers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int question = i;
                answers.add(askers.submit(() -> gate.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return question;
                })));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(i);
            }
        } finally {
            askers.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aQuestionThatWaitsPastTheTimeoutIsRefusedAsBusyAndTheSlotIsFreeAgainAfterwards() throws Exception {
        RetrievalGate gate = new RetrievalGate(1, Duration.ofMillis(50), new ThreadPriority(), 0);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = other.submit(() -> gate.run(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }));
            holding.await();
            assertThatThrownBy(() -> gate.run(() -> "refused")).isInstanceOf(RetrievalBusyException.class)
                    .hasMessageContaining("qa.retrieval.max-concurrent");
            release.countDown();
            assertThat(slow.get()).isEqualTo("slow");
            assertThat(gate.run(() -> "answered")).isEqualTo("answered");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void retrievalsRunOnTheGatesOwnThreadsWhoseSchedulingPriorityWasLoweredBeforeAnyQuestion() throws Exception {
        List<String> lowered = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadPriority recording = new ThreadPriority() {
            @Override
            public boolean lowerCurrentThread(int nice) {
                lowered.add(Thread.currentThread().getName() + " by " + nice);
                return true;
            }
        };
        try (RetrievalGate gate = new RetrievalGate(2, Duration.ofSeconds(30), recording, 7)) {
            assertThat(gate.run(() -> Thread.currentThread().getName())).startsWith("retrieval-");
            assertThat(lowered).containsExactlyInAnyOrder("retrieval-1 by 7", "retrieval-2 by 7",
                    "retrieval-helper-1 by 7", "retrieval-helper-2 by 7");
            assertThat(gate.beside(() -> Thread.currentThread().getName()).get()).startsWith("retrieval-helper-");
            assertThatThrownBy(() -> gate.run(() -> {
                throw new IllegalArgumentException("bad question");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad question");
        }
    }

    @Test
    void aRetrievalThatHandsWorkToAHelperGoesOnMeanwhileAndEveryRetrievalAtOnceGetsItsHelpersResult() throws Exception {
        RetrievalGate gate = new RetrievalGate(2, Duration.ofSeconds(30), new ThreadPriority(), 0);
        ExecutorService askers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int question = i;
                answers.add(askers.submit(() -> gate.run(() -> {
                    CountDownLatch meanwhile = new CountDownLatch(1);
                    Future<String> helped = gate.beside(() -> {
                        try {
                            // the helper only finishes once the retrieval has gone on without it
                            meanwhile.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "helped " + question;
                    });
                    meanwhile.countDown();
                    try {
                        return helped.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo("helped " + i);
            }
        } finally {
            askers.shutdownNow();
            gate.close();
        }
    }

    @Test
    void aFailingRetrievalGivesItsSlotBack() {
        RetrievalGate gate = new RetrievalGate(1, Duration.ofMillis(50), new ThreadPriority(), 0);
        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalStateException("index closed");
        })).hasMessage("index closed");
        assertThat(gate.run(() -> "answered")).isEqualTo("answered");
    }
}
