package org.jakartamcp.testing;

import java.io.File;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A real headless Chromium: Debian's chromium and chromedriver (no browser download), paths overridable by system properties. */
public final class Browsers {

    private Browsers() {
    }

    public static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("test.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("test.chromedriver", "/usr/bin/chromedriver"))).build();
        return new ChromeDriver(service, options);
    }
}
