package org.unroll.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementKernel} on the JDK Vector API, a vector of {@code SPECIES_PREFERRED} lanes at a time (4 doubles with
 * AVX2, 8 with AVX-512); the last {@code n mod LANES} elements take {@link ScalarElements}. The arithmetic is the
 * scalar kernel's, operation by operation, so results are equal to the bit; σ and tanh use {@code lanewise(EXP)}
 * (the JDK's vector exponential, within 1 ulp like {@link Math#exp}) in the same formulas as
 * {@link Elementwise#sigmoid(double)} and {@link Elementwise#tanh(double)}.
 * Load this class only when {@code jdk.incubator.vector} is in the boot layer (see {@link Kernels}).
 */
final class VectorElements implements ElementKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);

    /**
     * Every operation in one method on purpose, and no helper that takes or returns a vector: the bytecode is
     * larger than C2's limit for inlining a hot callee
     * (FreqInlineSize, 325 bytes), so it is always compiled on its own, where every Vector API call is
     * intrinsified. A small vector method inlined into a cell's large method could exhaust the caller's inlining
     * budget, and its vectors would then fall back to the API's allocating Java implementation (seen in JFR as
     * allocations from {@code DoubleVector.lanewiseTemplate} under {@code LstmCell.forward}).
     */
    @Override
    public void apply(Op op, int rows, int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] c,
                      int co, int cs, double[] d, int dOff, int ds, double[] out, int oo, int os) {
        if (op == Op.SIGMOID || op == Op.TANH) {
            squash(op == Op.TANH, rows, n, a, ao, as, out, oo, os);
            return;
        }
        int end = n - n % LANES;
        if (end > 0) {
            arithmetic(op, rows, end, a, ao, as, b, bo, bs, c, co, cs, d, dOff, ds, out, oo, os);
        }
        if (end < n) {
            for (int r = 0; r < rows; r++) {
                for (int i = end; i < n; i++) {
                    out[oo + r * os + i] = ScalarElements.element(op, a, ao + r * as + i, b, bo + r * bs + i,
                            c, co + r * cs + i, d, dOff + r * ds + i);
                }
            }
        }
    }

    /**
     * The products and sums over the first {@code end} elements (a multiple of the lane count) of each row.
     *
     * <p>The vector code sits in two methods, this one and {@link #squash}, on purpose: each one's bytecode is
     * larger than C2's limit for inlining a hot callee (FreqInlineSize, 325 bytes), so it is always compiled on
     * its own, where every Vector API call is intrinsified, and each is small enough that C2 never runs out of its
     * inlining budget inside it. No helper takes or returns a vector. A vector loop inlined into a cell's large
     * method, or one method holding all the operations, can exhaust the budget, and the vectors then fall back to
     * the API's allocating Java implementation (seen as hundreds of megabytes allocated per second, from
     * {@code DoubleVector.lanewiseTemplate}, in some runs but not others, depending on the JIT's timing).
     */
    private static void arithmetic(Op op, int rows, int end, double[] a, int ao, int as, double[] b, int bo, int bs,
                                   double[] c, int co, int cs, double[] d, int dOff, int ds,
                                   double[] out, int oo, int os) {
        switch (op) {
            case SUM -> {
                for (int r = 0; r < rows; r++, ao += as, bo += bs, oo += os) {
                    for (int i = 0; i < end; i += LANES) {
                        DoubleVector va = DoubleVector.fromArray(SPECIES, a, ao + i);
                        DoubleVector vb = DoubleVector.fromArray(SPECIES, b, bo + i);
                        va.add(vb).intoArray(out, oo + i);
                    }
                }
            }
            case PRODUCT -> {
                for (int r = 0; r < rows; r++, ao += as, bo += bs, oo += os) {
                    for (int i = 0; i < end; i += LANES) {
                        DoubleVector va = DoubleVector.fromArray(SPECIES, a, ao + i);
                        DoubleVector vb = DoubleVector.fromArray(SPECIES, b, bo + i);
                        va.mul(vb).intoArray(out, oo + i);
                    }
                }
            }
            case TWO_PRODUCTS -> {
                for (int r = 0; r < rows; r++, ao += as, bo += bs, co += cs, dOff += ds, oo += os) {
                    for (int i = 0; i < end; i += LANES) {
                        DoubleVector va = DoubleVector.fromArray(SPECIES, a, ao + i);
                        DoubleVector vb = DoubleVector.fromArray(SPECIES, b, bo + i);
                        DoubleVector vc = DoubleVector.fromArray(SPECIES, c, co + i);
                        DoubleVector vd = DoubleVector.fromArray(SPECIES, d, dOff + i);
                        va.mul(vb).add(vc.mul(vd)).intoArray(out, oo + i);
                    }
                }
            }
            case ADD_PRODUCT -> {
                for (int r = 0; r < rows; r++, ao += as, bo += bs, co += cs, oo += os) {
                    for (int i = 0; i < end; i += LANES) {
                        DoubleVector va = DoubleVector.fromArray(SPECIES, a, ao + i);
                        DoubleVector vb = DoubleVector.fromArray(SPECIES, b, bo + i);
                        DoubleVector vc = DoubleVector.fromArray(SPECIES, c, co + i);
                        va.add(vb.mul(vc)).intoArray(out, oo + i);
                    }
                }
            }
            case INTERPOLATE -> {
                for (int r = 0; r < rows; r++, ao += as, bo += bs, co += cs, oo += os) {
                    for (int i = 0; i < end; i += LANES) {
                        DoubleVector va = DoubleVector.fromArray(SPECIES, a, ao + i);
                        DoubleVector vb = DoubleVector.fromArray(SPECIES, b, bo + i);
                        DoubleVector vc = DoubleVector.fromArray(SPECIES, c, co + i);
                        ONE.sub(va).mul(vb).add(va.mul(vc)).intoArray(out, oo + i);
                    }
                }
            }
            case SIGMOID_GRADIENT -> {
                for (int r = 0; r < rows; r++, ao += as, bo += bs, co += cs, oo += os) {
                    for (int i = 0; i < end; i += LANES) {
                        DoubleVector va = DoubleVector.fromArray(SPECIES, a, ao + i);
                        DoubleVector vb = DoubleVector.fromArray(SPECIES, b, bo + i);
                        DoubleVector vs = DoubleVector.fromArray(SPECIES, c, co + i);
                        va.mul(vb).mul(vs).mul(ONE.sub(vs)).intoArray(out, oo + i);
                    }
                }
            }
            case TANH_GRADIENT -> {
                for (int r = 0; r < rows; r++, ao += as, bo += bs, co += cs, oo += os) {
                    for (int i = 0; i < end; i += LANES) {
                        DoubleVector va = DoubleVector.fromArray(SPECIES, a, ao + i);
                        DoubleVector vb = DoubleVector.fromArray(SPECIES, b, bo + i);
                        DoubleVector vt = DoubleVector.fromArray(SPECIES, c, co + i);
                        va.mul(vb).mul(ONE.sub(vt.mul(vt))).intoArray(out, oo + i);
                    }
                }
            }
            default -> throw new IllegalArgumentException(op.toString());
        }
    }

    /**
     * out = σ(a) (tanh false) or tanh(a) over n elements of each row, the tail on the scalar functions; see
     * {@link #arithmetic}.
     */
    private static void squash(boolean tanh, int rows, int n, double[] a, int ao, int as, double[] out, int oo,
                               int os) {
        int end = n - n % LANES;
        if (!tanh) {
            for (int r = 0; r < rows; r++, ao += as, oo += os) {
                for (int i = 0; i < end; i += LANES) {
                    // σ(z) = 1 / (1 + e^−z)
                    DoubleVector e = DoubleVector.fromArray(SPECIES, a, ao + i).neg().lanewise(VectorOperators.EXP);
                    ONE.div(e.add(1.0)).intoArray(out, oo + i);
                }
                for (int i = end; i < n; i++) {
                    out[oo + i] = Elementwise.sigmoid(a[ao + i]);
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++, ao += as, oo += os) {
            for (int i = 0; i < end; i += LANES) {
                // tanh(z) = sign(z) · (1 − e^{−2|z|}) / (1 + e^{−2|z|}) ...
                DoubleVector z = DoubleVector.fromArray(SPECIES, a, ao + i);
                DoubleVector abs = z.abs();
                DoubleVector e = abs.mul(-2.0).lanewise(VectorOperators.EXP);
                DoubleVector t = e.neg().add(1.0).div(e.add(1.0));
                DoubleVector large = t.lanewise(VectorOperators.NEG, z.compare(VectorOperators.LT, 0.0));
                // ... and where |z| < 1/16 the odd Taylor polynomial of Elementwise.tanh,
                // z − z³/3 + 2z⁵/15 − 17z⁷/315 + 62z⁹/2835 − 1382z¹¹/155925, by Horner's rule
                DoubleVector z2 = z.mul(z);
                DoubleVector p = z2.mul(-1382.0 / 155925).add(62.0 / 2835);
                p = z2.mul(p).add(-17.0 / 315);
                p = z2.mul(p).add(2.0 / 15);
                p = z2.mul(p).add(-1.0 / 3);
                p = z2.mul(p).add(1.0);
                VectorMask<Double> isSmall = abs.compare(VectorOperators.LT, Elementwise.TAYLOR_BELOW);
                large.blend(z.mul(p), isSmall).intoArray(out, oo + i);
            }
            for (int i = end; i < n; i++) {
                out[oo + i] = Elementwise.tanh(a[ao + i]);
            }
        }
    }
}
