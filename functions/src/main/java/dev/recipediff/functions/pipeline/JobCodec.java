package dev.recipediff.functions.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.recipediff.core.format.RecipeJson;

/**
 * The job message on the queue: {@code {"bucket","key","versionId","eTag","size","kind","kitchen"}} —
 * {@code versionId} is {@code null} in an unversioned bucket, {@code kind} is {@code recipe} or {@code make}.
 */
public final class JobCodec {

    /** The shared hardened mapper; a job without its size is not a job. */
    private final ObjectReader reader = RecipeJson.mapper().readerFor(Job.class)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public String encode(Job job) {
        try {
            return RecipeJson.mapper().writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job is always serializable", e);
        }
    }

    /** @throws MalformedJobException when the message is not a job */
    public Job decode(String message) {
        try {
            Job job = reader.readValue(message);
            if (job == null) {
                throw new MalformedJobException("the message is not a job", null);
            }
            return job;
        } catch (JsonProcessingException e) {
            throw new MalformedJobException("the message is not a job: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedJobException("the message is not a job: " + e.getMessage(), e);
        }
    }

    /** A queue message that is not a job. */
    public static final class MalformedJobException extends RuntimeException {
        public MalformedJobException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
