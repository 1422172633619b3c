package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** In the criteria builder an owner is picked from the users by name, a lookup from its module's records by name; the id is kept. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiPickersTest {

    @Test
    void an_owner_condition_suggests_the_users_by_name_and_keeps_the_id(UiHarness ui) {
        String sally = null;
        for (JsonNode u : ui.api().get("/crm/v2/users?type=AllUsers").json().get("users")) {
            if (u.get("email").asText().equals("sales@sweep.local")) sally = u.get("id").asText();
        }
        assertThat(sally).isNotNull();
        ui.loggedIn();
        ui.open("/views/new?module=Leads");
        WebElement row = newCondition(ui, "Owner");
        WebElement input = row.findElement(By.cssSelector(".id-picker input"));
        input.sendKeys("Sally");
        String id = sally;
        WebElement suggestion = ui.until(d -> row.findElements(By.cssSelector(".id-picker datalist option")).stream()
                .filter(o -> id.equals(o.getDomAttribute("value"))).findFirst().orElse(null));
        assertThat(suggestion.getDomProperty("label")).contains("Sally").contains("sales@sweep.local");
        assertThat(row.findElement(By.cssSelector(".picked")).getText()).contains("Pick one of the suggestions");

        // choosing it puts the id in the input and names the user under it
        input.clear();
        input.sendKeys(sally);
        ui.until(d -> row.findElement(By.cssSelector(".picked")).getText().contains("sales@sweep.local"));
        ui.until(d -> d.findElement(By.id("view-count")).getText().matches("[0-9,]+.*"));
        ui.screenshot("view-owner-picker");
    }

    @Test
    void a_lookup_condition_searches_the_looked_up_records_by_name(UiHarness ui) {
        String name = "Ui Parent " + UUID.randomUUID().toString().substring(0, 8);
        var created = ui.api().post("/crm/v2/Accounts", "{\"data\":[{\"Account_Name\":\"" + name + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String parent = created.json().get("data").get(0).get("details").get("id").asText();
        ui.loggedIn();
        ui.open("/views/new?module=Accounts");
        WebElement row = newCondition(ui, "Parent_Account");
        WebElement input = row.findElement(By.cssSelector(".id-picker input"));
        input.sendKeys(name.substring(0, 14));
        WebElement suggestion = ui.until(d -> row.findElements(By.cssSelector(".id-picker datalist option")).stream()
                .filter(o -> parent.equals(o.getDomAttribute("value"))).findFirst().orElse(null));
        assertThat(suggestion.getDomProperty("label")).isEqualTo(name);
        input.clear();
        input.sendKeys(parent);
        ui.until(d -> row.findElement(By.cssSelector(".picked")).getText().equals(name));
    }

    @Test
    void a_text_value_suggests_the_values_the_field_holds_in_the_criteria_and_the_mass_update_form(UiHarness ui) {
        String company = "Ui Suggested " + UUID.randomUUID().toString().substring(0, 8);
        String lead = ui.createLeads("{\"Last_Name\":\"Suggested\",\"Company\":\"" + company + "\"}").get(0);
        ui.loggedIn();
        ui.open("/views/new?module=Leads");
        WebElement row = newCondition(ui, "Company", By.cssSelector("#view-criteria .crit-value input[list]"));
        row.findElement(By.cssSelector(".crit-value input")).sendKeys(company.substring(0, 20));
        ui.until(d -> row.findElements(By.cssSelector(".crit-value datalist option")).stream()
                .anyMatch(o -> company.equals(o.getDomAttribute("value"))));

        ui.open("/mass-update?module=Leads&ids=" + lead);
        ui.selectByValue(By.id("mu-field"), "Company");
        WebElement value = ui.await(By.cssSelector(".value-box input[list]"));
        value.sendKeys(company.substring(0, 20));
        ui.until(d -> d.findElements(By.cssSelector(".value-box datalist option")).stream()
                .anyMatch(o -> company.equals(o.getDomAttribute("value"))));
        assertThat(value.getDomProperty("value")).as("a suggestion is offered, not put in").isEqualTo(company.substring(0, 20));
    }

    private static WebElement newCondition(UiHarness ui, String field) {
        return newCondition(ui, field, By.cssSelector("#view-criteria .id-picker input"));
    }

    private static WebElement newCondition(UiHarness ui, String field, By valueInput) {
        WebElement root = ui.await(By.cssSelector("#view-criteria .crit-group.root"));
        root.findElement(By.cssSelector(":scope > .crit-actions .add-condition")).click();
        WebElement row = ui.await(By.cssSelector("#view-criteria .crit-group.root > .crit-list > .condition"));
        WebElement fieldSelect = row.findElement(By.cssSelector(".crit-field"));
        ui.until(d -> new Select(fieldSelect).getOptions().stream().anyMatch(o -> field.equals(o.getDomAttribute("value"))));
        new Select(fieldSelect).selectByValue(field);
        new Select(row.findElement(By.cssSelector(".crit-comparator"))).selectByValue("equal");
        ui.await(valueInput);
        return row;
    }
}
