package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "?" lists the keyboard shortcuts, Escape closes the list, "g" then a key goes to a page, and none acts while typing. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiShortcutsTest {

    @Test
    void question_mark_lists_the_shortcuts_and_escape_closes_the_list(UiHarness ui) {
        ui.loggedIn();
        ui.open("/rules");
        ui.await(By.id("rules-table"));
        keys(ui, "?");
        WebElement dialog = ui.await(By.id("shortcuts"));
        assertThat(dialog.getText()).contains("Keyboard shortcuts").contains("Ctrl+S / ⌘S").contains("g then j").contains("go to Jobs")
                .contains("g then r").contains("go to Rules").contains("go to Audit");
        ui.screenshot("shortcuts");
        keys(ui, Keys.ESCAPE);
        ui.until(d -> d.findElements(By.id("shortcuts")).isEmpty());

        // the same list from the top bar's button
        ui.driver().findElement(By.id("shortcuts-open")).click();
        ui.await(By.id("shortcuts")).findElement(By.cssSelector("button.primary")).click();
        ui.until(d -> d.findElements(By.id("shortcuts")).isEmpty());
    }

    @Test
    void g_then_a_letter_goes_to_a_page_but_not_while_typing(UiHarness ui) {
        ui.loggedIn();
        ui.open("/rules");
        ui.await(By.id("rules-table"));
        keys(ui, "g", "j");
        ui.awaitText(By.tagName("h1"), "Jobs");
        assertThat(ui.driver().getCurrentUrl()).endsWith("#/jobs");
        keys(ui, "g", "r");
        ui.awaitText(By.tagName("h1"), "Rules");

        ui.open("/records");
        WebElement search = ui.await(By.id("records-search"));
        search.sendKeys("g", "j", "?");
        assertThat(search.getDomProperty("value")).isEqualTo("gj?");
        assertThat(ui.driver().getCurrentUrl()).contains("#/records");
        assertThat(ui.driver().findElements(By.id("shortcuts"))).as("no list while typing").isEmpty();

        // nor in the rule editor, which lives in a shadow root
        ui.open("/rules/stale-contacted-leads");
        WebElement content = ui.editor().findElement(By.cssSelector(".cm-content"));
        content.click();
        new Actions(ui.driver()).sendKeys("gj?").perform();
        assertThat(content.getText()).contains("gj?");
        assertThat(ui.driver().getCurrentUrl()).contains("#/rules/stale-contacted-leads");
        assertThat(ui.driver().findElements(By.id("shortcuts"))).isEmpty();
        // the edit is not kept: leave without saving it (the page asks first) and drop its draft
        ui.go("/rules");
        ui.until(ExpectedConditions.alertIsPresent()).accept();
        ui.awaitText(By.tagName("h1"), "Rules");
        ui.script("Object.keys(localStorage).filter(k => k.startsWith('sweep.draft.')).forEach(k => localStorage.removeItem(k))");
    }

    private static void keys(UiHarness ui, CharSequence... keys) {
        new Actions(ui.driver()).sendKeys(keys).perform();
    }
}
