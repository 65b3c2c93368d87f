package dev.recipediff.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recipediff.functions.store.WriteAttempt;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageQueryTest {

    private static ApiRequest withQuery(Map<String, String> query) {
        return new ApiRequest(
                "GET",
                "/recipes",
                Map.of(),
                query,
                Map.of(),
                new byte[0],
                "req-1",
                Optional.empty(),
                WriteAttempt.once());
    }

    @Test
    void withoutParametersTheFirstPageHasTheDefaultLimit() {
        assertThat(PageQuery.from(withQuery(Map.of()), "M#")).isEqualTo(new PageQuery(20, Optional.empty()));
    }

    @Test
    void aCursorRoundTripsToItsPosition() {
        String cursor = PageQuery.cursor("M#0000000000000000007");

        PageQuery query = PageQuery.from(withQuery(Map.of("next", cursor, "limit", "5")), "M#");

        assertThat(query).isEqualTo(new PageQuery(5, Optional.of("M#0000000000000000007")));
        assertThat(cursor).doesNotContain("M#");
    }

    @Test
    void aCursorOfAnotherListingIsRejected() {
        String versionsCursor = PageQuery.cursor("V#0000000000000000002");

        assertThatThrownBy(() -> PageQuery.from(withQuery(Map.of("next", versionsCursor)), "M#"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.details()).extracting(ErrorDetail::pointer).containsExactly("/query/next");
                });
    }

    @Test
    void garbageIsNotACursor() {
        assertThatThrownBy(() -> PageQuery.from(withQuery(Map.of("next", "%%%")), ""))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void theLimitIsOneToOneHundred() {
        for (String bad : new String[] {"0", "101", "-3", "ten", ""}) {
            assertThatThrownBy(() -> PageQuery.from(withQuery(Map.of("limit", bad)), ""))
                    .as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details())
                            .extracting(ErrorDetail::pointer)
                            .containsExactly("/query/limit"));
        }
        assertThat(PageQuery.from(withQuery(Map.of("limit", "100")), "").limit())
                .isEqualTo(100);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "M#" + "9999999999999999999999999", // longer than an item key: DynamoDB refused it with a 500
                "M#00000000000000000007 OR 1=1",
                "M#\u0000",
                "M#",
                "M#-1",
            })
    void everyForgedTablePositionIsA400(String forged) {
        String cursor = PageQuery.cursor(forged);

        assertThatThrownBy(() -> PageQuery.from(withQuery(Map.of("next", cursor)), "M#"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void anOverLongCursorIsA400BeforeItIsDecoded() {
        String cursor = PageQuery.cursor("k/rejected/" + "a".repeat(5_000));

        assertThatThrownBy(() -> PageQuery.from(withQuery(Map.of("next", cursor)), "k/rejected/"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aCursorThatIsNotUtf8IsA400() {
        String cursor = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new byte[] {'c', '1', ':', 'M', '#', (byte) 0xFF});

        assertThatThrownBy(() -> PageQuery.from(withQuery(Map.of("next", cursor)), "M#"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
