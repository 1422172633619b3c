package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The Audit page: an administrator who creates a token finds it there; others are not offered the page. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiAuditTest {

    @Test
    void an_administrator_creates_a_token_and_sees_the_entry_on_the_audit_page(UiHarness ui) {
        ui.loggedIn();
        String label = "audited " + UUID.randomUUID().toString().substring(0, 8);
        ui.go("/settings");
        ui.await(By.id("token-label")).sendKeys(label);
        // the scope may sit in a folded group: ticked as a click would, wherever it is
        ui.script("arguments[0].click()", ui.awaitPresent(By.cssSelector("#token-scopes input[value='ZohoCRM.modules.ALL']")));
        ui.driver().findElement(By.id("token-create")).click();
        ui.await(By.id("token-value"));

        ui.await(By.cssSelector("#nav a[href='#/audit']")).click();
        ui.selectByValue(By.id("audit-kind"), "token.create");
        ui.awaitText(By.id("audit-table"), label);
        var row = ui.driver().findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .filter(r -> r.getText().contains(label)).findFirst().orElseThrow();
        assertThat(row.getDomAttribute("data-kind")).isEqualTo("token.create");
        assertThat(row.getText()).contains(UiHarness.ADMIN_EMAIL, "token:");
        assertThat(ui.driver().findElement(By.id("audit-csv")).getDomAttribute("href")).contains("format=csv", "kind=token.create");
        String xlsx = ui.driver().findElement(By.id("audit-xlsx")).getDomAttribute("href");
        assertThat(xlsx).contains("format=xlsx", "kind=token.create");
        // the download is an ordinary same-origin GET with the session cookie: a workbook
        assertThat(ui.script("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('Content-Type'))", xlsx))
                .isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ui.screenshot("audit");
        assertThat(ui.takeBrowserErrors()).isEmpty();
    }

    @Test
    void the_audit_page_is_not_offered_to_a_non_administrator(UiHarness ui) {
        ui.loggedIn();
        try {
            ui.switchUser("sales@sweep.local");
            ui.await(By.cssSelector("#nav a[href='#/jobs']"));
            assertThat(ui.driver().findElements(By.cssSelector("#nav a[href='#/audit']"))).isEmpty();
        } finally {
            ui.switchUser(UiHarness.ADMIN_EMAIL);
        }
        ui.await(By.cssSelector("#nav a[href='#/audit']"));
    }
}
