package dev.recipediff.functions.pipeline;

/** The Recipe API as the sender calls it, acting for one kitchen with the service token. */
public interface RecipeApi {

    /** {@code POST /recipes}. */
    Response addRecipe(String kitchen, byte[] body, String idempotencyKey);

    /** {@code PUT /recipes}. */
    Response updateRecipe(String kitchen, byte[] body, String idempotencyKey);

    /** {@code POST /recipes/{recipeId}/makes}. */
    Response addMake(String kitchen, long recipeId, byte[] body, String idempotencyKey);

    /** What the API answered. */
    record Response(int status, byte[] body) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** 5xx, 408 and 429: worth trying again later. */
        public boolean isTransientFailure() {
            return status >= 500 || status == 408 || status == 429;
        }
    }

    /** The API could not be reached or did not answer in time (connection refused, reset, timeout). */
    final class UnreachableException extends RuntimeException {
        public UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
