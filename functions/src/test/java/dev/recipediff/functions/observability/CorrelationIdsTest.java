package dev.recipediff.functions.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    @Test
    void oneVersionOfOneFileAlwaysGetsTheSameId() {
        assertThat(CorrelationIds.ofFile("b", "kb/makes/pie.json", "v1"))
                .isEqualTo(CorrelationIds.ofFile("b", "kb/makes/pie.json", "v1"))
                .matches("f-[0-9a-f]{32}");
    }

    @Test
    void aNewVersionOrAnotherKeyGetsAnotherId() {
        String first = CorrelationIds.ofFile("b", "kb/makes/pie.json", "v1");

        assertThat(CorrelationIds.ofFile("b", "kb/makes/pie.json", "v2")).isNotEqualTo(first);
        assertThat(CorrelationIds.ofFile("b", "kb/makes/tart.json", "v1")).isNotEqualTo(first);
    }

    @Test
    void aKeyIsLoggedAsAShortHashThatDoesNotContainIt() {
        assertThat(CorrelationIds.keyHash("kb/makes/grandma's pie.json"))
                .matches("k-[0-9a-f]{16}")
                .doesNotContain("pie");
    }

    @Test
    void aClientsCorrelationIdIsAcceptedOnlyAsAPlainToken() {
        assertThat(CorrelationIds.accepted("f-0123abc")).isEqualTo("f-0123abc");
        assertThat(CorrelationIds.accepted("x\n{\"forged\":1}")).isNull();
        assertThat(CorrelationIds.accepted("a".repeat(65))).isNull();
        assertThat(CorrelationIds.accepted("")).isNull();
        assertThat(CorrelationIds.accepted(null)).isNull();
    }
}
