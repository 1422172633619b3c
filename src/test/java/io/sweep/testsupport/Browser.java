package io.sweep.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signed-in browser: sends the session cookie, and the CSRF token when asked, as the admin
 * UI does. Built by logging in through {@code POST /api/session}.
 */
public final class Browser {
    private final Http http;
    private final String cookie;
    private final String csrfToken;
    private final JsonNode login;

    private Browser(Http http, String cookie, String csrfToken, JsonNode login) {
        this.http = http;
        this.cookie = cookie;
        this.csrfToken = csrfToken;
        this.login = login;
    }

    public static Http.Response login(Http http, String email, String password) {
        return http.post("/api/session", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    /** Logs in and fails the test unless that answers 200. */
    public static Browser signIn(Http http, String email, String password) {
        var response = login(http, email, password);
        if (response.status() != 200) throw new AssertionError("login of " + email + " failed: " + response);
        String setCookie = response.raw().headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
        String value = setCookie.substring(0, setCookie.indexOf(';'));
        return new Browser(http, value, response.json().get("csrf_token").asText(), response.json());
    }

    /** Cookie only: what a cross-site form post carries. */
    public Http cookieOnly() {
        return http.withHeader("Cookie", cookie);
    }

    /** Cookie and CSRF token: what the admin UI sends. */
    public Http withCsrf() {
        return cookieOnly().withHeader("X-CSRF-Token", csrfToken);
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The {@code name=value} of the session cookie. */
    public String cookie() {
        return cookie;
    }

    public JsonNode loginBody() {
        return login;
    }
}
