package dev.recipediff.local.chaos;

import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.functions.operations.PipelineRepairs;
import dev.recipediff.functions.pipeline.Reconciler;
import dev.recipediff.local.chaos.ChaosFaults.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator does after the faults, with the product's own tools: wait for the queue to drain, redrive the
 * DLQ (again once the claims stranded by the dynalite kill have expired), reconcile; one line per step.
 */
final class ChaosRecovery {

    private final ChaosServe serve;
    private final ChaosQueueWatch queues;
    private final ChaosFaults faults;
    private final List<String> lines = new ArrayList<>();

    ChaosRecovery(ChaosServe serve, ChaosQueueWatch queues, ChaosFaults faults) {
        this.serve = serve;
        this.queues = queues;
        this.faults = faults;
    }

    /** Recovers, returning what reconcile did; the queue is quiet afterwards. */
    Reconciler.Result recover(Instant claimsFreeAt) {
        queues.awaitQuiet();
        if (queues.deadLetterDepth() > 0 && Instant.now().isBefore(claimsFreeAt)) {
            // a job redriven while its claim is still stranded gets 409 request_in_progress again and dead-letters
            // a second time (ElasticMQ then logs a duplicate message id in its DLQ store): wait for the lease first
            Duration wait = Duration.between(Instant.now(), claimsFreeAt);
            Pauses.pause(wait);
            lines.add("waited " + Math.max(0, wait.toSeconds())
                    + " s for the idempotency claims stranded by the dynalite faults to expire");
        }
        redrive("DLQ redriven (jobs that failed 5 times during the outages)");
        if (queues.deadLetterDepth() > 0) {
            // back in the DLQ: their claim was stranded by a dynalite outage (see CLAIM_LEASE); redrive once it ended
            Duration wait = Duration.between(Instant.now(), claimsFreeAt);
            if (wait.isPositive()) {
                Pauses.pause(wait);
            }
            redrive("DLQ redriven again after waiting " + Math.max(0, wait.toSeconds())
                    + " s for the claims stranded by the dynalite kill and restart to expire");
        }
        Reconciler.Result reconciled = PipelineRepairs.reconciler(
                        serve.config(), serve.endpoints().deadLetterQueueUrl())
                .reconcile(Duration.ZERO);
        lines.add("reconcile: " + reconciled.files() + " files, " + reconciled.terminal() + " terminal, "
                + reconciled.requeued() + " re-enqueued, " + reconciled.reported() + " reported ("
                + faults.times(Fault.NOTIFICATION_DROPPED) + " notifications were dropped)");
        queues.awaitQuiet();
        return reconciled;
    }

    /** One line per recovery step, in order. */
    List<String> lines() {
        return lines;
    }

    private void redrive(String what) {
        int redriven = new SqsRedriver(serve.config(), serve.endpoints().deadLetterQueueUrl()).redrive();
        lines.add(what + ": " + redriven + " job(s)");
        queues.awaitQuiet();
    }
}
