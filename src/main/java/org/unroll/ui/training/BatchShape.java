package org.unroll.ui.training;

import java.util.ArrayList;
import java.util.List;
import org.unroll.train.TrainSpec;

/**
 * What the batch picture shows for a form, before any training: B streams of N steps cut into
 * windows of num_steps, stateful or not, and for a text task the character each stream reads
 * at each step (d2l's sequential partitioning: stream b is the stretch starting at character
 * b·N). The adding and copy tasks draw a fresh batch for every update: one window per row.
 *
 * @param labels labels[b][t], or null
 */
public record BatchShape(int streams, int length, int numSteps, boolean stateful, String[][] labels) {

    /** The shape of the run the form builds; throws IllegalArgumentException for a bad form. */
    public static BatchShape of(TrainForm f) {
        if (f.task() == TaskKind.ADDING || f.task() == TaskKind.COPY) {
            // a fresh batch each update: one window of the whole sequence (for copy, its length is the delay's)
            return new BatchShape(Math.max(1, f.batch()), Math.max(1, f.length()), Math.max(1, f.length()), false, null);
        }
        TrainSpec spec = f.build().spec();
        int b = spec.data().streams();
        int n = spec.data().length();
        String[][] labels = null;
        String text = f.runText();
        if (text != null) {
            List<String> chars = new ArrayList<>();
            text.codePoints().forEach(cp -> chars.add(org.unroll.i18n.Notation.visible(new String(Character.toChars(cp)))));
            labels = new String[b][n];
            for (int s = 0; s < b; s++) {
                for (int t = 0; t < n; t++) {
                    labels[s][t] = chars.get(s * n + t);
                }
            }
        }
        return new BatchShape(b, n, spec.numSteps(), spec.stateful(), labels);
    }
}
