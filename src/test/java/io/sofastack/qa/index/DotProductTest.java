package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The Vector API's dot product is the scalar one up to the order of the additions, for every length
 * (whole vectors, a remainder, shorter than one vector), and it is used only where it can gain. The
 * tests run with {@code --add-modules jdk.incubator.vector}, as README's run command does (pom.xml).
 */
class DotProductTest {

    private final Random random = new Random(11);

    @Test
    void theVectorApisProductIsLucenesToTheLastBitsAtEveryLength() {
        assumeTrue(FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256, "this CPU's vectors are too narrow for the Vector API's product");
        SimdDotProduct simd = new SimdDotProduct();
        for (int length : new int[] {1, 3, 8, 15, 16, 17, 31, 32, 33, 100, 384, 512, 513, 768}) {
            for (int trial = 0; trial < 20; trial++) {
                float[] a = gaussian(length);
                float[] b = gaussian(length);
                float expected = DotProduct.SCALAR.of(a, b);
                assertThat(simd.of(a, b)).as("length %d", length)
                        .isCloseTo(expected, within(1e-5f * Math.max(1f, (float) Math.sqrt(length))));
            }
        }
        assertThat(simd.of(new float[0], new float[0])).isZero();
    }

    @Test
    void vectorsOfDifferentLengthsAreRefused() {
        assumeTrue(FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256, "this CPU's vectors are too narrow for the Vector API's product");
        assertThatThrownBy(() -> new SimdDotProduct().of(new float[4], new float[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 and 5");
    }

    @Test
    void theVectorApiIsChosenWhenAllowedAndTheCpusVectorsAreWideEnoughAndLucenesLoopOtherwise() throws InterruptedException {
        assertThat(DotProduct.choose(false)).isSameAs(DotProduct.SCALAR);
        WarmedUpDotProduct chosen = (WarmedUpDotProduct) DotProduct.choose(true);
        awaitWarmUp(chosen);
        if (FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256) {
            assertThat(chosen.description()).contains("Vector API", FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit");
        } else {
            assertThat(chosen.description()).isEqualTo(DotProduct.SCALAR.description());
        }
    }

    @Test
    void untilItsWarmUpIsDoneTheOtherProductAnswersAndAfterwardsItself() throws InterruptedException {
        float[] a = gaussian(8);
        float[] b = gaussian(8);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        DotProduct slowToLoad = (x, y) -> {
            calls.incrementAndGet();
            return 42f;
        };
        WarmedUpDotProduct product = new WarmedUpDotProduct(() -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return slowToLoad;
        }, (x, y) -> -1f);
        assertThat(product.of(a, b)).isEqualTo(-1f);
        assertThat(product.done()).isFalse();
        released.countDown();
        awaitWarmUp(product);
        assertThat(calls.get()).isEqualTo(WarmedUpDotProduct.WARM_UP_CALLS);
        assertThat(product.of(a, b)).isEqualTo(42f);
    }

    @Test
    void aProductThatCannotBeLoadedLeavesTheOtherOneForGood() throws InterruptedException {
        WarmedUpDotProduct product = new WarmedUpDotProduct(() -> {
            throw new IllegalStateException("this CPU's preferred vectors have only 128 bits");
        }, DotProduct.SCALAR);
        awaitWarmUp(product);
        assertThat(product.description()).isEqualTo(DotProduct.SCALAR.description());
        assertThat(product.of(new float[] {1, 2}, new float[] {3, 4})).isEqualTo(11f);
    }

    private static void awaitWarmUp(WarmedUpDotProduct product) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!product.done() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(product.done()).as("warm-up done within 30 s").isTrue();
    }

    private float[] gaussian(int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
