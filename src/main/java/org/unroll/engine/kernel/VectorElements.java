package org.unroll.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementKernel} on the JDK Vector API, a vector of {@code SPECIES_PREFERRED} lanes at a time (4 doubles with
 * AVX2, 8 with AVX-512); the last {@code n mod LANES} elements take {@link ScalarElements}. The arithmetic is the
 * scalar kernel's, operation by operation, so results are equal to the bit; σ and tanh use an exponential of
 * their own (see {@link #sigmoidRows}: additions, (fused) multiplications and bit operations, so the same bits whether the
 * JIT has compiled it or not, within 2 ulp of {@link Math#exp}) in the same formulas as
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
     * {@link ElementKernel#lstmGradients}: one pass over the rows instead of six, the same operations in the same
     * order, the last {@code hs mod LANES} units of each row on {@link ElementKernel#lstmGradient}.
     */
    @Override
    public void lstmGradients(int rows, int hs, double[] dh, int dhOff, double[] tanhC, int tOff, double[] cPrev,
                              int pOff, double[] dcNext, int nOff, double[] gates, int gOff, double[] dc, int dcOff,
                              double[] dA, int aOff) {
        int end = hs - hs % LANES;
        int g4 = 4 * hs;
        for (int r = 0; r < rows; r++, dhOff += hs, tOff += hs, pOff += hs, nOff += hs, dcOff += hs, gOff += g4,
                aOff += g4) {
            for (int j = 0; j < end; j += LANES) {
                DoubleVector i = DoubleVector.fromArray(SPECIES, gates, gOff + j);
                DoubleVector f = DoubleVector.fromArray(SPECIES, gates, gOff + hs + j);
                DoubleVector g = DoubleVector.fromArray(SPECIES, gates, gOff + 2 * hs + j);
                DoubleVector o = DoubleVector.fromArray(SPECIES, gates, gOff + 3 * hs + j);
                DoubleVector h = DoubleVector.fromArray(SPECIES, dh, dhOff + j);
                DoubleVector tc = DoubleVector.fromArray(SPECIES, tanhC, tOff + j);
                // dc = dh ⊙ o ⊙ (1 − tanh²c) + dc_next
                DoubleVector d = h.mul(o).mul(ONE.sub(tc.mul(tc))).add(DoubleVector.fromArray(SPECIES, dcNext, nOff + j));
                d.intoArray(dc, dcOff + j);
                // di = dc ⊙ g ⊙ i(1 − i),  df = dc ⊙ c_{t−1} ⊙ f(1 − f),  dg = dc ⊙ i ⊙ (1 − g²),  do = dh ⊙ tanh c ⊙ o(1 − o)
                d.mul(g).mul(i).mul(ONE.sub(i)).intoArray(dA, aOff + j);
                d.mul(DoubleVector.fromArray(SPECIES, cPrev, pOff + j)).mul(f).mul(ONE.sub(f)).intoArray(dA, aOff + hs + j);
                d.mul(i).mul(ONE.sub(g.mul(g))).intoArray(dA, aOff + 2 * hs + j);
                h.mul(tc).mul(o).mul(ONE.sub(o)).intoArray(dA, aOff + 3 * hs + j);
            }
            for (int j = end; j < hs; j++) {
                ElementKernel.lstmGradient(hs, dh, dhOff + j, tanhC, tOff + j, cPrev, pOff + j, dcNext, nOff + j, gates,
                        gOff + j, dc, dcOff + j, dA, aOff + j);
            }
        }
    }

    /**
     * out = σ(a) (tanh false) or tanh(a) over n elements of each row, the tail on the scalar functions. σ and tanh
     * each have their own method, for the reason given at {@link #arithmetic}: the exponential written out below
     * is long, and each method keeps its own inlining budget.
     */
    private static void squash(boolean tanh, int rows, int n, double[] a, int ao, int as, double[] out, int oo,
                               int os) {
        if (tanh) {
            tanhRows(rows, n, a, ao, as, out, oo, os);
        } else {
            sigmoidRows(rows, n, a, ao, as, out, oo, os);
        }
    }

    /*
     * The exponential e^x, written out in both methods below (no helper takes a vector, see arithmetic), from
     * additions, multiplications and bit operations only. The JDK's lanewise(EXP) is not used: once C2 compiles it,
     * it is a native vector library, and before that a Java loop over Math.exp, and the two differ in the last bit
     * for some x. Which one ran depended on the JIT's timing, so the same seeded training run could end with
     * different numbers in two processes. These steps give the same bits interpreted and compiled.
     *
     *   n = round(x · log₂e)                     (adding and removing 1.5 · 2⁵², which rounds to an integer)
     *   r = x − n · ln 2                         (ln 2 in two parts, so n · LN2_HI is exact; |r| ≤ ln 2 / 2)
     *   e^r ≈ P(r) = Σ_{k=0}^{11} c_k r^k        (P is the degree-11 polynomial closest to e^r on [−ln 2 / 2, ln 2 / 2]
     *                                            in the Chebyshev sense: at most 3.2e−18 from it, below a
     *                                            thirtieth of an ulp; c_k is 1/k! to 13 digits or more)
     *   e^x = P(r) · 2ⁿ                          (2ⁿ built from its exponent bits, n + 1023 at bit 52)
     *
     * P is evaluated in fused multiply-adds, which give the same bits in Java and in the CPU's instruction:
     *   P(r) = c₀ + r·(c₁ + r·(c₂ + r·W(r))),   by Horner's rule, where the last roundings happen;
     *   W(r) = (c₃ + c₄r) + r²(c₅ + c₆r) + r⁴((c₇ + c₈r) + r²(c₉ + c₁₀r)) + r⁸c₁₁,   by Estrin's scheme.
     * W's terms are independent of each other, so the chain of dependent operations is 7 deep instead of the 11 of
     * Horner's rule throughout: the loop is limited by that chain's latency, not by the number of operations. W
     * enters P multiplied by r³/6 < 0.007, so its own roundings stay far below P's last bit.
     *
     * x is first clamped to [−708, 709] (by comparisons, which let NaN through), so that 2ⁿ is a normal double: below −708, e^x < 3.4e−308 is taken as
     * that, which leaves σ and tanh unchanged (1 + e = 1); above 709 (only σ of z < −709 gets there) the result is
     * +∞, so σ = 0 as with Math.exp.
     */
    private static final double LOG2_E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double ROUNDER = 6755399441055744.0;
    /** n + 1023 = bits(t) − bits(1.5 · 2⁵²) + 1023, in one addition. */
    private static final long EXPONENT_BIAS = 1023 - Double.doubleToRawLongBits(ROUNDER);
    private static final DoubleVector LOW = DoubleVector.broadcast(SPECIES, -708.0);
    private static final DoubleVector HIGH = DoubleVector.broadcast(SPECIES, 709.0);
    /** c₀ … c₁₁ of P, as above (a Chebyshev fit of e^r on [−ln 2 / 2, ln 2 / 2] in 40-digit arithmetic, rounded). */
    static final double[] EXP_COEFFICIENTS = {
        1.0, 1.0, 0.5000000000000019, 0.1666666666666668, 0.0416666666664881, 0.008333333333319601,
        0.0013888888952314775, 0.00019841269890047113, 2.4801485482328494e-05, 2.755724091857897e-06,
        2.763263963904103e-07, 2.5110037605963777e-08};
    // c_k as vectors, one constant each (C2 folds a static final vector; an array of them it would load)
    private static final DoubleVector C0 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[0]);
    private static final DoubleVector C1 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[1]);
    private static final DoubleVector C2 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[2]);
    private static final DoubleVector C3 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[3]);
    private static final DoubleVector C4 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[4]);
    private static final DoubleVector C5 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[5]);
    private static final DoubleVector C6 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[6]);
    private static final DoubleVector C7 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[7]);
    private static final DoubleVector C8 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[8]);
    private static final DoubleVector C9 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[9]);
    private static final DoubleVector C10 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[10]);
    private static final DoubleVector C11 = DoubleVector.broadcast(SPECIES, EXP_COEFFICIENTS[11]);
    private static final DoubleVector INFINITY = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);

    /** out = σ(a) over n elements of each row, the tail on {@link Elementwise#sigmoid(double)}. */
    private static void sigmoidRows(int rows, int n, double[] a, int ao, int as, double[] out, int oo, int os) {
        int end = n - n % LANES;
        for (int row = 0; row < rows; row++, ao += as, oo += os) {
            for (int i = 0; i < end; i += LANES) {
                // σ(z) = 1 / (1 + e^−z), with e^x for x = −z as in the comment above
                DoubleVector x = DoubleVector.fromArray(SPECIES, a, ao + i).neg();
                VectorMask<Double> over = x.compare(VectorOperators.GT, 709.0);
                DoubleVector xc = x.blend(LOW, x.compare(VectorOperators.LT, -708.0)).blend(HIGH, over);
                DoubleVector t = xc.mul(LOG2_E).add(ROUNDER);
                DoubleVector k = t.sub(ROUNDER);
                DoubleVector r = xc.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
                DoubleVector r2 = r.mul(r);
                DoubleVector r4 = r2.mul(r2);
                // W = (c₃ + c₄r) + r²(c₅ + c₆r) + r⁴((c₇ + c₈r) + r²(c₉ + c₁₀r)) + r⁸c₁₁
                DoubleVector low = r2.fma(r.fma(C6, C5), r.fma(C4, C3));
                DoubleVector high = r2.fma(r.fma(C10, C9), r.fma(C8, C7));
                DoubleVector w = r4.mul(r4).fma(C11, r4.fma(high, low));
                // P = c₀ + r·(c₁ + r·(c₂ + r·W))
                DoubleVector p = w.fma(r, C2).fma(r, C1).fma(r, C0);
                DoubleVector twoToN = ((LongVector) t.viewAsIntegralLanes()).add(EXPONENT_BIAS)
                        .lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
                DoubleVector e = p.mul(twoToN).blend(INFINITY, over);
                ONE.div(e.add(1.0)).intoArray(out, oo + i);
            }
            for (int i = end; i < n; i++) {
                out[oo + i] = Elementwise.sigmoid(a[ao + i]);
            }
        }
    }

    /** out = tanh(a) over n elements of each row, the tail on {@link Elementwise#tanh(double)}. */
    private static void tanhRows(int rows, int n, double[] a, int ao, int as, double[] out, int oo, int os) {
        int end = n - n % LANES;
        for (int row = 0; row < rows; row++, ao += as, oo += os) {
            for (int i = 0; i < end; i += LANES) {
                // tanh(z) = sign(z) · (1 − e^{−2|z|}) / (1 + e^{−2|z|}), with e^x for x = −2|z| ≤ 0 as in the
                // comment above (no overflow to handle) ...
                DoubleVector z = DoubleVector.fromArray(SPECIES, a, ao + i);
                DoubleVector abs = z.abs();
                DoubleVector y = abs.mul(-2.0);
                DoubleVector xc = y.blend(LOW, y.compare(VectorOperators.LT, -708.0));
                DoubleVector t = xc.mul(LOG2_E).add(ROUNDER);
                DoubleVector k = t.sub(ROUNDER);
                DoubleVector r = xc.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
                DoubleVector r2 = r.mul(r);
                DoubleVector r4 = r2.mul(r2);
                // W = (c₃ + c₄r) + r²(c₅ + c₆r) + r⁴((c₇ + c₈r) + r²(c₉ + c₁₀r)) + r⁸c₁₁
                DoubleVector low = r2.fma(r.fma(C6, C5), r.fma(C4, C3));
                DoubleVector high = r2.fma(r.fma(C10, C9), r.fma(C8, C7));
                DoubleVector w = r4.mul(r4).fma(C11, r4.fma(high, low));
                // P = c₀ + r·(c₁ + r·(c₂ + r·W))
                DoubleVector p = w.fma(r, C2).fma(r, C1).fma(r, C0);
                DoubleVector twoToN = ((LongVector) t.viewAsIntegralLanes()).add(EXPONENT_BIAS)
                        .lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
                DoubleVector e = p.mul(twoToN);
                DoubleVector q = e.neg().add(1.0).div(e.add(1.0));
                DoubleVector large = q.lanewise(VectorOperators.NEG, z.compare(VectorOperators.LT, 0.0));
                VectorMask<Double> isSmall = abs.compare(VectorOperators.LT, Elementwise.TAYLOR_BELOW);
                if (isSmall.anyTrue()) {
                    // ... and where |z| < 1/16 the odd Taylor polynomial of Elementwise.tanh,
                    // z − z³/3 + 2z⁵/15 − 17z⁷/315 + 62z⁹/2835 − 1382z¹¹/155925, by Horner's rule
                    DoubleVector z2 = z.mul(z);
                    DoubleVector s = z2.mul(-1382.0 / 155925).add(62.0 / 2835);
                    s = z2.mul(s).add(-17.0 / 315);
                    s = z2.mul(s).add(2.0 / 15);
                    s = z2.mul(s).add(-1.0 / 3);
                    s = z2.mul(s).add(1.0);
                    large = large.blend(z.mul(s), isSmall);
                }
                large.intoArray(out, oo + i);
            }
            for (int i = end; i < n; i++) {
                out[oo + i] = Elementwise.tanh(a[ao + i]);
            }
        }
    }
}
