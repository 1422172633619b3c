package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** A page to open and photograph: its route, its heading, what shows it has loaded, and its screenshot's name. */
    private record Page(String route, String title, By ready, String name) {}

    @Test
    void every_page_opens_and_is_photographed_wide_and_narrow(UiHarness ui) {
        String lead = ui.createLeads("{\"Last_Name\":\"Photographed\",\"Company\":\"Ui Pages Co\"}").get(0);
        String job = ui.storedJob("COMPLETED", 10, 7, 2, 1);
        ui.loggedIn();
        List<Page> pages = List.of(
                new Page("/rules", "Rules", By.id("rules-table"), "rules-list"),
                new Page("/rules/stale-contacted-leads", "Rule: stale-contacted-leads", By.id("rule-editor"), "rule-editor"),
                new Page("/jobs", "Jobs", By.id("jobs-table"), "jobs-list"),
                new Page("/jobs/" + job, "Job", By.cssSelector("#job-progress[data-status='COMPLETED']"), "job"),
                new Page("/mass-update", "Mass update", By.cssSelector("#mu-field option"), "mass-update-form"),
                new Page("/views", "Custom views", By.id("views-table"), "views-list"),
                new Page("/views/new?module=Leads", "New custom view", By.cssSelector("#view-criteria .crit-group"), "view-new"),
                new Page("/records", "Records", By.id("records-table"), "records-browser"),
                new Page("/records/Leads/" + lead, "Leads " + lead, By.cssSelector("dd[data-field='Last_Name']"), "record"),
                new Page("/settings", "Settings", By.cssSelector("#tokens-table, #tokens .empty"), "settings"),
                new Page("/audit", "Audit", By.id("audit-table"), "audit"),
                new Page("/api-docs", "API", By.cssSelector(".api-operation"), "api-docs"));
        try {
            for (int width : new int[] {1440, 420}) {
                ui.resize(new Dimension(width, 900));
                for (Page p : pages) {
                    page(ui, p.route(), p.title(), p.ready(), p.name() + "-" + width);
                    if (width == 420) {
                        // nothing wider than the window but the tables, which scroll inside their own region
                        assertThat(ui.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                                .as(p.route() + " at 420 px").isEqualTo(true);
                    }
                }
            }
            ui.resize(new Dimension(1440, 900));
            ui.open("/jobs");
            ui.await(By.id("jobs-table"));
            assertThat(ui.script("const s = document.querySelector('.jobs-list .table-scroll'); return s.scrollWidth <= s.clientWidth"))
                    .as("the jobs list fits 1440 px without scrolling sideways").isEqualTo(true);
            ui.open("/records");
            ui.driver().findElement(By.xpath("//table[@id='records-table']//th[button[starts-with(., 'Last Name')]]/button")).click();
            ui.awaitPresent(By.xpath("//table[@id='records-table']//th[@aria-sort='ascending'][button[starts-with(., 'Last Name')]]"));
            assertThat(ui.driver().getCurrentUrl()).contains("sort_by=Last_Name");
            ui.open("/settings");
            ui.awaitPresent(By.cssSelector("#tokens-table, #tokens .empty"));
            assertThat(ui.driver().findElements(By.id("users-table"))).as("users section for an administrator").hasSize(1);
        } finally {
            ui.wide();
        }
    }

    @Test
    void the_login_page_is_photographed_wide_and_narrow(UiHarness ui) {
        ui.loggedIn();
        ui.driver().findElement(By.id("logout")).click();
        ui.awaitText(By.tagName("h1"), "Log in to Sweep");
        try {
            for (int width : new int[] {1440, 420}) {
                ui.resize(new Dimension(width, 900));
                page(ui, "/login", "Log in to Sweep", By.id("login-email"), "login-" + width);
            }
        } finally {
            ui.wide();
            // the other tests start logged in
            ui.loggedIn();
        }
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
