package dev.recipediff.functions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void aProblemAnswerOfADocumentedStatusKeepsTheContract() {
        String body = """
                {"type":"/problems/not_found","title":"Not found","status":404,"detail":"no recipe 7",
                 "error":"not_found","message":"no recipe 7","details":[],"requestId":"r-1"}""";

        assertThat(contract.violations("GET", "/recipes/7", 404, "application/problem+json", body))
                .isEmpty();
    }

    @Test
    void aBodyThatMissesARequiredFieldBreaksIt() {
        assertThat(contract.violations("GET", "/recipes/7", 404, "application/problem+json", "{\"error\":\"x\"}"))
                .isNotEmpty();
    }

    @Test
    void anUndocumentedContentTypeBreaksIt() {
        assertThat(contract.violations("GET", "/recipes/7", 404, "text/plain", "no"))
                .singleElement()
                .asString()
                .contains("not among the declared");
    }

    @Test
    void anUndocumentedStatusBreaksIt() {
        assertThat(contract.violations("GET", "/recipes/7", 418, "application/json", "{}"))
                .singleElement()
                .asString()
                .contains("418 is not documented");
    }

    @Test
    void literalSegmentsWinOverTemplates() {
        assertThat(contract.templateOf("/recipes/2/makes/3/differences"))
                .isEqualTo("/recipes/{recipeId}/makes/{makeId}/differences");
        assertThat(contract.templateOf("/stats")).isEqualTo("/stats");
    }
}
