package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The record page: from a record's id on the Records page to its values and timeline, and from an entry to its job. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiRecordHistoryTest {

    @Test
    void a_record_opened_from_the_records_page_shows_its_timeline_and_an_entry_leads_to_its_job(UiHarness ui) {
        String company = "Timeline " + UUID.randomUUID().toString().substring(0, 8);
        String lead = ui.createLeads("{\"Last_Name\":\"Timeline\",\"Company\":\"" + company + "\"}").get(0);
        var view = ui.api().post("/api/views", "{\"module\":\"Leads\",\"name\":\"View of " + company + "\",\"criteria\":"
                + "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Company\"},\"value\":\"" + company + "\"}}");
        assertThat(view.status()).as(view.body()).isEqualTo(201);
        var scheduled = ui.api().post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Designation\":\"from the timeline\"}],\"cvid\":\"" + view.json().get("view").get("id").asText() + "\"}");
        String job = scheduled.json().get("data").get(0).get("details").get("job_id").asText();
        ui.api().waitForJobEnd(job);

        ui.loggedIn();
        ui.go("/records?module=Leads&ids=" + lead);
        ui.await(By.cssSelector("#records-table a[href='#/records/Leads/" + lead + "']")).click();

        ui.awaitText(By.id("record-values"), "from the timeline");
        ui.awaitText(By.id("history-table"), "job " + job);
        var rows = ui.driver().findElements(By.cssSelector("#history-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getDomAttribute("data-job")).isEqualTo(job);
        assertThat(rows.get(0).getText()).contains("Title", "from the timeline", "mass update");
        assertThat(rows.get(1).getText()).contains("created", company);
        ui.screenshot("record-history");

        rows.get(0).findElement(By.cssSelector("a.history-job")).click();
        ui.awaitText(By.cssSelector("h1"), "Job " + job);
        assertThat(ui.driver().getCurrentUrl()).endsWith("#/jobs/" + job);
        assertThat(ui.takeBrowserErrors()).isEmpty();
    }
}
