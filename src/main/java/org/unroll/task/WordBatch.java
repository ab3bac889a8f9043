package org.unroll.task;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.unroll.engine.PaddedBatch;
import org.unroll.engine.SequenceBatch;

/**
 * Several words of different lengths as one padded batch for next-character prediction: word b
 * reads its characters c_1 … c_{n−1} (one-hot over the batch's characters) and predicts
 * c_2 … c_n, so its length is n − 1; the shorter words are padded to the longest.
 *
 * @param words  the words, each at least two characters
 * @param vocab  the characters, sorted, one per input and output unit
 * @param batch  the padded batch, zero initial states
 */
public record WordBatch(List<String> words, List<String> vocab, PaddedBatch batch) {

    /**
     * Splits what a person typed at commas, whitespace and new lines into words.
     *
     * @throws IllegalArgumentException with a message for a person when there is no word or a word is one character
     */
    public static WordBatch parse(String typed) {
        List<String> words = new ArrayList<>();
        for (String w : typed.split("[,;\\s]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return of(words);
    }

    public static WordBatch of(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("type at least one word");
        }
        TreeSet<String> chars = new TreeSet<>();
        int steps = 0;
        for (String w : words) {
            int n = w.codePointCount(0, w.length());
            if (n < 2) {
                throw new IllegalArgumentException("\"" + w + "\" is too short: a word needs two characters");
            }
            steps = Math.max(steps, n - 1);
            w.codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
        }
        List<String> vocab = List.copyOf(chars);
        int nb = words.size();
        int v = vocab.size();
        DMatrixRMaj x = new DMatrixRMaj(steps * nb, v);
        int[] targets = new int[steps * nb];
        java.util.Arrays.fill(targets, -1);
        int[] lengths = new int[nb];
        for (int b = 0; b < nb; b++) {
            List<String> cs = characters(words.get(b));
            lengths[b] = cs.size() - 1;
            for (int t = 0; t < lengths[b]; t++) {
                x.set(t * nb + b, vocab.indexOf(cs.get(t)), 1.0);
                targets[t * nb + b] = vocab.indexOf(cs.get(t + 1));
            }
        }
        SequenceBatch seq = SequenceBatch.classification(steps, nb, x, targets, null, null, String.join(",", words));
        return new WordBatch(List.copyOf(words), vocab, new PaddedBatch(seq, lengths, null, null));
    }

    /** The characters word b reads, one per real step. */
    public List<String> tokens(int b) {
        List<String> cs = characters(words.get(b));
        return cs.subList(0, cs.size() - 1);
    }

    private static List<String> characters(String w) {
        List<String> out = new ArrayList<>();
        w.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        return out;
    }
}
