package dev.recipediff.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** core is pure: the comparison engine and formats run anywhere, so no AWS, HTTP or framework code in it. */
@AnalyzeClasses(
        packages = "dev.recipediff.core",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class CoreDependencyRulesTest {

    @ArchTest
    static final ArchRule coreDependsOnNoAwsHttpOrFrameworkLibrary = noClasses()
            .that()
            .resideInAPackage("dev.recipediff.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "software.amazon..",
                    "com.amazonaws..",
                    "java.net.http..",
                    "jakarta..",
                    "javax.servlet..",
                    "org.springframework..",
                    "io.netty..",
                    "org.apache.http..")
            .because("core must stay free of AWS, HTTP and framework code (issue 2)");
}
