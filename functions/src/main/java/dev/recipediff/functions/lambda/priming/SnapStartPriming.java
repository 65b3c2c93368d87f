package dev.recipediff.functions.lambda.priming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CRaC resource that runs a function's warm-up steps just before Lambda SnapStart takes the snapshot of
 * an initialized execution environment, so restored environments start with loaded classes, JIT-compiled
 * hot paths and initialized SDK clients. A failing step is logged (its name and the exception type only,
 * never a message that could carry data) and skipped: priming never stops a version from being published.
 * Outside SnapStart (tests, {@code recipediff serve}) registering is harmless and nothing runs.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger log = LoggerFactory.getLogger(SnapStartPriming.class);
    /** CRaC contexts may hold resources weakly; this keeps every registered priming reachable. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private final List<PrimingStep> steps;

    public SnapStartPriming(String function, List<PrimingStep> steps) {
        this.function = function;
        this.steps = List.copyOf(steps);
    }

    /** Registers {@code priming} with the global CRaC context and keeps it reachable. */
    public static SnapStartPriming register(SnapStartPriming priming) {
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: clients re-open connections on demand, and no secret is read while priming
    }

    /** Runs every step once, in order; returns the names of the steps that failed. */
    public List<String> prime() {
        List<String> failed = new ArrayList<>();
        for (PrimingStep step : steps) {
            try {
                step.action().run();
            } catch (RuntimeException | LinkageError e) {
                failed.add(step.name());
                log.warn(
                        "priming {}: step '{}' failed ({}); continuing",
                        function,
                        step.name(),
                        e.getClass().getName());
            }
        }
        log.info("priming {}: {} of {} steps warmed", function, steps.size() - failed.size(), steps.size());
        return failed;
    }

    public List<PrimingStep> steps() {
        return steps;
    }
}
