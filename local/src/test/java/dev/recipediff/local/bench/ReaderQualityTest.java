package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's figures on a folder laid out like ../shared/realworld (documents written for this test). */
class ReaderQualityTest {

    @TempDir
    Path dir;

    private void page(String site, String name, String jsonld, String expectedSteps) throws IOException {
        Path page = dir.resolve("jsonld").resolve(site).resolve(name + ".jsonld");
        Files.createDirectories(page.getParent());
        Files.writeString(page, jsonld, StandardCharsets.UTF_8);
        if (expectedSteps != null) {
            Path expected = dir.resolve("expected").resolve(site).resolve(name + ".json");
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, "{\"title\": \"x\", \"instructions_list\": " + expectedSteps + "}");
        }
    }

    @BeforeEach
    void aSmallCorpus() throws IOException {
        page(
                "soups.example",
                "sections",
                "{\"@type\": \"Recipe\", \"name\": \"Soup\", \"recipeInstructions\": ["
                        + "{\"@type\": \"HowToSection\", \"name\": \"For the broth\", \"itemListElement\": ["
                        + "{\"@type\": \"HowToStep\", \"text\": \"Boil.\"}, {\"@type\": \"HowToStep\", \"text\": \"Skim.\"}]}, "
                        + "{\"@type\": \"HowToStep\", \"name\": \"Finish\", \"text\": \"Season &amp; serve.\"}]}",
                "[\"For the broth\", \"Boil.\", \"Skim.\", \"Finish\", \"Season & serve.\"]");
        page(
                "soups.example",
                "fewer",
                "{\"@type\": \"Recipe\", \"name\": \"Stew\", \"recipeInstructions\": "
                        + "\"Brown the meat. Add water.\"}",
                "[\"Brown the meat.\", \"Add water.\"]");
        page("soups.example", "html-only", "{\"@type\": \"Recipe\", \"name\": \"Chowder\"}", "[\"Cook.\"]");
        page("news.example", "article", "{\"@type\": \"NewsArticle\", \"name\": \"Ten soups\"}", null);
    }

    @Test
    void theFiguresCountRefusalsMarkupAndStepAgreement() {
        ReaderFigures figures = ReaderQuality.measure(dir);

        assertThat(figures.documents()).isEqualTo(4);
        assertThat(figures.refusals())
                .extracting(ReaderFigures.Refusal::file)
                .containsExactly(Path.of("news.example", "article.jsonld").toString());
        assertThat(figures.acceptedPercent()).isEqualTo(75.0);
        assertThat(figures.withMarkup()).isEmpty();
        assertThat(figures.stepsOnlyInHtml()).isEqualTo(1);
        assertThat(figures.stepsCompared()).isEqualTo(2);
        assertThat(figures.stepMismatches())
                .containsExactly(new ReaderFigures.StepMismatch(
                        Path.of("soups.example", "fewer.jsonld").toString(), 1, 2));
        assertThat(figures.stepsAgreePercent()).isEqualTo(50.0);
    }

    @Test
    void aFolderWithoutPagesIsAClearError() {
        assertThatThrownBy(() -> ReaderQuality.measure(dir.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jsonld");
    }
}
