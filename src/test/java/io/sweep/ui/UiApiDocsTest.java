package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The API page renders the server's own OpenAPI document, with no other origin: a path, its parameters and the error codes. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiApiDocsTest {

    @Test
    void the_api_page_lists_the_mass_update_path_its_parameters_and_the_error_codes(UiHarness ui) {
        ui.loggedIn();
        ui.await(By.cssSelector("#nav a[href='#/api-docs']")).click();
        var massUpdate = ui.await(By.cssSelector("article[data-operation='POST /crm/v2/{module}/actions/mass_update']"));
        assertThat(massUpdate.getText()).contains("module", "MassUpdateRequest", "ActionResult");
        ui.awaitText(By.id("api-error-codes"), "ALREADY_SCHEDULED");
        ui.screenshot("api-docs");
        assertThat(ui.takeBrowserErrors()).isEmpty();
    }
}
