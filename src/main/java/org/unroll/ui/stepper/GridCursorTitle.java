package org.unroll.ui.stepper;

import java.util.Optional;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.figures.TimelineFigure;
import org.unroll.i18n.Notation;
import org.unroll.task.GridScenario;
import org.unroll.ui.I18n;

/**
 * The one-line title of a point of the grid walk, as the stepper shows it: the phase, the
 * layer and direction ("layer 2 ←", 1-based), the step of the sequence shown, and in the
 * backward pass the stage; stage 1 names the gradient a cell receives from the layer above
 * beside the one from its own future, with their norms once they exist.
 */
public final class GridCursorTitle {
    private GridCursorTitle() {
    }

    public static String of(GridWalkPoint at, GridScenario sc) {
        GridCursor c = at.cursor();
        GridWalk w = at.walk();
        int len = w.batch().length(at.sequence());
        String name = sc == null ? "" : sc.name(at.sequence());
        return switch (c.phase()) {
            case START -> I18n.get("grid.title.start", name, Integer.toString(w.model().layers()),
                    I18n.get(w.model().bidirectional() ? "grid.title.both" : "grid.title.one"));
            case FORWARD -> I18n.get("grid.title.forward", lane(c.lane()), step(at, c.time(), len),
                    at.real(c.time()) ? CursorTitle.forwardFormula(w.model().cell(), w.model().activation(), c.time() + 1)
                            : I18n.get("grid.title.padded"));
            case LOSS -> I18n.get("grid.title.loss", Notation.number(w.loss()), name);
            case BACKWARD -> I18n.get("grid.title.backward", lane(c.lane()), step(at, c.time(), len),
                    Integer.toString(c.stage().number()), at.real(c.time()) ? stage(at, c) : I18n.get("grid.title.padded"));
            case UPDATE -> "";
        };
    }

    /** "layer 2 →" or "layer 2 ←". */
    public static String lane(Lane lane) {
        return I18n.get("grid.curve", Integer.toString(lane.layer() + 1), lane.direction() == Lane.Direction.BACKWARD ? "←" : "→");
    }

    private static String step(GridWalkPoint at, int t, int len) {
        return at.real(t) ? I18n.get("grid.title.step", Integer.toString(at.display(t)), Integer.toString(len))
                : I18n.get("grid.title.padStep", Integer.toString(at.display(t)));
    }

    private static String stage(GridWalkPoint at, GridCursor c) {
        Optional<GridPoint> p = at.cell(c.lane(), c.time());
        int top = at.walk().model().layers() - 1;
        String above = I18n.get(c.lane().layer() == top ? "grid.title.fromOutput" : "grid.title.fromLayer",
                Integer.toString(c.lane().layer() + 2));
        return switch (c.stage()) {
            // the future's gradient is already there: the next cell of the direction has passed it back
            case OUTPUT_GRADIENT -> I18n.get("grid.title.stage.1", above,
                    norm(p.map(GridPoint::dhFromAbove).orElse(null)),
                    norm(at.walk().cell(c.lane(), c.time(), at.sequence()).dhFromFuture()));
            case ADD_FUTURE -> I18n.get("grid.title.stage.2", norm(p.map(GridPoint::dhFromAbove).orElse(null)),
                    norm(p.map(GridPoint::dhFromFuture).orElse(null)), norm(p.map(GridPoint::dh).orElse(null)));
            case PARAMETER_GRADIENTS -> I18n.get("grid.title.stage.3", lane(c.lane()));
            case PASS_BACK -> I18n.get("grid.title.stage.4", "h" + TimelineFigure.sub(c.time()),
                    c.lane().layer() == 0 ? I18n.get("grid.title.input") : lane(new Lane(c.lane().layer() - 1, Lane.Direction.FORWARD)));
        };
    }

    private static String norm(double[] v) {
        return v == null ? "…" : Notation.number(GridWalkPoint.norm(v));
    }
}
