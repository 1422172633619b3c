package io.sweep.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Passwords;
import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browser login, the session cookie and CSRF protection, against the real server with the demo
 * data. Wrong logins use users of their own, so they never throttle another test's login.
 */
abstract class SessionApiContract {
    private TestServer server;
    private Http http;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
        http = server.http();
    }

    /** A Standard user of this test's own with a password. */
    private String user(String password) {
        String email = "session-" + UUID.randomUUID() + "@example.com";
        server.app().users().add(email, "Session Tester", "Standard", Passwords.hash(password));
        return email;
    }

    private static void assertError(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("status").asText()).isEqualTo("error");
        assertThat(response.json().has("details")).isTrue();
        assertThat(response.json().has("message")).isTrue();
    }

    // --- logging in ------------------------------------------------------------------------

    @Test
    void the_demo_admin_logs_in_with_the_demo_password_and_gets_an_httponly_strict_cookie_and_a_csrf_token() {
        var response = Browser.login(http, DemoData.ADMIN_EMAIL, DemoData.PASSWORD);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("user").get("id").isTextual()).isTrue();
        assertThat(body.get("user").get("email").asText()).isEqualTo(DemoData.ADMIN_EMAIL);
        assertThat(body.get("user").get("name").isTextual()).isTrue();
        assertThat(body.get("user").get("profile").asText()).isEqualTo("Administrator");
        assertThat(body.get("user").get("admin").asBoolean()).isTrue();
        assertThat(body.get("csrf_token").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(body.get("idle_timeout_seconds").asInt()).isEqualTo(1800);
        String cookie = response.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("sweep_session=").contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Strict")
                .doesNotContain("Secure");
        assertThat(cookie.substring("sweep_session=".length(), cookie.indexOf(';'))).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void the_other_demo_users_log_in_with_the_demo_password_too() {
        assertThat(Browser.login(http, DemoData.SALES_EMAIL, DemoData.PASSWORD).json().get("user").get("admin").asBoolean()).isFalse();
        assertThat(Browser.login(http, DemoData.REP_EMAIL, DemoData.PASSWORD).json().get("user").get("profile").asText()).isEqualTo("Sales Rep");
    }

    @Test
    void the_cookie_is_secure_when_the_request_came_over_https_through_a_proxy() {
        String email = user("proxy-password");
        var response = Browser.login(http.withHeader("X-Forwarded-Proto", "https"), email, "proxy-password");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_401() {
        String email = user("right-password");
        var wrong = Browser.login(http, email, "wrong-password");
        var unknown = Browser.login(http, "nobody-" + UUID.randomUUID() + "@example.com", "right-password");

        assertError(wrong, 401, "INVALID_CREDENTIALS");
        assertThat(wrong.json().get("message").asText()).isEqualTo("Wrong email or password.");
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(wrong.raw().headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void five_failures_for_one_email_throttle_it_with_429_and_retry_after_even_for_the_right_password() {
        String email = user("right-password");
        for (int i = 0; i < 5; i++) assertError(Browser.login(http, email, "wrong-" + i), 401, "INVALID_CREDENTIALS");

        var throttled = Browser.login(http, email, "right-password");

        assertError(throttled, 429, "TOO_MANY_ATTEMPTS");
        int seconds = throttled.json().get("details").get("retry_after_seconds").asInt();
        assertThat(seconds).isBetween(1, 15 * 60);
        assertThat(throttled.raw().headers().firstValue("Retry-After")).contains(String.valueOf(seconds));
        assertThat(throttled.json().get("message").asText()).isEqualTo("Too many failed attempts; try again in " + seconds + " seconds.");
    }

    @Test
    void wrong_passwords_from_another_address_slow_that_address_but_the_owner_still_signs_in_from_theirs() {
        String email = user("owner-password");
        Http attacker = http.fromAddress("127.0.0.2");
        for (int i = 0; i < 5; i++) assertError(Browser.login(attacker, email, "guess-" + i), 401, "INVALID_CREDENTIALS");
        assertError(Browser.login(attacker, email, "guess-5"), 429, "TOO_MANY_ATTEMPTS");
        assertError(Browser.login(attacker, email, "owner-password"), 429, "TOO_MANY_ATTEMPTS");

        var owner = Browser.login(http, email, "owner-password");

        assertThat(owner.status()).as(owner.body()).isEqualTo(200);
        assertError(Browser.login(attacker, email, "owner-password"), 429, "TOO_MANY_ATTEMPTS");
    }

    @Test
    void twenty_wrong_logins_from_one_address_over_many_accounts_slow_that_address_only() {
        String email = user("right-password");
        Http sprayer = http.fromAddress("127.0.0.3");
        for (int i = 0; i < 20; i++) {
            assertError(Browser.login(sprayer, "nobody-" + i + "-" + UUID.randomUUID() + "@example.com", "guess"), 401, "INVALID_CREDENTIALS");
        }

        assertError(Browser.login(sprayer, email, "right-password"), 429, "TOO_MANY_ATTEMPTS");
        assertThat(Browser.login(http, email, "right-password").status()).isEqualTo(200);
    }

    @Test
    void a_login_without_an_email_is_mandatory_not_found_and_a_body_that_is_not_json_cannot_be_parsed() {
        assertError(http.post("/api/session", "{\"password\":\"x\"}"), 400, "MANDATORY_NOT_FOUND");
        assertError(http.post("/api/session", "email=a&password=b"), 400, "UNABLE_TO_PARSE_DATA_TYPE");
    }

    // --- the session -----------------------------------------------------------------------

    @Test
    void get_session_answers_the_same_user_and_csrf_token_while_the_session_lives() {
        Browser browser = Browser.signIn(http, DemoData.SALES_EMAIL, DemoData.PASSWORD);

        var response = browser.cookieOnly().get("/api/session");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("csrf_token").asText()).isEqualTo(browser.csrfToken());
        assertThat(response.json().get("user")).isEqualTo(browser.loginBody().get("user"));
        assertThat(response.json().get("idle_timeout_seconds").asInt()).isEqualTo(1800);
    }

    @Test
    void get_session_without_a_live_session_is_401_authentication_failure() {
        assertError(http.get("/api/session"), 401, "AUTHENTICATION_FAILURE");
        assertError(http.withHeader("Cookie", "sweep_session=made-up").get("/api/session"), 401, "AUTHENTICATION_FAILURE");
        assertError(server.admin().get("/api/session"), 401, "AUTHENTICATION_FAILURE");
    }

    @Test
    void logout_needs_the_csrf_token_then_ends_the_session_and_clears_the_cookie() {
        Browser browser = Browser.signIn(http, DemoData.SALES_EMAIL, DemoData.PASSWORD);

        assertError(browser.cookieOnly().delete("/api/session"), 403, "INVALID_CSRF_TOKEN");
        var out = browser.withCsrf().delete("/api/session");

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.raw().headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("sweep_session=;").contains("Max-Age=0").contains("HttpOnly").contains("SameSite=Strict");
        assertError(browser.cookieOnly().get("/api/session"), 401, "AUTHENTICATION_FAILURE");
        assertError(browser.cookieOnly().get("/crm/v2/Leads?per_page=1"), 401, "INVALID_TOKEN");
    }

    // --- the cookie on every other route ----------------------------------------------------

    @Test
    void a_session_reads_crm_and_api_routes_with_every_scope() {
        Browser browser = Browser.signIn(http, DemoData.ADMIN_EMAIL, DemoData.PASSWORD);

        assertThat(browser.cookieOnly().get("/crm/v2/Leads?per_page=2").status()).isEqualTo(200);
        assertThat(browser.cookieOnly().get("/crm/v2/settings/fields?module=Leads").status()).isEqualTo(200);
        assertThat(browser.cookieOnly().get("/api/jobs").status()).isEqualTo(200);
        assertThat(browser.cookieOnly().get("/api/rules").status()).isEqualTo(200);
    }

    @Test
    void a_session_obeys_the_users_profile() {
        Browser rep = Browser.signIn(http, DemoData.REP_EMAIL, DemoData.PASSWORD);

        assertError(rep.withCsrf().post("/api/users", "{\"email\":\"x@example.com\",\"name\":\"X\",\"profile\":\"Standard\"}"), 403, "NO_PERMISSION");
        assertThat(rep.cookieOnly().get("/api/users").json().get("users").get(0).has("profile")).as("no profiles for a non-administrator").isFalse();
        var views = rep.cookieOnly().get("/crm/v2/settings/custom_views?module=Leads").json().get("custom_views");
        assertThat(views.findValuesAsText("name")).doesNotContain("Admin Only Leads");
        assertThat(rep.withCsrf().post("/crm/v2/Deals/actions/mass_update",
                "{\"data\":[{\"Stage\":\"Closed Won\"}],\"ids\":[\"1\"]}").json().get("code").asText()).isEqualTo("NO_PERMISSION");
    }

    @Test
    void cookie_requests_that_change_something_without_the_csrf_token_or_with_a_wrong_one_are_refused() {
        Browser browser = Browser.signIn(http, DemoData.ADMIN_EMAIL, DemoData.PASSWORD);
        Http wrong = browser.cookieOnly().withHeader("X-CSRF-Token", "0".repeat(64));
        String lead = "{\"data\":[{\"Last_Name\":\"Csrf\",\"Company\":\"Csrf Co\"}]}";

        for (Http h : new Http[] {browser.cookieOnly(), wrong}) {
            assertError(h.post("/crm/v2/Leads", lead), 403, "INVALID_CSRF_TOKEN");
            assertError(h.put("/crm/v2/Leads", "{\"data\":[{\"id\":\"1\",\"City\":\"X\"}]}"), 403, "INVALID_CSRF_TOKEN");
            assertError(h.delete("/crm/v2/Leads?ids=1"), 403, "INVALID_CSRF_TOKEN");
            assertError(h.post("/api/tokens", "{\"label\":\"x\",\"scopes\":[\"ZohoCRM.modules.READ\"]}"), 403, "INVALID_CSRF_TOKEN");
            assertError(h.delete("/api/tokens/1"), 403, "INVALID_CSRF_TOKEN");
            assertError(h.put("/api/views/1", "{}"), 403, "INVALID_CSRF_TOKEN");
        }
        assertThat(server.admin().get("/crm/v2/Leads/search?criteria=(Company:equals:Csrf Co)".replace(" ", "%20")).status())
                .as("nothing was written").isEqualTo(204);

        assertThat(browser.withCsrf().post("/crm/v2/Leads", lead).status()).isEqualTo(201);
    }

    @Test
    void a_foreign_origin_is_refused_for_the_login_and_for_cookie_requests_while_our_own_origin_passes() {
        String email = user("origin-password");
        var foreignLogin = Browser.login(http.withHeader("Origin", "https://evil.example"), email, "origin-password");
        assertError(foreignLogin, 403, "INVALID_CSRF_TOKEN");

        assertThat(Browser.login(http.withHeader("Origin", http.base()), email, "origin-password").status()).isEqualTo(200);
        Browser browser = Browser.signIn(http, email, "origin-password");
        assertError(browser.withCsrf().withHeader("Origin", "https://evil.example").get("/crm/v2/Leads?per_page=1"), 403, "INVALID_CSRF_TOKEN");
        assertError(browser.withCsrf().withHeader("Origin", "null").post("/api/views/count", "{\"module\":\"Leads\"}"), 403, "INVALID_CSRF_TOKEN");
        assertThat(browser.withCsrf().withHeader("Origin", http.base()).post("/api/views/count", "{\"module\":\"Leads\"}").status()).isEqualTo(200);
    }

    @Test
    void a_token_needs_no_csrf_token_and_wins_over_a_cookie() {
        Browser rep = Browser.signIn(http, DemoData.REP_EMAIL, DemoData.PASSWORD);

        var asAdmin = server.admin().withHeader("Cookie", rep.cookie()).get("/api/users");

        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().get("users").get(0).has("profile")).as("the admin token decides, not the rep's cookie").isTrue();
        assertThat(server.admin().post("/api/views/count", "{\"module\":\"Leads\"}").status()).isEqualTo(200);
    }

    @Test
    void no_cookie_and_no_token_is_invalid_token() {
        assertError(http.get("/crm/v2/Leads"), 401, "INVALID_TOKEN");
        assertError(http.get("/api/views?module=Leads"), 401, "INVALID_TOKEN");
    }

    // --- the UI's files and headers ---------------------------------------------------------

    @Test
    void the_ui_is_served_at_the_root_with_the_security_headers() {
        var index = http.get("/");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).containsIgnoringCase("<html");
        assertSecurityHeaders(index);
        assertThat(http.get("/index.html").status()).isEqualTo(200);
    }

    @Test
    void api_and_crm_answers_carry_the_security_headers_too() {
        assertSecurityHeaders(server.admin().get("/api/jobs"));
        assertSecurityHeaders(http.get("/api/session"));
        assertSecurityHeaders(server.admin().get("/crm/v2/settings/modules"));
    }

    @Test
    void unknown_api_and_crm_paths_still_answer_zoho_style_json_404s() {
        assertError(server.admin().get("/api/no-such-thing"), 404, "INVALID_URL_PATTERN");
        assertError(server.admin().get("/crm/v2/settings/no/such/thing"), 404, "INVALID_URL_PATTERN");
        assertThat(http.get("/no-such-page.html").status()).isEqualTo(404);
    }

    private static void assertSecurityHeaders(Http.Response response) {
        var headers = response.raw().headers();
        assertThat(headers.firstValue("Content-Security-Policy")).contains(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    }
}
