package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Browser;
import io.sweep.testsupport.Http;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An administrator resets a user's password and deactivates them on the settings page. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiUsersTest {

    @Test
    void an_administrator_resets_a_password_and_deactivates_a_user_from_the_settings_page(UiHarness ui) {
        String email = "ui-user-" + UUID.randomUUID() + "@example.com";
        String id = ui.api().post("/api/users", "{\"email\":\"" + email + "\",\"name\":\"Ui User\",\"profile\":\"Standard\",\"password\":\"first-password\"}")
                .json().get("user").get("id").asText();
        ui.loggedIn();
        ui.open("/settings");
        WebElement row = ui.await(By.cssSelector("#users-table tr[data-user='" + id + "']"));

        row.findElement(By.tagName("summary")).click();
        ui.await(By.id("user-password-" + id)).sendKeys("second-password");
        row.findElement(By.xpath(".//button[normalize-space()='Set password']")).click();
        ui.awaitText(By.id("notices"), "New password set for " + email);
        assertThat(Browser.login(new Http(ui.base()), email, "second-password").status()).isEqualTo(200);
        assertThat(Browser.login(new Http(ui.base()), email, "first-password").status()).isEqualTo(401);

        row = ui.await(By.cssSelector("#users-table tr[data-user='" + id + "']"));
        row.findElement(By.xpath(".//button[normalize-space()='Deactivate']")).click();
        WebElement dialog = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(dialog.getText()).contains("Deactivate " + email);
        dialog.findElement(By.cssSelector("button.danger")).click();
        ui.awaitText(By.id("notices"), email + " deactivated");
        ui.awaitText(By.cssSelector("#users-table tr[data-user='" + id + "'] td:nth-of-type(3)"), "no");
        assertThat(Browser.login(new Http(ui.base()), email, "second-password").status()).isEqualTo(401);
        ui.screenshot("settings-users");
    }
}
