package org.unroll.lesson;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.task.GridScenario;
import org.unroll.task.Setup;

/**
 * The live values a narration can quote over a grid (a step with layers, both directions or a
 * batch), filled from a {@link GridWalk}: the network's sizes, the batch's loss and lengths, and
 * per step the values of one cell of the grid, named with its layer (1-based) and direction,
 * e.g. {@code {dh_above_norm_l1_rev[2]}}. Per-step values are those of the sequence shown (the
 * first, until the reader chooses another). The list is in {@code lessons/README.md}.
 */
public final class GridPlaceholders {
    private GridPlaceholders() {
    }

    /** A cell value: the name, then _l{layer}_{fwd|rev}. */
    private static final Pattern CELL = Pattern.compile("(h_norm|dh_norm|dh_above_norm|dh_future_norm)_l(\\d)_(fwd|rev)");
    private static final Pattern BODY = Pattern.compile("([a-z_0-9]+)(?:\\[(\\d+)])?");

    /** The names without an index. */
    static final List<String> PLAIN = List.of("loss", "layers", "directions", "hidden", "steps", "sequences", "params",
            "words", "text", "length");
    /** The names indexed by a step t = 1 … T of the sequence shown. */
    static final List<String> PER_STEP = List.of("step_loss");
    /** The names indexed by a sequence b = 1 … B. */
    static final List<String> PER_SEQUENCE = List.of("sequence_loss", "sequence_length");
    /** The cell values, each with _l{k}_fwd or _l{k}_rev and a step index. */
    static final List<String> PER_CELL = List.of("h_norm", "dh_norm", "dh_above_norm", "dh_future_norm");

    /** What is wrong with the placeholder {@code body} on the grid {@code setup} gives, or null. */
    static String check(String body, Setup setup) {
        Matcher b = BODY.matcher(body);
        if (!b.matches()) {
            return "bad placeholder \"{" + body + "}\" (expected {name} or {name[number]})";
        }
        GridScenario g;
        try {
            g = GridScenario.build(setup);
        } catch (RuntimeException e) {
            return "{" + body + "}: the step's grid cannot be built: " + e.getMessage();
        }
        String name = b.group(1);
        String index = b.group(2);
        int steps = g.batch().steps();
        Matcher c = CELL.matcher(name);
        if (c.matches()) {
            int layer = Integer.parseInt(c.group(2));
            if (layer < 1 || layer > g.model().layers()) {
                return "{" + body + "}: layer " + layer + " is outside 1 … " + g.model().layers();
            }
            if (c.group(3).equals("rev") && !g.model().bidirectional()) {
                return "{" + body + "}: the step's network has one direction (write _fwd)";
            }
            return stepIndex(body, index, steps);
        }
        if (PER_CELL.contains(name)) {
            return "{" + body + "} names a cell: write {" + name + "_l1_fwd[1]} (layer, then fwd or rev)";
        }
        if (PER_STEP.contains(name)) {
            return stepIndex(body, index, steps);
        }
        if (PER_SEQUENCE.contains(name)) {
            if (index == null) {
                return "{" + name + "} needs a sequence, e.g. {" + name + "[1]}";
            }
            long i = parse(index);
            return i < 1 || i > g.sequences() ? "{" + body + "}: sequence " + index + " is outside 1 … " + g.sequences() : null;
        }
        if (PLAIN.contains(name)) {
            return index == null ? null : "{" + name + "} takes no index";
        }
        List<String> all = new java.util.ArrayList<>(PLAIN);
        all.addAll(PER_STEP);
        all.addAll(PER_SEQUENCE);
        PER_CELL.forEach(n -> all.add(n + "_l1_fwd"));
        String near = Suggest.nearest(name, all);
        return "unknown placeholder \"{" + body + "}\" on a grid" + (near != null ? " (did you mean {" + near + "}?)" : "")
                + " (see lessons/README.md for the grid's list)";
    }

    private static String stepIndex(String body, String index, int steps) {
        if (index == null) {
            return "{" + body + "} needs a step, e.g. {" + body + "[1]}";
        }
        long t = parse(index);
        return t < 1 || t > steps ? "{" + body + "}: step " + index + " is outside 1 … " + steps
                + " (the batch is padded to " + steps + " step" + (steps == 1 ? "" : "s") + ")" : null;
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code text} with every placeholder filled from the grid walk, sequence b shown; {name?} where there is none. */
    public static String fill(String text, GridWalk w, GridScenario sc, int b) {
        return Placeholders.replace(text, body -> {
            Object v;
            try {
                v = raw(body, w, sc, b);
            } catch (RuntimeException e) {
                v = null;
            }
            return v == null ? "{" + body + "?}" : v instanceof Double d ? Placeholders.num(d) : v.toString();
        });
    }

    /** The value of one placeholder as a number (checks, answers), or null. */
    public static Double number(String body, GridWalk w, GridScenario sc, int b) {
        try {
            return raw(body, w, sc, b) instanceof Number n ? n.doubleValue() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object raw(String body, GridWalk w, GridScenario sc, int b) {
        Matcher m = BODY.matcher(body);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1);
        Integer i = m.group(2) == null ? null : (int) Math.min(Integer.MAX_VALUE, parse(m.group(2)));
        Matcher c = CELL.matcher(name);
        if (c.matches()) {
            int layer = Integer.parseInt(c.group(2)) - 1;
            Lane lane = new Lane(layer, c.group(3).equals("rev") ? Lane.Direction.BACKWARD : Lane.Direction.FORWARD);
            if (i == null || i < 1 || i > w.steps() || layer >= w.model().layers() || !w.lanes().contains(lane)) {
                return null;
            }
            GridPoint p = w.cell(lane, i - 1, b);
            double[] v = switch (c.group(1)) {
                case "h_norm" -> p.h();
                case "dh_norm" -> p.dh();
                case "dh_above_norm" -> p.dhFromAbove();
                default -> p.dhFromFuture();
            };
            return GridWalkPoint.norm(v);
        }
        if (i == null) {
            return switch (name) {
                case "loss" -> w.loss();
                case "layers" -> w.model().layers();
                case "directions" -> w.model().directions();
                case "hidden" -> w.model().hiddenSize();
                case "steps" -> w.steps();
                case "sequences" -> w.sequences();
                case "params" -> paramCount(w);
                case "words" -> sc == null ? null : String.join(", ", names(sc));
                case "text" -> sc == null ? null : sc.name(b);
                case "length" -> w.batch().length(b);
                default -> null;
            };
        }
        return switch (name) {
            case "step_loss" -> i >= 1 && i <= w.steps() ? (Object) w.stepLoss(i - 1, b) : null;
            case "sequence_loss" -> i >= 1 && i <= w.sequences() ? (Object) sequenceLoss(w, i - 1) : null;
            case "sequence_length" -> i >= 1 && i <= w.sequences() ? (Object) w.batch().length(i - 1) : null;
            default -> null;
        };
    }

    private static List<String> names(GridScenario sc) {
        List<String> out = new java.util.ArrayList<>();
        for (int b = 0; b < sc.sequences(); b++) {
            out.add(sc.name(b));
        }
        return out;
    }

    private static double sequenceLoss(GridWalk w, int b) {
        double s = 0;
        for (int t = 0; t < w.steps(); t++) {
            s += w.stepLoss(t, b);
        }
        return s;
    }

    private static int paramCount(GridWalk w) {
        int n = 0;
        for (org.ejml.data.DMatrixRMaj m : w.model().params().tensors().values()) {
            n += m.getNumElements();
        }
        return n;
    }
}
