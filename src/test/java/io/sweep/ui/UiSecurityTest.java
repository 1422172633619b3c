package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** Data from the database stays text; another site cannot make the browser change anything. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiSecurityTest {
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @Test
    void a_record_named_like_markup_is_shown_as_text_and_no_element_is_made_of_it(UiHarness ui) {
        String id = ui.createLeads("{\"Last_Name\":\"" + XSS.replace("\"", "\\\"") + "\",\"Company\":\"Ui Xss Co\",\"Designation\":\""
                + XSS.replace("\"", "\\\"") + "\"}").get(0);
        ui.loggedIn();
        ui.open("/records?module=Leads&ids=" + id);
        WebElement row = ui.await(By.cssSelector("#records-table tbody tr[data-record='" + id + "']"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells).contains(XSS);
        assertThat(row.findElements(By.tagName("img"))).isEmpty();
        assertThat(ui.script("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertNoAlert(ui);
        ui.screenshot("records");

        // found again by the records browser's search, still as text
        ui.open("/records?module=Leads");
        ui.await(By.id("records-table"));
        ui.driver().findElement(By.id("records-search")).sendKeys("Ui Xss Co");
        ui.driver().findElement(By.id("records-search-go")).click();
        row = ui.await(By.cssSelector("#records-table tbody tr[data-record='" + id + "']"));
        assertThat(row.getText()).contains(XSS);
        assertThat(ui.script("return document.querySelectorAll('img').length")).isEqualTo(0L);

        // the same text as an old value in a dry run's diff table
        ui.open("/mass-update?module=Leads&ids=" + id);
        ui.selectByValue(By.id("mu-field"), "Designation");
        ui.await(By.cssSelector(".value-box input")).sendKeys("Buyer");
        ui.driver().findElement(By.id("mu-preview")).click();
        WebElement old = ui.await(By.cssSelector("#mu-result table.diff td.old"));
        assertThat(old.getText()).isEqualTo(XSS);
        assertThat(ui.script("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertNoAlert(ui);
    }

    /**
     * A page on another origin (same host, another port, so the browser even sends the SameSite
     * cookie) posts a JSON-looking form to Sweep's mass update. Without the CSRF header it is refused
     * and nothing changes.
     */
    @Test
    void a_form_posted_from_another_origin_with_the_session_cookie_is_refused(UiHarness ui) throws IOException {
        String id = ui.createLeads("{\"Last_Name\":\"Csrf Target\",\"Company\":\"Ui Csrf Co\",\"Rating\":\"Acquired\"}").get(0);
        ui.loggedIn();
        String target = ui.base() + "/crm/v2/Leads/actions/mass_update";
        // enctype text/plain sends name=value: the name and value together form a JSON body
        String page = """
                <!doctype html><title>Win a prize</title>
                <form method="post" action="%s" enctype="text/plain">
                <input type="hidden" name='{"data":[{"Rating":"Shut Down"}],"ids":["%s"],"x":"' value='"}'>
                <button id="go" type="submit">Claim</button></form>""".formatted(target, id);
        HttpServer attacker = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
        try {
            ui.driver().get("http://localhost:" + attacker.getAddress().getPort() + "/");
            ui.await(By.id("go")).click();
            ui.until(d -> d.getCurrentUrl().startsWith(target));
            String answer = ui.await(By.tagName("body")).getText();
            assertThat(answer).contains("INVALID_CSRF_TOKEN").doesNotContain("SUCCESS");
        } finally {
            attacker.stop(0);
        }
        assertThat(ui.lead(id).get("Rating").asText()).isEqualTo("Acquired");
        // the session itself still works in Sweep's own pages
        ui.loggedIn();
        ui.await(By.id("rules-table"));
    }

    private static void assertNoAlert(UiHarness ui) {
        assertThatThrownBy(() -> ui.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
