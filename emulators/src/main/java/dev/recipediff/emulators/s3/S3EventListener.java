package dev.recipediff.emulators.s3;

import com.amazonaws.services.lambda.runtime.events.S3Event;

/** Receives the S3 event notifications the emulated bucket emits (one record per created object). */
@FunctionalInterface
public interface S3EventListener {

    void onEvent(S3Event event);
}
