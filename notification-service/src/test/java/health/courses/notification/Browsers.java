package health.courses.notification;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser of the page tests: Debian's headless Chromium driven by its chromedriver, both from the system (nothing
 * is downloaded: the driver and the browser are named, so Selenium Manager never runs), at phone size. A test is
 * skipped where Chromium is not installed, unless REQUIRE_BROWSER=1 (CI), where its absence fails the build.
 */
public final class Browsers {

    public static final int PHONE_WIDTH = 390;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** Skips the test (or fails it under REQUIRE_BROWSER=1) when there is no browser to drive. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("1".equals(System.getenv("REQUIRE_BROWSER"))) {
            assertTrue(installed, "REQUIRE_BROWSER=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        } else {
            assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
        }
    }

    public static WebDriver phone() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("page-test-chromium"),
                "--window-size=" + PHONE_WIDTH + ",844");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
        return browser;
    }
}
