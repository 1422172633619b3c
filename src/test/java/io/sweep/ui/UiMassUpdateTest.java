package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A custom view built with the criteria builder, then a mass update over it: preview, run, progress, results, undo. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiMassUpdateTest {

    @Test
    void a_view_built_in_the_criteria_builder_is_mass_updated_watched_to_the_end_and_undone(UiHarness ui) {
        String company = "Ui Browser " + UUID.randomUUID().toString().substring(0, 8);
        List<String> leads = ui.createLeads(
                lead("Ada", company, "Contacted"), lead("Grace", company, "Contacted"),
                lead("Edsger", company, "Not Contacted"), lead("Barbara", company, "Junk Lead"));
        List<String> selected = leads.subList(0, 3);
        ui.loggedIn();

        // --- the view: Company is <company> and (Lead_Status is Contacted or Lead_Status is Not Contacted)
        ui.open("/views/new?module=Leads");
        ui.await(By.id("view-name")).sendKeys("Browser view " + company);
        WebElement root = ui.await(By.cssSelector("#view-criteria .crit-group.root"));
        root.findElement(By.cssSelector(":scope > .crit-actions .add-condition")).click();
        WebElement first = ui.await(By.cssSelector("#view-criteria .crit-group.root > .crit-list > .condition"));
        condition(ui, first, "Company", "equal");
        first.findElement(By.cssSelector(".crit-value input")).sendKeys(company);
        root.findElement(By.cssSelector(":scope > .crit-actions .add-group")).click();
        WebElement group = ui.await(By.cssSelector("#view-criteria .crit-group.nested"));
        ui.selectByValue(By.cssSelector("#view-criteria .crit-group.nested .crit-op"), "or");
        group.findElement(By.cssSelector(".crit-actions .add-condition")).click();
        List<WebElement> inGroup = group.findElements(By.cssSelector(".crit-list > .condition"));
        assertThat(inGroup).hasSize(2);
        condition(ui, inGroup.get(0), "Lead_Status", "equal");
        ui.selectByValue(relative(inGroup.get(0), ".crit-value select"), "Contacted");
        condition(ui, inGroup.get(1), "Lead_Status", "equal");
        ui.selectByValue(relative(inGroup.get(1), ".crit-value select"), "Not Contacted");
        ui.awaitText(By.id("view-count"), "3");
        ui.await(By.cssSelector("#view-share-users input[data-email='sales@sweep.local']")).click();
        ui.screenshot("view-editor");
        ui.driver().findElement(By.id("view-save")).click();

        ui.await(By.id("views-table"));
        WebElement row = ui.await(By.xpath("//table[@id='views-table']//tr[th[contains(., '" + company + "')]]"));
        assertThat(row.findElement(By.cssSelector(".record-count")).getText()).isEqualTo("3");
        assertThat(row.getText()).contains("sales@sweep.local");
        ui.screenshot("views");

        // --- the mass update over it: Rating → Active
        row.findElement(By.linkText("Mass update")).click();
        ui.selectByValue(By.id("mu-field"), "Rating");
        ui.selectByValue(By.cssSelector(".value-box select"), "Active");
        ui.driver().findElement(By.id("mu-preview")).click();
        ui.await(By.cssSelector("#mu-result .selected-count[data-count='3']"));
        List<WebElement> diff = ui.driver().findElements(By.cssSelector("#mu-result table.diff tbody tr"));
        assertThat(diff).hasSize(3);
        assertThat(diff).allSatisfy(tr -> {
            assertThat(tr.getText()).contains("Rating").contains("Active");
            assertThat(selected).contains(tr.getDomAttribute("data-record"));
        });
        ui.screenshot("mass-update");

        ui.driver().findElement(By.id("mu-run")).click();
        WebElement dialog = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(dialog.getText()).contains("Set Rating to “Active” on 3 records of the view “Browser view " + company + "”");
        dialog.findElement(By.cssSelector("button.primary")).click();

        // --- the job: live progress to COMPLETED, counts, results
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        String jobUrl = ui.driver().getCurrentUrl();
        assertThat(ui.driver().findElement(By.cssSelector("#job-counts .count-updated dd")).getText()).isEqualTo("3");
        assertThat(ui.driver().findElement(By.cssSelector("#job-counts .count-total dd")).getText()).isEqualTo("3");
        assertThat(ui.driver().findElement(By.cssSelector("#job-progress progress")).getDomProperty("value")).as("the bar in percent").isEqualTo("100");
        ui.await(By.cssSelector("#results-table tbody tr[data-status='updated']"));
        List<WebElement> results = ui.driver().findElements(By.cssSelector("#results-table tbody tr"));
        assertThat(results).extracting(r -> r.getDomAttribute("data-record")).containsExactlyInAnyOrderElementsOf(selected);
        assertThat(results.get(0).getText()).contains("Rating").contains("→ Active");
        String csv = ui.driver().findElement(By.id("download-csv")).getDomAttribute("href");
        assertThat(csv).endsWith("/results?format=csv");
        // the download is an ordinary same-origin GET with the session cookie
        assertThat(ui.script("return fetch(arguments[0]).then(r => r.text())", csv)).asString()
                .startsWith("id,status,code,message,changes").contains(selected.get(0) + ",updated,,,Rating: null → Active");
        ui.screenshot("job");
        for (String id : selected) assertThat(ui.lead(id).get("Rating").asText()).isEqualTo("Active");
        assertThat(ui.lead(leads.get(3)).get("Rating").isNull()).isTrue();

        ui.selectByValue(By.id("results-status"), "failed");
        ui.awaitText(By.id("results"), "No results with this status.");

        // --- undo, after a confirmation that says how many records come back
        ui.driver().findElement(By.id("job-undo")).click();
        dialog = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(dialog.getText()).contains("restores the previous values of 3 records").contains("A record whose fields changed since is left alone");
        dialog.findElement(By.cssSelector("button.primary")).click();
        ui.until(d -> !d.getCurrentUrl().equals(jobUrl));
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        assertThat(ui.driver().findElement(By.cssSelector("#job-counts .count-updated dd")).getText()).isEqualTo("3");
        for (String id : selected) assertThat(ui.lead(id).get("Rating").isNull()).isTrue();
        String undoId = ui.driver().getCurrentUrl().replaceAll(".*#/jobs/", "");

        // the job undone: no second Undo to offer (the server would refuse it), a link to its undo instead
        ui.open(jobUrl.substring(jobUrl.indexOf('#') + 1));
        ui.awaitText(By.id("job-undone"), "Undone by job " + undoId);
        assertThat(ui.driver().findElement(By.id("job-undo")).isDisplayed()).isFalse();
        ui.screenshot("job-undone");

        ui.open("/jobs");
        ui.await(By.cssSelector("#jobs-table tbody tr"));
        ui.screenshot("jobs");
    }

    @Test
    void the_form_opens_with_nothing_chosen_and_cannot_preview_or_run_until_a_field_and_a_value_are_picked(UiHarness ui) {
        ui.loggedIn();
        ui.open("/mass-update?module=Leads");
        ui.awaitPresent(By.cssSelector("#mu-field option[value='Rating']"));
        ui.awaitPresent(By.cssSelector("#mu-view option:nth-of-type(2)"));

        assertThat(ui.driver().findElement(By.id("mu-view")).getDomProperty("value")).as("no view chosen").isEmpty();
        assertThat(ui.driver().findElement(By.id("mu-field")).getDomProperty("value")).as("no field chosen").isEmpty();
        assertThat(ui.driver().findElements(By.cssSelector(".value-box input, .value-box select"))).as("no value input yet").isEmpty();
        assertDisabled(ui, "mu-preview", "mu-run");
        ui.awaitText(By.id("mu-ready"), "Choose a custom view.");
        ui.screenshot("mass-update-empty");

        String cvid = ui.driver().findElements(By.cssSelector("#mu-view option")).get(1).getDomAttribute("value");
        ui.selectByValue(By.id("mu-view"), cvid);
        ui.selectByValue(By.id("mu-field"), "Company");
        // an empty value is not "clear Company": nothing is chosen yet
        assertThat(ui.await(By.cssSelector(".value-box input")).getDomProperty("value")).isEmpty();
        assertDisabled(ui, "mu-preview", "mu-run");
        ui.awaitText(By.id("mu-ready"), "Choose a value for Company, or tick “Clear this field”.");
        ui.selectByValue(By.id("mu-field"), "Rating");
        assertThat(ui.await(By.cssSelector(".value-box select")).getDomProperty("value")).isEmpty();
        assertDisabled(ui, "mu-preview", "mu-run");

        ui.selectByValue(By.cssSelector(".value-box select"), "Active");
        ui.until(d -> d.findElement(By.id("mu-preview")).isEnabled());
        assertDisabled(ui, "mu-run");
    }

    @Test
    void a_change_to_the_form_after_a_preview_clears_the_preview_and_run_waits_for_a_new_one(UiHarness ui) {
        String company = "Ui Stale " + UUID.randomUUID().toString().substring(0, 8);
        List<String> leads = ui.createLeads(lead("Ada", company, "Contacted"), lead("Grace", company, "Contacted"));
        ui.loggedIn();
        ui.open("/mass-update?module=Leads&ids=" + String.join(",", leads));
        ui.selectByValue(By.id("mu-field"), "Rating");
        ui.selectByValue(By.cssSelector(".value-box select"), "Active");
        preview(ui, 2);
        assertThat(ui.driver().findElement(By.cssSelector("#mu-result table.diff")).getText()).contains("Active");

        // another value: the preview of "Active" goes, and Run with it
        ui.selectByValue(By.cssSelector(".value-box select"), "Shut Down");
        assertStale(ui);
        preview(ui, 2);
        assertThat(ui.driver().findElement(By.cssSelector("#mu-result table.diff")).getText()).contains("Shut Down").doesNotContain("Active");

        // other records
        ui.driver().findElement(By.id("mu-ids")).sendKeys(" ");
        ui.until(d -> d.findElement(By.id("mu-run")).isEnabled());
        ui.driver().findElement(By.id("mu-ids")).sendKeys(",5725767000000000000");
        assertStale(ui);
        ui.driver().findElement(By.id("mu-ids")).clear();
        ui.driver().findElement(By.id("mu-ids")).sendKeys(String.join(",", leads));
        // another field
        preview(ui, 2);
        ui.selectByValue(By.id("mu-field"), "Lead_Status");
        assertStale(ui);

        ui.selectByValue(By.id("mu-field"), "Rating");
        ui.selectByValue(By.cssSelector(".value-box select"), "Shut Down");
        preview(ui, 2);
        ui.driver().findElement(By.id("mu-run")).click();
        WebElement dialog = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(dialog.getText()).contains("Set Rating to “Shut Down” on 2 records");
        dialog.findElement(By.cssSelector("button.primary")).click();
        ui.await(By.id("mu-ids-result"));
        for (String id : leads) assertThat(ui.lead(id).get("Rating").asText()).isEqualTo("Shut Down");
    }

    @Test
    void letters_in_a_number_field_are_an_error_at_the_field_and_clearing_it_is_an_explicit_choice(UiHarness ui) {
        String id = ui.createLeads("{\"Last_Name\":\"Scored\",\"Company\":\"Ui Score Co\",\"Lead_Score\":7}").get(0);
        ui.loggedIn();
        ui.open("/mass-update?module=Leads&ids=" + id);
        ui.selectByValue(By.id("mu-field"), "Lead_Score");
        WebElement score = ui.await(By.cssSelector(".value-box input"));
        score.sendKeys("abc");
        WebElement error = ui.await(By.cssSelector(".value-input + p.error, .value-input p.error"));
        assertThat(error.getText()).contains("Lead Score needs a whole number, not “abc”");
        assertThat(score.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertDisabled(ui, "mu-preview", "mu-run");
        ui.screenshot("mass-update-invalid-number");

        score.clear();
        score.sendKeys("12");
        ui.until(d -> d.findElements(By.cssSelector(".value-box p.error, .value-input + p.error")).isEmpty());
        preview(ui, 1);

        // clearing: the box, not an empty input, and the confirmation says so
        score.clear();
        assertDisabled(ui, "mu-preview", "mu-run");
        ui.driver().findElement(By.id("mu-clear")).click();
        assertThat(score.isEnabled()).as("the value input is off while clearing").isFalse();
        preview(ui, 1);
        ui.driver().findElement(By.id("mu-run")).click();
        WebElement dialog = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(dialog.getText()).contains("Clear Lead_Score on 1 record.");
        ui.screenshot("mass-update-clear-confirm");
        dialog.findElement(By.cssSelector("button.danger")).click();
        ui.await(By.id("mu-ids-result"));
        assertThat(ui.lead(id).get("Lead_Score").isNull()).isTrue();
    }

    private static void preview(UiHarness ui, int count) {
        ui.until(d -> d.findElement(By.id("mu-preview")).isEnabled());
        ui.driver().findElement(By.id("mu-preview")).click();
        ui.await(By.cssSelector("#mu-result .selected-count[data-count='" + count + "']"));
        ui.until(d -> d.findElement(By.id("mu-run")).isEnabled());
    }

    private static void assertStale(UiHarness ui) {
        ui.await(By.id("mu-stale"));
        assertThat(ui.driver().findElements(By.cssSelector("#mu-result table.diff"))).as("the old preview").isEmpty();
        assertDisabled(ui, "mu-run");
    }

    private static void assertDisabled(UiHarness ui, String... ids) {
        for (String id : ids) assertThat(ui.driver().findElement(By.id(id)).isEnabled()).as(id + " enabled").isFalse();
    }

    private static String lead(String first, String company, String status) {
        return "{\"First_Name\":\"%s\",\"Last_Name\":\"Tester\",\"Company\":\"%s\",\"Lead_Status\":\"%s\"}".formatted(first, company, status);
    }

    private static void condition(UiHarness ui, WebElement row, String field, String comparator) {
        ui.selectByValue(relative(row, ".crit-field"), field);
        ui.selectByValue(relative(row, ".crit-comparator"), comparator);
    }

    /** A locator for an element inside a given row (the row itself must stay in the page). */
    private static By relative(WebElement row, String css) {
        return new By() {
            @Override
            public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
                return row.findElements(By.cssSelector(css));
            }

            @Override
            public String toString() {
                return css + " in a row";
            }
        };
    }
}
