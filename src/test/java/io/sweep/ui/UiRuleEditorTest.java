package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The rule editor: a syntax error shown at its line and not saved; fixed, previewed and run. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiRuleEditorTest {
    static final String RULE_ID = "ui-browser-rule";
    static final String COMPANY = "Ui Rule Company";
    static final String RULE_SOURCE = """
            export const rule = {
              module: "Leads",
              description: "Browser test: the leads of Ui Rule Company become Active",
              select: { criteria: "(Company:equals:Ui Rule Company)" },
              runAs: "admin@sweep.local",
            };

            export function update(record, ctx) {
              return { Rating: "Active" };
            }
            """;
    private static final String BROKEN_LINE = "let broken = ;";

    @Test
    void a_scheduled_rule_shows_when_it_fires_next(UiHarness ui) {
        ui.open("/rules/stale-contacted-leads");
        WebElement next = ui.await(By.xpath("//dt[normalize-space()='Next fire']/following-sibling::dd"));
        assertThat(next.getText()).isNotBlank().isNotEqualTo("—");
    }

    @Test
    void a_syntax_error_is_shown_at_its_line_and_once_fixed_the_rule_previews_and_runs(UiHarness ui) throws IOException {
        List<String> leads = ui.createLeads(
                "{\"Last_Name\":\"One\",\"Company\":\"" + COMPANY + "\"}", "{\"Last_Name\":\"Two\",\"Company\":\"" + COMPANY + "\"}");
        ui.loggedIn();
        ui.open("/rules");
        ui.await(By.linkText(RULE_ID)).click();
        ui.awaitText(By.tagName("h1"), "Rule: " + RULE_ID);
        WebElement content = ui.editor().findElement(By.cssSelector(".cm-content"));
        // syntax highlighting: the keyword and the strings are told apart by CodeMirror's token spans
        assertThat(ui.editor().findElements(By.cssSelector(".cm-line span"))).isNotEmpty();
        assertThat(ui.editor().findElements(By.cssSelector(".cm-lineNumbers .cm-gutterElement"))).extracting(WebElement::getText).contains("1", "10");

        // the last line of the file is the empty one after its final newline; type the error there
        int errorLine = RULE_SOURCE.split("\n", -1).length;
        content.click();
        new Actions(ui.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).sendKeys(BROKEN_LINE).perform();
        ui.driver().findElement(By.id("rule-save")).click();

        WebElement problem = ui.await(By.cssSelector("#rule-problems li.problem"));
        assertThat(problem.getDomAttribute("data-line")).isEqualTo(String.valueOf(errorLine));
        assertThat(problem.getText()).startsWith("Line " + errorLine + ",").contains("SyntaxError");
        WebElement marked = ui.until(d -> ui.editor().findElements(By.cssSelector(".cm-problem-line")).stream().findFirst().orElse(null));
        assertThat(marked.getDomAttribute("data-problem-line")).isEqualTo(String.valueOf(errorLine));
        assertThat(marked.getText()).isEqualTo(BROKEN_LINE);
        assertThat(ui.editor().findElements(By.cssSelector(".cm-gutter-lint .cm-lint-marker-error"))).hasSize(1);
        assertThat(Files.readString(ui.rulesDir().resolve(RULE_ID + ".js"))).as("the file on disk").isEqualTo(RULE_SOURCE);
        ui.screenshot("rule-editor-error");

        // fix: remove the typed line, save, the problems go
        new Actions(ui.driver()).sendKeys(Keys.END).keyDown(Keys.SHIFT).sendKeys(Keys.HOME).keyUp(Keys.SHIFT).sendKeys(Keys.BACK_SPACE).perform();
        ui.driver().findElement(By.id("rule-save")).click();
        ui.until(d -> d.findElements(By.cssSelector("#rule-problems li")).isEmpty()
                && ui.editor().findElements(By.cssSelector(".cm-problem-line")).isEmpty());
        ui.await(By.cssSelector(".meta .badge-ok"));
        assertThat(Files.readString(ui.rulesDir().resolve(RULE_ID + ".js"))).isEqualTo(RULE_SOURCE);

        ui.driver().findElement(By.id("rule-preview")).click();
        ui.await(By.cssSelector("#rule-preview-result .selected-count[data-count='2']"));
        assertThat(ui.driver().findElements(By.cssSelector("#rule-preview-result table.diff tbody tr")))
                .extracting(tr -> tr.getDomAttribute("data-record")).containsExactlyInAnyOrderElementsOf(leads);
        ui.screenshot("rule-editor-preview");

        // Run asks first, with the count the rule selects; declined, nothing runs
        ui.driver().findElement(By.id("rule-run")).click();
        WebElement dialog = ui.await(By.cssSelector("dialog.confirm"));
        assertThat(dialog.getText()).contains("Run the rule " + RULE_ID).contains("selects 2 records of Leads");
        ui.screenshot("rule-run-confirm");
        dialog.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();
        ui.until(d -> d.findElements(By.cssSelector("dialog.confirm")).isEmpty());
        assertThat(ui.driver().getCurrentUrl()).endsWith("#/rules/" + RULE_ID);
        for (String id : leads) assertThat(ui.lead(id).get("Rating").isNull()).isTrue();

        ui.driver().findElement(By.id("rule-run")).click();
        dialog = ui.await(By.cssSelector("dialog.confirm"));
        dialog.findElement(By.cssSelector("button.primary")).click();
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        assertThat(ui.driver().findElement(By.cssSelector("#job-counts .count-updated dd")).getText()).isEqualTo("2");
        assertThat(ui.driver().findElement(By.cssSelector(".meta")).getText()).contains(RULE_ID);
        for (String id : leads) assertThat(ui.lead(id).get("Rating").asText()).isEqualTo("Active");
    }

    /** Unsaved edits: leaving asks first, a draft outlives the login and is offered back, Ctrl+S saves. */
    @Test
    void unsaved_edits_warn_before_leaving_survive_a_new_login_as_a_draft_and_ctrl_s_saves_them(UiHarness ui) throws IOException {
        String rule = "ui-draft-rule";
        String source = RULE_SOURCE.replace("Browser test: the leads", "Draft test: the leads");
        Files.writeString(ui.rulesDir().resolve(rule + ".js"), source);
        // the server finds a file put on disk at its next poll of the folder
        ui.until(d -> ui.api().get("/api/rules/" + rule).status() == 200);
        String added = "// kept while logged out";
        ui.loggedIn();
        ui.go("/rules/" + rule);
        ui.awaitText(By.tagName("h1"), "Rule: " + rule);
        WebElement content = ui.editor().findElement(By.cssSelector(".cm-content"));
        content.click();
        new Actions(ui.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).sendKeys(added).perform();
        ui.await(By.id("rule-dirty"));

        // closing or reloading the tab asks (beforeunload), and so does a link inside the app
        assertThat(ui.script("const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented"))
                .isEqualTo(true);
        ui.go("/jobs");
        Alert ask = ui.until(ExpectedConditions.alertIsPresent());
        assertThat(ask.getText()).contains("unsaved changes");
        ask.dismiss();
        assertThat(ui.driver().getCurrentUrl()).endsWith("#/rules/" + rule);
        assertThat(ui.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Rule: " + rule);

        // logged out (and asked first), logged in again: the draft is offered back
        ui.driver().findElement(By.id("logout")).click();
        ui.until(ExpectedConditions.alertIsPresent()).accept();
        ui.awaitText(By.tagName("h1"), "Log in to Sweep");
        ui.logIn(UiHarness.ADMIN_EMAIL, UiHarness.DEMO_PASSWORD);
        ui.await(By.id("logout"));
        ui.go("/rules/" + rule);
        ui.await(By.id("rule-draft"));
        assertThat(ui.editor().findElement(By.cssSelector(".cm-content")).getText()).doesNotContain(added);
        ui.driver().findElement(By.id("rule-draft-restore")).click();
        ui.until(d -> ui.editor().findElement(By.cssSelector(".cm-content")).getText().contains(added));

        // Ctrl+S saves the rule, not the page
        ui.editor().findElement(By.cssSelector(".cm-content")).click();
        new Actions(ui.driver()).keyDown(Keys.CONTROL).sendKeys("s").keyUp(Keys.CONTROL).perform();
        ui.until(d -> {
            try {
                return Files.readString(ui.rulesDir().resolve(rule + ".js")).contains(added);
            } catch (IOException e) {
                return false;
            }
        });
        ui.until(d -> !d.findElement(By.id("rule-dirty")).isDisplayed());
        assertThat(ui.script("return Object.keys(localStorage).filter(k => k.startsWith('sweep.draft.')).length")).isEqualTo(0L);
        ui.go("/jobs");
        ui.awaitText(By.tagName("h1"), "Jobs");
    }

    /**
     * Preview shows the editor's unsaved text at work: the one record it would change first, however
     * late, the count of the whole selection and what the script logged; Dry run starts a job that
     * writes nothing and links to it.
     */
    @Test
    void the_preview_uses_the_unsaved_text_shows_changes_first_with_the_count_and_the_log_and_dry_run_links_to_its_job(UiHarness ui)
            throws IOException {
        String rule = "ui-preview-rule";
        String company = "Ui Preview Company";
        String source = """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:%s)" },
                  runAs: "admin@sweep.local",
                };
                var VALUE = "saved";
                export function update(record, ctx) {
                  if (record.Last_Name !== "Late") return null;
                  console.log("late", record.Last_Name, VALUE);
                  return { Designation: VALUE };
                }
                """.formatted(company);
        List<String> leads = ui.createLeads("{\"Last_Name\":\"Early 1\",\"Company\":\"" + company + "\"}",
                "{\"Last_Name\":\"Early 2\",\"Company\":\"" + company + "\"}", "{\"Last_Name\":\"Late\",\"Company\":\"" + company + "\"}");
        String late = leads.get(2);
        Files.writeString(ui.rulesDir().resolve(rule + ".js"), source);
        ui.until(d -> ui.api().get("/api/rules/" + rule).status() == 200);
        ui.loggedIn();
        ui.go("/rules/" + rule);
        ui.awaitText(By.tagName("h1"), "Rule: " + rule);

        // an edit that is not saved: module code that runs before update() is asked
        ui.editor().findElement(By.cssSelector(".cm-content")).click();
        new Actions(ui.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).sendKeys("VALUE = VALUE.toUpperCase();").perform();
        ui.await(By.id("rule-dirty"));
        ui.driver().findElement(By.id("rule-preview")).click();

        ui.await(By.cssSelector("#rule-preview-result .counted[data-counted='3']"));
        List<WebElement> rows = ui.driver().findElements(By.cssSelector("#rule-preview-result table.diff tbody tr"));
        assertThat(rows).extracting(tr -> tr.getDomAttribute("data-record")).containsExactly(late, leads.get(0), leads.get(1));
        assertThat(rows.get(0).findElement(By.cssSelector("td.new")).getText()).isEqualTo("SAVED");
        assertThat(ui.driver().findElement(By.cssSelector("#rule-preview-result .preview-summary")).getText())
                .contains("counted 3 of 3").contains("1 would update");
        assertThat(ui.driver().findElement(By.id("preview-log")).getText()).contains("late Late SAVED");
        assertThat(Files.readString(ui.rulesDir().resolve(rule + ".js"))).as("not saved").isEqualTo(source);
        ui.script("document.getElementById('rule-preview-result').scrollIntoView()");
        ui.screenshot("rule-editor-preview-unsaved");

        // Dry run: a job of the saved file that writes nothing, linked from the page
        ui.driver().findElement(By.id("rule-dry-run")).click();
        ui.await(By.id("rule-dry-run-job")).click();
        ui.until(ExpectedConditions.alertIsPresent()).accept();
        ui.awaitPresent(By.cssSelector("#job-progress[data-status='COMPLETED']"));
        assertThat(ui.driver().findElement(By.id("job-dry-run")).getText()).contains("no record was written");
        assertThat(ui.driver().findElement(By.cssSelector("#job-counts .count-updated dd")).getText()).isEqualTo("1");
        assertThat(ui.driver().findElement(By.id("job-undo")).isDisplayed()).isFalse();
        assertThat(ui.lead(late).get("Designation").isNull()).isTrue();
    }
}
