package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Records page as a grid: its total, chosen columns kept, rows ticked and mass updated by exactly their ids. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiRecordsGridTest {

    @Test
    void ticked_records_go_to_the_mass_update_form_and_only_they_are_previewed_and_updated(UiHarness ui) {
        String company = "Ui Grid " + UUID.randomUUID().toString().substring(0, 8);
        List<String> leads = ui.createLeads(lead("Ada", company), lead("Grace", company), lead("Edsger", company));
        List<String> chosen = List.of(leads.get(0), leads.get(2));
        ui.loggedIn();
        ui.open("/records?module=Leads&search_field=Company&search_op=equals&search=" + URLEncoder.encode(company, StandardCharsets.UTF_8));
        ui.awaitPresent(By.cssSelector("#records-total[data-total='3']"));
        assertThat(ui.driver().findElement(By.id("records-total")).getText()).isEqualTo("3 records");
        assertThat(ui.driver().findElement(By.cssSelector(".pager .page-no")).getText()).isEqualTo("Page 1 of 1");
        assertThat(ui.driver().findElements(By.cssSelector("#records-table tbody tr"))).hasSize(3);
        assertThat(ui.driver().findElement(By.id("records-mass-update")).isEnabled()).as("nothing ticked yet").isFalse();

        // every record of the page, then none
        WebElement page = ui.driver().findElement(By.id("records-select-page"));
        page.click();
        ui.awaitPresent(By.cssSelector("#records-selected-count[data-count='3']"));
        assertThat(ui.driver().findElements(By.cssSelector("#records-table input.select-row:checked"))).hasSize(3);
        page.click();
        ui.awaitPresent(By.cssSelector("#records-selected-count[data-count='0']"));
        assertThat(ui.driver().findElements(By.cssSelector("#records-table input.select-row:checked"))).isEmpty();

        for (String id : chosen) ui.driver().findElement(By.cssSelector("#records-table input.select-row[data-record='" + id + "']")).click();
        ui.awaitPresent(By.cssSelector("#records-selected-count[data-count='2']"));
        assertThat(page.getDomProperty("indeterminate")).as("some of the page ticked").isEqualTo("true");
        ui.screenshot("records-selected");
        WebElement go = ui.driver().findElement(By.id("records-mass-update"));
        assertThat(go.getText()).isEqualTo("Mass update these 2");
        go.click();

        // the form opens on exactly those ids
        ui.awaitText(By.tagName("h1"), "Mass update");
        assertThat(ui.await(By.id("mu-by-ids")).isSelected()).isTrue();
        String ids = ui.await(By.id("mu-ids")).getDomProperty("value");
        assertThat(Arrays.stream(ids.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList()).containsExactlyInAnyOrderElementsOf(chosen);
        ui.selectByValue(By.id("mu-field"), "Rating");
        ui.selectByValue(By.cssSelector(".value-box select"), "Active");
        ui.until(d -> d.findElement(By.id("mu-preview")).isEnabled());
        ui.driver().findElement(By.id("mu-preview")).click();
        ui.await(By.cssSelector("#mu-result .selected-count[data-count='2']"));
        assertThat(ui.driver().findElements(By.cssSelector("#mu-result table.diff tbody tr")))
                .extracting(tr -> tr.getDomAttribute("data-record")).containsExactlyInAnyOrderElementsOf(chosen);

        ui.until(d -> d.findElement(By.id("mu-run")).isEnabled());
        ui.driver().findElement(By.id("mu-run")).click();
        WebElement dialog = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(dialog.getText()).contains("Set Rating to “Active” on 2 records");
        dialog.findElement(By.cssSelector("button.primary")).click();
        ui.await(By.id("mu-ids-result"));
        assertThat(ui.driver().findElements(By.cssSelector("#mu-ids-result tbody tr")))
                .extracting(tr -> tr.getDomAttribute("data-record")).containsExactlyInAnyOrderElementsOf(chosen);
        for (String id : chosen) assertThat(ui.lead(id).get("Rating").asText()).isEqualTo("Active");
        assertThat(ui.lead(leads.get(1)).get("Rating").isNull()).as("the record not ticked").isTrue();
    }

    @Test
    void with_a_view_chosen_every_record_of_it_goes_to_the_mass_update_form_by_the_view(UiHarness ui) {
        ui.loggedIn();
        ui.open("/records?module=Leads");
        ui.await(By.id("records-table"));
        ui.awaitPresent(By.cssSelector("#records-view option:nth-of-type(2)"));
        String cvid = ui.driver().findElements(By.cssSelector("#records-view option")).get(1).getDomAttribute("value");
        ui.selectByValue(By.id("records-view"), cvid);
        WebElement all = ui.await(By.id("records-mass-update-view"));
        ui.until(d -> d.findElement(By.id("records-mass-update-view")).getText().startsWith("Mass update all "));
        all.click();
        ui.awaitText(By.tagName("h1"), "Mass update");
        assertThat(ui.await(By.id("mu-by-view")).isSelected()).isTrue();
        ui.until(d -> cvid.equals(d.findElement(By.id("mu-view")).getDomProperty("value")));
    }

    @Test
    void the_chosen_columns_are_there_again_on_the_next_visit(UiHarness ui) {
        ui.loggedIn();
        try {
            ui.open("/records?module=Leads");
            ui.await(By.id("records-table"));
            int shownByDefault = ui.driver().findElements(By.cssSelector("#records-table thead th")).size();
            ui.driver().findElement(By.cssSelector("#records-columns > summary")).click();
            ui.await(By.id("records-columns-all")).click();
            ui.until(d -> d.findElements(By.cssSelector("#records-table thead th")).size() > shownByDefault);
            ui.await(By.cssSelector("#records-columns input[data-field='Company']")).click();
            ui.until(d -> d.findElements(By.xpath("//table[@id='records-table']//thead//th[starts-with(., 'Company')]")).isEmpty());
            int chosen = ui.driver().findElements(By.cssSelector("#records-table thead th")).size();

            ui.open("/records?module=Leads");
            ui.await(By.id("records-table"));
            assertThat(ui.driver().findElements(By.cssSelector("#records-table thead th"))).hasSize(chosen);
            assertThat(ui.driver().findElements(By.xpath("//table[@id='records-table']//thead//th[starts-with(., 'Company')]"))).isEmpty();
        } finally {
            // the other tests read the default columns
            ui.script("Object.keys(localStorage).filter(k => k.startsWith('sweep.columns.')).forEach(k => localStorage.removeItem(k))");
        }
    }

    private static String lead(String first, String company) {
        return "{\"First_Name\":\"%s\",\"Last_Name\":\"Grid\",\"Company\":\"%s\",\"Lead_Status\":\"Contacted\"}".formatted(first, company);
    }
}
