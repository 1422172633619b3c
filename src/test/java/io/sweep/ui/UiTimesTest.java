package io.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Schedules read in words with their next fire; every time on a page names its zone, the browser's. */
@Tag("browser")
@ExtendWith(UiExtension.class)
class UiTimesTest {

    @Test
    void cron_schedules_read_in_words_and_the_rest_as_they_are(UiHarness ui) {
        ui.loggedIn();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("0 3 * * *", "every day at 03:00 UTC");
        cases.put("*/15 * * * *", "every 15 minutes");
        cases.put("30 9 * * 1-5", "at 09:30 UTC on Monday–Friday");
        cases.put("30 9 * * MON-FRI", "at 09:30 UTC on Monday–Friday");
        cases.put("30 2 * * 1", "every Monday at 02:30 UTC");
        cases.put("0 0 3 * * *", "every day at 03:00 UTC");
        cases.put("5 * * * *", "every hour at :05");
        cases.put("0 */2 * * *", "every 2 hours at :00");
        cases.put("0 9,17 * * *", "every day at 09:00 and 17:00 UTC");
        cases.put("0 6 1 * *", "on day 1 of every month at 06:00 UTC");
        cases.put("0 0 * * 7", "every Sunday at 00:00 UTC");
        // beyond the simple shapes: no words, the expression is shown instead
        cases.put("0 6 L * *", null);
        cases.put("15 10 ? * 6#3", null);
        cases.put("1-5 * * * *", null);
        cases.put("30 0 3 * * *", null);
        Object words = ui.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/js/cron.js').then(m => done(arguments[0].map(c => m.cronWords(c))), e => done(String(e)));",
                List.copyOf(cases.keySet()));
        assertThat(new java.util.ArrayList<Object>((List<?>) words)).as(String.valueOf(words)).containsExactlyElementsOf(cases.values());
    }

    @Test
    void a_schedule_shows_in_words_with_its_next_fire_in_the_browsers_zone(UiHarness ui) {
        ui.loggedIn();
        ui.open("/rules");
        WebElement row = ui.await(By.cssSelector("#rules-table tr[data-rule='stale-contacted-leads']"));
        assertThat(row.findElement(By.cssSelector(".schedule-words")).getText()).isEqualTo("every day at 03:00 UTC");
        assertThat(row.findElement(By.cssSelector(".schedule .cron")).getText()).isEqualTo("0 3 * * *");
        assertThat(row.findElement(By.cssSelector(".next-fire")).getText()).matches("next \\d{4}-\\d{2}-\\d{2} 03:00 UTC");
        // the jobs' and every other time name their zone (the browser runs in UTC here)
        ui.storedJob("COMPLETED", 1, 1, 0, 0);
        ui.open("/jobs");
        ui.await(By.cssSelector("#jobs-table tbody tr"));
        assertThat(ui.driver().findElements(By.cssSelector("#jobs-table tbody td.time")))
                .allSatisfy(td -> assertThat(td.getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"));

        // a browser in Berlin (UTC+1 in December, UTC+2 in summer) reads the same fire at its own hour
        ui.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Berlin"));
        try {
            ui.open("/rules/stale-contacted-leads");
            WebElement next = ui.await(By.xpath("//dt[normalize-space()='Next fire']/following-sibling::dd"));
            assertThat(next.getText()).matches("\\d{4}-\\d{2}-\\d{2} (04:00:00 UTC\\+1|05:00:00 UTC\\+2)");
            assertThat(ui.driver().findElement(By.cssSelector(".schedule-words")).getText()).isEqualTo("every day at 03:00 UTC");
            ui.screenshot("rule-schedule-berlin");
        } finally {
            ui.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
        }
    }
}
