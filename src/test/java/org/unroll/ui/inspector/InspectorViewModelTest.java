package org.unroll.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unroll.engine.BackwardStage;
import org.unroll.engine.Cursor;
import org.unroll.task.Setup;
import org.unroll.ui.I18n;
import org.unroll.ui.session.Session;

/** The inspector's decisions, without a toolkit: sections, their order, what left, the value line. */
class InspectorViewModelTest {

    private final Session session = new Session(Runnable::run, Runnable::run);

    @BeforeEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void emptyBeforeAWalkThenTheContentOfTheCursorGroupedBySection() {
        InspectorViewModel vm = new InspectorViewModel(session);
        assertTrue(vm.getShown().empty());
        session.apply(Setup.JEEP);
        session.moveTo(Cursor.backward(2, BackwardStage.PARAMETER_GRADIENTS));
        InspectorViewModel.Shown shown = vm.getShown();
        assertFalse(shown.empty());
        List<InspectorEntry> content = InspectorContent.at(session.getWalkthrough(), session.getScenario(), session.getCursor());
        // every entry once, each group one section, in the order the sections first appear
        assertEquals(Set.copyOf(content), Set.copyOf(shown.entries()));
        assertEquals(content.size(), shown.entries().size());
        List<InspectorEntry.Section> firstSeen = new ArrayList<>();
        content.forEach(e -> {
            if (!firstSeen.contains(e.section())) {
                firstSeen.add(e.section());
            }
        });
        assertEquals(firstSeen, shown.groups().stream().map(InspectorViewModel.Group::section).toList());
        for (InspectorViewModel.Group g : shown.groups()) {
            assertEquals(I18n.get(g.section().key()), g.heading());
            assertTrue(g.entries().stream().allMatch(e -> e.section() == g.section()));
            assertEquals(content.stream().filter(e -> e.section() == g.section()).toList(), g.entries());
        }
    }

    @Test
    void namesTheQuantitiesThatLeftSinceThePreviousPoint() {
        InspectorViewModel vm = new InspectorViewModel(session);
        session.apply(Setup.JEEP);
        session.moveTo(Cursor.forward(1));
        Set<String> forwardIds = ids(vm.getShown());
        assertTrue(forwardIds.contains("zHh"), forwardIds.toString());
        session.moveTo(Cursor.loss());
        Set<String> lossIds = ids(vm.getShown());
        Set<String> expected = new java.util.HashSet<>(forwardIds);
        expected.removeAll(lossIds);
        assertFalse(expected.isEmpty());
        assertEquals(expected, vm.getShown().left());
        session.moveTo(Cursor.loss().fit(3));
        assertEquals(expected, vm.getShown().left(), "the same point again changes nothing");
    }

    @Test
    void anInactiveModelDoesNotFollowTheSessionAndCatchesUpWhenActivated() {
        InspectorViewModel vm = new InspectorViewModel(session);
        session.apply(Setup.JEEP);
        session.moveTo(Cursor.forward(1));
        InspectorViewModel.Shown atForward = vm.getShown();
        vm.activeProperty().set(false);
        session.moveTo(Cursor.update());
        assertEquals(atForward, vm.getShown(), "nothing read while inactive");
        vm.activeProperty().set(true);
        List<InspectorEntry> now = InspectorContent.at(session.getWalkthrough(), session.getScenario(), Cursor.update());
        assertEquals(now, vm.getShown().entries().stream().sorted(java.util.Comparator.comparingInt(now::indexOf)).toList());
        assertTrue(vm.getShown().left().contains("zHh"), "what left is counted from the last point shown");
    }

    @Test
    void theValueLinePrefersAHoveredCellThenASelectedOneThenTheHint() {
        var none = new InspectorViewModel.CellState(false, false, null);
        var selected = new InspectorViewModel.CellState(false, true, "h[2] = 0.5");
        var hovered = new InspectorViewModel.CellState(true, false, "W_hh[1,1] = −0.25");
        assertEquals(new InspectorViewModel.ValueLine("W_hh[1,1] = −0.25", false),
                InspectorViewModel.valueLine(List.of(selected, none, hovered)));
        assertEquals(new InspectorViewModel.ValueLine("h[2] = 0.5", false),
                InspectorViewModel.valueLine(List.of(none, selected)));
        assertEquals(new InspectorViewModel.ValueLine(I18n.get("inspector.hint"), true),
                InspectorViewModel.valueLine(List.of(none, none)));
    }

    private static Set<String> ids(InspectorViewModel.Shown s) {
        return Set.copyOf(s.entries().stream().map(InspectorEntry::id).toList());
    }
}
