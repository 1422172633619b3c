package io.sweep.api;

import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before a request reaches Sweep (a {@code %00} or another malformed
 * URI, a broken request line or header): the same Zoho-style JSON and the same security headers
 * as every other answer, instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final Map<String, String> headers;

    public JsonErrorHandler(Map<String, String> securityHeaders) {
        this.headers = Map.copyOf(securityHeaders);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        // a request refused before Javalin saw it (a malformed URI or header) is answered with an id all the same
        if (!response.getHeaders().contains(RequestIds.HEADER)) {
            response.getHeaders().put(RequestIds.HEADER, RequestIds.acceptOrNew(request.getHeaders().get(RequestIds.HEADER)));
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponse.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private static byte[] body(int status) {
        ErrorCode error = switch (status) {
            case 404 -> ErrorCode.INVALID_URL_PATTERN;
            case 405 -> ErrorCode.INVALID_REQUEST_METHOD;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 500 -> ErrorCode.INTERNAL_ERROR;
            // a malformed URI, request line or header: the request could not be read as sent
            default -> ErrorCode.UNABLE_TO_PARSE_DATA_TYPE;
        };
        return Json.write(ErrorRenderer.body(new ApiException(error))).getBytes(StandardCharsets.UTF_8);
    }
}
