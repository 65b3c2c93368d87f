package dev.recipediff.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text as a reader of the page sees it: references decoded, tags removed, white space collapsed. */
class ReadableTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "confectioners&#39; sugar | confectioners' sugar",
                "Fast &amp; Easy | Fast & Easy",
                "cut &frac12;&quot; thick | cut ½\" thick",
                "caf&eacute; au lait | café au lait",
                "it&#x2019;s done | it’s done",
                "it&#X2019;s done | it’s done",
                "baker&amp;#39;s yeast | baker's yeast",
                "a &amp;amp; b | a & b",
                "&lt;b&gt;bold&lt;/b&gt; move | bold move",
                "don&#146;t | don’t"
            })
    void characterReferencesAreDecoded(String raw, String readable) {
        assertThat(ReadableText.line(raw)).isEqualTo(readable);
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(
            delimiter = '|',
            value = {"AT&T", "salt & pepper", "&madeup; sauce", "&amp no semicolon", "a &#xZZ; b"})
    void anAmpersandThatIsNoKnownReferenceStaysAsWritten(String raw) {
        assertThat(ReadableText.line(raw)).isEqualTo(raw);
    }

    @Test
    void tagsAreRemovedAndLinksKeepTheirText() {
        String raw = "<p>Whisk the <strong>eggs</strong> with <a href=\"https://example.org/sugar\" "
                + "title='a > b'>sugar</a>.</p>";

        assertThat(ReadableText.line(raw)).isEqualTo("Whisk the eggs with sugar.");
    }

    @Test
    void blockTagsAndLineBreaksSeparateLines() {
        String raw = "<ol><li>Preheat the oven.</li><li>Butter a tin.<br/>Line it.</li></ol>\r\nBake.";

        assertThat(ReadableText.lines(raw)).containsExactly("Preheat the oven.", "Butter a tin.", "Line it.", "Bake.");
        assertThat(ReadableText.line(raw)).isEqualTo("Preheat the oven. Butter a tin. Line it. Bake.");
    }

    @Test
    void aLessThanSignThatOpensNoTagIsText() {
        assertThat(ReadableText.line("rest < 5 minutes, 3<4 and x <y")).isEqualTo("rest < 5 minutes, 3<4 and x <y");
    }

    @Test
    void commentsDisappear() {
        assertThat(ReadableText.line("Stir<!-- wprm -->well")).isEqualTo("Stirwell");
    }

    @Test
    void whiteSpaceOfEveryKindIsCollapsedAndInvisibleCharactersRemoved() {
        String raw = "  2\u00A0cups&nbsp;&nbsp;flour\t\u202F(sifted)\u200B \u0007 ";

        assertThat(ReadableText.line(raw)).isEqualTo("2 cups flour (sifted)");
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String plain = "1 cup water";

        assertThat(ReadableText.line(plain)).isSameAs(plain);
    }

    @Test
    void markupLeftIsDetected() {
        assertThat(ReadableText.hasMarkup("a &amp; b")).isTrue();
        assertThat(ReadableText.hasMarkup("<em>a</em>")).isTrue();
        assertThat(ReadableText.hasMarkup("a & b < c; AT&T")).isFalse();
        assertThat(ReadableText.hasMarkup(ReadableText.line("<p>a &amp;amp; b</p>")))
                .isFalse();
    }
}
