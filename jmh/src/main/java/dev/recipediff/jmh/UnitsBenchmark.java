package dev.recipediff.jmh;

import static javax.measure.MetricPrefix.MILLI;

import dev.recipediff.core.units.NormalizedQuantity;
import dev.recipediff.core.units.UnitCatalog;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.measure.Unit;
import javax.measure.quantity.Volume;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import systems.uom.common.USCustomary;
import tech.units.indriya.quantity.Quantities;
import tech.units.indriya.unit.Units;

/**
 * Why the comparator does not use Indriya per call: normalising "0.5 TBS" through the catalog's double table
 * against building an Indriya quantity and converting it to millilitres each time (the alias lookup is the same
 * map lookup in both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnitsBenchmark {

    private static final Unit<Volume> MILLILITRE = MILLI(Units.LITRE);
    private static final Map<String, Unit<Volume>> INDRIYA_UNITS =
            Map.of("tbs", USCustomary.TABLESPOON, "tsp", USCustomary.TEASPOON, "cup", USCustomary.CUP);

    private final String measurement = "TBS";
    private final double quantity = 0.5;

    @Benchmark
    public NormalizedQuantity catalogTable() {
        return UnitCatalog.normalize(quantity, measurement);
    }

    @Benchmark
    public double indriyaPerCall() {
        Unit<Volume> unit = INDRIYA_UNITS.get(measurement.toLowerCase(Locale.ROOT));
        return Quantities.getQuantity(quantity, unit).to(MILLILITRE).getValue().doubleValue();
    }
}
