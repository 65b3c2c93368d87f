package dev.recipediff.core.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** Proves the dependency rule can fail: a class in core's packages that uses an HTTP client is caught. */
class CoreDependencyRuleCatchesViolationsTest {

    /** Fixture: what the rule must forbid. */
    static final class ClassThatCallsHttp {
        HttpClient client() {
            return HttpClient.newHttpClient();
        }
    }

    @Test
    void givenACoreClassUsingJavaNetHttpWhenCheckedThenTheRuleFails() {
        var classes = new ClassFileImporter().importClasses(ClassThatCallsHttp.class);

        assertThatThrownBy(() -> CoreDependencyRulesTest.coreDependsOnNoAwsHttpOrFrameworkLibrary.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.net.http.HttpClient");
    }
}
