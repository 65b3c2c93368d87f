package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketLayoutTest {

    @ParameterizedTest(name = "{0} is a {2} of kitchen {1}")
    @CsvSource({
        "default/recipes/apple-pie.json, default, RECIPE",
        "default/recipes/shakshuka.jsonld, default, RECIPE",
        "default/recipes/deep/er/pie.JSON, default, RECIPE",
        "bistro-2/makes/pancakes doubled.json, bistro-2, MAKE",
    })
    void filesUnderRecipesAndMakesBecomeJobs(String key, String kitchen, FileKind kind) {
        assertThat(BucketLayout.route(key, 100)).isEqualTo(new BucketLayout.Accepted(kitchen, kind));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
        "default/notes/list.json, unknown_prefix",
        "default/pie.json, unknown_prefix",
        "default/makes/photo.png, unsupported_file_type",
        "default/makes/pie.json.txt, unsupported_file_type",
        "caf\u00e9/makes/pie.json, invalid_kitchen",
        "Default/makes/pie.json, invalid_kitchen",
    })
    void filesThatCanNeverBecomeJobsAreRefusedWithAReason(String key, String reason) {
        assertThat(BucketLayout.route(key, 100))
                .isInstanceOfSatisfying(BucketLayout.Refused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(reason));
    }

    @Test
    void aFileOfExactlyOneMibIsAcceptedAndOneByteMoreIsRefused() {
        assertThat(BucketLayout.route("default/makes/pie.json", 1024 * 1024)).isInstanceOf(BucketLayout.Accepted.class);
        assertThat(BucketLayout.route("default/makes/pie.json", 1024 * 1024 + 1))
                .isEqualTo(new BucketLayout.Refused(
                        "default", "too_large", "the file has 1048577 bytes; at most 1048576 (1 MiB) are accepted"));
    }

    @ParameterizedTest(name = "{0} is ignored")
    @CsvSource({
        "default/rejected/makes/pie.json.error.json",
        "default/rejected/notes/list.json.error.json",
        "default/makes/",
        "loose.json",
        "/makes/pie.json",
    })
    void thePipelinesOwnOutputsAndKeysOutsideAKitchenAreIgnored(String key) {
        assertThat(BucketLayout.route(key, 100)).isInstanceOf(BucketLayout.Ignored.class);
    }

    @Test
    void theRejectionReportSitsInTheKitchensRejectedFolderUnderTheRestOfTheKey() {
        assertThat(BucketLayout.rejectionReportKey("default/makes/sub/pie.json"))
                .isEqualTo("default/rejected/makes/sub/pie.json.error.json");
    }

    @ParameterizedTest(name = "{0} is refused as an unsafe key")
    @ValueSource(
            strings = {
                "default/recipes/../../kb/recipes/x.json",
                "default/recipes/./x.json",
                "default/recipes//x.json",
                "default/makes/..",
                "default/recipes/a\nb.json",
                "default/recipes/a\u0000.json",
                "default/recipes/a\\..\\b.json",
            })
    void keysWithDotOrEmptySegmentsOrControlCharactersAreRefusedInTheirOwnKitchen(String key) {
        String unescaped = key;

        assertThat(BucketLayout.route(unescaped, 100)).isInstanceOfSatisfying(BucketLayout.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo("unsafe_key");
            assertThat(refused.kitchen()).isEqualTo("default");
        });
        assertThat(BucketLayout.rejectionReportKey(unescaped))
                .startsWith("default/rejected/unsafe-keys/")
                .doesNotContain("..")
                .doesNotContain("//")
                .doesNotContainPattern("\\p{Cntrl}");
    }

    @Test
    void aKeyIsLoggedWithItsControlCharactersEscaped() {
        assertThat(BucketLayout.printable("default/recipes/a\nINFO forged.json"))
                .isEqualTo("default/recipes/a\\u000aINFO forged.json");
    }
}
