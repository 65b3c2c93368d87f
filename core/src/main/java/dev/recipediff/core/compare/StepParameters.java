package dev.recipediff.core.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds temperatures ("350 degrees", "180°C", "375 F") and durations ("45 minutes", "1.5 hours", "30 sec") in a
 * step's words. A number directly before the unit is the parameter; ranges count with their upper number.
 */
final class StepParameters {

    private static final Set<String> DEGREES = Set.of("°", "degree", "degrees", "deg");
    private static final Set<String> FAHRENHEIT = Set.of("f", "fahrenheit");
    private static final Set<String> CELSIUS = Set.of("c", "celsius", "centigrade");
    private static final Set<String> MINUTES = Set.of("minute", "minutes", "min", "mins");
    private static final Set<String> HOURS = Set.of("hour", "hours", "hr", "hrs", "h");
    private static final Set<String> SECONDS = Set.of("second", "seconds", "sec", "secs", "s");

    private static final Set<String> UNIT_WORDS =
            union(DEGREES, FAHRENHEIT, Set.of("celsius", "centigrade"), MINUTES, HOURS, SECONDS);

    private StepParameters() {}

    static List<StepParameter> extract(String[] words) {
        List<StepParameter> found = new ArrayList<>(2);
        for (int i = 0; i + 1 < words.length; i++) {
            String next = words[i + 1];
            if (!StepWords.isNumber(words[i]) || !UNIT_WORDS.contains(next)) {
                continue;
            }
            double number;
            try {
                number = Double.parseDouble(words[i]);
            } catch (NumberFormatException e) {
                continue;
            }
            String after = i + 2 < words.length ? words[i + 2] : "";
            StepParameter parameter = temperature(number, next, after, i);
            if (parameter == null) {
                parameter = duration(number, next, i);
            }
            if (parameter != null) {
                found.add(parameter);
            }
        }
        return found;
    }

    private static StepParameter temperature(double number, String next, String after, int index) {
        String written = MachineNumbers.text(number);
        if (DEGREES.contains(next)) {
            if (FAHRENHEIT.contains(after)) {
                return new StepParameter(StepParameterKind.TEMPERATURE, number, "°F", written + "°F", index, 3);
            }
            if (CELSIUS.contains(after)) {
                return new StepParameter(StepParameterKind.TEMPERATURE, number, "°C", written + "°C", index, 3);
            }
            String text = next.equals("°") ? written + "°" : written + " " + next;
            return new StepParameter(StepParameterKind.TEMPERATURE, number, "degrees", text, index, 2);
        }
        if (FAHRENHEIT.contains(next)) {
            return new StepParameter(StepParameterKind.TEMPERATURE, number, "°F", written + "°F", index, 2);
        }
        if (next.equals("celsius") || next.equals("centigrade")) {
            return new StepParameter(StepParameterKind.TEMPERATURE, number, "°C", written + "°C", index, 2);
        }
        return null;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    private static StepParameter duration(double number, String next, int index) {
        double minutes;
        if (MINUTES.contains(next)) {
            minutes = number;
        } else if (HOURS.contains(next)) {
            minutes = number * 60;
        } else if (SECONDS.contains(next)) {
            minutes = number / 60;
        } else {
            return null;
        }
        return new StepParameter(
                StepParameterKind.DURATION, minutes, "min", MachineNumbers.text(number) + " " + next, index, 2);
    }
}
