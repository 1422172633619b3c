package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
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
        assertProgress(ui, "5 of 10 (50%)", "50");
        awaitCount(ui, "not-reached", "Not reached yet 5");

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

    /**
     * Undo offers all fields or some: with "Only these fields" nothing is restored until a field
     * is ticked; the undo puts back that field alone, and the job then offers to undo the rest.
     */
    @Test
    void undo_of_chosen_fields_puts_back_those_and_offers_a_retry_for_the_rest(UiHarness ui) {
        List<String> leads = ui.createLeads(
                "{\"Last_Name\":\"Undo one\",\"Company\":\"Ui Undo Co\",\"Lead_Status\":\"Contacted\",\"Twitter\":\"@new\"}",
                "{\"Last_Name\":\"Undo two\",\"Company\":\"Ui Undo Co\",\"Lead_Status\":\"Contacted\",\"Twitter\":\"@new\"}");
        String id = ui.storedTwoFieldJob(leads);
        ui.loggedIn();
        ui.open("/jobs/" + id);
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        ui.await(By.id("job-undo")).click();

        WebElement dialog = ui.await(By.cssSelector("dialog.confirm"));
        List<WebElement> boxes = dialog.findElements(By.cssSelector("#undo-fields input[type='checkbox']"));
        assertThat(boxes).extracting(b -> b.getDomProperty("value")).containsExactly("Lead_Status", "Twitter");
        assertThat(boxes).allSatisfy(b -> assertThat(b.isEnabled()).as("boxes wait for 'Only these fields'").isFalse());
        WebElement restore = dialog.findElement(By.xpath(".//button[text()='Restore']"));
        assertThat(restore.isEnabled()).isTrue();

        dialog.findElement(By.id("undo-some")).click();
        assertThat(restore.isEnabled()).as("nothing chosen").isFalse();
        boxes.get(0).click();
        assertThat(restore.isEnabled()).isTrue();
        ui.screenshot("undo-choose-fields");
        restore.click();

        ui.until(d -> d.getCurrentUrl().matches(".*#/jobs/(?!" + id + "\\b)\\d+$"));
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        for (String lead : leads) {
            assertThat(ui.lead(lead).get("Lead_Status").asText()).isEqualTo("Not Contacted");
            assertThat(ui.lead(lead).get("Twitter").asText()).as("a field not chosen stays").isEqualTo("@new");
        }

        ui.open("/jobs/" + id);
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        ui.until(d -> d.findElement(By.id("job-undo")).getText().equals("Retry undo…"));
        assertThat(ui.await(By.id("job-undone")).getText()).startsWith("Undone in part by job ");
        ui.await(By.id("job-undo")).click();
        WebElement again = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(again.findElements(By.cssSelector("#undo-fields input[type='checkbox']")))
                .extracting(b -> b.getDomProperty("value")).as("what is left to put back").containsExactly("Twitter");
        again.findElement(By.xpath(".//button[text()='Cancel']")).click();
    }

    /** A record an undo left as a conflict says what changed it since, and links where to see it. */
    @Test
    void a_conflict_links_the_change_that_made_the_undo_leave_the_record(UiHarness ui) {
        List<String> leads = ui.createLeads(
                "{\"Last_Name\":\"Conflict\",\"Company\":\"Ui Conflict Co\",\"Lead_Status\":\"Contacted\",\"Twitter\":\"@new\"}");
        String id = ui.storedTwoFieldJob(leads);
        assertThat(ui.api().put("/crm/v2/Leads/" + leads.get(0), "{\"data\":[{\"Twitter\":\"@later\"}]}").status()).isEqualTo(200);
        var undo = ui.api().post("/api/jobs/" + id + "/undo", "");
        assertThat(undo.status()).as(undo.body()).isEqualTo(202);
        String undoId = undo.json().get("id").asText();
        ui.api().waitForJobEnd(undoId);

        ui.loggedIn();
        ui.open("/jobs/" + undoId);
        WebElement row = ui.await(By.cssSelector("#results-table tr[data-record='" + leads.get(0) + "']"));
        assertThat(row.getText()).contains("Changed since").contains("Twitter changed since the job updated it").contains("by Ada Admin");
        WebElement link = row.findElement(By.cssSelector("a.conflict-link"));
        assertThat(link.getText()).isEqualTo("See the record's history");
        assertThat(link.getDomAttribute("href")).isEqualTo("#/records/Leads/" + leads.get(0));
    }

    /** A job that skipped most of its records got through all of them: the text, the bar and the counts say so alike. */
    @Test
    void progress_counts_skipped_records_as_processed_and_every_figure_agrees(UiHarness ui) {
        String completed = ui.storedJob("COMPLETED", 15_816, 3, 0, 15_813);
        ui.loggedIn();
        ui.open("/jobs/" + completed);
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        assertProgress(ui, "15,816 of 15,816 (100%)", "100");
        awaitCount(ui, "updated", "Updated 3");
        awaitCount(ui, "skipped", "Skipped 15,813");
        awaitCount(ui, "not-reached", "Not reached 0");

        String cancelled = ui.storedJob("CANCELLED", 37_304, 15_000, 636, 5_000);
        ui.open("/jobs/" + cancelled);
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='CANCELLED']"));
        // 20,636 of 37,304 is 55.3 %: the text and the bar both say 55, not 100
        assertProgress(ui, "20,636 of 37,304 (55%)", "55");
        awaitCount(ui, "not-reached", "Not reached 16,668");

        ui.open("/jobs");
        WebElement row = ui.await(By.cssSelector("#jobs-table tr[data-job='" + cancelled + "']"));
        assertThat(row.findElement(By.cssSelector(".progress-text")).getText()).isEqualTo("20,636 of 37,304 (55%)");
        assertThat(row.findElement(By.cssSelector(".counts-cell")).getText()).isEqualTo("15,000 / 636 / 5,000 / 16,668");
    }

    /** The page redraws its figures as progress arrives: read them afresh until they say {@code text}. */
    private static void assertProgress(UiHarness ui, String text, String barValue) {
        ui.until(d -> {
            try {
                WebElement bar = d.findElement(By.cssSelector("#job-progress progress"));
                return d.findElement(By.cssSelector("#job-progress .progress-text")).getText().equals(text)
                        && barValue.equals(bar.getDomProperty("value")) && "100".equals(bar.getDomProperty("max"));
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    private static void awaitCount(UiHarness ui, String key, String labelAndFigure) {
        ui.until(d -> {
            try {
                return d.findElement(By.cssSelector("#job-counts .count-" + key)).getText().replace("\n", " ").equals(labelAndFigure);
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }
}
