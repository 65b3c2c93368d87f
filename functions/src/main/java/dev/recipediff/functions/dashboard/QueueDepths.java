package dev.recipediff.functions.dashboard;

import java.util.List;

/** The pipeline's queues and how full they are, for {@code GET /pipeline/status}. */
public interface QueueDepths {

    /** The jobs queue first, then its dead-letter queue when it has one. */
    List<QueueDepth> depths();
}
