package dev.recipediff.local.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.recipediff.core.format.IngredientLineParser;
import dev.recipediff.core.format.ParsedLine;
import dev.recipediff.local.bench.LineQuality;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recipediff parse-lines}: ingredient lines on stdin, one JSON object per line on stdout, in input order
 * and with a fixed key order. With {@code --quality}, measures the parser on labelled lines instead.
 */
@Command(
        name = "parse-lines",
        mixinStandardHelpOptions = true,
        description = {
            "Read ingredient lines on stdin (UTF-8, one per line) and write, for each, one JSON object:",
            "text, quantity, quantityHigh (a range's upper bound), measurement, ingredientName, preparation,",
            "then, when the line has them: quantityImplied, alternativeQuantity, alternativeMeasurement,",
            "alternative, size, qualifier, eachQuantity, eachMeasurement, container.",
            "A blank line gives nulls; a line over 10,000 characters gives {text, problem}.",
            "Exit status: 0 done, 2 input not valid UTF-8 or --quality CSV unreadable (the reason on stderr)."
        })
public final class ParseLinesCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int INVALID = 2;
    /** The longest line parsed, as the document reader's string limit. */
    static final int MAX_LINE = 10_000;

    private static final String DEFAULT_CSV = "../shared/realworld/ingredient-lines-dev.csv";

    @Option(
            names = "--quality",
            arity = "0..1",
            paramLabel = "CSV",
            fallbackValue = "",
            description = "instead of reading stdin: the parser's quantity, unit and name token-F1 on labelled "
                    + "lines (default " + DEFAULT_CSV + " from the repository root), per source, beside npm "
                    + "parse-ingredient when node and node_modules/parse-ingredient are present")
    String quality;

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final IngredientLineParser parser = new IngredientLineParser();
    private final JsonFactory json = new JsonFactory();

    public ParseLinesCommand() {
        this(System.in);
    }

    ParseLinesCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (quality != null) {
            return measure(out, err);
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        StringWriter buffer = new StringWriter(256);
        long number = 0;
        String line;
        try {
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                buffer.getBuffer().setLength(0);
                write(buffer, line);
                out.append(buffer.getBuffer()).append('\n');
                if (!reader.ready()) {
                    out.flush();
                }
            }
        } catch (CharacterCodingException e) {
            out.flush();
            err.println("stdin: not valid UTF-8 after line " + number + " (the lines before it were written)");
            return INVALID;
        }
        out.flush();
        return OK;
    }

    /** The JSON object of one line. */
    void write(StringWriter target, String line) throws IOException {
        try (JsonGenerator out = json.createGenerator(target)) {
            out.writeStartObject();
            out.writeStringField("text", line);
            if (line.length() > MAX_LINE) {
                out.writeStringField(
                        "problem", "line longer than " + MAX_LINE + " characters (" + line.length() + "), not parsed");
                out.writeEndObject();
                return;
            }
            if (line.isBlank()) {
                for (String field :
                        new String[] {"quantity", "quantityHigh", "measurement", "ingredientName", "preparation"}) {
                    out.writeNullField(field);
                }
                out.writeEndObject();
                return;
            }
            ParsedLine parsed = parser.parseLine(line);
            number(out, "quantity", parsed.quantity(), true);
            number(out, "quantityHigh", parsed.quantityHigh(), true);
            string(out, "measurement", parsed.measurement(), true);
            string(out, "ingredientName", parsed.ingredientName(), true);
            string(out, "preparation", parsed.preparation(), true);
            if (parsed.quantityImplied()) {
                out.writeBooleanField("quantityImplied", true);
            }
            number(out, "alternativeQuantity", parsed.alternativeQuantity(), false);
            string(out, "alternativeMeasurement", parsed.alternativeMeasurement(), false);
            string(out, "alternative", parsed.alternative(), false);
            string(out, "size", parsed.size(), false);
            string(out, "qualifier", parsed.qualifier(), false);
            number(out, "eachQuantity", parsed.eachQuantity(), false);
            string(out, "eachMeasurement", parsed.eachMeasurement(), false);
            string(out, "container", parsed.container(), false);
            out.writeEndObject();
        }
    }

    private static void number(JsonGenerator out, String field, Double value, boolean always) throws IOException {
        if (value == null) {
            if (always) {
                out.writeNullField(field);
            }
            return;
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.writeNumberField(field, (long) v);
        } else {
            out.writeNumberField(field, v);
        }
    }

    private static void string(JsonGenerator out, String field, String value, boolean always) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        } else if (always) {
            out.writeNullField(field);
        }
    }

    private int measure(PrintWriter out, PrintWriter err) {
        Path root = Path.of(System.getProperty("recipediff.home", "."));
        Path csv = quality.isEmpty() ? root.resolve(DEFAULT_CSV).normalize() : Path.of(quality);
        if (!Files.isReadable(csv)) {
            err.println(csv + ": no such readable file (expected a CSV of labelled ingredient lines)");
            return INVALID;
        }
        try {
            var reports = LineQuality.measureAgainstParseIngredient(csv, root);
            out.print(LineQuality.table(reports));
            if (reports.size() == 1) {
                out.println("(npm parse-ingredient not measured: node or node_modules/parse-ingredient not found; "
                        + "run `npm ci` in the repository)");
            }
            out.flush();
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println(csv + ": " + e.getMessage());
            return INVALID;
        }
    }
}
