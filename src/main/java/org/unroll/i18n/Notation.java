package org.unroll.i18n;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one display notation of everything a person reads: the articles' parameter names (W_xh, W_hh,
 * b, W_out) where files and PyTorch say weight_ih, weight_hh, bias_ih, weight_out; indices counted
 * from 1; a space as ␣; numbers with four significant digits. Files and PyTorch interop keep
 * PyTorch's names and 0-based indices.
 */
public final class Notation {
    /** How a space, a line break and a tab are shown. */
    public static final String SPACE = "␣";
    public static final String NEWLINE = "↵";
    public static final String TAB = "⇥";
    /** Magnitudes outside [SMALL, LARGE) are written in scientific notation. */
    public static final double SMALL = 1e-3;
    public static final double LARGE = 1e5;

    private Notation() {
    }

    /**
     * The display name of a parameter given by its PyTorch name: weight_ih → W_xh, weight_hh → W_hh,
     * bias_ih → b (or b_xh when the cell keeps two biases apart, a GRU), bias_hh → b_hh, weight_out →
     * W_out, bias_out → b_out. Any other name is returned as it is.
     *
     * @param pytorchName the name in files
     * @param twoBiases   whether bias_ih and bias_hh get different gradients (GRU)
     */
    public static String parameter(String pytorchName, boolean twoBiases) {
        return switch (pytorchName) {
            case "weight_ih" -> "W_xh";
            case "weight_hh" -> "W_hh";
            case "bias_ih" -> twoBiases ? "b_xh" : "b";
            case "bias_hh" -> "b_hh";
            case "weight_out" -> "W_out";
            case "bias_out" -> "b_out";
            default -> pytorchName;
        };
    }

    /** The display name with the PyTorch name after it, as a chooser offers it: "W_xh (weight_ih)". */
    public static String parameterWithFileName(String pytorchName, boolean twoBiases) {
        String shown = parameter(pytorchName, twoBiases);
        return shown.equals(pytorchName) ? shown : shown + " (" + pytorchName + ")";
    }

    /** An entry as a person reads it, from 0-based indices: ("weight_hh", [2, 0]) → "W_hh[3,1]". */
    public static String entry(String pytorchName, boolean twoBiases, List<Integer> zeroBased) {
        return parameter(pytorchName, twoBiases)
                + zeroBased.stream().map(i -> Integer.toString(i + 1)).collect(Collectors.joining(",", "[", "]"));
    }

    /** A 0-based index as a person counts it: 0 → "1". */
    public static String index(int zeroBased) {
        return Integer.toString(zeroBased + 1);
    }

    /** Characters made visible: a space as ␣, a line break as ↵, a tab as ⇥. */
    public static String visible(String text) {
        return text.replace(" ", SPACE).replace("\n", NEWLINE).replace("\t", TAB);
    }

    /** The number format of the interface: four significant digits, trailing zeros dropped (0.1, 2.838, 1.235e-5). */
    public static String number(double v) {
        return significant(v, 4);
    }

    /** {@code v} rounded to {@code digits} significant digits, trailing zeros dropped: 0.1235, -2.5, 1.23e-5. */
    public static String significant(double v, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1, was " + digits);
        }
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP));
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= SMALL && magnitude < LARGE) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        return scientific(rounded);
    }

    /** The shortest text that reads back as exactly {@code v}: 0.1 stays 0.1, 1/3 shows all 16 digits. */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(v));
        double magnitude = Math.abs(v);
        if (magnitude >= SMALL && magnitude < LARGE) {
            return shortest.stripTrailingZeros().toPlainString();
        }
        return scientific(shortest);
    }

    private static String scientific(BigDecimal value) {
        BigDecimal unscaled = value.stripTrailingZeros();
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        BigDecimal mantissa = unscaled.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v > 0 ? "∞" : "-∞";
    }
}
