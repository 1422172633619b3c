package io.sweep.auth;

import io.sweep.api.ApiException;
import io.sweep.api.ErrorCode;
import java.util.Locale;

/** Turns an {@code Authorization: Zoho-oauthtoken …} header into a Principal, or Zoho's 401s. */
public final class Authenticator {
    private static final String SCHEME = "zoho-oauthtoken";

    private final Tokens tokens;
    private final UserRepository users;

    public Authenticator(Tokens tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    public Principal authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }
        String[] parts = authorizationHeader.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw new ApiException(ErrorCode.AUTHENTICATION_FAILURE);
        }
        var token = tokens.find(parts[1]).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
        var user = users.byId(token.userId()).filter(User::active).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
        return users.principal(user, token.scopes());
    }
}
