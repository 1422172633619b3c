package io.sweep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium and one real Sweep server (demo data, H2, a rules folder of its own) shared
 * by every browser test of the run; closed once at the end. Tests wait for what they expect to see
 * (explicit waits only) and never for a fixed time.
 */
final class UiHarness implements AutoCloseable {
    static final String ADMIN_EMAIL = "admin@sweep.local";
    static final String DEMO_PASSWORD = "sweep-demo";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Long enough for a slow CI machine; a wait returns as soon as its condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Dimension WIDE = new Dimension(1280, 800);

    // Selenium looks for a DevTools binding matching this Chromium and warns when it has none; these tests use no DevTools
    private static final java.util.logging.Logger CDP_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final java.util.logging.Logger CHROMIUM_LOG = quiet("org.openqa.selenium.chromium.ChromiumDriver");

    private final TestServer server;
    private final Path rulesDir;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final AtomicInteger loads = new AtomicInteger();
    private final List<String> browserErrors = new ArrayList<>();

    private UiHarness(TestServer server, Path rulesDir, ChromeDriver driver) {
        this.server = server;
        this.rulesDir = rulesDir;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    private static java.util.logging.Logger quiet(String name) {
        var logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Where Chromium and its driver are; SWEEP_CHROMIUM / SWEEP_CHROMEDRIVER override Debian's paths. */
    static Path chromium() {
        return Path.of(System.getenv().getOrDefault("SWEEP_CHROMIUM", "/usr/bin/chromium"));
    }

    static Path chromedriver() {
        return Path.of(System.getenv().getOrDefault("SWEEP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    static boolean browserAvailable() {
        return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
    }

    static UiHarness start() {
        Path rules = copyRules();
        TestServer server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withRulesDir(rules));
        ChromeDriver driver;
        try {
            driver = newBrowser();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        var harness = new UiHarness(server, rules, driver);
        harness.resize(WIDE);
        return harness;
    }

    private static ChromeDriver newBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--lang=en-US", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        return new ChromeDriver(service, options);
    }

    /** The sample rules (and their libraries) plus the browser tests' own rule, in a folder the tests may write. */
    private static Path copyRules() {
        try {
            Path dir = Files.createTempDirectory("sweep-ui-rules");
            try (var files = Files.list(Path.of("rules"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // the library files the samples import
            Files.createDirectories(dir.resolve("lib"));
            try (var files = Files.list(Path.of("rules", "lib"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                    Files.copy(f, dir.resolve("lib").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(dir.resolve(UiRuleEditorTest.RULE_ID + ".js"), UiRuleEditorTest.RULE_SOURCE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the server -----------------------------------------------------------------------------

    String base() {
        return server.http().base();
    }

    /** The API with the admin token, for setting up data and checking what the UI did. */
    Http api() {
        return server.admin();
    }

    Path rulesDir() {
        return rulesDir;
    }

    /** Creates leads through the API; returns their ids. */
    List<String> createLeads(String... jsonObjects) {
        var response = api().post("/crm/v2/Leads", "{\"data\":[" + String.join(",", jsonObjects) + "]}");
        if (response.status() != 201) throw new AssertionError("creating leads: " + response);
        List<String> ids = new ArrayList<>();
        response.json().get("data").forEach(d -> ids.add(d.get("details").get("id").asText()));
        return ids;
    }

    JsonNode lead(String id) {
        var response = api().get("/crm/v2/Leads/" + id);
        if (response.status() != 200) throw new AssertionError("reading lead " + id + ": " + response);
        return response.json().get("data").get(0);
    }

    /**
     * A job stored as RUNNING that no worker runs (10 records: 4 updated, 1 failed), so a test can
     * act on a running job without racing it. Returns its id.
     */
    String storedRunningJob() {
        return storedJob("RUNNING", 10, 4, 1, 0);
    }

    /** A Leads job stored as it is, run by no worker, with these counts; returns its id. */
    String storedJob(String status, int total, int updated, int failed, int skipped) {
        var db = server.app().database();
        long module = server.app().metadata().module("Leads").orElseThrow().id();
        boolean ended = !status.equals("RUNNING") && !status.equals("SCHEDULED");
        long job = db.inTransaction(h -> {
            long user = h.createQuery("SELECT id FROM users WHERE email = :e").bind("e", ADMIN_EMAIL).mapTo(Long.class).one();
            long id = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO jobs (id, module_id, user_id, trigger_type, status, request, total_count, updated_count, failed_count,
                                      skipped_count, chunk_count, chunks_done, created_time, start_time, end_time, started_by)
                    VALUES (:id, :m, :u, 'api', :status, :request, :total, :updated, :failed, :skipped, 2, :done,
                            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, :end, :u)""")
                    .bind("id", id).bind("m", module).bind("u", user).bind("status", status)
                    .bind("total", total).bind("updated", updated).bind("failed", failed).bind("skipped", skipped)
                    .bind("done", ended ? 2 : 1).bind("end", ended ? java.time.OffsetDateTime.now() : null)
                    .bind("request", "{\"data\":[{\"Rating\":\"Active\"}],\"ids\":[],\"over_write\":false}")
                    .execute();
            return id;
        });
        return String.valueOf(job);
    }

    /**
     * A COMPLETED Leads job, stored as it is, that set Lead_Status to "Contacted" and Twitter to
     * "@new" on these leads (which must hold those values), from "Not Contacted" and "@old": its
     * results are what an undo reads, so the undo of it runs for real. Returns its id.
     */
    String storedTwoFieldJob(List<String> leads) {
        String id = storedJob("COMPLETED", leads.size(), leads.size(), 0, 0);
        var db = server.app().database();
        db.useHandle(h -> {
            for (String lead : leads) {
                int version = h.createQuery("SELECT version FROM rec_leads WHERE id = :id").bind("id", Long.parseLong(lead))
                        .mapTo(Integer.class).one();
                h.createUpdate("""
                        INSERT INTO job_records (job_id, record_id, chunk_no, status, before_values, after_values, version_after)
                        VALUES (:job, :record, 0, 'UPDATED', :before, :after, :version)""")
                        .bind("job", Long.parseLong(id)).bind("record", Long.parseLong(lead))
                        .bind("before", "{\"Lead_Status\":\"Not Contacted\",\"Twitter\":\"@old\"}")
                        .bind("after", "{\"Lead_Status\":\"Contacted\",\"Twitter\":\"@new\"}")
                        .bind("version", version).execute();
            }
        });
        return id;
    }

    // --- the browser ----------------------------------------------------------------------------

    ChromeDriver driver() {
        return driver;
    }

    /** Loads the app afresh at a hash route, e.g. {@code open("/jobs")}. */
    void open(String route) {
        driver.get(base() + "/?load=" + loads.incrementAndGet() + "#" + route);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Logs in through the login page unless the browser has a session already. */
    void loggedIn() {
        open("/rules");
        if (driver.getCurrentUrl().contains("#/login")) {
            logIn(ADMIN_EMAIL, DEMO_PASSWORD);
            await(By.id("logout"));
        }
    }

    /** Logs out through the page (if logged in) and in again as {@code email}, in the same page: no reload. */
    void switchUser(String email) {
        if (driver.findElements(By.id("logout")).isEmpty()) open("/rules");
        if (!driver.findElements(By.id("logout")).isEmpty()) {
            driver.findElement(By.id("logout")).click();
        }
        awaitText(By.tagName("h1"), "Log in to Sweep");
        logIn(email, DEMO_PASSWORD);
        await(By.cssSelector("#user-box .who[title='" + email + "']"));
    }

    /** Follows a hash route inside the loaded page (no reload), as a click on a link would. */
    void go(String route) {
        script("window.location.hash = arguments[0]", "#" + route);
    }

    void logIn(String email, String password) {
        WebElement emailInput = await(By.id("login-email"));
        emailInput.clear();
        emailInput.sendKeys(email);
        WebElement passwordInput = driver.findElement(By.id("login-password"));
        passwordInput.clear();
        passwordInput.sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement awaitPresent(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void selectByValue(By by, String value) {
        WebElement element = await(by);
        wait.until(d -> !new Select(element).getOptions().isEmpty()
                && new Select(element).getOptions().stream().anyMatch(o -> value.equals(o.getDomAttribute("value"))));
        new Select(element).selectByValue(value);
    }

    /** The rule editor's CodeMirror lives in a shadow root (see web/js/editor.js). */
    SearchContext editor() {
        return await(By.id("rule-editor")).getShadowRoot();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        // make the page area (not the window) the asked size
        long innerWidth = (Long) script("return window.innerWidth");
        long innerHeight = (Long) script("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(
                (int) (2L * viewport.getWidth() - innerWidth), (int) (2L * viewport.getHeight() - innerHeight)));
    }

    void wide() {
        resize(WIDE);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Script errors and Content-Security-Policy violations the browser logged since the last call.
     * Failed requests are not errors here: a wrong password or a rejected rule answer 4xx on purpose.
     */
    List<String> takeBrowserErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean network = message.contains("Failed to load resource");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !network) browserErrors.add(message);
        }
        List<String> errors = List.copyOf(browserErrors);
        browserErrors.clear();
        return errors;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            server.stop();
        }
    }
}
