package org.unroll.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** The charts render headless for the CLI: no JavaFX in org.unroll.charts. */
class NoJavaFxInChartsTest {

    @Test
    void chartsDoNotDependOnJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.unroll.charts");
        assertEquals(true, classes.size() > 10, "classes found: " + classes.size());
        ArchRule rule = ArchRuleDefinition.noClasses().that().resideInAPackage("org.unroll.charts..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..");
        rule.check(classes);
    }
}
