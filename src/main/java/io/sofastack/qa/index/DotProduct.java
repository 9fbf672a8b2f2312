package io.sofastack.qa.index;

import java.lang.reflect.InvocationTargetException;
import org.apache.lucene.util.VectorUtil;
import org.slf4j.LoggerFactory;

/**
 * The dot product of two vectors of the same length: nearly all the cost of the exact scan over every
 * passage's vector that each question makes ({@link GroupedSearch}).
 *
 * <p>Lucene 9 computes it with SIMD instructions only on Java 21 and later; on Java 17 its loop is
 * scalar. The JDK's Vector API ({@code jdk.incubator.vector}, present when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}, as README's run command does) does it 2 to 2.5 times as
 * fast on this machine's AVX-512 cores (the whole site's 8,471 vectors: 0.6-0.8 ms a scan against
 * 1.4-1.9 ms, warm and cold caches). Without the module, or with {@code qa.index.simd=false}, Lucene's
 * loop is used: the same products, summed in another order (they differ in the last bits only).
 */
interface DotProduct {

    /** Lucene's own loop. */
    DotProduct SCALAR = VectorUtil::dotProduct;

    /** The product; both vectors have the same length. */
    float of(float[] a, float[] b);

    /** What the product is computed with, for the log. */
    default String description() {
        return "Lucene's scalar loop";
    }

    /**
     * The Vector API's product when {@code simd} allows it, the JVM has the module and its preferred
     * vectors are wide enough to be worth it (once it is compiled: {@link WarmedUpDotProduct}); otherwise
     * Lucene's loop.
     */
    static DotProduct choose(boolean simd) {
        if (!simd) {
            return SCALAR;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LoggerFactory.getLogger(DotProduct.class).info(
                    "Vector similarity by Lucene's scalar loop: the JVM was started without --add-modules jdk.incubator.vector");
            return SCALAR;
        }
        return new WarmedUpDotProduct(DotProduct::vectorApi, SCALAR);
    }

    /** The Vector API's product, or an exception that says why it cannot be had. */
    private static DotProduct vectorApi() {
        try {
            // Loaded by name: with the module absent, the class could not even be linked.
            return (DotProduct) Class.forName("io.sofastack.qa.index.SimdDotProduct").getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API could not be loaded (" + e + ")", e);
        }
    }
}
