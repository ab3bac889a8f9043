package org.unroll.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.task.Scenario;
import org.unroll.task.Setup;

/** The place a person asked for survives recomputations; Home and End go to the ends of a phase first. */
class SessionPlaceTest {
    private final Session session = new Session(Runnable::run, Runnable::run);

    @Test
    void aTextTypedKeyByKeyKeepsBackwardStepSix() {
        session.apply(Setup.JEEP.withText("abcdefghijk")); // T = 10
        Cursor six = Cursor.backward(5, BackwardStage.ADD_FUTURE);
        session.moveTo(six);
        // the text retyped: shorter texts on the way, then one as long again
        session.apply(Setup.JEEP.withText("ab"));
        assertEquals(Cursor.backward(0, BackwardStage.ADD_FUTURE), session.getCursor(), "the same phase and stage");
        session.apply(Setup.JEEP.withText("abcd"));
        assertEquals(Cursor.backward(2, BackwardStage.ADD_FUTURE), session.getCursor());
        session.apply(Setup.JEEP.withText("qrstuvwxyzq"));
        assertEquals(six, session.getCursor(), "back at backward step 6 once it exists");
    }

    @Test
    void aStepTakenAfterAShorterWalkIsTheNewPlace() {
        session.apply(Setup.JEEP.withText("abcdefghijk"));
        session.moveTo(Cursor.forward(8));
        session.apply(Setup.JEEP.withText("abc"));
        session.stepBack(); // forward(1) → forward(0): the person moved
        session.apply(Setup.JEEP.withText("abcdefghijk"));
        assertEquals(Cursor.forward(0), session.getCursor());
    }

    @Test
    void fromStartEndGoesToTheEndOfTheForwardPassThenTheUpdate() {
        session.apply(Setup.JEEP);
        session.jumpEnd();
        assertEquals(Cursor.forward(2), session.getCursor());
        session.jumpEnd();
        assertEquals(Cursor.update(), session.getCursor());
        session.jumpStart();
        assertEquals(Cursor.backward(2, BackwardStage.OUTPUT_GRADIENT), session.getCursor(), "from the update: the backward pass's start");
        session.jumpStart();
        assertEquals(Cursor.START, session.getCursor());
    }

    @Test
    void anOpenedModelIsWalkedWithTheLearningRateAskedForAndKeepsThePlace() {
        Scenario sc = Scenario.build(Setup.JEEP);
        session.open(sc);
        session.moveTo(Cursor.update());
        session.open(sc, 0.5);
        assertNull(session.getSetup());
        assertSame(sc, session.getScenario());
        assertEquals(0.5, session.getWalkthrough().learningRate(), 0);
        assertEquals(Cursor.update(), session.getCursor());
        session.open(Scenario.build(Setup.JEEP.withSeed(3)));
        assertEquals(0.5, session.getWalkthrough().learningRate(), 0, "a file opened next keeps η of what was shown");
    }
}
