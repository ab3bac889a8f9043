package org.unroll.ui.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.GridCursor;
import org.unroll.engine.GridPoint;
import org.unroll.engine.GridWalk;
import org.unroll.engine.GridWalkPoint;
import org.unroll.engine.Lane;
import org.unroll.engine.Phase;

/** The deep-network walk's view model, without a toolkit. */
class GridWalkViewModelTest {

    @Test
    void typedWordsBecomeABatchWithOneSequenceShownAtATime() {
        GridWalkViewModel vm = new GridWalkViewModel(3);
        vm.wordsProperty().set("horse, ox\ncat");
        vm.layersProperty().set(2);
        vm.bidirectionalProperty().set(true);
        vm.rebuild();
        GridWalk w = vm.walkProperty().get();
        assertEquals(3, w.sequences());
        assertEquals(4, w.steps());
        assertEquals(4, w.lanes().size());
        assertEquals(GridCursor.START, vm.cursor());
        vm.chooseSequence(1);
        vm.jumpEnd();
        GridWalkPoint end = vm.point();
        assertEquals(1, end.sequence());
        // "ox" has one real step: every later step is padding, with loss 0 and gradient 0 in every lane
        for (int t = 1; t < 4; t++) {
            assertEquals(0.0, end.stepLoss(t).orElseThrow(), 0.0);
            for (Lane lane : w.lanes()) {
                GridPoint p = end.cell(lane, t).orElseThrow();
                assertEquals(false, p.real());
                assertEquals(0.0, GridWalkPoint.norm(p.dh()), 0.0);
            }
        }
        assertTrue(end.stepLoss(0).orElseThrow() > 0);
    }

    @Test
    void steppingFollowsTheGridOrderAndChoosingAWordKeepsTheCell() {
        GridWalkViewModel vm = new GridWalkViewModel(5);
        vm.wordsProperty().set("abcde, xy");
        vm.rebuild();
        vm.stepForward();
        assertEquals(GridCursor.forward(new Lane(0, Lane.Direction.FORWARD), 0), vm.cursor());
        GridWalk w = vm.walkProperty().get();
        GridCursor c = GridCursor.backward(new Lane(1, Lane.Direction.BACKWARD), 2, BackwardStage.ADD_FUTURE);
        vm.jumpTo(w.order(0).indexOf(c));
        assertEquals(c, vm.cursor());
        vm.chooseSequence(1);
        assertEquals(c, vm.cursor(), "the same cell in the other word (a padded one there)");
        assertEquals(false, vm.point().real(2));
        vm.stepBack();
        assertEquals(BackwardStage.OUTPUT_GRADIENT, vm.cursor().stage());
    }

    @Test
    void badWordsSayWhyAndKeepTheWalk() {
        GridWalkViewModel vm = new GridWalkViewModel(1);
        GridWalk before = vm.walkProperty().get();
        vm.wordsProperty().set("ok, a");
        vm.rebuild();
        assertTrue(vm.errorProperty().get().contains("\"a\""), vm.errorProperty().get());
        assertSame(before, vm.walkProperty().get());
        vm.wordsProperty().set("ok, ab");
        vm.layersProperty().set(9);
        vm.rebuild();
        assertEquals("", vm.errorProperty().get());
        assertEquals(GridWalkViewModel.MAX_LAYERS, vm.walkProperty().get().model().layers());
    }

    @Test
    void aPointOfAnotherDepthMapsToTheSameStageAtTheSameTime() {
        GridWalkViewModel vm = new GridWalkViewModel(2);
        vm.layersProperty().set(1);
        vm.rebuild();
        // a cell only a deeper network has maps to the same stage at the same time in this one
        GridCursor deep = GridCursor.backward(new Lane(1, Lane.Direction.BACKWARD), 3, BackwardStage.PASS_BACK);
        GridCursor mapped = vm.walkProperty().get().order(0).at(
                GridWalkViewModel.placeOf(vm.walkProperty().get(), 0, deep));
        assertEquals(Phase.BACKWARD, mapped.phase());
        assertEquals(3, mapped.time());
        assertEquals(BackwardStage.PASS_BACK, mapped.stage());
    }

    @Test
    void comparingDepthsIsCompareModesOneLayerAgainstThisDepth() {
        GridWalkViewModel vm = new GridWalkViewModel(2);
        vm.layersProperty().set(3);
        vm.rebuild();
        vm.chooseSequence(1);
        var sides = vm.depthComparison();
        assertEquals(List.of(new org.unroll.ui.compare.CompareViewModel.Side(vm.cellProperty().get(), 1, true),
                new org.unroll.ui.compare.CompareViewModel.Side(vm.cellProperty().get(), 3, true)), sides);
        assertEquals("time", vm.shownWord());
        assertNull(org.unroll.ui.compare.CompareViewModel.problemWith(
                org.unroll.ui.compare.CompareViewModel.defaultSetup().withText(vm.shownWord()), sides));
    }

    @Test
    void curvesAreNamedByLayerAndDirection() {
        assertEquals("layer 2 ←", GridCurves.name(1, 1));
        assertEquals("layer 1 →", GridCurves.name(0, 0));
    }
}
