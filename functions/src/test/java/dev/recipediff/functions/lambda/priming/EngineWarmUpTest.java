package dev.recipediff.functions.lambda.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recipediff.core.format.InvalidDocumentException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineWarmUpTest {

    @Test
    void theBundledSamplesWarmTheWholeDocumentPathWithoutFailure() {
        SnapStartPriming priming = new SnapStartPriming("test", new EngineWarmUp().all());

        assertThat(priming.prime()).isEmpty();
    }

    @Test
    void aSampleTheReaderRefusesFailsItsStep() {
        byte[] notARecipe = "{\"recipeName\": 42}".getBytes(StandardCharsets.UTF_8);
        EngineWarmUp engine = new EngineWarmUp(notARecipe, notARecipe);

        assertThatThrownBy(() -> engine.documents().action().run()).isInstanceOf(InvalidDocumentException.class);
    }
}
