package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every page, as an administrator, leaves nothing SEVERE in the browser's console: script errors,
 * CSP violations, and what Chrome itself reports (an input's pattern that is no valid /v regular
 * expression is reported only once the input is validated, so the test types into the inputs).
 */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiConsoleTest {

    private static final String RULE_ID = "ui-console-rule";
    private static final String COMPANY = "Ui Console Company";

    @Test
    void no_page_logs_a_severe_console_entry(UiHarness ui) {
        // a rule and a lead of its own: the rule editor's test counts the leads its rule selects
        var saved = ui.api().put("/api/rules/" + RULE_ID, UiRuleEditorTest.RULE_SOURCE.replace(UiRuleEditorTest.COMPANY, COMPANY));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String lead = ui.createLeads("{\"Last_Name\":\"Console\",\"Company\":\"" + COMPANY + "\"}").get(0);
        var run = ui.api().post("/api/rules/" + RULE_ID + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        String ruleJob = run.json().get("id").asText();
        ui.api().waitForJobEnd(ruleJob);
        ui.loggedIn();
        severe(ui); // what came before this test is the other tests' business

        List<String> found = new ArrayList<>();
        visit(ui, found, "/rules", By.id("rules-table"));
        WebElement newId = ui.await(By.id("new-rule-id"));
        newId.sendKeys("my-rule");
        assertThat(ui.script("return arguments[0].checkValidity()", newId)).as("a valid name passes the pattern").isEqualTo(true);
        newId.sendKeys(" !");
        assertThat(ui.script("return arguments[0].checkValidity()", newId)).as("an invalid one does not").isEqualTo(false);
        found.addAll(severe(ui).stream().map(e -> "/rules (typing a rule name): " + e).toList());

        visit(ui, found, "/rules/" + RULE_ID, By.id("rule-editor"));
        visit(ui, found, "/jobs", By.id("jobs-table"));
        visit(ui, found, "/jobs/" + ruleJob, By.cssSelector("#job-progress[data-status='COMPLETED']"));
        // the rule as the job ran it, in a read-only editor, and the script's time and log
        ui.driver().findElement(By.cssSelector("#job-rule-source summary")).click();
        WebElement source = ui.until(d -> d.findElement(By.id("job-rule-editor")).getShadowRoot()
                .findElements(By.cssSelector(".cm-content")).stream().findFirst().orElse(null));
        assertThat(source.getText()).contains("Browser test: the leads of " + COMPANY + " become Active");
        assertThat(source.getDomAttribute("aria-readonly")).as("read-only, yet selectable by keyboard").isEqualTo("true");
        assertThat(ui.driver().findElement(By.cssSelector(".meta")).getText()).contains("Script time");
        assertThat(ui.driver().findElements(By.id("job-log"))).hasSize(1);
        ui.screenshot("job-rule-source");
        found.addAll(severe(ui).stream().map(e -> "/jobs/" + ruleJob + " (rule source): " + e).toList());

        visit(ui, found, "/mass-update", By.cssSelector("#mu-field option"));
        visit(ui, found, "/views", By.id("views-table"));
        visit(ui, found, "/views/new?module=Leads", By.cssSelector("#view-criteria .crit-group"));
        visit(ui, found, "/records", By.id("records-table"));
        // the grid: ticking the page's records and choosing columns
        ui.driver().findElement(By.id("records-select-page")).click();
        ui.awaitPresent(By.cssSelector("#records-mass-update:enabled"));
        ui.driver().findElement(By.cssSelector("#records-columns > summary")).click();
        ui.await(By.id("records-columns-reset")).click();
        found.addAll(severe(ui).stream().map(e -> "/records (ticking, columns): " + e).toList());
        visit(ui, found, "/records/Leads/" + lead, By.cssSelector("dd[data-field='Last_Name']"));
        visit(ui, found, "/api-docs", By.cssSelector(".api-operation"));
        // the shortcuts' list
        new org.openqa.selenium.interactions.Actions(ui.driver()).sendKeys("?").perform();
        ui.await(By.id("shortcuts"));
        new org.openqa.selenium.interactions.Actions(ui.driver()).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        ui.until(d -> d.findElements(By.id("shortcuts")).isEmpty());
        found.addAll(severe(ui).stream().map(e -> "/api-docs (shortcuts): " + e).toList());
        visit(ui, found, "/settings", By.cssSelector("#tokens-table, #tokens .empty"));
        visit(ui, found, "/audit", By.tagName("h1"));
        assertThat(found).as("SEVERE console entries").isEmpty();
    }

    private static void visit(UiHarness ui, List<String> found, String route, By ready) {
        ui.open(route);
        ui.awaitPresent(ready);
        // an input's validity is checked as the user types: do so in each text input of the page
        for (WebElement input : ui.driver().findElements(By.cssSelector("#main input[type=text]:not([readonly])"))) {
            if (input.isDisplayed() && input.isEnabled()) ui.script("arguments[0].checkValidity()", input);
        }
        found.addAll(severe(ui).stream().map(e -> route + ": " + e).toList());
    }

    /** Every SEVERE entry of the browser's console since the last read. */
    private static List<String> severe(UiHarness ui) {
        List<String> out = new ArrayList<>();
        for (LogEntry entry : ui.driver().manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(entry.getMessage());
        }
        return out;
    }
}
