package dev.recipediff.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium, headless) against {@code recipediff serve} on ephemeral
 * ports, seeded with the shared samples: sign in, see the recipes, open a make's differences, see the drift
 * charts, promote a make — and the browser never requests anything outside 127.0.0.1. Screenshots go to
 * {@code local/target/dashboard-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path browserProfile;

    private static ServeRuntime serve;
    private static String api;
    private static String token;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void serveSeedAndOpenABrowser() throws Exception {
        assertThat(CHROMIUM)
                .as("install Debian's chromium (apt-get install chromium chromium-driver)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("install Debian's chromium-driver").isExecutable();
        serve = ServeRuntime.start(ServeOptions.of(dataDir, 0, "default", Optional.empty()));
        api = serve.endpoints().api().toString().replaceAll("/$", "");
        token = Files.readString(serve.dataDirectory().adminToken("default")).strip();
        seed();
        Files.createDirectories(SCREENSHOTS);
        browser = chromium();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.close();
        }
    }

    private static void seed() throws Exception {
        post("/recipes", "recipes/apple-pie.json");
        post("/recipes/2/makes", "makes/apple-pie.exact.json");
        post("/recipes/2/makes", "makes/apple-pie.more-cinnamon-hotter.json");
        post("/recipes/2/makes", "makes/apple-pie.same-in-teaspoons.json");
        post("/recipes", "recipes/pancakes.json");
        post("/recipes/7/makes", "makes/pancakes.doubled.json");
        post("/recipes/7/makes", "makes/pancakes.no-buttermilk.json");
        seedPlantedEffect();
        // a broken file through the real pipeline: inbox → S3 → watcher → queue → sender → rejection report
        Path makes = Path.of(serve.endpoints().inbox(), "default", "makes");
        Path part = makes.resolve(".negative-quantity.json.part");
        Files.write(part, SampleFiles.bytes("invalid/negative-quantity.json"));
        Files.move(part, makes.resolve("negative-quantity.json"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void post(String path, String sample) throws Exception {
        postBody(path, SampleFiles.bytes(sample));
    }

    private static void postBody(String path, byte[] body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST %s: %s", path, response.body())
                .isEqualTo(201);
    }

    /** A spice cake (recipe 31): 1 tsp cinnamon, 0.5 tsp salt, the oven at 350 degrees. */
    private static byte[] spiceCake(String makeFields, double cinnamon, double salt, int oven) {
        return ("""
                {"recipeName": "Spice Cake", "recipeId": 31, %s
                 "ingredients": [
                   {"ingredientId": 1, "quantity": 2, "measurement": "cup", "ingredientName": "flour"},
                   {"ingredientId": 2, "quantity": %s, "measurement": "tsp", "ingredientName": "cinnamon"},
                   {"ingredientId": 3, "quantity": %s, "measurement": "tsp", "ingredientName": "salt"},
                   {"ingredientId": 4, "quantity": 0.75, "measurement": "cup", "ingredientName": "sugar"}],
                 "steps": [
                   {"stepId": 1, "stepText": "Preheat the oven to %d degrees"},
                   {"stepId": 2, "stepText": "Whisk everything and bake for 40 minutes"}]}
                """).formatted(makeFields, cinnamon, salt, oven).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A planted effect: six makes with doubled cinnamon rated about 5, six as written rated about 3.5; more salt in
     * two of each (no pattern); the oven at 375 in four of each.
     */
    private static void seedPlantedEffect() throws Exception {
        postBody("/recipes", spiceCake("", 1, 0.5, 350));
        double[] doubled = {5, 5, 4.5, 5, 5, 4.5};
        double[] plain = {3.5, 3, 4, 3.5, 3.5, 3};
        for (int i = 0; i < 6; i++) {
            String fields = "\"madeBy\": \"cook %d\", \"madeAt\": \"2026-11-%02dT18:00:00Z\", \"rating\": %s,";
            postBody(
                    "/recipes/31/makes",
                    spiceCake(fields.formatted(i, 1 + i, doubled[i]), 2, i % 3 == 0 ? 0.75 : 0.5, i < 4 ? 375 : 350));
            postBody(
                    "/recipes/31/makes",
                    spiceCake(
                            fields.formatted(i + 6, 10 + i, plain[i]), 1, i % 3 == 1 ? 0.75 : 0.5, i < 4 ? 375 : 350));
        }
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--user-data-dir=" + browserProfile.toAbsolutePath(),
                "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser)
                .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int)
                Math.min(Math.max(height + 140, 600), 4000)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(size);
    }

    private static WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    @Test
    @Order(1)
    void signingInShowsTheSeededRecipes() throws IOException {
        browser.get(api + "/");
        WebElement field = visible(By.id("token"));
        assertThat(browser.switchTo().activeElement())
                .as("the token field has the focus")
                .isEqualTo(field);
        field.sendKeys(token);
        screenshot("01-sign-in");
        field.sendKeys(Keys.ENTER); // keyboard only

        WebElement table = visible(By.cssSelector("table.recipes"));

        assertThat(table.getText()).contains("Apple Pie", "Buttermilk Pancakes");
        assertThat(browser.findElement(By.cssSelector("tr[data-recipe-id='2']")).getText())
                .contains("3", "67 %");
        assertThat((String) ((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('recipediff.token')"))
                .isEqualTo(token);
        assertThat(browser.getCurrentUrl()).doesNotContain(token);
        screenshot("02-recipes");
    }

    @Test
    @Order(2)
    void aRecipeShowsTheCinnamonDriftAndTheHotterOvenAsCharts() throws IOException {
        browser.findElement(By.linkText("Apple Pie")).click();

        WebElement cinnamon = visible(By.cssSelector("figure[data-series='cinnamon|ml']"));
        wait.until(
                d -> !cinnamon.findElements(By.cssSelector(".chart svg path")).isEmpty());
        WebElement oven = visible(By.cssSelector("figure[data-series='step 2 temperature|degrees']"));
        wait.until(d -> !oven.findElements(By.cssSelector(".chart svg path")).isEmpty());

        assertThat(cinnamon.findElement(By.cssSelector(".chart")).getAttribute("aria-label"))
                .contains("14.787");
        assertThat(oven.findElement(By.cssSelector(".chart")).getAttribute("aria-label"))
                .contains("make 2 375 (recipe 350)");
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains("Most changed ingredients", "cinnamon", "Made as written", "67 %");
        screenshot("03-apple-pie");
    }

    @Test
    @Order(3)
    void aMakeShowsItsDifferencesAsAReadableDiff() throws IOException {
        browser.get(api + "/#/recipes/2");
        visible(By.cssSelector("li[data-make-id='2'] a")).click();

        WebElement differences = visible(By.cssSelector("ul.diff-list"));

        assertThat(differences.getText())
                .contains("0.5 TBS", "1 TBS", "350 degrees", "375 degrees", "45 minutes", "50 minutes");
        assertThat(differences.findElements(By.cssSelector(".arrow.up"))).isNotEmpty();
        screenshot("04-make-differences");
    }

    @Test
    @Order(4)
    void promotingAMakeRecordsItsLineageInTheVersionHistory() throws IOException {
        browser.get(api + "/#/recipes/2/makes/2");
        visible(By.id("promote")).sendKeys(Keys.ENTER); // keyboard only: the confirm button then has the focus
        WebElement confirm = visible(By.id("confirm-promote"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(confirm);
        confirm.sendKeys(Keys.ENTER);

        WebElement result = visible(By.cssSelector(".promote-result .success"));

        assertThat(result.getText()).contains("version 2");
        screenshot("05-promoted");
        result.findElement(By.linkText("See the version history")).click();
        WebElement history = visible(By.cssSelector("li[data-version='2']"));
        assertThat(history.getText()).contains("promoted from", "make #2");
        screenshot("06-version-history");
    }

    @Test
    @Order(5)
    void pancakesShowTheDoublingAndTheButtermilkSubstitution() throws IOException {
        browser.get(api + "/#/recipes/7");
        visible(By.cssSelector("table.counts"));

        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("buttermilk", "×2");
        browser.get(api + "/#/recipes/7/makes/2");
        WebElement differences = visible(By.cssSelector("ul.diff-list"));
        assertThat(differences
                        .findElement(By.cssSelector("li.diff-substituted"))
                        .getText())
                .contains("buttermilk", "milk");
        screenshot("07-pancakes-make");
    }

    @Test
    @Order(6)
    void rejectedFilesAndThePipelineAreShown() throws IOException {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            browser.get(api + "/#/rejections");
            browser.navigate().refresh();
            assertThat(visible(By.cssSelector("main h1")).getText()).isEqualTo("Rejected files");
            assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("negative-quantity.json");
        });
        screenshot("08-rejections");
        browser.get(api + "/#/pipeline");
        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.cssSelector("main")).getText().contains("waiting"));
        screenshot("09-pipeline");
    }

    @Test
    @Order(7)
    void theDashboardWorksAtPhoneWidth() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(api + "/#/recipes/2");
            visible(By.cssSelector("figure[data-series='cinnamon|ml'] .chart svg"));
            long overflow = (Long) ((JavascriptExecutor) browser)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            screenshot("10-phone-recipe");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    @Order(8)
    void theApiDocsRenderFromTheOpenapiDocument() throws IOException {
        browser.get(api + "/docs");

        WebElement title = visible(By.cssSelector(".swagger-ui .info .title"));

        assertThat(title.getText()).contains("recipediff API");
        screenshot("11-api-docs");
    }

    @Test
    @Order(9)
    void aTokenGivenInTheAddressIsKeptAndRemovedFromIt() {
        browser.get(api + "/");
        visible(By.id("sign-out")).click();
        visible(By.id("token"));
        assertThat((String) ((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('recipediff.token')"))
                .isNull();

        browser.get(api + "/#token=" + token);

        visible(By.cssSelector("table.recipes"));
        assertThat(browser.getCurrentUrl()).doesNotContain(token).endsWith("#/");
        assertThat((String) ((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('recipediff.token')"))
                .isEqualTo(token);
    }

    @Test
    @Order(11)
    void whatMattersShowsThePlantedEffectTheConsensusAndTheSuggestion() throws IOException {
        browser.get(api + "/#/recipes/31");

        WebElement effects = visible(By.id("effects"));
        List<WebElement> rows = effects.findElements(By.cssSelector("tbody tr"));
        assertThat(rows.getFirst().getText()).contains("More cinnamon", "clear effect");
        assertThat(rows.getFirst().getAttribute("data-confident")).isEqualTo("true");
        assertThat(rows.getFirst().findElements(By.cssSelector("svg.forest circle.estimate")))
                .hasSize(1);
        WebElement salt = rows.stream()
                .filter(r -> r.getText().contains("More salt"))
                .findFirst()
                .orElseThrow();
        assertThat(salt.getAttribute("data-confident")).isEqualTo("false");
        assertThat(browser.findElement(By.id("consensus")).getText())
                .contains("hotter", "350 degrees", "375 degrees", "67 %", "More cinnamon", "1 tsp", "2 tsp", "50 %");
        WebElement suggested = browser.findElement(By.cssSelector("#suggestion [data-side='right']"));
        assertThat(suggested.findElements(By.cssSelector("li[data-change='changed']")))
                .extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("2 tsp", "cinnamon"))
                .anySatisfy(text -> assertThat(text).contains("375"));
        screenshot("12-what-matters");

        browser.findElement(By.id("download-csv")).click();
        wait.until(d -> d.findElement(By.cssSelector(".csv-status")).getText().contains("Downloaded"));
        assertThat(browser.findElement(By.cssSelector(".csv-status")).getText()).contains("rows");
    }

    @Test
    @Order(12)
    void promotingTheSuggestionMakesTheNextVersionWithItsLineage() throws IOException {
        browser.get(api + "/#/recipes/31");
        visible(By.id("promote-suggestion")).sendKeys(Keys.ENTER);
        WebElement confirm = visible(By.id("confirm-promote-suggestion"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(confirm);
        confirm.sendKeys(Keys.ENTER);

        WebElement result = visible(By.cssSelector("#what-matters .promote-result .success"));

        assertThat(result.getText()).contains("version 2", "12 makes of version 1");
        browser.findElement(By.id("see-new-version")).click();
        WebElement history = visible(By.cssSelector("li[data-version='2']"));
        assertThat(history.getText()).contains("suggested by 12 makes of version 1", "#1–#12");
        assertThat(browser.findElement(By.id("what-matters")).getText())
                .contains("Nobody has changed this version yet");
        screenshot("13-suggestion-promoted");
    }

    @Test
    @Order(13)
    void aMakeShowsTheWholeRecipeAsMadeAndComparesWithAnotherMake() throws IOException {
        browser.get(api + "/#/recipes/31/makes/1");

        WebElement made = visible(By.cssSelector("#as-made [data-side='right']"));

        assertThat(made.findElements(By.cssSelector("li[data-change='changed']")))
                .extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("1 tsp", "2 tsp", "cinnamon"))
                .anySatisfy(text -> assertThat(text).contains("350", "375"));
        assertThat(browser.findElement(By.cssSelector("#as-made [data-side='left']"))
                        .getText())
                .contains("Version 1", "Preheat the oven to 350 degrees");
        screenshot("14-make-as-made");
        WebElement other = browser.findElement(By.id("other-make"));
        other.sendKeys("2");
        other.sendKeys(Keys.ENTER);
        WebElement compared = visible(By.cssSelector("#compare [data-side='right']"));
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).contains("Make #1 and make #2");
        assertThat(compared.findElements(By.cssSelector("li[data-change='changed']")))
                .isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("ul.diff-list")).getText())
                .contains("cinnamon");
        screenshot("15-compare-makes");
    }

    @Test
    @Order(14)
    void whatMattersWorksAtPhoneWidth() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(api + "/#/recipes/31/makes/3");
            visible(By.cssSelector("#as-made"));
            long overflow = (Long) ((JavascriptExecutor) browser)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            screenshot("16-phone-make");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    @Order(15)
    void aTokenLinkInATabSignedInWithAnotherTokenAsksFirstAndNamesTheKitchen() throws Exception {
        HttpResponse<String> minted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api + "/tokens"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"scopes\":[\"read\"]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String other = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(minted.body())
                .get("token")
                .asText();
        browser.get(api + "/");
        assertThat(visible(By.id("kitchen-name")).getText()).isEqualTo("default");

        browser.get(api + "/#token=" + other);
        org.openqa.selenium.Alert question = new org.openqa.selenium.support.ui.WebDriverWait(
                        browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("kitchen \"default\"");
        question.dismiss();

        visible(By.cssSelector("table.recipes"));
        assertThat(browser.getCurrentUrl()).doesNotContain(other);
        assertThat((String) ((JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('recipediff.token')"))
                .isEqualTo(token);
    }

    @Test
    @Order(20)
    void theBrowserRequestedNothingOutside127001() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                java.util.regex.Matcher url =
                        java.util.regex.Pattern.compile("\"url\":\"([^\"]*)\"").matcher(message);
                if (url.find()) {
                    urls.add(url.group(1));
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name)");

        assertThat(urls).as("requests seen").isNotEmpty();
        // every request that can leave the browser (http, https, ws, wss — anything but data:, blob:, about: and
        // chromium's own chrome:// pages) goes to 127.0.0.1
        assertThat(urls.stream()
                        .filter(url -> url.matches("(?i)(https?|wss?|ftp):.*"))
                        .toList())
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/.*"));
        // chrome-untrusted:// is chromium's own new-tab page, served from the browser itself (never the network)
        assertThat(urls).allSatisfy(url -> assertThat(url)
                .matches("(?i)(https?|wss?|ftp|data|blob|about|chrome|chrome-untrusted):.*"));
        assertThat(resources).allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:"));
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
        assertThat(violations).as("content security policy violations").isEmpty();
    }
}
