package org.unroll.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A text as a next-character task: the vocabulary is its distinct characters in order of
 * first appearance, the inputs are characters 1 … n−1 as one-hot vectors and the targets
 * characters 2 … n. "jeep" gives vocabulary j, e, p; inputs j, e, e; targets e, e, p.
 * Characters are Unicode code points, so 我爱你 is three characters.
 */
public final class CharText {
    private final String text;
    private final List<String> chars;
    private final List<String> vocab;
    private final int[] indices;

    private CharText(String text, List<String> chars, List<String> vocab, int[] indices) {
        this.text = text;
        this.chars = chars;
        this.vocab = vocab;
        this.indices = indices;
    }

    /** Splits {@code text} into characters; it needs at least two. */
    public static CharText of(String text) {
        List<String> chars = new ArrayList<>();
        text.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        if (chars.size() < 2) {
            throw new IllegalArgumentException("the text needs at least two characters (one input and the next as its target)");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] idx = new int[chars.size()];
        for (int i = 0; i < chars.size(); i++) {
            idx[i] = index.computeIfAbsent(chars.get(i), c -> index.size());
        }
        return new CharText(text, List.copyOf(chars), List.copyOf(index.keySet()), idx);
    }

    public String text() {
        return text;
    }

    /** The distinct characters, in order of first appearance. */
    public List<String> vocab() {
        return vocab;
    }

    /** T = characters − 1. */
    public int steps() {
        return chars.size() - 1;
    }

    /** The input character of step t. */
    public String input(int t) {
        return chars.get(t);
    }

    /** The target character of step t (the next one). */
    public String target(int t) {
        return chars.get(t + 1);
    }

    /** T × V one-hot inputs. */
    public DMatrixRMaj oneHotInputs() {
        DMatrixRMaj x = new DMatrixRMaj(steps(), vocab.size());
        for (int t = 0; t < steps(); t++) {
            x.set(t, indices[t], 1.0);
        }
        return x;
    }

    /** The class index of each step's target. */
    public int[] targets() {
        int[] y = new int[steps()];
        System.arraycopy(indices, 1, y, 0, steps());
        return y;
    }
}
