package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Every main page opens without script errors (checked after each test), by keyboard too, wide and narrow. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiPagesTest {

    @Test
    void every_main_page_opens_and_is_photographed(UiHarness ui) {
        ui.loggedIn();
        page(ui, "/rules", "Rules", By.id("rules-table"), "rules-list");
        page(ui, "/rules/stale-contacted-leads", "Rule: stale-contacted-leads", By.id("rule-editor"), "rule-editor");
        page(ui, "/jobs", "Jobs", By.cssSelector("#jobs-table, .jobs-list .empty"), "jobs-list");
        page(ui, "/mass-update", "Mass update", By.cssSelector("#mu-field option"), "mass-update-form");
        page(ui, "/views", "Custom views", By.id("views-table"), "views-list");
        page(ui, "/views/new?module=Leads", "New custom view", By.cssSelector("#view-criteria .crit-group"), "view-new");
        page(ui, "/records", "Records", By.id("records-table"), "records-browser");
        ui.driver().findElement(By.xpath("//table[@id='records-table']//th[button[starts-with(., 'Last Name')]]/button")).click();
        ui.awaitPresent(By.xpath("//table[@id='records-table']//th[@aria-sort='ascending'][button[starts-with(., 'Last Name')]]"));
        assertThat(ui.driver().getCurrentUrl()).contains("sort_by=Last_Name");
        page(ui, "/settings", "Settings", By.cssSelector("#tokens-table, #tokens .empty"), "settings");
        assertThat(ui.driver().findElements(By.id("users-table"))).as("users section for an administrator").hasSize(1);

        ui.resize(new Dimension(420, 800));
        page(ui, "/jobs", "Jobs", By.cssSelector("#jobs-table, .jobs-list .empty"), "narrow-jobs");
        page(ui, "/mass-update", "Mass update", By.cssSelector("#mu-field option"), "narrow-mass-update");
        // nothing wider than the window but the tables, which scroll inside their own region
        assertThat(ui.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    }

    @Test
    void the_pages_follow_a_dark_system_theme(UiHarness ui) {
        ui.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("features", java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            ui.open("/jobs");
            ui.awaitText(By.tagName("h1"), "Jobs");
            assertThat(ui.driver().executeScript("return getComputedStyle(document.documentElement).backgroundColor")).isEqualTo("rgb(15, 20, 25)");
            assertThat(ui.driver().executeScript("return getComputedStyle(document.querySelector('h1')).color")).isEqualTo("rgb(230, 233, 237)");
            ui.screenshot("jobs-dark");
        } finally {
            ui.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", java.util.List.of()));
        }
    }

    @Test
    void the_main_navigation_works_from_the_keyboard_with_visible_focus(UiHarness ui) {
        ui.loggedIn();
        ui.open("/rules");
        ui.await(By.id("rules-table"));
        WebElement jobs = ui.driver().findElement(By.linkText("Jobs"));
        // a new page puts the keyboard focus on its heading; the navigation is a few Shift+Tabs before it
        assertThat(ui.driver().switchTo().activeElement().getTagName()).isEqualTo("h1");
        WebElement focused = null;
        for (int i = 0; i < 12 && !jobs.equals(focused); i++) {
            new Actions(ui.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            focused = ui.driver().switchTo().activeElement();
        }
        assertThat(focused).as("Shift+Tab reaches the Jobs link").isEqualTo(jobs);
        assertThat(jobs.getCssValue("outline-style")).isNotEqualTo("none");
        jobs.sendKeys(Keys.ENTER);
        ui.awaitText(By.tagName("h1"), "Jobs");
        assertThat(ui.driver().getCurrentUrl()).endsWith("#/jobs");
    }

    private static void page(UiHarness ui, String route, String title, By ready, String screenshot) {
        ui.open(route);
        ui.awaitText(By.tagName("h1"), title);
        ui.awaitPresent(ready);
        assertThat(ui.driver().findElements(By.cssSelector(".page-error"))).as("error on " + route).isEmpty();
        ui.screenshot(screenshot);
    }
}
