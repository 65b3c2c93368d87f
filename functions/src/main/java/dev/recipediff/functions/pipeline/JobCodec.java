package dev.recipediff.functions.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.recipediff.core.format.RecipeJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The job message on the queue: {@code {"bucket","key","versionId","eTag","size","kind","kitchen","correlationId"}}
 * — {@code versionId} is {@code null} in an unversioned bucket, {@code kind} is {@code recipe} or {@code make}; the
 * correlation id is written for whoever reads the queue and recomputed, never trusted, when a job is read.
 */
public final class JobCodec {

    /**
     * Writing needs only Jackson's streaming generator: the watcher, which only writes jobs, never initializes
     * Jackson's data binding (about 350 ms of CPU of its cold start). Nothing untrusted is read with it.
     */
    private static final JsonFactory WRITER = new JsonFactory();

    /** Reading (the sender) with the shared hardened mapper, built on first use; a job without its size is not a job. */
    private static final class Reader {
        static final ObjectReader JOB = RecipeJson.mapper()
                .readerFor(Job.class)
                .with(
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    /** {@code {"bucket","key","versionId","eTag","size","kind","kitchen","correlationId"}}, in that order, nulls written. */
    public String encode(Job job) {
        StringWriter json = new StringWriter();
        try (JsonGenerator out = WRITER.createGenerator(json)) {
            out.writeStartObject();
            out.writeStringField("bucket", job.bucket());
            out.writeStringField("key", job.key());
            out.writeStringField("versionId", job.versionId());
            out.writeStringField("eTag", job.eTag());
            out.writeNumberField("size", job.size());
            out.writeStringField("kind", job.kind().jsonName());
            out.writeStringField("kitchen", job.kitchen());
            out.writeStringField("correlationId", job.correlationId());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return json.toString();
    }

    /** @throws MalformedJobException when the message is not a job */
    public Job decode(String message) {
        try {
            Job job = Reader.JOB.readValue(message);
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
