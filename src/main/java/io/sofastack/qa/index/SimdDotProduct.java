package io.sofastack.qa.index;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotProduct} with the JDK's Vector API: two accumulators of the CPU's preferred width, fused
 * multiply-adds, one reduction at the end. Only loaded by {@link DotProduct#choose} once it knows the
 * module is there;
 * its constructor refuses a CPU whose preferred vectors are too narrow to gain.
 */
final class SimdDotProduct implements DotProduct {

    /** A constant, so that the JIT compiles the loop to vector instructions of this width. */
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Narrower than this, the Vector API gains little over the scalar loop, or is not compiled to SIMD at all. */
    private static final int MIN_BITS = 256;

    SimdDotProduct() {
        if (SPECIES.vectorBitSize() < MIN_BITS) {
            throw new IllegalStateException("this CPU's preferred vectors have only " + SPECIES.vectorBitSize() + " bits");
        }
    }

    @Override
    public float of(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        int step = SPECIES.length();
        FloatVector first = FloatVector.zero(SPECIES);
        FloatVector second = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i + 2 * step <= a.length; i += 2 * step) {
            first = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), first);
            second = FloatVector.fromArray(SPECIES, a, i + step).fma(FloatVector.fromArray(SPECIES, b, i + step), second);
        }
        for (; i + step <= a.length; i += step) {
            first = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), first);
        }
        float sum = first.add(second).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            sum = Math.fma(a[i], b[i], sum);
        }
        return sum;
    }

    @Override
    public String description() {
        return "the Vector API, " + SPECIES.vectorBitSize() + "-bit vectors of " + SPECIES.length() + " floats";
    }
}
