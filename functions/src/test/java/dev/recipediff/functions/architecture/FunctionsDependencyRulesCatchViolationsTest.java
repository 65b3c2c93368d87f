package dev.recipediff.functions.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.recipediff.functions.adapters.sqs.SqsJobQueue;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.pipeline.JobEnqueuer;
import dev.recipediff.functions.pipeline.fixture.ServiceThatThrowsHttp;
import dev.recipediff.functions.pipeline.fixture.ServiceThatUsesAnAdapter;
import org.junit.jupiter.api.Test;

/** Proves the rules can fail: fixtures placed in a service package that break them are caught. */
class FunctionsDependencyRulesCatchViolationsTest {

    @Test
    void aServiceThatImportsAnAdapterBreaksTheLayers() {
        var classes = new ClassFileImporter()
                .importClasses(ServiceThatUsesAnAdapter.class, SqsJobQueue.class, JobEnqueuer.class);

        assertThatThrownBy(() -> FunctionsDependencyRulesTest.layersOnlyCallDownwards.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ServiceThatUsesAnAdapter.class.getName())
                .hasMessageContaining(SqsJobQueue.class.getName());
    }

    @Test
    void aServiceThatThrowsAnHttpExceptionSpeaksHttp() {
        var classes = new ClassFileImporter().importClasses(ServiceThatThrowsHttp.class, ApiException.class);

        assertThatThrownBy(() -> FunctionsDependencyRulesTest.servicesSpeakNeitherAwsNorHttp.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ApiException.class.getName());
    }
}
