package org.unroll.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Squash}'s range forms on the JDK Vector API: the same formulas as the scalar functions, a vector of
 * lanes at a time, with {@code lanewise(EXP)} (the JDK's vector exponential, within 1 ulp like {@link Math#exp})
 * in place of {@link Math#exp}. The last {@code n mod LANES} elements take the scalar functions.
 * Load this class only when {@code jdk.incubator.vector} is in the boot layer (see {@link Squash}).
 */
final class VectorSquash {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final double SMALL = 0.0625;
    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);

    private VectorSquash() {
    }

    /** dst[to + i] = σ(src[from + i]) for i &lt; n. */
    static void sigmoid(double[] src, int from, double[] dst, int to, int n) {
        apply(false, src, from, dst, to, n);
    }

    /** dst[to + i] = tanh(src[from + i]) for i &lt; n. */
    static void tanh(double[] src, int from, double[] dst, int to, int n) {
        apply(true, src, from, dst, to, n);
    }

    /**
     * Both functions in one method on purpose: its bytecode is larger than C2's limit for inlining a hot callee
     * (FreqInlineSize, 325 bytes), so it is always compiled on its own, where every Vector API call is
     * intrinsified. Inlined into a cell's large forward method it could exhaust the caller's inlining budget,
     * and the vectors would then fall back to the API's allocating Java implementation (seen in JFR as
     * allocations from {@code DoubleVector.lanewiseTemplate} under {@code LstmCell.forward}).
     */
    private static void apply(boolean tanh, double[] src, int from, double[] dst, int to, int n) {
        int vectorEnd = n - n % LANES;
        if (!tanh) {
            for (int i = 0; i < vectorEnd; i += LANES) {
                // σ(z) = 1 / (1 + e^−z)
                DoubleVector e = DoubleVector.fromArray(SPECIES, src, from + i).neg().lanewise(VectorOperators.EXP);
                ONE.div(e.add(1.0)).intoArray(dst, to + i);
            }
            for (int i = vectorEnd; i < n; i++) {
                dst[to + i] = Squash.sigmoid(src[from + i]);
            }
            return;
        }
        for (int i = 0; i < vectorEnd; i += LANES) {
            // tanh(z) = sign(z) · (1 − e^{−2|z|}) / (1 + e^{−2|z|}) ...
            DoubleVector z = DoubleVector.fromArray(SPECIES, src, from + i);
            DoubleVector a = z.abs();
            DoubleVector e = a.mul(-2.0).lanewise(VectorOperators.EXP);
            DoubleVector t = e.neg().add(1.0).div(e.add(1.0));
            DoubleVector large = t.lanewise(VectorOperators.NEG, z.compare(VectorOperators.LT, 0.0));
            // ... and where |z| < 1/16 the odd Taylor polynomial of Squash.tanh,
            // z − z³/3 + 2z⁵/15 − 17z⁷/315 + 62z⁹/2835 − 1382z¹¹/155925, by Horner's rule
            DoubleVector z2 = z.mul(z);
            DoubleVector p = z2.mul(-1382.0 / 155925).add(62.0 / 2835);
            p = z2.mul(p).add(-17.0 / 315);
            p = z2.mul(p).add(2.0 / 15);
            p = z2.mul(p).add(-1.0 / 3);
            p = z2.mul(p).add(1.0);
            VectorMask<Double> isSmall = a.compare(VectorOperators.LT, SMALL);
            large.blend(z.mul(p), isSmall).intoArray(dst, to + i);
        }
        for (int i = vectorEnd; i < n; i++) {
            dst[to + i] = Squash.tanh(src[from + i]);
        }
    }
}
