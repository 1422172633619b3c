package io.sweep.api;

import io.javalin.http.Context;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sweep reads every body as UTF-8. Decoding replaces broken bytes with U+FFFD, which would store
 * text nobody sent; a body that is not valid UTF-8 is refused instead.
 */
public final class Utf8Body {
    private Utf8Body() {}

    public static void require(Context ctx) {
        if (ctx.contentLength() == 0) return;
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) return;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of(), "the request body is not valid UTF-8");
        }
    }
}
