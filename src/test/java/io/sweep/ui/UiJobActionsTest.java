package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A job's Cancel acts at once: while a dialog waited, the job would write on. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiJobActionsTest {

    @Test
    void cancel_stops_the_job_at_once_without_a_dialog_and_then_says_what_happened(UiHarness ui) {
        String id = ui.storedRunningJob();
        ui.loggedIn();
        ui.open("/jobs/" + id);
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='RUNNING']"));
        assertThat(ui.driver().findElement(By.id("job-undo")).isDisplayed()).as("Undo while the job runs").isFalse();

        ui.await(By.id("job-cancel")).click();

        ui.awaitPresent(By.cssSelector("#job-progress[data-status='CANCELLED']"));
        assertThat(ui.driver().findElements(By.cssSelector("dialog.confirm"))).as("a dialog while the job writes on").isEmpty();
        assertThat(ui.api().get("/api/jobs/" + id).json().get("status").asText()).isEqualTo("CANCELLED");
        WebElement said = ui.await(By.id("job-cancelled"));
        assertThat(said.getText()).isEqualTo("Cancelled. 4 records were updated before the cancel and stay updated (Undo puts them back);"
                + " the 5 not reached are left as they were.");
        assertThat(ui.driver().findElement(By.id("job-cancel")).isDisplayed()).isFalse();
        assertThat(ui.driver().findElement(By.id("job-undo")).isDisplayed()).as("Undo of what the cancelled job wrote").isTrue();
        ui.screenshot("job-cancelled");
    }
}
