package io.sofastack.qa.index;

import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dot product that is loaded and compiled by the JIT before any question uses it. Until the JIT
 * has compiled it, the Vector API runs as objects in memory instead of instructions, many times
 * slower than Lucene's scalar loop, and loading its classes takes a tenth of a second: the start and
 * its first questions would wait for both. A background thread loads it and calls it until it is
 * compiled (about 6,000 calls, 80 ms of one core on this machine) while questions use
 * {@code meanwhile}; afterwards they use it. When it cannot be loaded, {@code meanwhile} stays.
 */
final class WarmedUpDotProduct implements DotProduct {

    /** Past the JIT's thresholds for its optimising compiler, with room to spare. */
    static final int WARM_UP_CALLS = 20_000;
    private static final int DIMENSIONS = 512;
    private static final Logger log = LoggerFactory.getLogger(WarmedUpDotProduct.class);

    private final DotProduct meanwhile;
    private volatile DotProduct current;
    private volatile boolean done;
    /** Read after the warm-up, so that the JIT cannot drop its calls as unused. */
    private volatile float warmUpSum;

    /** @param load gives the product, or throws when it cannot be had (the reason is logged) */
    WarmedUpDotProduct(Supplier<DotProduct> load, DotProduct meanwhile) {
        this.meanwhile = meanwhile;
        this.current = meanwhile;
        Thread warmUp = new Thread(() -> warmUp(load), "vector-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private void warmUp(Supplier<DotProduct> load) {
        long started = System.nanoTime();
        try {
            DotProduct product = load.get();
            Random random = new Random(DIMENSIONS);
            float[] a = new float[DIMENSIONS];
            float[] b = new float[DIMENSIONS];
            for (int i = 0; i < DIMENSIONS; i++) {
                a[i] = (float) random.nextGaussian();
                b[i] = (float) random.nextGaussian();
            }
            float sum = 0;
            for (int call = 0; call < WARM_UP_CALLS; call++) {
                sum += product.of(a, b);
            }
            warmUpSum = sum;
            current = product;
            log.info("Vector similarity by {} (loaded and compiled in {} ms; {} until then)", product.description(),
                    (System.nanoTime() - started) / 1_000_000, meanwhile.description());
        } catch (RuntimeException | LinkageError e) {
            log.info("Vector similarity by {}: {}", meanwhile.description(), e.getMessage());
        } finally {
            done = true;
        }
    }

    /** Whether the warm-up is over (whether or not it succeeded). */
    boolean done() {
        return done;
    }

    @Override
    public float of(float[] a, float[] b) {
        return current.of(a, b);
    }

    @Override
    public String description() {
        return current.description();
    }
}
