package dev.recipediff.functions.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Test double of the Recipe API: records each call and answers from a script. */
public final class ScriptedRecipeApi implements RecipeApi {

    /** One call as the sender made it. */
    public record Call(String method, String path, String kitchen, String idempotencyKey) {}

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private Function<Call, Response> script = call -> new Response(201, "{}".getBytes(StandardCharsets.UTF_8));

    public ScriptedRecipeApi answering(Function<Call, Response> script) {
        this.script = script;
        return this;
    }

    public static Response status(int status) {
        return new Response(status, "{}".getBytes(StandardCharsets.UTF_8));
    }

    public static Response status(int status, String body) {
        return new Response(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Response addRecipe(String kitchen, byte[] body, String idempotencyKey) {
        return call(new Call("POST", "/recipes", kitchen, idempotencyKey));
    }

    @Override
    public Response updateRecipe(String kitchen, byte[] body, String idempotencyKey) {
        return call(new Call("PUT", "/recipes", kitchen, idempotencyKey));
    }

    @Override
    public Response addMake(String kitchen, long recipeId, byte[] body, String idempotencyKey) {
        return call(new Call("POST", "/recipes/" + recipeId + "/makes", kitchen, idempotencyKey));
    }

    private Response call(Call call) {
        calls.add(call);
        return script.apply(call);
    }
}
