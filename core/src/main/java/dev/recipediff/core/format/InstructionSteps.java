package dev.recipediff.core.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits instruction text into the steps a cook reads, for schema.org {@code recipeInstructions} given as text:
 * <ul>
 *   <li>the text is cleaned by {@link ReadableText#lines}: each line break and each block tag ({@code <br>},
 *       {@code <p>}, {@code <li>}, …) ends a line;</li>
 *   <li>a line that is only a label ({@code 1.}, {@code 2)}, {@code Step 3}, {@code Étape 4:}) is dropped — the
 *       step is the text that follows it;</li>
 *   <li>a line holding several steps numbered in sequence from 1 ({@code 1. Mix. 2. Bake.}, {@code 1.Mix.2.Bake.}
 *       or {@code Step 1: Mix. Step 2: Bake.}), or several bullets at sentence starts ({@code * Mix. * Bake.}), is
 *       split at each mark; text before the first mark is a step of its own;</li>
 *   <li>the number or bullet at the start of a step ({@code 1.}, {@code 2)}, {@code Step 3:}, {@code •}) is
 *       removed from its text; a step without a letter or digit ({@code ,}) is dropped.</li>
 * </ul>
 * {@link #ofText} makes one step per line (a whole instructions string); {@link #ofStep} keeps a
 * {@code HowToStep}'s text as one step unless it numbers several steps itself.
 */
final class InstructionSteps {

    /** A label alone on its line: an optional word ("Step", "Étape", "Schritt") and a number. */
    private static final Pattern LABEL = Pattern.compile("(?:\\p{L}{1,12}\\.?\\s*)?\\d{1,2}\\s*[.):\\-–]?");
    /** A step number or a bullet at the start of a step's text. */
    private static final Pattern LEADING = Pattern.compile(
            "(?:(?iu:step|étape|etape|schritt|paso|passo|stap|stage)\\s*\\d{1,2}\\s*[.):\\-–]?|\\d{1,2}\\s*[.)]|[*•▪◦‣])"
                    + "\\s*(?=\\S)");
    /** "Step 2" (and its usual translations) anywhere in a line. */
    private static final Pattern STEP_MARK = Pattern.compile(
            "(?iu)\\b(?:step|étape|etape|schritt|paso|passo|stap|stage)\\s*(\\d{1,2})\\s*[.):\\-–]?\\s*");
    /** "2." or "2)" followed by text (a space, or a capital right away: "2.Bake"), anywhere in a line. */
    private static final Pattern NUMBER_MARK =
            Pattern.compile("(?<![\\p{L}\\p{N},/])(?<!\\d[.,])(\\d{1,2})[.)](?:\\s+(?=\\S)|(?=\\p{Lu}))");
    /**
     * Two sentences glued where the page had a paragraph break ("…greaseproof paper.Snap the chocolate…"): a
     * sentence end right after two lower-case letters or a {@code )}, then a capital letter and a lower-case one,
     * with no space.
     */
    private static final Pattern GLUED = Pattern.compile("(?<=(?:\\p{Ll}{2}|\\))[.!?])(?=\\p{Lu}\\p{Ll})");
    /** A bullet ({@code *}, {@code •}, {@code ▪}, {@code ◦}, {@code ‣}) followed by a space, anywhere in a line. */
    private static final Pattern BULLET_MARK = Pattern.compile("[*•▪◦‣]\\s+(?=\\S)");
    /** Something to read: a letter or a digit. */
    private static final Pattern READABLE = Pattern.compile("[\\p{L}\\p{N}]");

    private static final Pattern DIGITS = Pattern.compile("\\d{1,2}");

    private InstructionSteps() {}

    /**
     * The steps of a whole instructions string: one per line (two sentences glued without a space, where the
     * page's paragraph break was lost, are two lines), and a line split where it numbers several steps.
     */
    static List<String> ofText(String raw) {
        List<String> steps = new ArrayList<>();
        for (String line : ReadableText.lines(raw)) {
            for (String part : GLUED.split(line)) {
                if (!LABEL.matcher(part).matches()) {
                    splitNumbered(part, steps);
                }
            }
        }
        return steps;
    }

    /** The steps of one {@code HowToStep} text: one step, unless the text numbers several (then as {@link #ofText}). */
    static List<String> ofStep(String raw) {
        List<String> lines = ReadableText.lines(raw);
        if (numbersSeveral(lines)) {
            return ofText(raw);
        }
        List<String> steps = new ArrayList<>();
        add(withoutLeadingNumber(String.join(" ", lines)), steps);
        return steps;
    }

    /** True when the lines number at least two steps in sequence from 1, or bullet two (at line starts or inside). */
    private static boolean numbersSeveral(List<String> lines) {
        int expected = 1;
        int bullets = 0;
        for (String line : lines) {
            Matcher leading = LEADING.matcher(line);
            if (leading.lookingAt()) {
                int number = number(leading.group());
                if (number == expected) {
                    expected++;
                } else if (number < 0 && !leading.group().matches("(?iu)\\p{L}.*")) {
                    bullets++;
                }
            }
            if (expected > 2 || bullets >= 2) {
                return true;
            }
        }
        for (String line : lines) {
            if (marks(line, STEP_MARK).size() >= 2
                    || marks(line, NUMBER_MARK).size() >= 2
                    || marks(line, BULLET_MARK).size() >= 2) {
                return true;
            }
        }
        return false;
    }

    private static void splitNumbered(String line, List<String> steps) {
        List<int[]> marks = marks(line, STEP_MARK);
        if (marks.size() < 2) {
            marks = marks(line, NUMBER_MARK);
        }
        if (marks.size() < 2) {
            marks = marks(line, BULLET_MARK);
        }
        if (marks.size() < 2) {
            add(withoutLeadingNumber(line), steps);
            return;
        }
        add(line.substring(0, marks.getFirst()[0]), steps);
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : line.length();
            add(line.substring(marks.get(i)[1], end), steps);
        }
    }

    /**
     * The marks numbering steps 1, 2, 3… in order, each as {start, end of the mark}; a number mark counts only at
     * the start of the line or after the end of a sentence. Fewer than two means the line is one step.
     */
    private static List<int[]> marks(String line, Pattern mark) {
        List<int[]> found = new ArrayList<>();
        Matcher matcher = mark.matcher(line);
        int expected = 1;
        while (matcher.find()) {
            if (mark == BULLET_MARK) {
                if (endsSentence(line, matcher.start())) {
                    found.add(new int[] {matcher.start(), matcher.end()});
                }
            } else if (Integer.parseInt(matcher.group(1)) == expected
                    && (mark == STEP_MARK || endsSentence(line, matcher.start()))) {
                found.add(new int[] {matcher.start(), matcher.end()});
                expected++;
            }
        }
        return found;
    }

    /** True at the start of the line or after {@code .}, {@code !}, {@code ?}, {@code :}, {@code ;} or {@code )}. */
    private static boolean endsSentence(String line, int at) {
        int i = at - 1;
        while (i >= 0 && line.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || ".!?:;)".indexOf(line.charAt(i)) >= 0;
    }

    private static String withoutLeadingNumber(String step) {
        Matcher leading = LEADING.matcher(step);
        return leading.lookingAt() ? step.substring(leading.end()) : step;
    }

    private static int number(String mark) {
        Matcher digits = DIGITS.matcher(mark);
        return digits.find() ? Integer.parseInt(digits.group()) : -1;
    }

    private static void add(String text, List<String> steps) {
        String step = text.strip();
        if (READABLE.matcher(step).find() && !LABEL.matcher(step).matches()) {
            steps.add(step);
        }
    }
}
