package dev.recipediff.local.serve;

/** serve could not start, for a reason the user can fix; the message says what and how. */
public final class ServeException extends RuntimeException {

    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
