package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Pages name things as people do: users, modules and triggers by name, empty values as a dash, never "null". */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiNamesTest {

    @Test
    void a_job_shows_who_and_what_by_name_not_by_id(UiHarness ui) {
        String id = ui.storedJob("COMPLETED", 4, 4, 0, 0);
        String adminName = ui.api().get("/api/jobs/" + id).json().get("user").get("name").asText();
        assertThat(adminName).isNotBlank().doesNotContain("@");
        ui.loggedIn();
        ui.open("/jobs");
        WebElement row = ui.await(By.cssSelector("#jobs-table tr[data-job='" + id + "']"));
        assertThat(row.findElement(By.cssSelector(".job-who")).getText()).isEqualTo(adminName);
        assertThat(row.findElement(By.cssSelector(".job-trigger")).getText()).isEqualTo("Mass update by record ids");

        ui.open("/jobs/" + id);
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        String details = ui.driver().findElement(By.cssSelector(".meta")).getText();
        assertThat(details).contains(adminName).doesNotContain(UiHarness.ADMIN_EMAIL).doesNotContain("null");
    }

    @Test
    void rules_and_settings_show_no_null_to_users_who_are_not_administrators(UiHarness ui) {
        for (String email : new String[] {"rep@sweep.local", "sales@sweep.local"}) {
            ui.loggedIn();
            ui.switchUser(email);
            ui.open("/rules");
            ui.await(By.id("rules-table"));
            assertNoNull(ui, "Rules as " + email);
            ui.open("/settings");
            ui.awaitPresent(By.cssSelector("#tokens-table, #tokens .empty"));
            ui.awaitPresent(By.cssSelector("#secrets-table, #webhook-secrets .empty"));
            assertNoNull(ui, "Settings as " + email);
            ui.switchUser(UiHarness.ADMIN_EMAIL);
        }
    }

    private static void assertNoNull(UiHarness ui, String where) {
        String text = ui.driver().findElement(By.id("main")).getText();
        assertThat(text).as(where).doesNotContainPattern("\\bnull\\b").doesNotContainPattern("\\bundefined\\b");
    }
}
