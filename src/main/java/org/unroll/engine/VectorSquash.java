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
        int vectorEnd = n - n % LANES;
        for (int i = 0; i < vectorEnd; i += LANES) {
            sigmoidLanes(DoubleVector.fromArray(SPECIES, src, from + i)).intoArray(dst, to + i);
        }
        for (int i = vectorEnd; i < n; i++) {
            dst[to + i] = Squash.sigmoid(src[from + i]);
        }
    }

    /** dst[to + i] = tanh(src[from + i]) for i &lt; n. */
    static void tanh(double[] src, int from, double[] dst, int to, int n) {
        int vectorEnd = n - n % LANES;
        for (int i = 0; i < vectorEnd; i += LANES) {
            tanhLanes(DoubleVector.fromArray(SPECIES, src, from + i)).intoArray(dst, to + i);
        }
        for (int i = vectorEnd; i < n; i++) {
            dst[to + i] = Squash.tanh(src[from + i]);
        }
    }

    /** σ(z) = 1 / (1 + e^−z), lane by lane. */
    private static DoubleVector sigmoidLanes(DoubleVector z) {
        DoubleVector e = z.neg().lanewise(VectorOperators.EXP);
        return ONE.div(e.add(1.0));
    }

    /**
     * tanh(z) = sign(z) · (1 − e^{−2|z|}) / (1 + e^{−2|z|}), and the odd Taylor polynomial of {@link Squash#tanh}
     * in the lanes where |z| &lt; 1/16.
     */
    private static DoubleVector tanhLanes(DoubleVector z) {
        DoubleVector a = z.abs();
        DoubleVector e = a.mul(-2.0).lanewise(VectorOperators.EXP);
        DoubleVector t = e.neg().add(1.0).div(e.add(1.0));
        DoubleVector large = t.lanewise(VectorOperators.NEG, z.compare(VectorOperators.LT, 0.0));
        DoubleVector z2 = z.mul(z);
        // z − z³/3 + 2z⁵/15 − 17z⁷/315 + 62z⁹/2835 − 1382z¹¹/155925, by Horner's rule
        DoubleVector p = z2.mul(-1382.0 / 155925).add(62.0 / 2835);
        p = z2.mul(p).add(-17.0 / 315);
        p = z2.mul(p).add(2.0 / 15);
        p = z2.mul(p).add(-1.0 / 3);
        p = z2.mul(p).add(1.0);
        DoubleVector small = z.mul(p);
        VectorMask<Double> isSmall = a.compare(VectorOperators.LT, SMALL);
        return large.blend(small, isSmall);
    }
}
