package org.unroll;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering: a pure engine (the JDK, its Vector API and EJML), JavaFX only in the UI, io below
 * cli and ui, the toolkit-free packages free of the UI, no cycles between packages or between the
 * UI's features, and view models that know no views.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.unroll");
    }

    @Test
    void theEngineUsesOnlyTheJdkAndEjml() {
        classes().that().resideInAPackage("org.unroll.engine..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jdk.incubator.vector..", "org.ejml..", "org.unroll.engine..")
                .check(production);
    }

    @Test
    void allVectorisedCodeLivesInTheKernel() {
        noClasses().that().resideOutsideOfPackage("org.unroll.engine.kernel..")
                .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
                .check(production);
    }

    @Test
    void theKernelKnowsNothingOfTheEngineAboveIt() {
        noClasses().that().resideInAPackage("org.unroll.engine.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.unroll.engine")
                .check(production);
    }

    @Test
    void theEngineDoesNotKnowTheLayersAboveIt() {
        noClasses().that().resideInAPackage("org.unroll.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.unroll.io..", "org.unroll.cli..", "org.unroll.ui..", "org.unroll.charts..")
                .check(production);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.unroll.ui..")
                .and().doNotHaveFullyQualifiedName("org.unroll.Main")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(production);
    }

    @Test
    void ioDoesNotDependOnCliOrUi() {
        noClasses().that().resideInAPackage("org.unroll.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.unroll.cli..", "org.unroll.ui..")
                .check(production);
    }

    @Test
    void theToolkitFreePackagesDoNotKnowTheUi() {
        noClasses().that().resideInAnyPackage("org.unroll.lesson..", "org.unroll.charts..", "org.unroll.figures..",
                        "org.unroll.task..", "org.unroll.train..")
                .should().dependOnClassesThat().resideInAPackage("org.unroll.ui..")
                .check(production);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("org.unroll.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void theUiFeaturesHaveNoCycles() {
        slices().matching("org.unroll.ui.(*)..").should().beFreeOfCycles().check(production);
    }

    /**
     * No static caches or static mutable state in the UI: a static field there is final, and it is
     * not a map, a collection that can change, an executor, a thread, an atomic or one of the UI's
     * own renderers or caches: what a window needs, the window owns.
     */
    @Test
    void theUiHasNoStaticMutableState() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().areStatic()
                .and().areDeclaredInClassesThat().resideInAPackage("org.unroll.ui..")
                .should().beFinal()
                .check(production);
        com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> mutable =
                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(java.util.Map.class)
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(java.util.concurrent.Executor.class))
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Thread.class))
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("java.util.concurrent.atomic"))
                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(java.util.Collection.class)
                                .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(java.util.List.class))))
                        .or(com.tngtech.archunit.base.DescribedPredicate.describe("a renderer or a cache of the UI",
                                (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.unroll.ui")
                                        && c.getSimpleName().matches(".*(Images|Renderer|Cache)")));
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields().that().areStatic()
                .and().areDeclaredInClassesThat().resideInAPackage("org.unroll.ui..")
                .should().haveRawType(mutable)
                .check(production);
    }

    @Test
    void viewModelsKnowNoViews() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.jfree.chart.fx..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Pane")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .check(production);
    }

    @Test
    void theUiReadsWalksThroughTheirQueriesNotTheTape() {
        // one owner for every number: a walk's values reach the window through WalkPoint / WalkData
        noClasses().that().resideInAPackage("org.unroll.ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.unroll.engine.Tape")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.unroll.engine.Bptt")
                .check(production);
    }
}
