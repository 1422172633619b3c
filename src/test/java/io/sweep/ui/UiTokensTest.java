package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The settings page offers a non-administrator only the scopes they hold, and the token they make works. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiTokensTest {

    @Test
    void a_non_administrator_is_offered_only_the_scopes_they_hold(UiHarness ui) {
        ui.loggedIn();
        try {
            ui.switchUser("sales@sweep.local");
            ui.go("/settings");
            ui.awaitPresent(By.cssSelector("#token-scopes input[value='ZohoCRM.mass_update.leads.UPDATE']"));
            List<String> offered = ui.driver().findElements(By.cssSelector("#token-scopes input[type=checkbox]")).stream()
                    .map(b -> b.getDomAttribute("value")).toList();
            assertThat(offered).contains("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.deals.READ", "ZohoCRM.settings.fields.READ")
                    .doesNotContain("ZohoCRM.settings.ALL", "Sweep.admin.ALL", "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL",
                            "ZohoCRM.users.ALL", "ZohoCRM.mass_update.deals.UPDATE");
            assertThat(ui.driver().findElements(By.cssSelector("#token-scopes input:checked"))).as("nothing chosen for them").isEmpty();
            ui.screenshot("settings-tokens-sales");

            ui.driver().findElement(By.id("token-label")).sendKeys("sales script");
            ui.driver().findElement(By.cssSelector("#token-scopes details.more-scopes summary")).click();
            ui.await(By.cssSelector("#token-scopes input[value='ZohoCRM.modules.leads.READ']")).click();
            ui.driver().findElement(By.id("token-create")).click();
            WebElement token = ui.await(By.id("token-value"));
            assertThat(new io.sweep.testsupport.Http(ui.base()).withToken(token.getDomProperty("value")).get("/crm/v2/Leads?per_page=1").status())
                    .isEqualTo(200);
        } finally {
            ui.switchUser(UiHarness.ADMIN_EMAIL);
        }
        // an administrator is offered every scope
        ui.go("/settings");
        ui.awaitPresent(By.cssSelector("#token-scopes input[value='Sweep.admin.ALL']"));
    }
}
