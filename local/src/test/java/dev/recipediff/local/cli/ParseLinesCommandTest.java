package dev.recipediff.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseLinesCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ObjectMapper mapper = new ObjectMapper();

    private int run(byte[] stdin, String... args) {
        CommandLine cli = new CommandLine(new ParseLinesCommand(new ByteArrayInputStream(stdin)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private List<JsonNode> objects() {
        return out.toString()
                .lines()
                .map(line -> {
                    try {
                        return mapper.readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError("not JSON: " + line, e);
                    }
                })
                .toList();
    }

    @Test
    void writesOneObjectPerLineInInputOrder() {
        int status = run("2 cups plain flour\n1 pinch salt\n3 eggs\n");

        assertThat(status).isEqualTo(ParseLinesCommand.OK);
        assertThat(objects())
                .extracting(o -> o.get("ingredientName").asText())
                .containsExactly("plain flour", "salt", "eggs");
    }

    @Test
    void aRangeHasItsUpperBoundAsQuantityHigh() {
        run("2-3 tbsp olive oil\n");

        JsonNode oil = objects().get(0);
        assertThat(oil.get("quantity").asDouble()).isEqualTo(2.0);
        assertThat(oil.get("quantityHigh").asDouble()).isEqualTo(3.0);
    }

    @Test
    void theCoreFieldsComeFirstInAFixedOrderWithNullsWhenAbsent() {
        run("salt, to taste\n");

        assertThat(out.toString().strip())
                .isEqualTo(
                        "{\"text\":\"salt, to taste\",\"quantity\":null,"
                                + "\"quantityHigh\":null,\"measurement\":null,\"ingredientName\":\"salt\",\"preparation\":\"to taste\"}");
    }

    @Test
    void wholeNumbersAreWrittenAsIntegersAndTheAlternativeAmountIsKept() {
        run("150ml/5fl oz double cream\n");

        assertThat(out.toString().strip())
                .startsWith("{\"text\":\"150ml/5fl oz double cream\",\"quantity\":150,")
                .contains("\"alternativeQuantity\":5,\"alternativeMeasurement\":\"fl oz\"");
    }

    @Test
    void aBlankLineGivesAnObjectOfNullsSoLinesStayAligned() {
        run("1 onion\n\n2 carrots\n");

        assertThat(objects()).hasSize(3);
        assertThat(objects().get(1).get("ingredientName").isNull()).isTrue();
    }

    @Test
    void anOverlongLineIsReportedNotParsed() {
        run("1 cup " + "x".repeat(ParseLinesCommand.MAX_LINE) + "\n");

        assertThat(objects().get(0).get("problem").asText()).contains("longer than 10000 characters");
    }

    @Test
    void invalidUtf8IsRefusedWithExitTwoAndAReason() {
        byte[] bad = {'1', ' ', 'e', 'g', 'g', '\n', (byte) 0xC3, (byte) 0x28, '\n'};

        int status = run(bad);

        assertThat(status).isEqualTo(ParseLinesCommand.INVALID);
        assertThat(err.toString()).contains("not valid UTF-8");
    }

    @Test
    void qualityPrintsTheFiguresOfEachSourceOnALabelledCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("lines.csv");
        Files.writeString(csv, """
                source,input,name,qty,range_end,unit,comment,raw_quantity,raw_unit,size,preparation,purpose
                site-a,"2 cups plain flour, sifted",plain flour,2.0,,cup,,2,cup,,sifted,
                site-a,3 large eggs,eggs,3.0,,,,3,,large,,
                site-b,1 tbsp honey,honey,1.0,,tablespoon,,1,tbsp,,,
                """);

        int status = run("", "--quality", csv.toString());

        assertThat(status).isEqualTo(ParseLinesCommand.OK);
        assertThat(out.toString().lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("site-a")
                        .contains("recipediff")
                        .contains("100.0%"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("total")
                        .contains("recipediff")
                        .contains("1.000"));
    }

    @Test
    void qualityOnAMissingFileExitsTwoWithTheReason(@TempDir Path dir) {
        int status = run("", "--quality", dir.resolve("none.csv").toString());

        assertThat(status).isEqualTo(ParseLinesCommand.INVALID);
        assertThat(err.toString()).contains("none.csv").contains("no such readable file");
    }
}
