package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Logging in and out in a real browser, and what an ended session does to the page. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiLoginTest {

    @Test
    void a_wrong_password_is_answered_next_to_the_password_and_the_right_one_opens_the_rules(UiHarness ui) {
        ui.driver().manage().deleteAllCookies();
        ui.open("/rules");
        ui.awaitText(By.tagName("h1"), "Log in to Sweep");
        ui.screenshot("login");

        ui.logIn(UiHarness.ADMIN_EMAIL, "not-the-password");
        var error = ui.await(By.cssSelector("p.error[role=alert]"));
        assertThat(error.getText()).isEqualTo("Wrong email or password.");
        // the code is for those who look it up, on hover: not in the sentence people read
        assertThat(error.getDomAttribute("title")).isEqualTo("Error code: INVALID_CREDENTIALS");
        // the message is tied to the password field for assistive technology
        var password = ui.driver().findElement(By.id("login-password"));
        assertThat(password.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(password.getDomAttribute("aria-describedby")).contains(error.getDomAttribute("id"));

        ui.logIn(UiHarness.ADMIN_EMAIL, UiHarness.DEMO_PASSWORD);
        ui.awaitText(By.tagName("h1"), "Rules");
        ui.await(By.id("rules-table"));
        assertThat(ui.driver().findElement(By.id("user-box")).getText()).contains("Administrator");
        Cookie session = ui.driver().manage().getCookieNamed("sweep_session");
        assertThat(session).as("session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(ui.script("return document.cookie")).asString().doesNotContain("sweep_session");
        ui.screenshot("rules");
    }

    @Test
    void log_out_ends_the_session_and_a_lost_session_leads_to_the_login_page_and_back(UiHarness ui) {
        ui.loggedIn();
        ui.driver().findElement(By.id("logout")).click();
        ui.awaitText(By.tagName("h1"), "Log in to Sweep");
        assertThat(ui.driver().manage().getCookieNamed("sweep_session")).as("cookie after log out").isNull();

        ui.logIn(UiHarness.ADMIN_EMAIL, UiHarness.DEMO_PASSWORD);
        ui.await(By.id("rules-table"));
        // the session ends behind the page's back (idle timeout, server restart): the next request answers 401
        ui.driver().manage().deleteCookieNamed("sweep_session");
        ui.driver().findElement(By.linkText("Jobs")).click();
        ui.awaitText(By.tagName("h1"), "Log in to Sweep");
        assertThat(ui.driver().getCurrentUrl()).contains("#/login?next=");
        ui.logIn(UiHarness.ADMIN_EMAIL, UiHarness.DEMO_PASSWORD);
        ui.awaitText(By.tagName("h1"), "Jobs");
    }

    @Test
    void after_logging_out_and_in_as_someone_else_in_the_same_page_the_fields_are_theirs(UiHarness ui) {
        ui.loggedIn();
        ui.open("/mass-update?module=Leads");
        By revenue = By.cssSelector("#mu-field option[value='Annual_Revenue']");
        assertThat(ui.awaitPresent(revenue).getText()).isEqualTo("Annual Revenue");
        try {
            // Sally's profile may not edit Annual_Revenue: the page must not answer from the administrator's metadata
            ui.switchUser("sales@sweep.local");
            ui.go("/mass-update?module=Leads");
            ui.awaitText(By.tagName("h1"), "Mass update");
            assertThat(ui.awaitPresent(revenue).getText()).isEqualTo("Annual Revenue (you may not edit it)");
            ui.screenshot("mass-update-sales");
        } finally {
            ui.switchUser(UiHarness.ADMIN_EMAIL);
        }
        ui.go("/mass-update?module=Leads");
        ui.awaitText(By.tagName("h1"), "Mass update");
        ui.until(d -> d.findElement(revenue).getText().equals("Annual Revenue"));
    }
}
