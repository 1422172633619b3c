package io.sweep.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/cli}: the administration commands of the command line ({@code sweep user},
 * {@code sweep token}, {@code sweep webhook-secret}) run by the server for a command that found
 * the server holding its H2 file. Only for {@link Access#localCommandLine()}: a caller on this
 * machine holding the key the server wrote beside its database.
 */
public final class CommandLineApi {
    /** What the server does for a command: {@code command} with its {@code args}, answering its result (a token, an id, a secret) or null. */
    @FunctionalInterface
    public interface Commands {
        String run(String command, JsonNode args);
    }

    public static final Set<String> COMMANDS = Set.of("user add", "user password", "token create", "token revoke", "webhook-secret");

    private final Commands commands;

    public CommandLineApi(Commands commands) {
        this.commands = commands;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/cli", this::run, Access.localCommandLine());
    }

    private void run(Context ctx) {
        JsonNode body = Json.parseBody(ctx.body());
        String command = body.path("command").asText("");
        if (!COMMANDS.contains(command)) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "command", "expected", String.join(", ", COMMANDS.stream().sorted().toList())));
        }
        JsonNode args = body.path("args").isObject() ? body.get("args") : Json.object();
        String result;
        try {
            result = commands.run(command, args);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "args"), e.getMessage());
        }
        JsonResponse.send(ctx, 200, Json.object().put("result", result));
    }
}
