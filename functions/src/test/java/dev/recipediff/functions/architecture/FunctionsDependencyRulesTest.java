package dev.recipediff.functions.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package map of {@code functions} (docs/architecture.md): entry points ({@code lambda}) and repair tools
 * ({@code operations}) compose everything; the HTTP edge ({@code api}, {@code http}) calls the services; the
 * services ({@code pipeline}, {@code recipes}, {@code auth}, {@code analytics}, {@code dashboard}) own their
 * ports; adapters implement the ports and are known only to the composition roots; {@code store} (DynamoDB) and
 * {@code config} sit at the bottom. No package cycles.
 */
@AnalyzeClasses(
        packages = "dev.recipediff.functions",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class FunctionsDependencyRulesTest {

    static final String FUNCTIONS = "dev.recipediff.functions.";

    @ArchTest
    static final ArchRule layersOnlyCallDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Entry points")
            .definedBy(FUNCTIONS + "lambda..")
            .layer("Repairs")
            .definedBy(FUNCTIONS + "operations..")
            .layer("HTTP resources")
            .definedBy(FUNCTIONS + "api..")
            .layer("HTTP edge")
            .definedBy(FUNCTIONS + "http..")
            .layer("Adapters")
            .definedBy(FUNCTIONS + "adapters..")
            .layer("Services")
            .definedBy(
                    FUNCTIONS + "pipeline..",
                    FUNCTIONS + "recipes..",
                    FUNCTIONS + "auth..",
                    FUNCTIONS + "analytics..",
                    FUNCTIONS + "dashboard..")
            .layer("Store")
            .definedBy(FUNCTIONS + "store..")
            .layer("Config")
            .definedBy(FUNCTIONS + "config..")
            .whereLayer("Entry points")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Repairs")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("HTTP resources")
            .mayOnlyBeAccessedByLayers("Entry points")
            .whereLayer("HTTP edge")
            .mayOnlyBeAccessedByLayers("HTTP resources", "Entry points")
            .whereLayer("Adapters")
            .mayOnlyBeAccessedByLayers("Entry points", "Repairs")
            .whereLayer("Services")
            .mayOnlyBeAccessedByLayers("Entry points", "Repairs", "HTTP resources", "HTTP edge", "Adapters")
            .whereLayer("Config")
            .mayOnlyBeAccessedByLayers("Entry points", "Repairs", "Adapters")
            .because(
                    "adapters import the services' ports, never the other way; HTTP codes live at the edge (issue 18)");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.recipediff.functions.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a file's path through functions reads in one direction (issue 18)");

    @ArchTest
    static final ArchRule servicesSpeakNeitherAwsNorHttp = noClasses()
            .that()
            .resideInAnyPackage(
                    FUNCTIONS + "pipeline..",
                    FUNCTIONS + "recipes..",
                    FUNCTIONS + "auth..",
                    FUNCTIONS + "dashboard..",
                    FUNCTIONS + "analytics..")
            .and()
            .doNotHaveSimpleName("RecipeStatsTable")
            .and()
            .doNotHaveSimpleName("InsightsTable")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..", "java.net.http..", FUNCTIONS + "http..")
            .because("services reach AWS through ports or the store, and speak the domain, not HTTP (the stats "
                    + "view's and the insights' own tables are analytics' DynamoDB classes)");

    @ArchTest
    static final ArchRule observabilityStandsAlone = noClasses()
            .that()
            .resideInAPackage(FUNCTIONS + "observability..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    FUNCTIONS + "lambda..",
                    FUNCTIONS + "operations..",
                    FUNCTIONS + "api..",
                    FUNCTIONS + "http..",
                    FUNCTIONS + "adapters..",
                    FUNCTIONS + "pipeline..",
                    FUNCTIONS + "recipes..",
                    FUNCTIONS + "auth..",
                    FUNCTIONS + "analytics..",
                    FUNCTIONS + "dashboard..",
                    FUNCTIONS + "store..",
                    FUNCTIONS + "config..")
            .because("logs, metrics and correlation ids are used by every layer, so they may use none (issue 21)");
}
