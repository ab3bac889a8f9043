package org.unroll.ui.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/** The formula pane's decisions, without a toolkit: which lines, in which pieces, at which point. */
class FormulaViewModelTest {

    private final Session session = new Session(Runnable::run, Runnable::run);

    @BeforeEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void numericChainsBreakAtTopLevelEqualsAndPlus() {
        assertEquals(List.of("z_t = A\\begin{bmatrix}1 = 2\\end{bmatrix}", "+ {b + c}", "= \\left(d + e\\right)"),
                FormulaViewModel.segments("z_t = A\\begin{bmatrix}1 = 2\\end{bmatrix} + {b + c} = \\left(d + e\\right)", true));
        assertEquals(List.of("a = b", "c = d"), FormulaViewModel.segments("a = b,\\quad c = d", false));
        assertEquals(List.of("W \\leftarrow x - y", "= z"), FormulaViewModel.segments("W \\leftarrow x - y = z", true));
    }

    @Test
    void aPieceThatWouldNotBeValidLatexKeepsTheEquationWhole() {
        // splitting inside "\left( … \right." would leave an unbalanced \left in the first piece
        String unbalanced = "a = \\left( b = c";
        assertEquals(List.of(unbalanced), FormulaViewModel.segments(unbalanced, true));
    }

    @Test
    void emptyBeforeAWalkThenTheEquationsOfTheCursor() {
        FormulaViewModel vm = new FormulaViewModel(session);
        assertNull(vm.getContent());
        assertTrue(vm.getLines().isEmpty());
        assertEquals(I18n.get("inspector.empty"), vm.captionProperty().get());

        session.apply(Setup.JEEP);
        session.moveTo(Cursor.forward(1));
        FormulaContent content = vm.getContent();
        assertEquals(FormulaContent.at(session.getWalkthrough(), session.getScenario(), Cursor.forward(1)), content);
        assertEquals(content.heading(), vm.headingProperty().get());
        assertEquals(content.caption(), vm.captionProperty().get());
        assertLinesFollow(content, vm.getLines());
    }

    @Test
    void followsEveryStepAndEveryNewWalk() {
        FormulaViewModel vm = new FormulaViewModel(session);
        session.apply(Setup.JEEP);
        List<String> headings = new ArrayList<>();
        vm.headingProperty().addListener((o, a, b) -> headings.add(b));
        session.moveTo(Cursor.backward(2, BackwardStage.ADD_FUTURE));
        assertLinesFollow(vm.getContent(), vm.getLines());
        String backward = vm.headingProperty().get();
        session.moveTo(Cursor.forward(0));
        assertNotEquals(backward, vm.headingProperty().get());
        assertEquals(2, headings.size(), "one heading per move: " + headings);

        // a new walk at the same cursor: new numbers in the numeric lines
        List<FormulaViewModel.Line> before = vm.getLines();
        session.apply(Setup.JEEP.withSeed(8));
        assertNotEquals(before, vm.getLines());
        assertLinesFollow(vm.getContent(), vm.getLines());
    }

    @Test
    void anInactiveModelDoesNotFollowTheSessionAndCatchesUpWhenActivated() {
        FormulaViewModel vm = new FormulaViewModel(session);
        session.apply(Setup.JEEP);
        session.moveTo(Cursor.forward(0));
        FormulaContent atForward = vm.getContent();
        List<String> changes = new ArrayList<>();
        vm.headingProperty().addListener((o, a, b) -> changes.add(b));
        vm.activeProperty().set(false);
        session.moveTo(Cursor.backward(1, BackwardStage.PASS_BACK));
        session.moveTo(Cursor.loss());
        assertEquals(atForward, vm.getContent(), "nothing read while inactive");
        assertTrue(changes.isEmpty(), changes.toString());
        vm.activeProperty().set(true);
        assertEquals(FormulaContent.at(session.getWalkthrough(), session.getScenario(), Cursor.loss()), vm.getContent());
        assertEquals(1, changes.size(), "one catch-up on activation: " + changes);
        assertLinesFollow(vm.getContent(), vm.getLines());
    }

    /** Every equation gives its symbolic line and, when it has numbers, its numeric line, pieces joined back. */
    private static void assertLinesFollow(FormulaContent content, List<FormulaViewModel.Line> lines) {
        int i = 0;
        for (FormulaContent.Equation e : content.equations()) {
            FormulaViewModel.Line symbolic = lines.get(i++);
            assertTrue(symbolic.symbolic());
            assertEquals(FormulaViewModel.segments(e.symbolic(), false), symbolic.pieces());
            if (e.numeric() != null) {
                FormulaViewModel.Line numeric = lines.get(i++);
                assertFalse(numeric.symbolic());
                assertEquals(FormulaViewModel.segments(e.numeric(), true), numeric.pieces());
                assertEquals(e.numeric().replace(" ", ""), String.join("", numeric.pieces()).replace(" ", ""));
            }
        }
        assertEquals(i, lines.size());
    }
}
